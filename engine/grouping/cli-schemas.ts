// zod schemas for what the CLI reads from files and flags; the engine itself trusts typed callers.
import { z } from 'zod';

/** One row of the people CSV: id is required, attributes optional (empty cells count as missing). */
export const PersonRow = z.object({
  id: z.string().trim().min(1, 'id must not be empty'),
  department: z.string().trim().optional(),
  location: z.string().trim().optional(),
  seniority: z.string().trim().optional(),
  timezone: z.string().trim().optional(),
});

/** Numeric flags after parsing. */
export const CliFlags = z
  .object({
    count: z.coerce.number().int().min(1).max(8000).optional(),
    size: z.coerce.number().int().min(2).max(1000),
    rounds: z.coerce.number().int().min(1).max(1000),
    seed: z.coerce.number().int().default(1),
    timeLimit: z.coerce.number().positive().max(3600).default(2),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

import { z } from 'zod';
import { DateOnly } from './common.ts';

/** Query of `GET /api/network/report`: the days whose interactions count (default: the last 90 days). */
export const NetworkReportQuery = z
  .object({
    /** First day counted (YYYY-MM-DD), default 90 days before `to`. */
    from: DateOnly.optional(),
    /** Last day counted (YYYY-MM-DD), default today (UTC). */
    to: DateOnly.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The first day comes before the last.', path: ['from'] });
export type NetworkReportQuery = z.input<typeof NetworkReportQuery>;

/** One broker: someone many shortest paths between colleagues run through. */
export const NetworkBroker = z.object({
  /** Person id. */
  id: z.string(),
  /** Name. */
  name: z.string(),
  /** Department, if any. */
  department: z.string().nullable(),
  /** Betweenness, normalized to 0–1 (share of the other pairs' shortest paths through them). */
  betweenness: z.number(),
});

/** `GET /api/network/report`: the organization's interaction network over a range of days (org admins). */
export const NetworkReport = z.object({
  /** First and last day counted. */
  from: z.string(),
  to: z.string(),
  /** Active people (every one is a node, with or without ties). */
  people: z.number().int(),
  /** Pairs of people who interacted at least once in the range. */
  ties: z.number().int(),
  /** Ties as a share of all possible pairs. */
  density: z.number(),
  /** Sizes of the connected groups of people, largest first (at most 20). */
  components: z.array(z.number().int()),
  /** People with no tie in the range. */
  isolates: z.number().int(),
  /** E-I index by department: -1 all ties inside departments, +1 all across; null without ties. */
  eiIndex: z.object({ overall: z.number().nullable(), byDepartment: z.record(z.string(), z.number()) }),
  /** Communities found in the ties (Louvain) and their modularity. */
  communities: z.object({ count: z.number().int(), modularity: z.number() }),
  /** Top 20 brokers. */
  brokers: z.array(NetworkBroker),
  /** exact, or sampled with its error bound. */
  brokersMethod: z.union([z.literal('exact'), z.object({ sampled: z.object({ epsilon: z.number(), delta: z.number(), samples: z.number().optional() }) })]).nullable(),
});
export type NetworkReport = z.infer<typeof NetworkReport>;

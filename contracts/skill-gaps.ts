import { z } from 'zod';

/** Skill gaps: whose wants go unmet, by department (org admins and analysts). */
export const SkillGapsQuery = z
  .object({
    /** Only the wants of people in this department (as the figures show it; "Small teams (fewer than 5)" too). */
    department: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type SkillGapsQuery = z.input<typeof SkillGapsQuery>;

/** How many people want and offer a skill in one department. */
export const SkillGapDepartment = z.object({ department: z.string(), wanted: z.number().int(), offered: z.number().int() });

/** One skill: who wants it, who could teach it, and what closes the gap. */
export const SkillGap = z.object({
  /** The skill as most people write it. */
  skill: z.string(),
  /** People who want to learn it (on their profile, or as an active mentee). */
  wanted: z.number().int(),
  /** People who could teach it (have it at level 3 of 5 or more, or offer it as an active mentor). */
  offered: z.number().int(),
  /** Wanted less offered (negative when more could teach than want to learn). */
  gap: z.number().int(),
  /** Departments with wants or offers, most wants first; departments under 5 people counted together as small teams. */
  byDepartment: z.array(SkillGapDepartment),
  /** Active mentors with the skill and room for another mentee, most room first (at most 5). */
  mentors: z.array(z.object({ id: z.string(), name: z.string(), department: z.string().nullable(), room: z.number().int() })),
  /** Published pathways about it, by title, description or a step's resource tags (at most 5). */
  pathways: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Communities on it by topic or name, secret ones never (at most 5). */
  communities: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
});
export type SkillGap = z.infer<typeof SkillGap>;

export const SkillGaps = z.object({
  /** Departments one can filter by (as the figures group them). */
  departments: z.array(z.string()),
  /** The department filtered by, if any. */
  department: z.string().nullable(),
  /** Skills somebody wants, the largest gap first (at most 40). */
  skills: z.array(SkillGap),
});
export type SkillGaps = z.infer<typeof SkillGaps>;

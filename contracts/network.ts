import { z } from 'zod';
import { DateOnly } from './common.ts';
import { PersonRef } from './people.ts';

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

/** One quarter (UTC) of my network: how many people I interacted with, and how many of them were new to me. */
export const MyNetworkQuarter = z.object({
  /** First day of the quarter (YYYY-MM-DD). */
  from: z.string(),
  /** Last day counted: the quarter's last day, or today for the current quarter. */
  to: z.string(),
  /** People I had at least one interaction with in the quarter. */
  people: z.number().int(),
  /** Of those, people I met for the first time in the quarter (no interaction before it). */
  newPeople: z.number().int(),
});
export type MyNetworkQuarter = z.infer<typeof MyNetworkQuarter>;

/** A colleague I have met, as the directory shows them. */
export const MyContact = PersonRef.extend({
  /** Their department, if any. */
  department: z.string().nullable(),
  /** The day we first interacted (YYYY-MM-DD). */
  firstMet: z.string(),
});
export type MyContact = z.infer<typeof MyContact>;

/** A colleague in a department I have not met yet, with the reasons to meet them. */
export const PersonToMeet = z.object({
  /** The colleague (active, same organization). */
  person: PersonRef.extend({ department: z.string() }),
  /** Skills they have that I want to learn (at most 3). */
  canHelpWith: z.array(z.string()),
  /** Interests we share (at most 3). */
  sharedInterests: z.array(z.string()),
});
export type PersonToMeet = z.infer<typeof PersonToMeet>;

/**
 * `GET /api/network/me`: the signed-in person's own network, about themself only. "Met" means at least one
 * interaction recorded in the interaction graph up to today (replies, mentions, answers, messages, mentoring, cohorts,
 * breakouts, pairs). Only colleagues the directory shows (not deactivated) are counted or named.
 */
export const MyNetwork = z.object({
  /** My department, if any. */
  department: z.string().nullable(),
  /** Departments in the organization (of people the directory shows). */
  departmentsTotal: z.number().int(),
  /** The people I have met, by their department (null: no department), most people first, then by name. */
  byDepartment: z.array(
    z.object({
      /** Department, or null for people without one. */
      department: z.string().nullable(),
      /** How many people I have met there. */
      people: z.number().int(),
      /** Whether it is my own department. */
      mine: z.boolean(),
    }),
  ),
  /** People I have met, in all. */
  people: z.number().int(),
  /** Share (0–1) of the people I have met who work in another department, of those with a department; null when I have no department or there are none. */
  outsideShare: z.number().nullable(),
  /** The current quarter (UTC), up to today. */
  thisQuarter: MyNetworkQuarter,
  /** The quarter before it. */
  previousQuarter: MyNetworkQuarter,
  /** The people I met for the first time this quarter, latest first (at most 12). */
  newThisQuarter: z.array(MyContact),
  /**
   * Up to 6 active colleagues in departments where I have met nobody (not my own): first those who have a skill I
   * want to learn or share an interest (3 points per skill, 2 per interest), spread over departments, then others.
   */
  toMeet: z.array(PersonToMeet),
});
export type MyNetwork = z.infer<typeof MyNetwork>;

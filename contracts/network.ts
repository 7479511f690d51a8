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
  /** E-I index: -1 all ties inside departments, +1 all across; null without ties. By department: departments under 5 people count only together as small teams (or not at all when those are under 5 too). */
  eiIndex: z.object({ overall: z.number().nullable(), byDepartment: z.record(z.string(), z.number()) }),
  /** Communities found in the ties (Louvain) and their modularity. */
  communities: z.object({ count: z.number().int(), modularity: z.number() }),
  /** Top 20 brokers. */
  brokers: z.array(NetworkBroker),
  /**
   * exact, or sampled with what the sampling proved: every estimate within epsilon with probability 1 − delta, and no
   * one outside the top `top` has betweenness more than `gap` above someone in it (when `met`, at most 1 + tolerance times).
   */
  brokersMethod: z
    .union([
      z.literal('exact'),
      z.object({
        sampled: z.object({
          epsilon: z.number(),
          delta: z.number(),
          samples: z.number().optional(),
          top: z.number().optional(),
          gap: z.number().optional(),
          tolerance: z.number().optional(),
          met: z.boolean().optional(),
        }),
      }),
    ])
    .nullable(),
});
export type NetworkReport = z.infer<typeof NetworkReport>;

/** The most ties the network picture draws (the strongest first); more would not be readable, nor quick to send. */
export const NETWORK_GRAPH_MAX_EDGES = 30_000;

/** One person in the network picture. */
export const NetworkGraphNode = z.object({
  id: z.string(),
  name: z.string(),
  /** Department as the figures show it: under 5 people counted together as small teams; null without one. */
  department: z.string().nullable(),
  /** Louvain community, numbered from 1 in order of each community's first person. */
  community: z.number().int(),
  /** People they interacted with in the range. */
  degree: z.number().int(),
  /** Betweenness when among the top 20 brokers, else null. */
  broker: z.number().nullable(),
});

/** The organization network to draw: people, and ties as [from index, to index, weight] into `nodes`. */
export const NetworkGraph = z.object({
  from: z.string(),
  to: z.string(),
  nodes: z.array(NetworkGraphNode),
  edges: z.array(z.tuple([z.number().int(), z.number().int(), z.number()])),
  /** Ties in the range; more than `edges.length` when only the strongest NETWORK_GRAPH_MAX_EDGES are drawn. */
  edgesTotal: z.number().int(),
  brokersMethod: NetworkReport.shape.brokersMethod,
});
export type NetworkGraph = z.infer<typeof NetworkGraph>;

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
/** The fewest people any department figure of `GET /api/network/departments` may cover. */
export const NETWORK_MIN_GROUP = 5;
/** Where departments with fewer than NETWORK_MIN_GROUP active people are counted, together. */
export const NETWORK_SMALL_TEAMS = 'Small teams (fewer than 5)';
/** Where active people without a department are counted (a department like any other, in the matrix and communities). */
export const NETWORK_NO_DEPARTMENT = 'No department';
/** The longest range `GET /api/network/departments` answers, in days (three years: 37 months at most). */
export const NETWORK_MAX_RANGE_DAYS = 1096;

/** Query of `GET /api/network/departments`: the days whose interactions count (default: the last 90 days; at most three years). */
export const NetworkDepartmentsQuery = z
  .object({
    /** First day counted (YYYY-MM-DD), default 89 days before `to`. */
    from: DateOnly.optional(),
    /** Last day counted (YYYY-MM-DD), default today (UTC). */
    to: DateOnly.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The first day comes before the last.', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < NETWORK_MAX_RANGE_DAYS * 86_400_000, {
    message: 'Choose a range of at most three years.',
    path: ['from'],
  });
export type NetworkDepartmentsQuery = z.input<typeof NetworkDepartmentsQuery>;

/** One department as the figures count it, with its active head count. */
export const NetworkDepartment = z.object({
  /** Department name, NETWORK_NO_DEPARTMENT, or NETWORK_SMALL_TEAMS (always last). */
  name: z.string(),
  /** Active people in it (at least NETWORK_MIN_GROUP). */
  people: z.number().int(),
});

/** One cell of the department-to-department matrix (each unordered pair once; `a` = `b` is ties inside one department). */
export const NetworkDepartmentCell = z.object({
  /** Department (its index in `departments` is at most `b`'s). */
  a: z.string(),
  /** Department. */
  b: z.string(),
  /** Distinct pairs of people, one in each, who interacted at least once in the range. */
  ties: z.number().int(),
  /** Pairs of people there could be: people(a) × people(b), or n(n−1)/2 inside one department. */
  possible: z.number().int(),
  /** ties / possible (0 when no pair is possible). */
  share: z.number(),
});

/** One Louvain community of at least NETWORK_MIN_GROUP people, against departments. */
export const NetworkCommunity = z.object({
  /** People in it. */
  size: z.number().int(),
  /** Its three largest departments, largest first, with how many of its people are in each. */
  departments: z.array(NetworkDepartment),
  /** Its people in other departments (or in small teams too small to show). */
  otherPeople: z.number().int(),
});

/**
 * `GET /api/network/departments`: the organization's interactions between departments (org admins; others 404).
 * Privacy: a department with fewer than NETWORK_MIN_GROUP active people is never shown on its own: it is counted in
 * NETWORK_SMALL_TEAMS in every figure, so no figure covers fewer than 5 people. If the small teams together have fewer
 * than 5 people, they are left out of the matrix and the E-I series (counted in `withheld`) and counted as
 * `otherPeople` in communities. Ties with people who have left are not counted.
 */
export const NetworkDepartments = z.object({
  /** First and last day counted. */
  from: z.string(),
  to: z.string(),
  /** Departments shown, by name, then NETWORK_NO_DEPARTMENT, then NETWORK_SMALL_TEAMS. */
  departments: z.array(NetworkDepartment),
  /** Active people in small teams that are left out because together they are fewer than NETWORK_MIN_GROUP. */
  withheld: z.number().int(),
  /** Every pair of shown departments, including each with itself, in `departments` order. */
  matrix: z.array(NetworkDepartmentCell),
  /**
   * The E-I index by month ((ties across − ties inside) / all ties: −1 all inside departments, +1 all across), over
   * the distinct pairs tied in that month (within the range). null: no counted tie that month. People without a
   * department are not counted (as in the report); in NETWORK_SMALL_TEAMS a tie between two different small teams is
   * across.
   */
  eiByMonth: z.object({
    /** Months of the range, YYYY-MM, oldest first. */
    months: z.array(z.string()),
    /** Over the whole organization, one value per month. */
    overall: z.array(z.number().nullable()),
    /** Per shown department (not NETWORK_NO_DEPARTMENT), one value per month. */
    departments: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  }),
  /** The 20 largest Louvain communities (same seed as the report) of at least NETWORK_MIN_GROUP people, largest first. */
  communities: z.array(NetworkCommunity),
});
export type NetworkDepartments = z.infer<typeof NetworkDepartments>;

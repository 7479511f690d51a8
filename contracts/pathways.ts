import { z } from 'zod';
import { Cursor, DateOnly, Id, LIMITS, page, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of learning pathways, shared by server validation and web forms. */
export const PATHWAY_LIMITS = { title: 120, description: 2000, steps: 50, stepTitle: 160, instructions: 2000 } as const;

/** resource = read/watch a shared resource; discussion = take part in a thread; task = do something by a date. */
export const StepKind = z.enum(['resource', 'discussion', 'task']);
export type StepKind = z.infer<typeof StepKind>;

/** One step of a pathway. */
export const PathwayStep = z.object({
  /** Step id. */
  id: Id,
  /** 1-based position. */
  position: z.number().int(),
  /** resource, discussion or task. */
  kind: StepKind,
  /** What to do. */
  title: z.string(),
  /** Optional guidance (plain text). */
  instructions: z.string(),
  /** For resource steps: the resource (null when it was deleted or the viewer may not see it). */
  resource: z.object({ id: Id, title: z.string(), type: z.string(), url: z.string().nullable() }).nullable(),
  /** For discussion steps: the thread (null when deleted or not visible). */
  thread: z.object({ id: Id, title: z.string() }).nullable(),
  /** For tasks: due date (YYYY-MM-DD) or null. */
  dueDate: z.string().nullable(),
  /** The viewer marked it done. */
  isDone: z.boolean(),
});
export type PathwayStep = z.infer<typeof PathwayStep>;

/** A pathway in lists. */
export const PathwaySummary = z.object({
  /** Pathway id. */
  id: Id,
  /** Title. */
  title: z.string(),
  /** What it is for. */
  description: z.string(),
  /** Who made it. */
  author: PersonRef,
  /** Community it belongs to, or null for the organization. */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }).nullable(),
  /** draft (only the author sees it) or published. */
  status: z.enum(['draft', 'published']),
  /** Featured by a moderator. */
  isFeatured: z.boolean(),
  /** Number of steps. */
  stepCount: z.number().int(),
  /** People enrolled. */
  enrolledCount: z.number().int(),
  /** The viewer's progress, or null when not enrolled. */
  myProgress: z.object({ done: z.number().int(), total: z.number().int(), completedAt: z.string().nullable() }).nullable(),
  /** Creation time, ISO. */
  createdAt: z.string(),
});
export type PathwaySummary = z.infer<typeof PathwaySummary>;

/** A pathway with its steps and what the viewer may do. */
export const Pathway = PathwaySummary.extend({
  /** Steps in order. */
  steps: z.array(PathwayStep),
  /** The viewer hides their progress from peers. */
  hideMyProgress: z.boolean(),
  /** The pathway was assigned to the viewer, due on this date (null when not assigned). */
  myAssignment: z.object({ dueOn: z.string() }).nullable(),
  /** What the viewer may do. */
  abilities: z.object({
    canEdit: z.boolean(),
    canPublish: z.boolean(),
    canFeature: z.boolean(),
    canEnroll: z.boolean(),
    canDelete: z.boolean(),
    /** Assign it to people with a due date and see their completion (org admins, facilitators, the author). */
    canAssign: z.boolean(),
  }),
});
export type Pathway = z.infer<typeof Pathway>;

/** Query of `GET /api/pathways`. */
export const FindPathwaysQuery = z
  .object({
    /** Only this community's pathways. */
    communityId: Id.optional(),
    /** enrolled = the viewer's; authored = made by the viewer (drafts included); featured; all (default). */
    filter: z.enum(['all', 'featured', 'enrolled', 'authored']).default('all'),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FindPathwaysQuery = z.infer<typeof FindPathwaysQuery>;

/** A page of pathways (featured first, then newest). */
export const PathwayPage = page(PathwaySummary);
export type PathwayPage = z.infer<typeof PathwayPage>;

const StepFields = z
  .object({
    /** resource, discussion or task. */
    kind: StepKind,
    /** What to do. */
    title: text(PATHWAY_LIMITS.stepTitle),
    /** Optional guidance. */
    instructions: z.string().trim().max(PATHWAY_LIMITS.instructions).default(''),
    /** Required for resource steps. */
    resourceId: Id.optional(),
    /** Required for discussion steps. */
    threadId: Id.optional(),
    /** Optional for tasks. */
    dueDate: DateOnly.optional(),
  })
  .strict();

function stepTargets(s: { kind: string; resourceId?: string; threadId?: string }, ctx: z.RefinementCtx) {
  if (s.kind === 'resource' && !s.resourceId) ctx.addIssue({ code: 'custom', path: ['resourceId'], message: 'Choose a resource for this step' });
  if (s.kind === 'discussion' && !s.threadId) ctx.addIssue({ code: 'custom', path: ['threadId'], message: 'Choose a discussion for this step' });
}

/** A step as written by the author. */
export const StepInput = StepFields.superRefine(stepTargets);
export type StepInput = z.input<typeof StepInput>;

/** A step in an update: `id` keeps an existing step (and everyone's progress on it). */
export const StepUpdate = StepFields.extend({ id: Id.optional() }).superRefine(stepTargets);
export type StepUpdate = z.input<typeof StepUpdate>;

/** Body of `POST /api/pathways` (created as a draft). */
export const CreatePathwayRequest = z
  .object({
    /** Title. */
    title: text(PATHWAY_LIMITS.title),
    /** What learners get out of it. */
    description: z.string().trim().max(PATHWAY_LIMITS.description).default(''),
    /** Community it belongs to; omit for the whole organization. */
    communityId: Id.optional(),
    /** Steps in order. */
    steps: z.array(StepInput).max(PATHWAY_LIMITS.steps).default([]),
  })
  .strict();
export type CreatePathwayRequest = z.input<typeof CreatePathwayRequest>;

/** Body of `PATCH /api/pathways/:id` (author; `steps` replaces the list, keeping the progress of steps whose id is given). */
export const UpdatePathwayRequest = z
  .object({
    /** Title. */
    title: text(PATHWAY_LIMITS.title),
    /** Description. */
    description: z.string().trim().max(PATHWAY_LIMITS.description),
    /** The whole ordered list; give `id` to keep an existing step (and everyone's progress on it). */
    steps: z.array(StepUpdate).max(PATHWAY_LIMITS.steps),
    /** Publish (draft → published); a published pathway cannot go back to draft. */
    status: z.literal('published'),
  })
  .partial()
  .strict();
export type UpdatePathwayRequest = z.input<typeof UpdatePathwayRequest>;

/** Body of `PUT /api/pathways/:id/featured` (community moderators or org admins). */
export const FeaturePathwayRequest = z.object({ isFeatured: z.boolean() }).strict();

/** Body of `PUT /api/pathways/:id/steps/:stepId/done`. */
export const MarkStepRequest = z.object({ done: z.boolean() }).strict();

/** Body of `PUT /api/pathways/:id/enrollment` — enroll (true) or leave (false), and whether peers see my progress. */
export const EnrollRequest = z.object({ enrolled: z.boolean(), hideProgress: z.boolean().optional() }).strict();

/** One enrolled person's progress as peers see it. */
export const PeerProgress = PersonRef.extend({
  /** Steps done, or null when the person hides their progress. */
  done: z.number().int().nullable(),
  /** Total steps. */
  total: z.number().int(),
  /** Completion time, ISO, or null (also null when hidden). */
  completedAt: z.string().nullable(),
  /** Enrolment time, ISO. */
  enrolledAt: z.string(),
});

/** `GET /api/pathways/:id/progress`: everyone enrolled, most progressed first. */
export const PathwayProgress = z.object({ items: z.array(PeerProgress), hiddenCount: z.number().int() });
export type PathwayProgress = z.infer<typeof PathwayProgress>;

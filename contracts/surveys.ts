import { z } from 'zod';
import { Id, text } from './common.ts';

/** Limits of surveys, shared by server validation and web forms. */
export const SURVEY_LIMITS = {
  title: 160,
  intro: 2000,
  questions: 30,
  prompt: 300,
  options: 12,
  option: 120,
  answerText: 2000,
  /** Fewest respondents any figure may cover (results, breakdown groups, open text of anonymous surveys). */
  minGroup: 5,
  /** Longest a survey may stay open, in days. */
  openDays: 366,
} as const;

/** pulse, program feedback, event feedback, NPS, Likert, open text: each a template of questions. */
export const SurveyKind = z.enum(['pulse', 'program_feedback', 'event_feedback', 'nps', 'likert', 'open_text']);
export type SurveyKind = z.infer<typeof SurveyKind>;

/** Who is asked: the organization, a community's members, a program's enrolled, a cohort, an event's attendees, a live session's participants. */
export const SurveyAudienceKind = z.enum(['org', 'community', 'program', 'cohort', 'event', 'live_session']);
export type SurveyAudienceKind = z.infer<typeof SurveyAudienceKind>;

/** draft (editable, not asked), open (answers taken between opensAt and closesAt), closed. */
export const SurveyStatus = z.enum(['draft', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

/** likert 1–5 with five labels, nps 0–10, choice (one of the options), text. */
export const QuestionType = z.enum(['likert', 'nps', 'choice', 'text']);
export type QuestionType = z.infer<typeof QuestionType>;

/** Labels of the five Likert points when none are given. */
export const DEFAULT_LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];

/** A question as written by the creator. */
export const SurveyQuestionInput = z
  .object({
    /** likert | nps | choice | text. */
    type: QuestionType,
    /** What is asked (plain text). */
    prompt: text(SURVEY_LIMITS.prompt),
    /** choice: 2–12 options; likert: exactly five labels (defaults when left out); others: none. */
    options: z.array(text(SURVEY_LIMITS.option)).max(SURVEY_LIMITS.options).optional(),
    /** Whether an answer is required. */
    required: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    const n = q.options?.length ?? 0;
    if (q.type === 'choice' && n < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Give at least two options' });
    if (q.type === 'likert' && n !== 0 && n !== 5) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Give five labels, or none for the usual ones' });
    if ((q.type === 'nps' || q.type === 'text') && n) ctx.addIssue({ code: 'custom', path: ['options'], message: 'This kind of question has no options' });
  });
export type SurveyQuestionInput = z.infer<typeof SurveyQuestionInput>;

const likert = (prompt: string, required = true): SurveyQuestionInput => ({ type: 'likert', prompt, required });
const openText = (prompt: string): SurveyQuestionInput => ({ type: 'text', prompt, required: false });
const nps = (prompt: string): SurveyQuestionInput => ({ type: 'nps', prompt, required: true });

/** The questions each kind starts with (a kind is a template; creators may replace them while the survey is a draft). */
export const SURVEY_TEMPLATES: Record<SurveyKind, SurveyQuestionInput[]> = {
  pulse: [likert('I feel connected to colleagues outside my team.'), likert('I learned something useful at work this month.'), likert('I know whom to ask when I am stuck.'), openText('What would make learning here better?')],
  program_feedback: [
    likert('The program met its goals.'),
    likert('I met people I would not have met otherwise.'),
    likert('I can apply what I learned.'),
    nps('How likely are you to recommend this program to a colleague?'),
    openText('What should we keep or change?'),
  ],
  event_feedback: [likert('The session was worth my time.'), likert('I met or heard from someone new.'), openText('What was most useful, and what would you change?')],
  nps: [nps('How likely are you to recommend this to a colleague?'), openText('What is the main reason for your score?')],
  likert: [likert('I would recommend this to a colleague.')],
  open_text: [{ type: 'text', prompt: 'What would you like to tell us?', required: true }],
};

/** An instant, ISO 8601 with offset. */
const Instant = z.string().datetime({ offset: true });

/** `POST /api/surveys`: a draft. */
export const CreateSurveyRequest = z.object({
  /** The template; its questions are used when `questions` is left out. */
  kind: SurveyKind,
  /** Title shown to respondents. */
  title: text(SURVEY_LIMITS.title),
  /** A short introduction (plain text). */
  intro: z.string().trim().max(SURVEY_LIMITS.intro).optional(),
  /** Who is asked. */
  audienceKind: SurveyAudienceKind,
  /** The community, program, cohort, event or live session (left out for the organization). */
  audienceId: Id.optional(),
  /** Anonymous (the default): nobody, admins included, can see who answered what. */
  anonymous: z.boolean().optional(),
  /** When answers open (default: when it is opened). */
  opensAt: Instant.optional(),
  /** When answers close. */
  closesAt: Instant,
  /** The questions in order (default: the kind's template). */
  questions: z.array(SurveyQuestionInput).min(1).max(SURVEY_LIMITS.questions).optional(),
});
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequest>;

/** `PATCH /api/surveys/:id`: questions, audience and anonymity only while a draft; title, intro and dates until closed. */
export const UpdateSurveyRequest = z.object({
  /** New title. */
  title: text(SURVEY_LIMITS.title).optional(),
  /** New introduction. */
  intro: z.string().trim().max(SURVEY_LIMITS.intro).optional(),
  /** New opening time (drafts only). */
  opensAt: Instant.nullable().optional(),
  /** New closing time. */
  closesAt: Instant.optional(),
  /** Anonymous or named (drafts only). */
  anonymous: z.boolean().optional(),
  /** The questions, replacing all (drafts only). */
  questions: z.array(SurveyQuestionInput).min(1).max(SURVEY_LIMITS.questions).optional(),
});
export type UpdateSurveyRequest = z.infer<typeof UpdateSurveyRequest>;

/** A question as shown. */
export const SurveyQuestion = z.object({
  /** Question id. */
  id: Id,
  /** likert | nps | choice | text. */
  type: QuestionType,
  /** What is asked. */
  prompt: z.string(),
  /** choice: the options; likert: the five labels; otherwise empty. */
  options: z.array(z.string()),
  /** Whether an answer is required. */
  required: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** What the viewer may do with a survey. */
export const SurveyAbilities = z.object({
  /** Edit, open and close it. */
  canManage: z.boolean(),
  /** Read its results. */
  canSeeResults: z.boolean(),
  /** Answer it now (in its audience, open, not answered yet). */
  canAnswer: z.boolean(),
});
export type SurveyAbilities = z.infer<typeof SurveyAbilities>;

/** A survey as listed. */
export const SurveySummary = z.object({
  /** Survey id. */
  id: Id,
  /** Template kind. */
  kind: SurveyKind,
  /** Title. */
  title: z.string(),
  /** Audience kind. */
  audienceKind: SurveyAudienceKind,
  /** Audience id (null for the organization). */
  audienceId: Id.nullable(),
  /** Name of the audience (community, program, cohort, event or session title; the organization's name). */
  audienceName: z.string(),
  /** Anonymous. */
  anonymous: z.boolean(),
  /** draft | open | closed. */
  status: SurveyStatus,
  /** When answers open (null: when opened). */
  opensAt: z.string().nullable(),
  /** When answers close. */
  closesAt: z.string(),
  /** Opened automatically when an event or live session ended. */
  automatic: z.boolean(),
  /** Whether I have answered it. */
  answered: z.boolean(),
  /** What I may do. */
  abilities: SurveyAbilities,
});
export type SurveySummary = z.infer<typeof SurveySummary>;

/** A survey with its questions. */
export const SurveyDetail = SurveySummary.extend({
  /** Introduction. */
  intro: z.string(),
  /** Questions in order. */
  questions: z.array(SurveyQuestion),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

/** `GET /api/surveys`: which list. */
export const FindSurveysQuery = z.object({
  /** for-me: open, in my audience, not answered; managed: the ones I may manage or read results of. */
  list: z.enum(['for-me', 'managed']).default('for-me'),
});
export type FindSurveysQuery = z.infer<typeof FindSurveysQuery>;

/** A list of surveys. */
export const SurveyList = z.object({
  /** Surveys, soonest closing first. */
  items: z.array(SurveySummary),
});
export type SurveyList = z.infer<typeof SurveyList>;

/** One answer: `value` for likert (1–5), nps (0–10) and choice (option index); `text` for text. */
export const SurveyAnswerInput = z.object({
  /** The question. */
  questionId: Id,
  /** The chosen number (NPS goes to 10; a choice's index to its last option). */
  value: z.number().int().min(0).max(Math.max(10, SURVEY_LIMITS.options - 1)).optional(),
  /** The written answer. */
  text: z.string().trim().max(SURVEY_LIMITS.answerText).optional(),
});
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerInput>;

/** `POST /api/surveys/:id/responses`: once per person. */
export const AnswerSurveyRequest = z.object({
  /** Answers, at most one per question. */
  answers: z.array(SurveyAnswerInput).max(SURVEY_LIMITS.questions),
});
export type AnswerSurveyRequest = z.infer<typeof AnswerSurveyRequest>;

/** The answer to an answer: only that it was recorded. */
export const AnswerSurveyResponse = z.object({
  /** Always true. */
  recorded: z.literal(true),
});
export type AnswerSurveyResponse = z.infer<typeof AnswerSurveyResponse>;

/** `GET /api/surveys/:id/results`: breakdown and filter (both by department). */
export const SurveyResultsQuery = z.object({
  /** Break the results down by department (groups under 5 hidden, with complementary suppression). */
  by: z.enum(['department']).optional(),
  /** Only this department's responses (withheld unless that group would be shown in the breakdown). */
  department: z.string().trim().min(1).max(120).optional(),
});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

/** Results of one question over a set of at least 5 responses. */
export const QuestionResult = z.object({
  /** Question id. */
  questionId: Id,
  /** likert | nps | choice | text. */
  type: QuestionType,
  /** What was asked. */
  prompt: z.string(),
  /** How many answered this question (null when withheld). */
  answered: z.number().int().nullable(),
  /** True when this question's figures cover fewer than 5 answers (here, or by subtraction from other groups): none given. */
  withheld: z.boolean(),
  /** likert: points 1–5; nps: 0–10; choice: option labels; with counts. Empty for text. */
  distribution: z.array(z.object({ label: z.string(), value: z.number().int(), count: z.number().int() })),
  /** likert and nps: the mean; otherwise null. */
  average: z.number().nullable(),
  /** nps: % promoters − % detractors (−100…100); otherwise null. */
  nps: z.number().nullable(),
  /**
   * text: the answers. Anonymous surveys: only with 5 or more responses, in random order, without who or when;
   * named surveys: with the person's name.
   */
  texts: z.array(z.object({ text: z.string(), by: z.string().nullable() })),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

/** One department's results in a breakdown (only groups of 5 or more that cannot be derived from the others). */
export const SurveyGroupResult = z.object({
  /** Department, or "Not stated". */
  group: z.string(),
  /** Responses in the group (≥ 5). */
  responses: z.number().int(),
  /** Its results per question (no open text in breakdowns). */
  questions: z.array(QuestionResult),
});
export type SurveyGroupResult = z.infer<typeof SurveyGroupResult>;

/** Results of a survey; `withheld` (and no figures at all) when fewer than 5 responses are covered. */
export const SurveyResults = z.object({
  /** The survey. */
  survey: SurveySummary,
  /** True when fewer than 5 responses are covered: no figure is given. */
  withheld: z.boolean(),
  /** Why, in plain words, when withheld. */
  withheldReason: z.string().nullable(),
  /** Responses covered (null when withheld). */
  responses: z.number().int().nullable(),
  /** Per question (empty when withheld). */
  questions: z.array(QuestionResult),
  /** With `by=department`: the groups shown. */
  groups: z.array(SurveyGroupResult).nullable(),
  /** With `by=department`: how many groups were hidden (small, or so that no small one can be worked out). */
  hiddenGroups: z.number().int().nullable(),
  /** The department filter applied, if any. */
  department: z.string().nullable(),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** `GET /api/surveys/feedback`: the automatic feedback of one event or live session. */
export const FeedbackQuery = z.object({
  /** The event. */
  eventId: Id.optional(),
  /** The live session. */
  liveSessionId: Id.optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

/** The automatic feedback of an event or live session, for its hosts/facilitators (results with the 5-respondent threshold). */
export const FeedbackResponse = z.object({
  /** The feedback survey's results, or null when none was opened (or the viewer may not read it). */
  results: SurveyResults.nullable(),
});
export type FeedbackResponse = z.infer<typeof FeedbackResponse>;

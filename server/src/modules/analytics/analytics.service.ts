import {
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_MAX_RANGE_DAYS,
  ANALYTICS_MIN_GROUP,
  type AnalyticsActivity,
  type AnalyticsFunnels,
  type AnalyticsLive,
  type AnalyticsPopular,
  type AnalyticsQuery,
  type AnalyticsQuestions,
  type AnalyticsScopes,
} from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { resolveDayRange } from '../../kernel/day-range.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import * as funnels from './analytics.funnels.repo.ts';
import * as repo from './analytics.repo.ts';
import { listScopes, type ResolvedScope, resolveScope } from './analytics.scope.ts';

const DAY = 86_400_000;

/**
 * Authorizes the scope on the primary (a just-removed moderator is refused at once), resolves the range, and says
 * whether the whole scope is a team too small to show anything. Figures are then read through `readDb`.
 */
async function prepare(deps: AppDeps, actor: Actor, q: AnalyticsQuery) {
  const scope = await resolveScope(deps.db, actor, q);
  const range = resolveDayRange(q, { defaultDays: ANALYTICS_DEFAULT_DAYS, maxDays: ANALYTICS_MAX_RANGE_DAYS, tooLong: 'Choose a first day before the last, at most a year apart.' });
  const tooSmall = scope.guarded && scope.people < ANALYTICS_MIN_GROUP;
  const head = { scope: scope.scope, from: range.from, to: range.to, people: scope.people, withheld: tooSmall };
  return { scope, range, head, tooSmall, db: deps.readDb };
}

/** Every day of a range, in order (YYYY-MM-DD). */
const daysOf = (from: string, days: number) => Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10));

/** The scopes the viewer may read, for the picker. */
export async function findAnalyticsScopes(deps: AppDeps, actor: Actor): Promise<AnalyticsScopes> {
  return { scopes: await listScopes(deps.db, actor) };
}

/** Active people per day, week and month; posts and replies per week. A team under 5 people shows nothing. */
export async function getActivity(deps: AppDeps, actor: Actor, q: AnalyticsQuery): Promise<AnalyticsActivity> {
  const { scope, range, head, tooSmall, db } = await prepare(deps, actor, q);
  const empty = { daily: [], weekly: [], monthly: [], totals: { active: 0, averageDaily: 0, posts: 0, replies: 0 } };
  if (tooSmall) return { ...head, ...empty };
  const [counts, posts] = await Promise.all([repo.selectActiveCounts(db, scope, range), repo.selectWeeklyPosts(db, scope, range)]);
  const of = (grain: string) => new Map(counts.filter((c) => c.grain === grain).map((c) => [c.key as string, c.active]));
  const [perDay, perWeek, perMonth] = [of('day'), of('week'), of('month')];
  const days = daysOf(range.from, range.days);
  const daily = days.map((day) => ({ day, active: perDay.get(day) ?? 0 }));
  const postsByWeek = new Map(posts.map((p) => [p.week, p]));
  const weeks = [...new Set(days.map((d) => weekStart(d, range.from)))];
  const weekly = weeks.map((week) => ({ week, active: perWeek.get(week) ?? 0, posts: postsByWeek.get(week)?.posts ?? 0, replies: postsByWeek.get(week)?.replies ?? 0 }));
  const monthly = [...new Set(days.map((d) => d.slice(0, 7)))].map((month) => ({ month, active: perMonth.get(month) ?? 0 }));
  const sum = (k: 'posts' | 'replies') => weekly.reduce((n, w) => n + w[k], 0);
  const total = counts.find((c) => c.grain === 'all')?.active ?? 0;
  return {
    ...head,
    daily,
    weekly,
    monthly,
    totals: { active: total, averageDaily: daily.reduce((n, d) => n + d.active, 0) / daily.length, posts: sum('posts'), replies: sum('replies') },
  };
}

/** The Monday (UTC) of a day's ISO week, or the range's first day when that is later (the SQL's weekOf). */
function weekStart(day: string, from: string) {
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
  return monday < from ? from : monday;
}

/** Questions asked in the range, the unanswered share and the median time to a first answer. */
export async function getQuestions(deps: AppDeps, actor: Actor, q: AnalyticsQuery): Promise<AnalyticsQuestions> {
  const { scope, range, head, tooSmall, db } = await prepare(deps, actor, q);
  const none = { questions: null, answered: null, unansweredShare: null, medianHoursToFirstAnswer: null };
  if (tooSmall) return { ...head, ...none };
  const row = (await repo.selectQuestionFigures(db, scope, range)) ?? { questions: 0, answered: 0, askers: 0, median: null };
  // A team's questions are a figure about its askers: withheld when fewer than 5 of them asked.
  if (scope.guarded && row.questions > 0 && row.askers < ANALYTICS_MIN_GROUP) return { ...head, withheld: true, ...none };
  return {
    ...head,
    questions: row.questions,
    answered: row.answered,
    unansweredShare: row.questions ? (row.questions - row.answered) / row.questions : null,
    medianHoursToFirstAnswer: row.median === null ? null : Number(row.median),
  };
}

/** The range's popular tags, threads and resources. */
export async function getPopular(deps: AppDeps, actor: Actor, q: AnalyticsQuery): Promise<AnalyticsPopular> {
  const { scope, range, head, tooSmall, db } = await prepare(deps, actor, q);
  if (tooSmall) return { ...head, tags: [], threads: [], resources: [] };
  const [tags, threads, resources] = await Promise.all([repo.selectPopularTags(db, scope, range), repo.selectPopularThreads(db, scope, range), repo.selectPopularResources(db, scope, range)]);
  return { ...head, withheld: scope.guarded, tags, threads, resources: resources.map((r) => ({ ...r, averageRating: Number(r.averageRating) })) };
}

/** Pathway and program funnels of enrolments made in the range. */
export async function getFunnels(deps: AppDeps, actor: Actor, q: AnalyticsQuery): Promise<AnalyticsFunnels> {
  const { scope, range, head, tooSmall, db } = await prepare(deps, actor, q);
  if (tooSmall) return { ...head, pathways: [], programs: [] };
  const [pathways, programs] = await Promise.all([funnels.selectPathwayFunnels(db, scope, range), funnels.selectProgramFunnels(db, scope, range)]);
  return {
    ...head,
    withheld: scope.guarded,
    pathways: pathways.map((p) => ({ ...p, steps: (p.steps ?? []).map((st) => ({ ...st, done: Number(st.done) })) })),
    programs,
  };
}

/** Live-session talk time and mentoring activity in the range. */
export async function getLive(deps: AppDeps, actor: Actor, q: AnalyticsQuery): Promise<AnalyticsLive> {
  const { scope, range, head, tooSmall, db } = await prepare(deps, actor, q);
  if (tooSmall) return { ...head, live: null, mentoring: null };
  const [talk, mentoring] = await Promise.all([funnels.selectTalkTime(db, scope, range), funnels.selectMentoring(db, scope, range)]);
  const small = (people: number) => scope.guarded && people > 0 && people < ANALYTICS_MIN_GROUP;
  const liveHidden = small(talk?.participants ?? 0);
  const mentoringHidden = small(mentoring?.people ?? 0);
  return {
    ...head,
    withheld: liveHidden || mentoringHidden,
    live: liveHidden || !talk ? null : { sessions: talk.sessions, participants: talk.participants, plenaryMinutes: round(talk.plenary), groupMinutes: round(talk.grp), pairMinutes: round(talk.pair) },
    mentoring: mentoringHidden || !mentoring ? null : { active: mentoring.active, started: mentoring.started, ended: mentoring.ended, meetings: mentoring.meetings, checkIns: mentoring.checkIns, averageRating: mentoring.averageRating === null ? null : Number(mentoring.averageRating) },
  };
}

const round = (v: number | string) => Math.round(Number(v) * 10) / 10;

export type { ResolvedScope };

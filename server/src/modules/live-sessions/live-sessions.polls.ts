// Polls: a vote per person while the poll segment runs, and results (anonymous counts).
import type { PollResults, PollView, SegmentConfig, VoteRequest } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { assertSessionContent, consoleChanged, load, sessionChanged, throttled } from './live-sessions.access.ts';
import * as repo from './live-sessions.repo.ts';
import * as pollsRepo from './live-sessions.polls.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

/** A poll as a viewer sees it: results once they voted, once it closed, or always for facilitators. */
export async function pollView(db: DbOrTx, actor: Actor, seg: SegmentRow, facilitate: boolean): Promise<PollView> {
  const c = seg.config as SegmentConfig;
  const mine = await pollsRepo.selectMyVote(db, seg.id, actor.personId);
  const seeResults = facilitate || Boolean(mine) || seg.status === 'done';
  return {
    segmentId: seg.id,
    question: c.question ?? seg.title,
    type: c.type ?? 'single',
    options: c.options ?? [],
    scale: c.type === 'rating' ? (c.scale ?? 5) : null,
    open: seg.status === 'active',
    myVote: mine ? mine.choice : null,
    results: seeResults ? await results(db, seg) : null,
  };
}

/** Counts of a poll (never who voted what). */
export async function results(db: DbOrTx, seg: SegmentRow): Promise<PollResults> {
  const c = seg.config as SegmentConfig;
  const votes = await pollsRepo.selectVotes(db, seg.id);
  const type = c.type ?? 'single';
  const out: PollResults = { segmentId: seg.id, type, voters: votes.length, options: [], histogram: [], mean: null, words: [] };
  if (type === 'single' || type === 'multiple') {
    out.options = (c.options ?? []).map((label, i) => ({ label, count: votes.filter((v) => v.choice.choices?.includes(i)).length }));
  } else if (type === 'rating') {
    const scale = c.scale ?? 5;
    const ratings = votes.map((v) => v.choice.rating).filter((r): r is number => typeof r === 'number');
    out.histogram = Array.from({ length: scale }, (_, i) => ({ value: i + 1, count: ratings.filter((r) => r === i + 1).length }));
    out.mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
  } else {
    const counts = new Map<string, number>();
    for (const v of votes) for (const w of new Set(v.choice.words ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
    out.words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, 100);
  }
  return out;
}


// ---------- polls ----------

async function loadPoll(db: DbOrTx, s: SessionRow, segmentId: string) {
  const seg = await repo.selectSegment(db, s.id, segmentId);
  if (!seg || seg.kind !== 'poll') throw notFound('That poll');
  return seg;
}

const invalidVote = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ field, message }] });

/** Checks a vote against the poll's type and options; returns what is stored. */
function normalizeVote(c: SegmentConfig, v: VoteRequest) {
  const type = c.type ?? 'single';
  const given = (['choices', 'rating', 'words'] as const).filter((k) => v[k] !== undefined);
  const expected = type === 'rating' ? 'rating' : type === 'wordcloud' ? 'words' : 'choices';
  if (given.length !== 1 || given[0] !== expected) throw invalidVote(expected, `This ${type} poll takes "${expected}" only.`);
  if (type === 'single' || type === 'multiple') {
    const choices = v.choices as number[];
    const n = c.options?.length ?? 0;
    if (choices.some((i) => i >= n)) throw invalidVote('choices', 'That option does not exist.');
    if (new Set(choices).size !== choices.length) throw invalidVote('choices', 'An option is chosen twice.');
    if (type === 'single' && choices.length !== 1) throw invalidVote('choices', 'Choose exactly one option.');
    return { choices: [...choices].sort((a, b) => a - b) };
  }
  if (type === 'rating') {
    const scale = c.scale ?? 5;
    if ((v.rating as number) > scale) throw invalidVote('rating', `Rate from 1 to ${scale}.`);
    return { rating: v.rating as number };
  }
  const words = [...new Set((v.words as string[]).map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (!words.length) throw invalidVote('words', 'Give at least one word.');
  return { words };
}

/** Votes once in a running poll: ALREADY_VOTED for a second vote, POLL_CLOSED after (or before) the segment. */
export async function vote(deps: AppDeps, actor: Actor, id: string, segmentId: string, v: VoteRequest): Promise<PollView> {
  const { s, rel, facilitate } = await load(deps.db, actor, id);
  const seg = await loadPoll(deps.db, s, segmentId);
  if (facilitate) throw new AppError('FORBIDDEN', 'Facilitators see the results; participants vote.');
  if (!rel.present) throw new AppError('FORBIDDEN', 'Join the session to vote.');
  if (s.status !== 'live' || seg.status !== 'active' || s.currentSegmentId !== seg.id) {
    throw new AppError('POLL_CLOSED', seg.status === 'pending' ? 'This poll has not opened yet.' : 'This poll is closed.');
  }
  const choice = normalizeVote(seg.config as SegmentConfig, v);
  const inserted = await deps.events.transaction(deps.db, (tx) => pollsRepo.insertVote(tx, { segmentId: seg.id, personId: actor.personId, sessionId: s.id, orgId: s.orgId, choice }));
  if (!inserted) throw new AppError('ALREADY_VOTED', 'You already voted in this poll; a vote cannot be changed.');
  consoleChanged(deps, s.id, 'poll', seg.id);
  throttled(`poll:${seg.id}`, 2000, () => sessionChanged(deps, s.id, 'poll', seg.id));
  return pollView(deps.db, actor, seg, false);
}

/** Poll results: facilitators always; participants after voting or once the poll closed. */
export async function getResults(db: DbOrTx, actor: Actor, id: string, segmentId: string): Promise<PollResults> {
  const l = await load(db, actor, id);
  const seg = await loadPoll(db, l.s, segmentId);
  assertSessionContent(actor, l);
  if (!l.facilitate && seg.status !== 'done' && !(await pollsRepo.selectMyVote(db, seg.id, actor.personId))) {
    throw new AppError('FORBIDDEN', 'Results show once you voted or the poll closed.');
  }
  return results(db, seg);
}

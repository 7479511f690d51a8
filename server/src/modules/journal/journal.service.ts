import type { CreateJournalEntryRequest, JournalEntry, JournalEntryList, JournalPrompts, JournalShareTargets } from '../../../../contracts/index.ts';
import { JOURNAL_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { Db, DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadLiveSessionForReflection } from '../live-sessions/index.ts';
import { loadProgram, loadProgramForFacilitator } from '../programs/index.ts';
import * as policy from './journal.policy.ts';
import * as repo from './journal.repo.ts';

const present = (actor: Actor, r: repo.EntryRow): JournalEntry => {
  const mine = r.personId === actor.personId;
  return {
    id: r.id,
    author: { id: r.personId, name: r.authorName, title: r.authorTitle },
    programId: r.programId,
    prompt: r.prompt,
    body: r.body,
    liveSessionId: r.liveSessionId,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
    mine,
    // A viewer never learns who else the author chose to share with.
    sharedWith: mine ? (r.sharedWith ?? []) : [],
  };
};

/** An entry the actor may read: their own or one shared with them (404 otherwise, whether or not it exists). */
export async function getEntry(db: DbOrTx, actor: Actor, id: string): Promise<JournalEntry> {
  const row = await repo.selectReadableEntry(db, actor.orgId, id, actor.personId);
  if (!row) throw notFound('That journal entry');
  return present(actor, row);
}

/** The author's own entry, locked; 404 for anyone else (a viewer it is shared with cannot change it). */
async function loadOwn(tx: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectEntryForUpdate(tx, actor.orgId, id);
  if (!row || !policy.canChange(row, actor.personId)) throw notFound('That journal entry');
  return row;
}

export async function listOwn(db: DbOrTx, actor: Actor): Promise<JournalEntryList> {
  const rows = await repo.selectOwnEntries(db, actor.orgId, actor.personId, JOURNAL_LIMITS.list);
  return { items: rows.map((r) => present(actor, r)) };
}

export async function listSharedWithMe(db: DbOrTx, actor: Actor): Promise<JournalEntryList> {
  const rows = await repo.selectSharedWith(db, actor.orgId, actor.personId, JOURNAL_LIMITS.list);
  return { items: rows.map((r) => present(actor, r)) };
}

/** Writes a private entry; a program named must be one the author can see. */
export async function createEntry(db: Db, actor: Actor, input: CreateJournalEntryRequest): Promise<JournalEntry> {
  if (input.programId) await loadProgram(db, actor, input.programId);
  const id = await repo.insertEntry(db, { orgId: actor.orgId, personId: actor.personId, body: input.body, programId: input.programId, prompt: input.prompt });
  return getEntry(db, actor, id);
}

export async function updateEntry(db: Db, actor: Actor, id: string, body: string): Promise<JournalEntry> {
  await db.transaction(async (tx) => {
    await loadOwn(tx, actor, id);
    await repo.updateEntryBody(tx, id, body);
  });
  return getEntry(db, actor, id);
}

export async function deleteEntry(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    await loadOwn(tx, actor, id);
    await repo.deleteEntry(tx, id);
  });
}

/** The actor's manager and named peers: the only people an entry can be shared with. */
export async function shareTargets(db: DbOrTx, actor: Actor): Promise<JournalShareTargets> {
  const [manager, peers] = await Promise.all([repo.selectManager(db, actor.orgId, actor.personId), repo.selectNamedPeers(db, actor.orgId, actor.personId)]);
  return { manager: manager ?? null, peers };
}

/**
 * Shares one entry with one person: the author's manager or a peer named on one of their action-plan items.
 * Anyone else is 404 SHARE_NOT_ALLOWED with the reason (it names no one and reveals nothing about them).
 */
export async function share(db: Db, actor: Actor, id: string, viewerId: string): Promise<JournalEntry> {
  await db.transaction(async (tx) => {
    await loadOwn(tx, actor, id);
    const t = await shareTargets(tx, actor);
    const allowed = policy.canShareWith(viewerId, actor.personId, t.manager?.id ?? null, t.peers.map((p) => p.id));
    if (!allowed) {
      throw new AppError(
        'SHARE_NOT_ALLOWED',
        'You can share a journal entry only with your manager or with a colleague you named as a peer on one of your action-plan items.',
      );
    }
    await repo.insertShare(tx, actor.orgId, id, viewerId);
  });
  return getEntry(db, actor, id);
}

/** Revokes one share; revoking a share that does not exist changes nothing. */
export async function revoke(db: Db, actor: Actor, id: string, viewerId: string): Promise<JournalEntry> {
  await db.transaction(async (tx) => {
    await loadOwn(tx, actor, id);
    await repo.deleteShare(tx, id, viewerId);
  });
  return getEntry(db, actor, id);
}

/** A program's prompts, for anyone who can see the program. */
export async function getPrompts(db: DbOrTx, actor: Actor, programId: string): Promise<JournalPrompts> {
  await loadProgram(db, actor, programId);
  return { prompts: (await repo.selectPrompts(db, programId))?.prompts ?? [] };
}

/** Sets a program's prompts (its facilitators and org admins). */
export async function setPrompts(db: DbOrTx, actor: Actor, programId: string, prompts: string[]): Promise<JournalPrompts> {
  await loadProgramForFacilitator(db, actor, programId);
  await repo.upsertPrompts(db, actor.orgId, programId, prompts);
  return { prompts };
}

/**
 * Saves a live session's reflection into the participant's journal (one entry per person and session, rewritten on
 * each save; private until shared). Only participants of the session may save; others get 404.
 */
export async function saveReflection(db: Db, actor: Actor, sessionId: string, body: string): Promise<JournalEntry> {
  const s = await loadLiveSessionForReflection(db, actor, sessionId);
  const id = await repo.upsertReflection(db, { orgId: actor.orgId, personId: actor.personId, body, programId: s.programId, prompt: s.prompt, liveSessionId: sessionId });
  return getEntry(db, actor, id);
}

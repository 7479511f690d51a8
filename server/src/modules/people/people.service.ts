import {
  type AdminUpdatePersonRequest,
  type FindPeopleQuery,
  type InvitationResponse,
  type InvitePersonRequest,
  type PeopleFacets,
  PeoplePage,
  type Person,
  type Role,
} from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import { issueToken } from '../../kernel/auth/one-time-tokens.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { ScopedCache } from '../../kernel/cache.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { escapeHtml, type Mail } from '../../kernel/mail.ts';
import { decodeCursor, encodeCursor } from '../../kernel/pagination.ts';
import { personEditEntries } from './people.audit.ts';
import { cancelEmailChange, pendingEmailOf, requestEmailChange } from './people.email-change.ts';
import * as policy from './people.policy.ts';
import * as repo from './people.repo.ts';
import { wouldCreateCycle } from './reporting-lines.ts';

/** Directory page visible to the actor. */
export async function findPeople(db: DbOrTx, actor: Actor, q: FindPeopleQuery): Promise<PeoplePage> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectDirectoryPage(db, actor.orgId, {
    ...q,
    includeDeactivated: policy.canSeeDeactivated(actor),
    after,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null };
}

/** This node's directory pages as UTF-8 JSON, scoped by organization (any people change drops its organization's pages). */
export type DirectoryCache = ScopedCache<Buffer>;

/** Creates the directory page cache; people.* events invalidate it on every node (see index.ts). */
export function createDirectoryCache(deps: AppDeps, log?: (msg: string, err?: unknown) => void): DirectoryCache {
  return new ScopedCache<Buffer>(deps.hub.bus, 'directory', { ttlMs: 30_000, max: 2_000, log });
}

/**
 * Directory page visible to the actor as JSON checked against the PeoplePage contract. A page depends only on the
 * organization, the query and whether the actor may see deactivated people, so identical requests share it until
 * the organization's people change; the directory is the most read page and is read far more than written.
 */
export async function findPeopleJson(deps: AppDeps, cache: DirectoryCache, actor: Actor, q: FindPeopleQuery): Promise<Buffer> {
  const key = `${actor.orgId}:${policy.canSeeDeactivated(actor) ? 'all' : 'active'}:${JSON.stringify(q)}`;
  // Kept as bytes: encoding a 13 KB string to UTF-8 on every send was a tenth of the route's CPU.
  const load = async () => ({ scope: actor.orgId, value: Buffer.from(JSON.stringify(PeoplePage.encode(await findPeople(deps.db, actor, q)))) });
  return (await cache.getOrLoad(key, load)) as Buffer;
}

/** Filter values for the directory. */
export function getFacets(db: DbOrTx, actor: Actor): Promise<PeopleFacets> {
  return repo.selectFacets(db, actor.orgId);
}

/** Full profile with manager, reports, skills, derived roles and the actor's abilities. */
export async function getPerson(db: DbOrTx, actor: Actor, id: string): Promise<Person> {
  const row = await repo.selectPerson(db, actor.orgId, id);
  if (!row || !policy.canView(actor, row) || (row.status === 'deactivated' && !policy.canSeeDeactivated(actor))) throw notFound('That person');
  return presentPerson(db, actor, row);
}

async function presentPerson(db: DbOrTx, actor: Actor, row: repo.PersonRow): Promise<Person> {
  // Sequential on purpose: inside a transaction all three share one connection.
  const skills = await repo.selectSkills(db, row.id);
  const reports = await repo.selectReports(db, row.orgId, row.id);
  const managerRefs = await repo.selectRefs(db, row.orgId, row.managerId ? [row.managerId] : []);
  const pendingEmail = await pendingEmailOf(db, actor, row);
  const roles: Role[] = ['member'];
  if (reports.length) roles.push('manager');
  for (const r of ['facilitator', 'moderator', 'analyst', 'admin'] as const) if (row.roles.includes(r)) roles.push(r);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    department: row.department,
    team: row.team,
    location: row.location,
    timeZone: row.timeZone,
    avatarUrl: row.avatarUrl,
    bio: row.bio,
    interests: row.interests,
    skills: skills.map((s) => ({ name: s.name, kind: s.kind as 'have' | 'want', level: s.level })),
    topSkills: skills.filter((s) => s.kind === 'have').slice(0, 3).map((s) => s.name),
    manager: managerRefs[0] ?? null,
    reports,
    roles,
    status: row.status as Person['status'],
    pendingEmail,
    abilities: { canEdit: policy.canEdit(actor, row), canAdminister: policy.canAdminister(actor, row) },
  };
}

/**
 * Updates a profile: people edit their own profile fields; org admins may also change HR fields and roles. A new email
 * does not take effect here: it waits for the new address to confirm it (people.email-change.ts). Admin acts are audited.
 */
export async function updatePerson(deps: AppDeps, actor: Actor, id: string, input: AdminUpdatePersonRequest, baseUrl: string): Promise<Person> {
  const { person, mails } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await repo.selectPerson(tx, actor.orgId, id);
    if (!row || !policy.canView(actor, row)) throw notFound('That person');
    if (!policy.canEdit(actor, row)) throw new AppError('FORBIDDEN', 'You can only edit your own profile.');
    const adminFields = Object.keys(input).filter((k) => !policy.SELF_EDITABLE.has(k));
    if (adminFields.length && !policy.canAdminister(actor, row)) {
      throw new AppError('FORBIDDEN', `Only an org admin can change: ${adminFields.join(', ')}.`, {
        errors: adminFields.map((field) => ({ field, message: 'Only an org admin can change this' })),
      });
    }
    if (input.managerId !== undefined && input.managerId !== null) {
      const manager = await repo.selectPerson(tx, actor.orgId, input.managerId);
      if (!manager) throw new AppError('VALIDATION_FAILED', 'That manager is not in your organization.', { errors: [{ field: 'managerId', message: 'Unknown person' }] });
      const all = await repo.selectAllPeople(tx, actor.orgId);
      if (wouldCreateCycle(new Map(all.map((p) => [p.id, p.managerId])), id, input.managerId)) {
        throw new AppError('VALIDATION_FAILED', 'That manager would create a loop in reporting lines.', { errors: [{ field: 'managerId', message: 'Reporting-line cycle' }] });
      }
    }
    if (actor.personId === id && input.roles && !input.roles.includes('admin') && row.roles.includes('admin')) {
      throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin.');
    }
    const { skills, email, ...columns } = input;
    const mails: Mail[] = email !== undefined && email !== row.email ? await requestEmailChange(tx, actor, row, email, baseUrl) : [];
    if (Object.keys(columns).length) await repo.updatePersonRow(tx, actor.orgId, id, columns);
    const skillsBefore = skills ? await repo.selectSkills(tx, id) : [];
    if (skills) await repo.replaceSkills(tx, actor.orgId, id, skills);
    await audit(tx, null, personEditEntries(actor, row, columns, skills ? { before: skillsBefore, after: skills } : undefined));
    emit({ type: 'people.person_updated', orgId: actor.orgId, payload: { personId: id, by: actor.personId, fields: Object.keys(input).filter((k) => k !== 'email') } });
    const updated = await repo.selectPerson(tx, actor.orgId, id);
    return { person: await presentPerson(tx, actor, updated as repo.PersonRow), mails };
  });
  // After commit, like invitations: a rolled-back change mails nothing.
  for (const mail of mails) await deps.mailer.send(mail);
  return person;
}

/** An org admin invites one person: creates them (status invited) and emails a single-use link. */
export async function invitePerson(deps: AppDeps, actor: Actor, input: InvitePersonRequest, baseUrl: string): Promise<InvitationResponse> {
  if (!policy.canManagePeople(actor)) throw new AppError('FORBIDDEN', 'Only an org admin can invite people.');
  const { personId, token } = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.managerId && !(await repo.selectPerson(tx, actor.orgId, input.managerId))) {
      throw new AppError('VALIDATION_FAILED', 'That manager is not in your organization.', { errors: [{ field: 'managerId', message: 'Unknown person' }] });
    }
    if (await repo.selectPersonByEmail(tx, input.email)) {
      throw new AppError('EMAIL_TAKEN', 'Someone with that email already has an account.', { errors: [{ field: 'email', message: 'Already in use' }] });
    }
    const [person] = await repo.insertPeople(tx, [{ orgId: actor.orgId, name: input.name, email: input.email, department: input.department ?? null, title: input.title ?? null, managerId: input.managerId ?? null, status: 'invited' }]);
    const token = await issueToken(tx, 'invite', person.id, actor.orgId);
    await audit(tx, null, {
      orgId: actor.orgId, actorId: actor.personId, action: 'people.invited', target: `person:${person.id}`,
      before: null, after: { name: person.name, email: person.email, department: person.department, title: person.title, managerId: person.managerId },
    });
    emit({ type: 'people.person_invited', orgId: actor.orgId, payload: { personId: person.id, by: actor.personId } });
    return { personId: person.id, token };
  });
  const inviteUrl = `${baseUrl}/accept-invite?token=${token}`;
  await deps.mailer.send({
    to: input.email,
    subject: 'You are invited to Hearth',
    text: `Hello ${input.name},\n\nYou have been invited to Hearth, where colleagues learn from each other.\nSet your password here (the link works once, for 7 days):\n${inviteUrl}\n`,
    html: `<p>Hello ${escapeHtml(input.name)},</p><p>You have been invited to Hearth, where colleagues learn from each other.</p><p><a href="${escapeHtml(inviteUrl)}">Set your password</a> (the link works once, for 7 days).</p>`,
  });
  return { personId, inviteUrl };
}

/** The person or an org admin withdraws a pending email change; answers the profile as it now is. */
export async function withdrawEmailChange(deps: AppDeps, actor: Actor, id: string): Promise<Person> {
  await cancelEmailChange(deps, actor, id);
  return getPerson(deps.db, actor, id);
}

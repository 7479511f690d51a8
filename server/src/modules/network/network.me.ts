import type { MyNetwork } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import * as repo from './network.me.repo.ts';

/** How many new people and colleagues to meet "My network" lists. */
const NEW_SHOWN = 12;
const TO_MEET = 6;

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Today (UTC), the first day of its quarter, and the first and last days of the quarter before. */
export function quartersOf(now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - (now.getUTCMonth() % 3);
  // Date.UTC rolls month -3 back into the previous year and day 0 back to the previous month's last day.
  return { today: isoDay(now.getTime()), quarter: isoDay(Date.UTC(y, m, 1)), previous: isoDay(Date.UTC(y, m - 3, 1)), previousEnd: isoDay(Date.UTC(y, m, 0)) };
}

/** Sorts most people first, then by department name (no department last), in a fixed order whatever the locale. */
const byPeopleThenName = (x: { department: string | null; people: number }, y: { department: string | null; people: number }) =>
  y.people - x.people || (x.department === y.department ? 0 : x.department === null ? 1 : y.department === null ? -1 : x.department < y.department ? -1 : 1);

/**
 * The signed-in person's own network as of `now` (a parameter so quarter boundaries can be tested): departments met,
 * this quarter against the last, and colleagues to meet. Every signed-in person may ask, about themself only: there
 * is no person parameter, so no policy decides whose network is read.
 */
export async function getMyNetwork(deps: AppDeps, actor: Actor, now: Date = new Date()): Promise<MyNetwork> {
  const q = quartersOf(now);
  const [contacts, departmentsTotal, department] = await Promise.all([
    repo.selectContacts(deps.db, actor.orgId, actor.personId, q),
    repo.countDepartments(deps.db, actor.orgId),
    repo.selectDepartment(deps.db, actor.orgId, actor.personId),
  ]);
  const counts = new Map<string | null, number>();
  for (const c of contacts) counts.set(c.department, (counts.get(c.department) ?? 0) + 1);
  const byDepartment = [...counts].map(([d, people]) => ({ department: d, people, mine: d !== null && d === department })).sort(byPeopleThenName);
  const withDepartment = contacts.filter((c) => c.department !== null);
  const met = [...counts.keys()].filter((d): d is string => d !== null);
  const toMeet = await repo.selectPeopleToMeet(deps.db, actor.orgId, actor.personId, met, TO_MEET);
  const isNew = (c: repo.ContactRow) => c.firstMet >= q.quarter;
  return {
    department,
    departmentsTotal,
    byDepartment,
    people: contacts.length,
    outsideShare: department === null || !withDepartment.length ? null : withDepartment.filter((c) => c.department !== department).length / withDepartment.length,
    thisQuarter: { from: q.quarter, to: q.today, people: contacts.filter((c) => c.thisQuarter).length, newPeople: contacts.filter(isNew).length },
    previousQuarter: {
      from: q.previous,
      to: q.previousEnd,
      people: contacts.filter((c) => c.previousQuarter).length,
      newPeople: contacts.filter((c) => c.firstMet >= q.previous && c.firstMet < q.quarter).length,
    },
    // The query lists contacts latest first-met first.
    newThisQuarter: contacts
      .filter(isNew)
      .slice(0, NEW_SHOWN)
      .map((c) => ({ id: c.id, name: c.name, title: c.title, department: c.department, firstMet: c.firstMet })),
    toMeet: toMeet.map((r) => ({ person: { id: r.id, name: r.name, title: r.title, department: r.department }, canHelpWith: r.canHelpWith.slice(0, 3), sharedInterests: r.sharedInterests.slice(0, 3) })),
  };
}

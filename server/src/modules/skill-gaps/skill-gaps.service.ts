import { NETWORK_MIN_GROUP, type SkillGap, type SkillGaps, type SkillGapsQuery } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { canAnalyse, groupedBySize } from '../network/index.ts';
import * as repo from './skill-gaps.repo.ts';

const MAX_SKILLS = 40;
const MAX_LINKS = 5;
const NO_DEPARTMENT = 'No department';
/** Where people of small departments go when even all small departments together are under 5 people. */
const TOO_SMALL = 'Departments too small to show';

/** Whether `text` mentions `key` as a whole word or phrase (so "go" does not match "google"). */
export function mentions(text: string, key: string): boolean {
  if (!key) return false;
  let at = text.indexOf(key);
  while (at >= 0) {
    const before = at === 0 ? ' ' : text[at - 1];
    const after = at + key.length >= text.length ? ' ' : text[at + key.length];
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(key, at + 1);
  }
  return false;
}

/** Distinct people per skill key, with the most common spelling of the skill. */
function bySkill(rows: repo.SkillRow[], department: ReadonlyMap<string, string>) {
  const out = new Map<string, { people: Map<string, string>; spellings: Map<string, number> }>();
  for (const r of rows) {
    const key = r.key.trim();
    if (!key) continue;
    let s = out.get(key);
    if (!s) out.set(key, (s = { people: new Map(), spellings: new Map() }));
    s.people.set(r.person, department.get(r.person) ?? NO_DEPARTMENT);
    s.spellings.set(r.name, (s.spellings.get(r.name) ?? 0) + 1);
  }
  return out;
}

/**
 * Skills people want against those who could teach them, by department, each with the mentors, pathways and
 * communities that could close the gap. Org admins and analysts; others 404.
 */
export async function getSkillGaps(deps: AppDeps, actor: Actor, q: SkillGapsQuery): Promise<SkillGaps> {
  if (!canAnalyse(actor)) throw notFound('The page');
  const db = deps.readDb;
  const [people, wants, offers, mentors, pathways, communities] = await Promise.all([
    repo.selectDepartments(db, actor.orgId),
    repo.selectWants(db, actor.orgId),
    repo.selectOffers(db, actor.orgId),
    repo.selectMentorsWithRoom(db, actor.orgId),
    repo.selectPathways(db, actor.orgId),
    repo.selectCommunities(db, actor.orgId),
  ]);
  const grouped = groupedBySize(new Map(people.filter((p) => p.department).map((p) => [p.id, p.department as string])));
  // Departments under 5 people count together as small teams; when those together are under 5 too, they are not named.
  const departmentOf = new Map(people.map((p) => [p.id, p.department ? (grouped.get(p.id) ?? TOO_SMALL) : NO_DEPARTMENT]));
  // Only groups of 5 or more people are shown or filtered by: departments are, small teams together are when they
  // reach 5; people without a department likewise; the rest are counted in the totals only.
  const heads = new Map<string, number>();
  for (const d of departmentOf.values()) heads.set(d, (heads.get(d) ?? 0) + 1);
  const shown = (d: string) => d !== TOO_SMALL && (heads.get(d) ?? 0) >= NETWORK_MIN_GROUP;
  const last = (d: string) => (d === NO_DEPARTMENT ? 1 : 0);
  const departments = [...heads.keys()].filter(shown).sort((a, b) => last(a) - last(b) || a.localeCompare(b));
  const department = q.department ?? null;
  if (department !== null && !departments.includes(department)) return { departments, department, skills: [] };
  const wanted = bySkill(wants, departmentOf);
  const offered = bySkill(offers, departmentOf);
  const skills: SkillGap[] = [];
  for (const [key, w] of wanted) {
    const wanting = department === null ? w.people.size : [...w.people.values()].filter((d) => d === department).length;
    if (wanting === 0) continue;
    const o = offered.get(key);
    const offering = o?.people.size ?? 0;
    const perDepartment = new Map<string, { wanted: number; offered: number }>();
    for (const d of w.people.values()) perDepartment.set(d, { wanted: (perDepartment.get(d)?.wanted ?? 0) + 1, offered: perDepartment.get(d)?.offered ?? 0 });
    for (const d of o?.people.values() ?? []) perDepartment.set(d, { wanted: perDepartment.get(d)?.wanted ?? 0, offered: (perDepartment.get(d)?.offered ?? 0) + 1 });
    const spelling = [...w.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    skills.push({
      skill: spelling,
      wanted: wanting,
      offered: offering,
      gap: wanting - offering,
      byDepartment: [...perDepartment.entries()]
        .filter(([d]) => shown(d))
        .map(([d, c]) => ({ department: d, ...c }))
        .sort((a, b) => b.wanted - a.wanted || b.offered - a.offered || a.department.localeCompare(b.department)),
      mentors: mentors
        .filter((m) => m.keys.includes(key))
        .sort((a, b) => b.room - a.room || a.name.localeCompare(b.name))
        .slice(0, MAX_LINKS)
        .map(({ id, name, department: d, room }) => ({ id, name, department: d, room })),
      pathways: pathways.filter((p) => mentions(p.text, key)).slice(0, MAX_LINKS).map(({ id, title }) => ({ id, title })),
      communities: communities
        .filter((c) => c.topics.includes(key) || mentions(c.name.toLowerCase(), key))
        .slice(0, MAX_LINKS)
        .map(({ id, slug, name }) => ({ id, slug, name })),
    });
  }
  skills.sort((a, b) => b.gap - a.gap || b.wanted - a.wanted || a.skill.localeCompare(b.skill));
  return { departments, department, skills: skills.slice(0, MAX_SKILLS) };
}

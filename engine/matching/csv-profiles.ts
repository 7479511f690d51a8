// CSV -> profiles and score tables (pure: takes file text, returns data plus row problems).
//
// Profile CSV (header row, any column order; lists separated by ";"):
//   mentees: id, department, team, manager_id, seniority, timezone, availability, skills_want, goals,
//            prefer_other_department (true/false), seniority_gap ("1-2")
//   mentors: id, department, team, manager_id, seniority, timezone, availability, skills_have, topics, capacity
//   skills are "name:level" (level 1–5, default 3), e.g. "sql:4;python"; timezone is a UTC offset in hours.
// Score table CSV: header mentee,mentor,score. Capacities CSV: header mentor,capacity.

import { parse } from 'csv-parse/sync';
import { MatchingError } from './errors.ts';
import type { MenteeProfile, MentorProfile, ScoreTable, SkillLevel } from './types.ts';

type Row = Record<string, string>;

function rows(text: string, required: string[], what: string): Row[] {
  let records: Row[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (e) {
    throw new MatchingError('INVALID_INPUT', `${what}: not valid CSV (${(e as Error).message})`);
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = required.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0) throw new MatchingError('INVALID_INPUT', `${what}: header lacks column(s) ${missing.join(', ')}`, { missing });
  return records;
}

const list = (v: string | undefined): string[] | undefined =>
  v ? v.split(';').map((x) => x.trim()).filter((x) => x !== '') : undefined;

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

const str = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);

function skills(v: string | undefined): SkillLevel[] | undefined {
  return list(v)?.map((s) => {
    const [skill, level] = s.split(':');
    return { skill: skill.trim(), level: num(level) ?? 3 };
  });
}

function common(r: Row) {
  return {
    id: r.id ?? '',
    department: str(r.department),
    team: str(r.team),
    managerId: str(r.manager_id),
    seniority: num(r.seniority),
    timezone: num(r.timezone),
    availability: list(r.availability),
  };
}

/** Parses a mentee profile CSV. */
export function parseMentees(text: string): MenteeProfile[] {
  return rows(text, ['id'], 'mentees').map((r) => {
    const gap = r.seniority_gap?.split('-').map(Number);
    const pref = r.prefer_other_department?.toLowerCase();
    return {
      ...common(r),
      skillsWant: skills(r.skills_want),
      goals: list(r.goals),
      preferOtherDepartment: pref ? ['true', 'yes', '1', 'y'].includes(pref) : undefined,
      seniorityGap: gap && gap.length === 2 && gap.every(Number.isFinite) ? [gap[0], gap[1]] : undefined,
    };
  });
}

/** Parses a mentor profile CSV; a blank or malformed capacity is passed through for per-person reporting. */
export function parseMentors(text: string): MentorProfile[] {
  return rows(text, ['id', 'capacity'], 'mentors').map((r) => ({
    ...common(r),
    skillsHave: skills(r.skills_have),
    topics: list(r.topics),
    // Keep malformed text as is so the per-person issue quotes what the file said.
    capacity: (r.capacity !== undefined && r.capacity !== '' && Number.isFinite(Number(r.capacity)) ? Number(r.capacity) : (r.capacity ?? '')) as number,
  }));
}

/** Parses a score table and capacities CSV pair. */
export function parseScoreTable(scoresText: string, capacitiesText: string): ScoreTable {
  return {
    pairs: rows(scoresText, ['mentee', 'mentor', 'score'], 'scores').map((r) => ({
      mentee: r.mentee,
      mentor: r.mentor,
      score: r.score === '' ? Number.NaN : Number(r.score),
    })),
    capacities: rows(capacitiesText, ['mentor', 'capacity'], 'capacities').map((r) => ({
      mentor: r.mentor,
      capacity: r.capacity === '' ? Number.NaN : Number(r.capacity),
    })),
  };
}

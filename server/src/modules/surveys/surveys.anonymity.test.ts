// Anonymity on every route: every surveys route (each method, each survey, each list, breakdown and filter) and every
// other GET route of the app that needs no id or names a respondent, called as an org admin, an analyst, the creator
// (a community moderator), a respondent and a person of another organization, before and after every state change.
// No response that carries an anonymous answer may carry a respondent's id, name or email, and no figure may cover
// 1–4 respondents. The routes come from the running app (route-sweep.routes.ts' inventory), so new ones are swept too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { inventory, isMutating, isPublic, type Route } from '../../../test/route-sweep.routes.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const roles: Record<string, Client> = {};
const respondents: { id: string; name: string; email: string; c: Client }[] = [];
const markers: string[] = [];
const surveyIds: Record<string, string> = {};
let liveSessionId = '';
let routes: Route[] = [];

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ SURVEY_INTERVAL_SECONDS: '0', EVENT_REMINDER_INTERVAL_SECONDS: '0', DIGEST_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '10000', API_RATE_LIMIT_PER_MINUTE: '1000000' });
  const org = await t.buildOrg('Anonymity Org');
  const other = await t.buildOrg('Other Org');
  roles.admin = await t.signIn((await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] })).email);
  roles.analyst = await t.signIn((await t.buildPerson(org.id, { name: 'Ana Analyst', roles: ['analyst'] })).email);
  const creator = await t.buildPerson(org.id, { name: 'Cleo Creator', roles: ['facilitator'], department: 'Sales' });
  roles.creator = await t.signIn(creator.email);
  roles.outsider = await t.signIn((await t.buildPerson(other.id, { name: 'Otto Outsider', roles: ['admin', 'analyst'] })).email);
  for (const [i, department] of ['Sales', 'Sales', 'Sales', 'Sales', 'Sales', 'Design', 'Design', 'Legal'].entries()) {
    const p = await t.buildPerson(org.id, { name: `Rhea Respondent${i}`, department });
    respondents.push({ id: p.id, name: p.name, email: p.email, c: await t.signIn(p.email) });
  }
  roles.respondent = respondents[0].c;
  routes = inventory(t.app);

  // The creator's community (all respondents join) and three anonymous surveys: answered by 8 (figures shown,
  // breakdown with hidden groups), by 3 (withheld), and a live session's automatic feedback answered by 4 (withheld).
  const community = (await roles.creator.post('/api/communities', { name: 'Anonymity guild', description: 'x', visibility: 'open' })).json();
  for (const r of respondents) await r.c.post(`/api/communities/${community.id}/join`, { acceptRulesVersion: 1 });
  const answer = async (c: Client, surveyId: string, marker: string) => {
    const s = (await c.get(`/api/surveys/${surveyId}`)).json();
    markers.push(marker);
    const res = await c.post(`/api/surveys/${surveyId}/responses`, {
      answers: s.questions.map((q: { id: string; type: string }) => (q.type === 'text' ? { questionId: q.id, text: `I think ${marker}` } : { questionId: q.id, value: q.type === 'nps' ? 7 : 3 })),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  for (const [key, n] of [['shown', 8], ['withheld', 3]] as const) {
    const s = (await roles.creator.post('/api/surveys', { kind: 'pulse', title: `Pulse ${key}`, audienceKind: 'community', audienceId: community.id, closesAt: inDays(5) })).json();
    expect((await roles.creator.post(`/api/surveys/${s.id}/open`)).statusCode).toBe(200);
    surveyIds[key] = s.id;
    for (const [i, r] of respondents.slice(0, n).entries()) await answer(r.c, s.id, `zq${key}${i}marker`);
  }
  const live = (await roles.creator.post('/api/live-sessions', { title: 'Anonymity live', startsAt: inDays(1) })).json();
  liveSessionId = live.id;
  for (const r of respondents.slice(0, 4)) await r.c.post(`/api/live-sessions/${live.id}/join`);
  await roles.creator.post(`/api/live-sessions/${live.id}/start`);
  await roles.creator.post(`/api/live-sessions/${live.id}/end`);
  const feedback = (await eventually(async () => ((await respondents[0].c.get('/api/surveys')).json().items as { id: string; automatic: boolean }[]).find((s) => s.automatic), Boolean)) as { id: string };
  surveyIds.feedback = feedback.id;
  for (const [i, r] of respondents.slice(0, 4).entries()) await answer(r.c, feedback.id, `zqfeedback${i}marker`);
}, 300_000);
afterAll(() => t.close());

/** Every figure in a results document (JSON) covers 0 or at least 5 respondents. */
function smallFigures(doc: unknown, path = ''): string[] {
  if (!doc || typeof doc !== 'object') return [];
  const o = doc as Record<string, unknown>;
  const out: string[] = [];
  if ('withheld' in o && 'answered' in o && !o.withheld && typeof o.answered === 'number' && o.answered > 0 && o.answered < 5) out.push(`${path}: question over ${o.answered}`);
  if ('withheld' in o && 'responses' in o && typeof o.responses === 'number' && o.responses > 0 && o.responses < 5) out.push(`${path}: results over ${o.responses}`);
  if ('group' in o && typeof o.responses === 'number' && o.responses < 5) out.push(`${path}: group over ${o.responses}`);
  for (const [k, v] of Object.entries(o)) out.push(...smallFigures(v, `${path}.${k}`));
  return out;
}

/** The CSV's `answered` column (6th) holds 0 or at least 5. */
function smallCsvFigures(csv: string): string[] {
  return csv
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells.length >= 6 && /^[1-4]$/.test(cells[5]))
    .map((cells) => `csv row over ${cells[5]}: ${cells.join(',')}`);
}

/** The URLs to call for a route: surveys routes for each survey and with each list, breakdown and filter; others as is. */
function urlsFor(r: Route): string[] {
  const surveys = Object.values(surveyIds);
  if (r.path.startsWith('/api/surveys')) {
    if (r.path === '/api/surveys') return ['/api/surveys', '/api/surveys?list=for-me', '/api/surveys?list=managed'];
    if (r.path === '/api/surveys/feedback') return [`/api/surveys/feedback?liveSessionId=${liveSessionId}`];
    const base = surveys.map((id) => r.path.replace('{id}', id));
    if (!r.path.includes('/results')) return base;
    return base.flatMap((u) => [u, `${u}?by=department`, ...['Sales', 'Design', 'Legal', 'Not stated'].map((d) => `${u}?department=${encodeURIComponent(d)}`)]);
  }
  // Other routes: the ones without path parameters, and those naming a person (a respondent's profile and activity).
  if (!r.path.includes('{')) return [r.path, ...(r.path === '/api/search' ? markers.slice(0, 3).map((m) => `/api/search?q=${m}`) : [])];
  if (/^\/api\/people\/\{id\}(\/[a-z-]+)?$/.test(r.path)) return respondents.slice(0, 2).map((p) => r.path.replace('{id}', p.id));
  return [];
}

/** A plausible body for a surveys write (edits, answers); other writes are not sent. */
function bodyFor(r: Route): unknown {
  if (r.method === 'PATCH') return { title: 'Renamed by the sweep' };
  if (r.path.endsWith('/responses')) return { answers: [] };
  return undefined;
}

describe('surveys: anonymity on every route and for every role', () => {
  it('never puts an anonymous answer beside a respondent, and never shows a figure over 1–4 people', async () => {
    const leaks: string[] = [];
    const identities = respondents.flatMap((r) => [r.id, r.name, r.email]);
    let calls = 0;
    const check = (who: string, method: string, url: string, status: number, body: string) => {
      calls++;
      if (status >= 500) leaks.push(`${who} ${method} ${url} → ${status}`);
      const carries = markers.filter((m) => body.includes(m));
      const named = identities.filter((x) => body.includes(x));
      if (carries.length && named.length) leaks.push(`${who} ${method} ${url}: answers ${carries.join(' ')} beside ${named.join(', ')}`);
      if (body.startsWith('{')) leaks.push(...smallFigures(JSON.parse(body)).map((f) => `${who} ${method} ${url} ${f}`));
      if (url.includes('results.csv')) leaks.push(...smallCsvFigures(body).map((f) => `${who} ${url} ${f}`));
    };
    const getPass = async () => {
      for (const r of routes.filter((x) => x.method === 'GET' && !isPublic(x) && !x.path.startsWith('/api/docs'))) {
        for (const url of urlsFor(r)) for (const [who, c] of Object.entries(roles)) {
          const res = await c.get(url);
          check(who, 'GET', url, res.statusCode, res.body);
        }
      }
    };
    await getPass();
    // Every surveys write, by every role (the respondent and others try to answer again, edit, open and close).
    for (const r of routes.filter((x) => isMutating(x.method) && x.path.startsWith('/api/surveys/{id}'))) {
      for (const url of urlsFor(r)) for (const [who, c] of Object.entries(roles)) {
        const res = await c.send({ method: r.method as 'POST', url, payload: bodyFor(r) as never });
        check(who, r.method, url, res.statusCode, res.body);
      }
    }
    // After the writes (some surveys are now closed), every read again.
    await getPass();
    expect(calls).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
    // The sweep read real figures: the 8-respondent survey's results are shown to the analyst, the others are withheld.
    expect((await roles.analyst.get(`/api/surveys/${surveyIds.shown}/results`)).json()).toMatchObject({ withheld: false, responses: 8 });
    expect((await roles.admin.get(`/api/surveys/${surveyIds.withheld}/results`)).json()).toMatchObject({ withheld: true, responses: null });
    expect((await roles.creator.get(`/api/surveys/feedback?liveSessionId=${liveSessionId}`)).json().results).toMatchObject({ withheld: true });
  }, 600_000);
});

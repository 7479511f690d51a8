// The route sweep's seed: organization A with one thing of every kind a route can name (community, thread, post,
// resource, program, event, live session with a breakout group, mentoring relationship, media, notification …)
// and organization B, whose admin must never reach them.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { runCheckinReminders } from '../src/modules/checkins/index.ts';
import type { TestApp } from './harness.ts';
import { type Client, excerpt, type Json, type Route, type Schema } from './route-sweep.routes.ts';


/**
 * Seeds organization A with one thing of every kind the routes name (filling `ids`; a failed step is recorded in
 * `seedProblems`) and organization B with an admin; returns both admins.
 */
export async function seed(
  t: TestApp,
  s: { ids: Record<string, string>; seedProblems: string[]; editors: Client[]; routes: Route[]; gen: (schema: Schema) => unknown },
): Promise<{ aAdmin: Client; bAdmin: Client }> {
  const { ids, seedProblems, editors, routes, gen } = s;
  const ok = async (what: string, res: Promise<LightMyRequestResponse>, expectStatus = [200, 201]) => {
    const r = await res;
    if (!expectStatus.includes(r.statusCode)) {
      seedProblems.push(`${what}: ${r.statusCode} ${excerpt(r)}`);
      return undefined;
    }
    return r.body ? (r.json() as Json) : {};
  };
  const put = (c: Client, url: string, payload: unknown) => c.send({ method: 'PUT', url, payload: payload as never });
  const orgA = await t.buildOrg(`Sweep A ${randomUUID().slice(0, 6)}`);
  const orgB = await t.buildOrg(`Sweep B ${randomUUID().slice(0, 6)}`);
  const pa = await t.buildPerson(orgA.id, { name: 'Ada Admin', roles: ['admin', 'facilitator'], department: 'People' });
  const pm = await t.buildPerson(orgA.id, { name: 'Max Mentor', department: 'Data' });
  const learners = [];
  for (const [i, dept] of ['Sales', 'Design', 'Finance', 'Sales'].entries()) learners.push(await t.buildPerson(orgA.id, { name: `Lena Learner ${i}`, department: dept }));
  const pb = await t.buildPerson(orgB.id, { name: 'Bo Other-Org Admin', roles: ['admin', 'facilitator'] });
  const aAdmin = await t.signIn(pa.email);
  const bAdmin = await t.signIn(pb.email);
  const mentor = await t.signIn(pm.email);
  const lc: Client[] = [];
  for (const l of learners) lc.push(await t.signIn(l.email));
  const l1 = lc[0];
  editors.push(aAdmin, l1, mentor);
  ids.person = learners[0].id;

  const community = await ok('community', aAdmin.post('/api/communities', { name: 'Sweep Guild', description: 'Org A only', visibility: 'open' }));
  if (community) ids.community = String(community.id);
  if (ids.community) for (const c of lc) await ok('join community', c.post(`/api/communities/${ids.community}/join`, { acceptRulesVersion: Number(community?.rulesVersion ?? 1) || 1 }));
  const thread = ids.community && (await ok('thread', aAdmin.post(`/api/communities/${ids.community}/threads`, { kind: 'question', title: 'Sweep question', body: 'How do we sweep?' })));
  if (thread) ids.thread = String(thread.id);
  const post = ids.thread && (await ok('post', l1.post(`/api/threads/${ids.thread}/posts`, { body: 'Like this.' })));
  if (post) ids.post = String(post.id);
  const resource = await ok('resource', aAdmin.post('/api/resources', { type: 'article', title: 'Sweep article', url: 'https://example.com/sweep-a', communityId: ids.community ?? null }));
  if (resource) ids.resource = String(resource.id);
  const collection = await ok('collection', aAdmin.post('/api/collections', { title: 'Sweep shelf', communityId: ids.community ?? null }));
  if (collection) ids.collection = String(collection.id);
  if (ids.collection && ids.resource) await ok('collection item', put(aAdmin, `/api/collections/${ids.collection}/items/${ids.resource}`, {}), [200, 201, 204]);
  const pathway = await ok('pathway', aAdmin.post('/api/pathways', { title: 'Sweep path', communityId: ids.community, steps: [{ kind: 'task', title: 'Do one thing' }] }));
  if (pathway) {
    ids.pathway = String(pathway.id);
    const steps = pathway.steps as { id: string }[] | undefined;
    if (steps?.[0]) ids.pathwayStep = steps[0].id;
    else seedProblems.push(`pathway step: no steps[0].id in ${JSON.stringify(pathway).slice(0, 200)}`);
  }

  const route = (m: string, p: string) => routes.find((r) => r.method === m && r.path === p);
  const progRoute = route('POST', '/api/programs');
  const sessionSchema = progRoute?.body?.properties?.sessions?.items;
  const program = await ok('program', aAdmin.post('/api/programs', { title: 'Sweep program', sessions: sessionSchema ? [{ ...(gen(sessionSchema) as Json), title: 'Kick-off' }] : [] }));
  if (program) {
    ids.program = String(program.id);
    const sessions = program.sessions as { id: string }[] | undefined;
    if (sessions?.[0]) ids.programSession = sessions[0].id;
    else seedProblems.push(`program session: no sessions[0].id in ${JSON.stringify(program).slice(0, 200)}`);
    await ok('program enrollments', aAdmin.post(`/api/programs/${ids.program}/enrollments`, { personIds: learners.map((l) => l.id) }), [200, 201, 204]);
    const plan = await ok('program plan', aAdmin.post(`/api/programs/${ids.program}/plans`, { kind: 'cohorts', size: 2 }));
    if (plan) ids.programPlan = String(plan.id);
  }

  const event = await ok(
    'event',
    aAdmin.post('/api/events', { title: 'Sweep workshop', kind: 'workshop', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(), timeZone: 'Europe/Berlin' }),
  );
  if (event) {
    ids.event = String(event.id);
    await ok('event rsvp', put(l1, `/api/events/${ids.event}/rsvp`, gen(route('PUT', '/api/events/{id}/rsvp')?.body ?? {})), [200, 201, 204]);
    const q = await ok('event question', l1.post(`/api/events/${ids.event}/questions`, { body: 'Will there be slides?' }));
    if (q) ids.eventQuestion = String(q.id);
  }

  const entry = await ok('journal entry', aAdmin.post('/api/journal', { body: 'Private to its author' }));
  if (entry) ids.journalEntry = String(entry.id);
  const plan = await ok('action plan', aAdmin.post('/api/action-plans', { title: 'Apply it' }));
  if (plan) ids.actionPlan = String(plan.id);
  const item = ids.actionPlan && (await ok('action item', aAdmin.post(`/api/action-plans/${ids.actionPlan}/items`, { title: 'Try it', peerIds: [learners[0].id] })));
  if (item) ids.actionItem = String(item.id);
  const conversation = await ok('conversation', aAdmin.post('/api/conversations', { personIds: [learners[0].id] }));
  if (conversation) {
    ids.conversation = String(conversation.id);
    await ok('message', aAdmin.post(`/api/conversations/${ids.conversation}/messages`, { body: 'Private to org A' }));
  }

  // Live session with a breakout group: four learners join, the facilitator starts and advances to the groups segment.
  const live = await ok('live session', aAdmin.post('/api/live-sessions', { title: 'Sweep live', startsAt: new Date(Date.now() + 86_400_000).toISOString() }));
  if (live) {
    ids.liveSession = String(live.id);
    const segs = live.segments as { id: string; kind: string }[] | undefined;
    ids.liveSegment = segs?.find((s) => s.kind === 'poll')?.id ?? segs?.[0]?.id ?? '';
    if (!ids.liveSegment) delete ids.liveSegment;
    for (const c of lc) await ok('live join', c.post(`/api/live-sessions/${ids.liveSession}/join`));
    await ok('live start', aAdmin.post(`/api/live-sessions/${ids.liveSession}/start`));
    for (let i = 0; i < 10; i++) {
      const st = await ok('live state', aAdmin.get(`/api/live-sessions/${ids.liveSession}/state`));
      const seg = st?.segment as { id: string; kind: string } | undefined;
      if (!seg || seg.kind === 'groups') break;
      if (!(await ok('live advance', aAdmin.post(`/api/live-sessions/${ids.liveSession}/advance`, { fromSegmentId: seg.id })))) break;
    }
    const mine = await ok('live state (learner)', l1.get(`/api/live-sessions/${ids.liveSession}/state`));
    const g = mine?.myGroup as { id: string } | undefined;
    if (g?.id) ids.liveGroup = g.id;
    else seedProblems.push(`live group: no myGroup in state ${JSON.stringify(mine).slice(0, 200)}`);
  }

  // Mentoring: a mentor profile, a mentee profile, a request accepted into a relationship with a goal, note and meeting.
  await ok('mentor profile', put(mentor, '/api/mentoring/profile', { mentor: { skills: [{ skill: 'sql', level: 5 }], topics: ['growth'], capacity: 3, availabilityHours: 2, seniority: 5, preferences: {}, active: true } }));
  await ok('mentee profile', put(l1, '/api/mentoring/profile', { mentee: { goals: ['growth'], skills: [{ skill: 'sql', level: 3 }], seniority: 2, preferences: {}, active: true } }));
  const request = await ok('mentoring request', l1.post('/api/mentoring/requests', { mentorId: pm.id, message: 'Help me with SQL?' }));
  if (request) {
    ids.mentoringRequest = String(request.id);
    const acc = await ok('accept request', mentor.post(`/api/mentoring/requests/${ids.mentoringRequest}/accept`, { message: 'Sure' }));
    if (acc?.relationshipId) ids.relationship = String(acc.relationshipId);
  }
  if (ids.relationship) {
    const rel = `/api/mentoring/relationships/${ids.relationship}`;
    const goal = await ok('goal', l1.post(`${rel}/goals`, { title: 'Write a window function' }));
    if (goal) ids.mentoringGoal = String(goal.id);
    const note = await ok('note', l1.post(`${rel}/notes`, { body: 'Private mentoring note' }));
    if (note) ids.mentoringNote = String(note.id);
    const meeting = await ok('meeting', l1.post(`${rel}/meetings`, { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), durationMinutes: 30, emailInvite: false }));
    if (meeting) ids.mentoringMeeting = String(meeting.id);
    for (const k of ['mentoringGoal', 'mentoringNote', 'mentoringMeeting']) if (ids[k] === 'undefined') delete ids[k];
  }
  const eq = await ok('expert question', l1.post('/api/mentoring/expert-questions', { skill: 'sql', question: 'What is a CTE?' }));
  if (eq) ids.expertQuestion = String(eq.id);
  const run = await ok('match run', aAdmin.post('/api/mentoring/match-runs', {}));
  if (run) ids.matchRun = String(run.id);

  // An open anonymous survey of the organization, answered by one learner.
  const survey = await ok('survey', aAdmin.post('/api/surveys', { kind: 'nps', title: 'Sweep pulse', audienceKind: 'org', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }));
  if (survey) {
    ids.survey = String(survey.id);
    await ok('survey open', aAdmin.post(`/api/surveys/${ids.survey}/open`));
    const qs = survey.questions as { id: string; type: string }[];
    await ok('survey answer', l1.post(`/api/surveys/${ids.survey}/responses`, { answers: qs.map((q) => (q.type === 'nps' ? { questionId: q.id, value: 9 } : { questionId: q.id, text: 'Sweep' })) }));
  }

  // A check-in: a program that ended three weeks ago with a one-week check-in; Max manages the learner enrolled.
  await ok('manager', aAdmin.patch(`/api/people/${learners[1].id}`, { managerId: pm.id }));
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const ended = await ok('check-in program', aAdmin.post('/api/programs', { title: 'Sweep check-in program', startsOn: day(-30), endsOn: day(-21), checkinWeeks: 1 }));
  if (ended) {
    await ok('check-in program open', aAdmin.patch(`/api/programs/${ended.id}`, { status: 'open' }));
    await ok('check-in enrolment', aAdmin.post(`/api/programs/${ended.id}/enrollments`, { personIds: [learners[1].id] }));
    await runCheckinReminders(t.deps);
    const mine = await ok('check-ins', mentor.get('/api/checkins'));
    const first = (mine?.asManager as { id: string }[] | undefined)?.[0];
    if (first) ids.checkin = first.id;
    else seedProblems.push(`checkin: none for the manager in ${JSON.stringify(mine).slice(0, 200)}`);
  }

  // Media: a one-pixel PNG uploaded as multipart.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const boundary = `sweep${randomUUID().slice(0, 8)}`;
  const multipart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const media = await ok('media', aAdmin.send({ method: 'POST', url: '/api/media', payload: multipart, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }));
  if (media) ids.media = String(media.id);

  // A notification for the thread author (the reply above); delivery may be asynchronous.
  for (let i = 0; i < 40 && !ids.notification; i++) {
    const items = ((await aAdmin.get('/api/notifications')).json().items ?? []) as { id: string }[];
    if (items[0]) ids.notification = items[0].id;
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (!ids.notification) seedProblems.push('notification: the thread author got none');
  for (const [k, v] of Object.entries(ids)) if (!v || v === 'undefined') {
    seedProblems.push(`${k}: empty id`);
    delete ids[k];
  }
  return { aAdmin, bAdmin };
}

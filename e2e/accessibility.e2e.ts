import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE, type Finding, scan } from './support/axe.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

describe('accessibility: every main screen passes axe (WCAG 2.1 A and AA) on desktop and phone', () => {
  let hearth: Hearth;
  let desktop: Browser;
  let phone: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    desktop = await launchBrowser({ bypassCSP: true });
    phone = await launchBrowser({ width: 390, height: 844, bypassCSP: true });
    // axe comes with every page these two contexts open.
    for (const b of [desktop, phone]) await b.context.addInitScript({ content: AXE });
  });
  afterAll(async () => {
    await phone?.close();
    await desktop?.close();
    await hearth?.stop();
  });

  it('finds no violations on the sign-in page, the signed-in screens and the forms', async () => {
    const findings: Finding[] = [];
    for (const path of ['/sign-in', '/forgot-password', '/confirm-email', '/dispute-email-change']) findings.push(...(await scan(desktop.page, hearth.url, path)));
    await signIn(desktop.page, hearth.url, 'admin@example.com');
    await signIn(phone.page, hearth.url, 'admin@example.com');

    // Ids of one of each kind of thing in the demo organization, read through the API as the admin.
    const get = async <T,>(url: string) => (await (await desktop.page.request.get(`${hearth.url}${url}`)).json()) as T;
    const first = async (url: string) => (await get<{ items: { id: string }[] }>(url)).items[0]?.id;
    const community = await get<{ id: string }>('/api/communities/data-guild');
    const ids = {
      me: (await get<{ person: { id: string } }>('/api/me')).person.id,
      thread: await first(`/api/communities/${community.id}/threads?limit=1`),
      program: await first('/api/programs?limit=1'),
      relationship: await first('/api/mentoring/relationships?scope=program'),
      live: await first('/api/live-sessions?limit=1'),
      resource: await first('/api/resources?limit=1'),
    };
    for (const [k, v] of Object.entries(ids)) expect(v, `a demo ${k}`).toBeTruthy();

    const screens = [
      '/',
      '/people',
      `/people/${ids.me}`,
      '/communities',
      '/communities/data-guild',
      '/communities/data-guild/resources',
      '/communities/data-guild/members',
      '/communities/data-guild/new-thread',
      `/threads/${ids.thread}`,
      '/library',
      `/resources/${ids.resource}`,
      '/pathways',
      '/programs',
      `/programs/${ids.program}`,
      `/programs/${ids.program}/plan`,
      `/programs/${ids.program}/checkins`,
      '/checkins',
      '/events',
      '/live',
      `/live/${ids.live}`,
      `/live/${ids.live}/console`,
      `/live/${ids.live}/plan`,
      '/mentoring',
      '/experts',
      '/mentoring/requests',
      '/mentoring/admin',
      `/mentoring/relationships/${ids.relationship}`,
      '/notifications',
      '/notifications/settings',
      '/messages',
      '/messages/new',
      '/search?q=sql',
      '/surveys',
      '/network/me',
      '/admin/people',
      '/admin/system',
      '/admin/network',
      '/admin/audit',
      '/admin/settings',
      '/communities/new',
      '/events/new',
      '/pathways/new',
      '/programs/new',
      '/live/new',
      '/surveys/new',
    ];
    for (const path of screens) findings.push(...(await scan(desktop.page, hearth.url, path)));
    // The month grid's shape depends on the day it is drawn (days of the months around it, 4 to 6 weeks, where today
    // falls), so it is also scanned with the browser's clock on fixed days: February 2026 (whole weeks when they start
    // on Sunday, as in en-US), month and year ends, and a 29 February. The result no longer depends on the run's day.
    for (const today of ['2026-02-15', '2027-01-31', '2027-12-31', '2028-02-29']) {
      await desktop.page.clock.setFixedTime(new Date(`${today}T12:00:00`));
      for (const f of await scan(desktop.page, hearth.url, '/events')) findings.push({ ...f, page: `/events on ${today}` });
    }
    // On a phone the shell is different (top bar, bottom tabs, "More"): the busiest screens again.
    for (const path of ['/', '/people', '/communities/data-guild', `/threads/${ids.thread}`, '/events', `/live/${ids.live}`, '/mentoring', '/admin/people', '/admin/audit', '/admin/settings']) {
      findings.push(...(await scan(phone.page, hearth.url, path)));
    }
    expect(findings, findings.map((f) => `${f.page} @${f.width}px: [${f.impact}] ${f.rule} at ${f.targets.join(' | ')}`).join('\n')).toEqual([]);
    // 50 screens on a shared 2-core machine: more than the default minute per journey.
  }, 180_000);
});

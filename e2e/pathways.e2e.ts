import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { callApi } from './support/call-api.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('pathways-');

describe('pathways: build a pathway from a shared resource and a task, a peer enrols, progress shows live', () => {
  let hearth: Hearth;
  let maya: Browser;
  let sam: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    maya = await launchBrowser();
    sam = await launchBrowser();
  });
  afterAll(async () => {
    await sam?.close();
    await maya?.close();
    await hearth?.stop();
  });

  it('lets Maya publish a pathway, Sam enrol and tick a step, and Maya see 1 of 2 without reloading', async () => {
    await withFailureShots('pathways-', { maya, sam }, journey);
  });

  async function journey() {
    const m = maya.page;
    const s = sam.page;
    const title = 'Your first month as a manager';

    // Maya shares two links in Leading Teams (the resources UI is another screen; the API is the same).
    await signIn(m, hearth.url, 'maya.patel@example.com');
    const communities = await callApi<{ items: { id: string; slug: string; name: string }[] }>(m, 'GET', '/api/communities?mine=true&limit=100');
    const leading = communities.items.find((c) => c.slug === 'leading-teams');
    if (!leading) throw new Error('demo community leading-teams not found');
    const guide = await callApi<{ id: string }>(m, 'POST', '/api/resources', {
      communityId: leading.id,
      type: 'article',
      title: 'The one-to-one playbook',
      url: 'https://example.com/one-to-one-playbook',
    });
    const stale = await callApi<{ id: string }>(m, 'POST', '/api/resources', { communityId: leading.id, type: 'video', title: 'Old onboarding video', url: 'https://example.com/old-video' });

    // The pathways page: empty "My pathways", a Create button in the nav-reachable page.
    await m.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Pathways' }).click();
    await m.getByRole('heading', { level: 1, name: 'Learning pathways' }).waitFor();
    await m.getByText("You haven't enrolled in a pathway yet.", { exact: false }).waitFor();
    await snap(m, '01-list-empty');
    await m.getByRole('link', { name: 'Create pathway' }).first().click();
    await m.getByRole('heading', { level: 1, name: 'Create a pathway' }).waitFor();
    await m.getByLabel('Title', { exact: true }).fill(title);
    await m.getByLabel('Description').fill('Four weeks of habits that make new managers effective: one-to-ones, feedback and a first team ritual.');
    await m.getByLabel('Community').selectOption({ label: leading.name });

    const steps = m.getByRole('list', { name: 'Steps' });
    const step = (n: number) => steps.getByRole('listitem').filter({ has: m.getByRole('heading', { name: new RegExp(`^Step ${n}:`) }) });

    // A task first, then a resource; Move up puts the resource first and keeps focus on the moved step.
    // A new step takes the focus on the next frame; typing waits for it, or the move would take the keystrokes.
    const focusedOn = (n: number) => eventually(() => m.evaluate(() => document.activeElement?.textContent ?? ''), (t) => t.trim().startsWith(`Step ${n}:`), `focus on step ${n}`);
    await m.getByRole('button', { name: 'Add a task' }).click();
    await focusedOn(1);
    await step(1).getByLabel('Step title').fill('Hold a one-to-one with each report');
    await step(1).getByLabel('Due date').fill('2020-01-15');
    await m.getByRole('button', { name: 'Add a resource' }).click();
    await m.getByRole('list', { name: 'Resources for step 2' }).getByRole('button', { name: /Old onboarding video/ }).click();
    expect(await step(2).getByLabel('Step title').inputValue()).toBe('Old onboarding video');
    await m.getByRole('button', { name: 'Move step 2 up' }).press('Enter');
    expect(await step(1).getByRole('heading').innerText()).toContain('Resource');
    await eventually(() => m.evaluate(() => document.activeElement?.getAttribute('aria-label')), (v) => v === 'Move step 1 down', 'focus on the moved step');

    // A discussion step found through search, then removed again.
    await m.getByRole('button', { name: 'Add a discussion' }).click();
    await focusedOn(3);
    await m.getByRole('searchbox', { name: 'Find a discussion for step 3' }).fill('joined team');
    await m.getByRole('list', { name: 'Discussions for step 3' }).getByRole('button', { name: /first one-to-one/ }).click();
    expect(await step(3).getByLabel('Step title').inputValue()).toMatch(/^Join the discussion: How do you run a first one-to-one/);
    await m.getByRole('button', { name: 'Remove step 3' }).click();
    expect(await steps.getByRole('listitem').count()).toBe(2);
    // Focus goes to the step before it, on the next frame.
    await focusedOn(2);

    // An empty step title is caught in the browser, next to the field.
    await step(2).getByLabel('Step title').fill('');
    await m.getByRole('button', { name: 'Publish' }).click();
    await step(2).getByText('Give the step a title.').waitFor();
    await step(2).getByLabel('Step title').fill('Hold a one-to-one with each report');

    // The chosen video is deleted meanwhile: the server's steps.0.resourceId error lands on that step's picker.
    await callApi(m, 'DELETE', `/api/resources/${stale.id}`);
    await m.getByRole('button', { name: 'Publish' }).click();
    await step(1).getByText('Not found or not visible to you').waitFor();
    await snap(m, '02-editor-errors');
    await step(1).getByRole('button', { name: 'Change the resource of step 1' }).click();
    await m.getByRole('list', { name: 'Resources for step 1' }).getByRole('button', { name: /The one-to-one playbook/ }).click();
    await step(1).getByLabel('Step title').fill('Read the one-to-one playbook');
    await m.getByRole('button', { name: 'Save draft' }).click();

    // A draft: only Maya sees it, under "Made by me" marked Draft; she publishes it from the banner.
    await m.waitForURL((u) => /^\/pathways\/[0-9a-f-]{36}$/.test(u.pathname));
    const pathwayUrl = m.url();
    await m.getByRole('heading', { level: 1, name: title }).waitFor();
    const banner = m.getByRole('status').filter({ hasText: 'Only you can see this pathway' });
    await banner.waitFor();
    expect(await m.getByRole('button', { name: 'Enrol' }).count()).toBe(0);
    await snap(m, '03-draft');
    await m.getByRole('link', { name: 'Pathways', exact: true }).first().click();
    const draftCard = m.getByRole('list', { name: 'Made by me' }).getByRole('article', { name: title });
    await draftCard.waitFor();
    await draftCard.getByText('Draft', { exact: true }).waitFor();
    await m.getByRole('list', { name: 'All pathways' }).getByRole('article', { name: title }).waitFor();
    await snap(m, '04-list-draft');
    await draftCard.getByRole('link', { name: title }).click();
    await banner.getByRole('button', { name: 'Publish' }).click();
    await banner.waitFor({ state: 'detached' });

    // Published: Maya owns it and moderates its community.
    expect(m.url()).toBe(pathwayUrl);
    expect(await m.getByRole('link', { name: /The one-to-one playbook/ }).getAttribute('href')).toBe('https://example.com/one-to-one-playbook');
    await m.getByText('Due Jan 15, 2020', { exact: true }).waitFor();
    await m.getByRole('button', { name: 'Feature' }).click();
    await m.getByRole('button', { name: 'Unfeature' }).waitFor();
    await m.getByText('Nobody has enrolled yet.').waitFor();
    await snap(m, '05-pathway-author');
    expect(guide.id).toBeTruthy();

    // Sam finds it among the featured pathways, enrols and ticks the first step.
    await signIn(s, hearth.url, 'sam.okafor@example.com');
    await s.goto(`${hearth.url}/pathways`);
    const card = s.getByRole('list', { name: 'Featured' }).getByRole('article', { name: title });
    await card.waitFor();
    expect(await card.innerText()).toContain('2 steps');
    await card.getByRole('link', { name: title }).click();
    await s.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await s.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await s.getByRole('button', { name: 'Feature' }).count()).toBe(0);
    await snap(s, '06-pathway-visitor');
    await s.getByRole('button', { name: 'Enrol' }).click();
    const tick = s.getByRole('checkbox', { name: 'Read the one-to-one playbook' });
    await tick.check();
    await eventually(() => s.getByRole('progressbar', { name: 'Your progress' }).getAttribute('aria-valuenow'), (v) => v === '1', "Sam's own progress at 1");
    // For a learner, the task's past due date is flagged.
    await s.getByText('Overdue · Jan 15, 2020', { exact: true }).waitFor();
    await snap(s, '07-pathway-enrolled');

    // Maya, on the page she already had open, sees Sam at 1 of 2 appear without reloading.
    const samBar = m.getByRole('progressbar', { name: 'Progress of Sam Okafor' });
    await eventually(() => samBar.getAttribute('aria-valuetext').catch(() => null), (v) => v === '1 of 2 steps done', "Sam's progress on Maya's page");
    expect(m.url()).toBe(pathwayUrl);
    await m.getByText('1 learner', { exact: true }).waitFor();
    await snap(m, '08-author-sees-peer');

    // Sam hides his progress: Maya's panel says so, still live.
    await s.getByLabel('Hide my progress from peers').check();
    await m.getByText('Progress hidden').waitFor();
    expect(await samBar.count()).toBe(0);

    // Sam's "My pathways" shows the progress bar.
    await s.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Pathways' }).click();
    const mine = s.getByRole('list', { name: 'My pathways' }).getByRole('article', { name: title });
    await mine.waitFor();
    expect(await mine.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 of 2 steps done');
    await snap(s, '09-list-enrolled');

    // The community page lists its pathways with Sam's progress.
    await s.goto(`${hearth.url}/communities/leading-teams`);
    const side = s.getByRole('complementary', { name: 'Pathways' });
    await side.getByRole('link', { name: title }).waitFor();
    expect(await side.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 of 2 steps done');
    await snap(s, '10-community-card');

    // Maya's edit screen keeps the steps in order.
    await m.getByRole('link', { name: 'Edit' }).click();
    await m.getByRole('heading', { level: 1, name: 'Edit pathway' }).waitFor();
    expect(await step(1).getByLabel('Step title').inputValue()).toBe('Read the one-to-one playbook');
    expect(await step(2).getByLabel('Step title').inputValue()).toBe('Hold a one-to-one with each report');
    await snap(m, '11-edit');
  }
});

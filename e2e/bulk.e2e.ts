import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE, violationsNow } from './support/axe.ts';
import { callApi } from './support/call-api.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { screenshotter } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('bulk-');

describe('bulk tools: an L&D admin enrols people in bulk and assigns a pathway with a due date', () => {
  let hearth: Hearth;
  let alex: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    alex = await launchBrowser({ bypassCSP: true });
    await alex.context.addInitScript({ content: AXE });
  });
  afterAll(async () => {
    await alex?.close();
    await hearth?.stop();
  });

  it('previews a pasted list line by line, refuses nothing half-way, and applies a clean list', async () => {
    const a = alex.page;
    await signIn(a, hearth.url, 'admin@example.com');
    const program = await callApi<{ id: string }>(a, 'POST', '/api/programs', { title: 'Bulk lab' });
    // The people panel lives on the facilitator's plan page of the program.
    await a.goto(`${hearth.url}/programs/${program.id}/plan`);
    await a.getByRole('button', { name: 'Enrol in bulk' }).click();
    const dialog = a.getByRole('dialog', { name: 'Enrol people in bulk' });
    await dialog.getByLabel('Emails').fill('name,email\nMaya,maya.patel@example.com\nnobody@example.com\nSam,SAM.OKAFOR@example.com\nmaya.patel@example.com');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table').waitFor();
    const outcomes = await dialog.locator('tbody tr td:last-child').allTextContents();
    expect(outcomes).toEqual(['Will be enrolled', 'Unknown email', 'Will be enrolled', 'Duplicate line']);
    expect(await dialog.getByRole('button', { name: 'Enrol them' }).isDisabled()).toBe(true);
    await snap(a, 'enrol-preview');
    // The dialog with its preview table passes axe (WCAG 2.1 A and AA).
    const violations = await violationsNow(a, 'dialog[open]');
    expect(violations).toEqual([]);
    await dialog.getByLabel('Emails').fill('maya.patel@example.com\nsam.okafor@example.com');
    await dialog.getByLabel('Departments').fill('Design');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table').waitFor();
    await dialog.getByRole('button', { name: 'Enrol them' }).click();
    await a.locator('.alert-success').filter({ hasText: /people enrolled\./ }).waitFor();
    await a.getByRole('link', { name: 'Maya Patel' }).first().waitFor();
    await snap(a, 'enrol-done');
  }, 120_000);

  it('assigns a pathway with a due date; the completion view counts the assignees', async () => {
    const a = alex.page;
    const pw = await callApi<{ id: string }>(a, 'POST', '/api/pathways', { title: 'Feedback in a week', steps: [{ kind: 'task', title: 'Ask one colleague for feedback' }] });
    await callApi(a, 'PATCH', `/api/pathways/${pw.id}`, { status: 'published' });
    await a.goto(`${hearth.url}/pathways/${pw.id}`);
    await a.getByRole('button', { name: 'Assign' }).click();
    const dialog = a.getByRole('dialog', { name: /^Assign / });
    await dialog.getByLabel('Departments').fill('Engineering, Sales');
    await dialog.getByLabel('Reports of these managers').fill('maya.patel@example.com');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table').waitFor();
    await snap(a, 'assign-preview');
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await a.getByLabel('Assignment completion').waitFor();
    const counts = (await a.getByLabel('Assignment completion').textContent()) ?? '';
    expect(counts).toMatch(/0 completed · 0 started · \d+ not started · 0 overdue/);
    // The completion table names each assignee once, with their due date and where they are.
    await a.getByText('Who and where they are').click();
    const rows = a.getByRole('table', { name: /^Assignees/ }).locator('tbody tr');
    expect(await rows.count()).toBe(Number(/Assigned to (\d+)/.exec(counts)?.[1]));
    expect(new Set(await rows.locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['Not started']));
    await snap(a, 'assign-done');
  }, 120_000);
});

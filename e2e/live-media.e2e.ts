import { join } from 'node:path';
import type { Browser as PwBrowser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApiStatus as callApiShared } from './support/call-api.ts';
import { eventually } from './support/expect-eventually.ts';
import { sharedBrowser } from './support/launch-browser.ts';
import { screenshotter } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('live-media-');
const shots = process.env.E2E_SCREENSHOTS;
const FALLBACK = 'Audio/video unavailable — keep talking in the group chat';

type State = { segment: { id: string; kind: string } | null; myGroup: { id: string; active: boolean; members: { id: string; name: string }[] } | null };

const raw = (page: Page, method: string, url: string, body?: unknown) => callApiShared<any>(page, method, url, body);
async function callApi<T = any>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const r = await raw(page, method, url, body);
  if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/**
 * Records what the page's sockets carry: every client message sent (time and type) and the sender and kind of every
 * signal received. Installed before the app runs.
 */
function recordSocket() {
  const w = window as unknown as { __sent: { t: number; type: string; bytes: number }[]; __signals: { from: string; kind: string }[] };
  w.__sent = [];
  w.__signals = [];
  const Orig = window.WebSocket;
  class Recording extends Orig {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (e) => {
        try {
          const m = JSON.parse(String(e.data));
          if (m.type === 'signal') w.__signals.push({ from: m.from, kind: m.data?.kind });
        } catch {}
      });
    }
    send(data: string) {
      try {
        w.__sent.push({ t: performance.now(), type: JSON.parse(data).type, bytes: data.length });
      } catch {}
      super.send(data);
    }
  }
  window.WebSocket = Recording as typeof WebSocket;
}

/** Makes every camera/microphone request fail as a browser refusal does. */
function denyMedia() {
  navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
}

type Person = { email: string; name: string; id: string; context: BrowserContext; page: Page };

describe('breakout audio/video: three people in one group connect peer to peer over signals relayed by Hearth', () => {
  let hearth: Hearth;
  let browser: PwBrowser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    hearth = await startHearth();
    // The run's Chromium has a fake camera and microphone, granted without a prompt (global-setup.ts).
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await hearth?.stop();
  });

  async function person(email: string, opts: { width?: number; deny?: boolean } = {}): Promise<Person> {
    const width = opts.width ?? 1280;
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 } });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    await context.addInitScript(recordSocket);
    if (opts.deny) await context.addInitScript(denyMedia);
    const page = await context.newPage();
    await signIn(page, hearth.url, email);
    const me = await callApi<{ person: { id: string; name: string } }>(page, 'GET', '/api/me');
    return { email, name: me.person.name, id: me.person.id, context, page };
  }

  it('connects each of three members with both others, mutes, turns the camera off and on, refuses outsiders, falls back to chat', async () => {
    const all: Person[] = [];
    try {
      await journey(all);
    } catch (err) {
      if (shots) for (const [i, p] of all.entries()) await p.page.screenshot({ path: join(shots, `live-media-failure-${i}-${p.email.split('@')[0]}.png`), fullPage: true }).catch(() => {});
      throw err;
    }
  }, 480_000);

  async function journey(all: Person[]) {
    // Tomás (facilitator) creates a session; Maya (on a phone), Sam and Lea join; the icebreaker puts them in one group of three.
    const fac = await person('tomas.reyes@example.com');
    all.push(fac);
    const session = await callApi<{ id: string; segments: { id: string; kind: string }[] }>(fac.page, 'POST', '/api/live-sessions', {
      title: 'Media check',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      template: 'graduated',
    });
    const sid = session.id;
    // Lea also has a second device that refuses the camera and microphone (the fallback, at the end).
    const maya = await person('maya.patel@example.com', { width: 390 });
    const sam = await person('sam.okafor@example.com');
    const lea = await person('lea.schmidt@example.com');
    const jordan = await person('jordan.lee@example.com');
    const leaDenied = await person('lea.schmidt@example.com', { deny: true });
    const group = [maya, sam, lea];
    all.push(...group, jordan, leaDenied);
    for (const p of group) await callApi(p.page, 'POST', `/api/live-sessions/${sid}/join`);
    await callApi(fac.page, 'POST', `/api/live-sessions/${sid}/start`);
    let state = await callApi<State>(fac.page, 'GET', `/api/live-sessions/${sid}/state`);
    while (state.segment?.kind !== 'icebreaker') {
      await callApi(fac.page, 'POST', `/api/live-sessions/${sid}/advance`, { fromSegmentId: state.segment?.id ?? null });
      state = await callApi<State>(fac.page, 'GET', `/api/live-sessions/${sid}/state`);
    }
    const states = await Promise.all(group.map((p) => callApi<State>(p.page, 'GET', `/api/live-sessions/${sid}/state`)));
    const groupId = states[0].myGroup?.id as string;
    expect(states.map((s) => s.myGroup?.id)).toEqual([groupId, groupId, groupId]);
    expect(states[0].myGroup?.members.map((m) => m.id).sort()).toEqual(group.map((p) => p.id).sort());

    // Each opens the group's call page: nothing starts by itself (opt-in), then each joins.
    await Promise.all(
      group.map(async (p) => {
        await p.page.goto(`${hearth.url}/live-media-check/${sid}`);
        await p.page.getByRole('heading', { name: 'Audio & video' }).waitFor();
        await p.page.getByRole('region', { name: 'Group chat' }).waitFor();
      }),
    );
    expect(await maya.page.locator('.bm-tile').count()).toBe(0);
    expect(await maya.page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
    await snap(maya.page, 'before-join');
    const joinedAt = await Promise.all(group.map((p) => p.page.evaluate(() => performance.now())));
    for (const p of group) await p.page.getByRole('button', { name: 'Join audio/video' }).click();

    // Every page reaches `connected` with both others: RTCPeerConnection connection and ICE states, live remote video.
    await Promise.all(
      group.map(async (p) => {
        for (const o of group.filter((x) => x !== p)) {
          const tile = p.page.locator(`.bm-tile[data-peer-id="${o.id}"]`);
          await p.page.locator(`.bm-tile[data-peer-id="${o.id}"][data-peer-state="connected"]`).waitFor({ timeout: 40_000 });
          expect(await tile.getAttribute('data-connection-state')).toBe('connected');
          expect(['connected', 'completed']).toContain(await tile.getAttribute('data-ice-state'));
          await tile.getByText(o.name, { exact: true }).waitFor();
        }
        const remote = await eventually(
          () =>
            p.page.evaluate(() =>
              [...document.querySelectorAll<HTMLVideoElement>('.bm-tile[data-peer-id] video')].map((v) => ({
                video: (v.srcObject as MediaStream | null)?.getVideoTracks().map((t) => t.readyState) ?? [],
                audio: (v.srcObject as MediaStream | null)?.getAudioTracks().map((t) => t.readyState) ?? [],
                width: v.videoWidth,
              })),
            ),
          (r) => r.length === 2 && r.every((v) => v.video[0] === 'live' && v.audio[0] === 'live' && v.width > 0),
          `${p.name}: two live remote videos with frames`,
          20_000,
        );
        expect(remote).toHaveLength(2);
      }),
    );
    await snap(sam.page, 'connected');
    await snap(maya.page, 'connected-phone');

    // Signaling stays well inside the socket's flood guard (100 messages per 5 s): the busiest 5 s window per person.
    const budget = await Promise.all(
      group.map((p, i) =>
        p.page.evaluate((since) => {
          const sent = (window as unknown as { __sent: { t: number; type: string; bytes: number }[] }).__sent.filter((m) => m.t >= since);
          let worst = 0;
          for (const m of sent) worst = Math.max(worst, sent.filter((n) => n.t >= m.t && n.t < m.t + 5000).length);
          const signals = sent.filter((m) => m.type === 'signal');
          return { worst, signals: signals.length, largest: Math.max(...signals.map((m) => m.bytes)) };
        }, joinedAt[i] as number),
      ),
    );
    console.log('signaling per person (busiest 5 s window, signals sent, largest message bytes):', JSON.stringify(budget));
    for (const b of budget) {
      expect(b.worst).toBeLessThan(100);
      expect(b.largest).toBeLessThanOrEqual(7600);
    }

    // Mute: Maya's microphone track is disabled, the button is pressed, and Sam sees her muted; unmute again.
    const localAudioEnabled = (p: Person) => p.page.evaluate(() => (document.querySelector<HTMLVideoElement>('video[data-local-video]')?.srcObject as MediaStream).getAudioTracks().map((t) => t.enabled));
    expect(await localAudioEnabled(maya)).toEqual([true]);
    const mute = maya.page.getByRole('button', { name: 'Mute' });
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    await mute.focus();
    await maya.page.keyboard.press('Enter');
    await eventually(() => mute.getAttribute('aria-pressed'), (v) => v === 'true', 'Mute shown as pressed');
    expect(await localAudioEnabled(maya)).toEqual([false]);
    await sam.page.locator(`.bm-tile[data-peer-id="${maya.id}"] [data-muted]`).waitFor();
    await snap(sam.page, 'maya-muted');
    await mute.click();
    expect(await localAudioEnabled(maya)).toEqual([true]);
    await sam.page.locator(`.bm-tile[data-peer-id="${maya.id}"] [data-muted]`).waitFor({ state: 'detached' });

    // Camera off: Lea's camera track stops (none left), the others see her initials; on again: video returns to them.
    const camera = lea.page.getByRole('button', { name: 'Camera off' });
    await camera.click();
    await eventually(() => camera.getAttribute('aria-pressed'), (v) => v === 'true', 'Camera off shown as pressed');
    expect(await lea.page.evaluate(() => (document.querySelector<HTMLVideoElement>('video[data-local-video]')?.srcObject as MediaStream).getVideoTracks().length)).toBe(0);
    await sam.page.locator(`.bm-tile[data-peer-id="${lea.id}"] video[hidden]`).waitFor({ state: 'attached' });
    await sam.page.locator(`.bm-tile[data-peer-id="${lea.id}"] .bm-initials`).waitFor();
    await camera.click();
    // Turning the camera on asks for a fresh camera track first (asynchronous).
    await lea.page.locator('.bm-toggle[aria-pressed="false"]', { hasText: 'Camera off' }).waitFor();
    await sam.page.locator(`.bm-tile[data-peer-id="${lea.id}"] video:not([hidden])`).waitFor();
    await eventually(
      () => sam.page.evaluate((id) => document.querySelector<HTMLVideoElement>(`.bm-tile[data-peer-id="${id}"] video`)?.videoWidth ?? 0, lea.id),
      (w) => w > 0,
      'Lea’s video again on Sam’s page',
    );
    for (const p of group) for (const o of group.filter((x) => x !== p)) expect(await p.page.locator(`.bm-tile[data-peer-id="${o.id}"]`).getAttribute('data-peer-state')).toBe('connected');

    // Outsiders cannot signal the group: Jordan (not in the session) and Tomás (the facilitator, who never sees groups).
    for (const outsider of [jordan, fac]) {
      const answers = await outsider.page.evaluate(
        async ({ channel, to }) => {
          const ws = new WebSocket(new URL('/api/ws', location.href).href.replace(/^http/, 'ws'));
          const got: { type: string; code?: string; ok?: boolean; channel?: string }[] = [];
          ws.onmessage = (e) => got.push(JSON.parse(String(e.data)));
          await new Promise((r) => (ws.onopen = r));
          ws.send(JSON.stringify({ type: 'subscribe', channel }));
          for (const kind of ['hello', 'offer']) ws.send(JSON.stringify({ type: 'signal', channel, to, data: { kind, sid: 'intruder', toSid: 'x', sdp: 'v=0' } }));
          const deadline = Date.now() + 5000;
          // The refusals may come before the (database-checked) answer to the subscribe: wait for all three.
          while (Date.now() < deadline && (got.filter((m) => m.code === 'SIGNAL_REFUSED').length < 2 || !got.some((m) => m.type === 'subscribed'))) await new Promise((r) => setTimeout(r, 50));
          ws.close();
          return got.filter((m) => m.type === 'subscribed' || m.type === 'error');
        },
        { channel: `live-group:${groupId}`, to: maya.id },
      );
      expect(answers).toContainEqual({ type: 'subscribed', channel: `live-group:${groupId}`, ok: false });
      expect(answers.filter((m) => m.code === 'SIGNAL_REFUSED')).toHaveLength(2);
    }
    await maya.page.waitForTimeout(500);
    const mayaHeard = await maya.page.evaluate(() => (window as unknown as { __signals: { from: string }[] }).__signals.map((s) => s.from));
    expect(new Set(mayaHeard)).toEqual(new Set([sam.id, lea.id]));

    // Fallback: Lea on a second device that refuses the camera and microphone: the message, and the chat still works.
    await leaDenied.page.goto(`${hearth.url}/live-media-check/${sid}`);
    await leaDenied.page.getByRole('button', { name: 'Join audio/video' }).click();
    const alert = leaDenied.page.getByRole('alert').filter({ hasText: FALLBACK });
    await alert.waitFor();
    await alert.getByText('Your browser blocked the camera and microphone for this site.').waitFor();
    expect(await leaDenied.page.locator('.breakout-media').getAttribute('data-call-status')).toBe('unavailable');
    expect(await leaDenied.page.locator('video').count()).toBe(0);
    await leaDenied.page.getByLabel('Message to group chat').fill('My camera is blocked here, typing instead');
    await leaDenied.page.getByRole('button', { name: 'Send message' }).click();
    await maya.page.locator('.chat-msg', { hasText: 'My camera is blocked here, typing instead' }).waitFor();
    await sam.page.locator('.chat-msg', { hasText: 'My camera is blocked here, typing instead' }).waitFor();
    await snap(leaDenied.page, 'fallback');
    // The call of the others is untouched by the refused device.
    for (const o of [maya, sam]) expect(await o.page.locator(`.bm-tile[data-peer-id="${lea.id}"]`).getAttribute('data-peer-state')).toBe('connected');

    // Leaving: Sam leaves; the others see him out of the call and stay connected with each other.
    // (Closing peer connections can keep a loaded renderer busy for a while: a longer wait for this click.)
    await sam.page.getByRole('button', { name: 'Leave audio/video' }).click({ timeout: 60_000 });
    for (const o of [maya, lea]) await o.page.locator(`.bm-tile[data-peer-id="${sam.id}"][data-peer-state="waiting"]`).waitFor();
    expect(await maya.page.locator(`.bm-tile[data-peer-id="${lea.id}"]`).getAttribute('data-peer-state')).toBe('connected');
    await sam.page.getByRole('button', { name: 'Join audio/video' }).waitFor();
    expect(await sam.page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  }
});

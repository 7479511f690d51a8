import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CspViolation, recordCspViolations } from './support/csp-violations.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

// A real 4×4 PNG (orange).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGO4mqgDRwzEcQBKIhYhSHhq0wAAAABJRU5ErkJggg==', 'base64');
const PHOTO = 'https://images.example.test/team.png';
const PIXEL = 'https://tracker.example.test/p.gif';

describe('images in posts come only from uploads and the hosts an admin allows', () => {
  let hearth: Hearth;
  let browser: Browser;
  let violations: CspViolation[];
  // Requests that reached each outside host (the browser answers them here: nothing leaves the machine).
  const asked: Record<string, number> = { images: 0, tracker: 0 };
  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    violations = await recordCspViolations(browser.context);
    for (const [name, host] of [['images', 'images.example.test'], ['tracker', 'tracker.example.test']] as const) {
      await browser.context.route(`https://${host}/**`, (route) => {
        asked[name]++;
        return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  const imageHosts = async (value: string) => {
    const { page } = browser;
    await page.goto(`${hearth.url}/`);
    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    await page.getByLabel('Image hosts').fill(value);
    await page.getByRole('button', { name: 'Save image hosts' }).click();
    await page.getByText('Saved.').waitFor();
  };

  it('shows an allowed host’s image, turns a tracker’s into a link, and stops a stored image once its host is removed', async () => {
    const { page } = browser;
    await signIn(page, hearth.url, 'admin@example.com');
    await imageHosts('https://Images.Example.test/');
    await expect(page.getByLabel('Image hosts').inputValue()).resolves.toBe('images.example.test');

    const threadId = await page.evaluate(
      async ({ photo, pixel }) => {
        const me = await (await fetch('/api/me')).json();
        const send = async (url: string, body: unknown) => {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
          if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
          return res.json();
        };
        const community = await send('/api/communities', { name: 'Team photos', description: 'Pictures from offsites', topics: [] });
        const thread = await send(`/api/communities/${community.id}/threads`, { kind: 'discussion', title: 'Offsite photos', body: `![Team photo](${photo})\n\n![Pixel](${pixel})` });
        return thread.id as string;
      },
      { photo: PHOTO, pixel: PIXEL },
    );

    await page.goto(`${hearth.url}/threads/${threadId}`);
    const post = page.locator('main .prose').first();
    const photo = post.getByRole('img', { name: 'Team photo' });
    await eventually(() => photo.evaluate((el) => (el as HTMLImageElement).naturalWidth), (w) => w === 4, 'the allowed image to load');
    await expect(post.getByRole('link', { name: 'Pixel (image on tracker.example.test)' }).getAttribute('href')).resolves.toBe(PIXEL);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual({ images: 1, tracker: 0 });
    expect(violations).toEqual([]);

    // The post was rendered when it was written; with the host removed, the page's CSP stops its image.
    await imageHosts('');
    await page.goto(`${hearth.url}/threads/${threadId}`);
    await post.getByRole('img', { name: 'Team photo' }).waitFor();
    await eventually(() => Promise.resolve(violations.filter((v) => v.directive === 'img-src').map((v) => v.blocked)), (b) => b.includes(PHOTO), 'the CSP to refuse the stored image');
    await expect(post.getByRole('img', { name: 'Team photo' }).evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(0);
    expect(asked).toEqual({ images: 1, tracker: 0 });
  });
});

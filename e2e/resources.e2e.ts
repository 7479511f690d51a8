import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('res-');

// A real 4×4 PNG (orange), small enough to inline.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGO4mqgDRwzEcQBKIhYhSHhq0wAAAABJRU5ErkJggg==',
  'base64',
);

describe('resources: share a link and an image, a peer rates and reviews', () => {
  let hearth: Hearth;
  let admin: Browser;
  let maya: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
    maya = await launchBrowser();
  });
  afterAll(async () => {
    await maya?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it('shares a link and an uploaded image into data-guild; Maya sees both, rates one and the rating shows', async () => {
    await withFailureShots('res-', { admin, maya }, journey);
  });

  async function journey() {
    const a = admin.page;
    const m = maya.page;
    const linkTitle = 'SQL joins, visually explained';
    const imageTitle = 'Whiteboard from the SQL session';

    // The admin opens the Resources tab of the Data & Analytics Guild and shares a link.
    await signIn(a, hearth.url, 'admin@example.com');
    await a.goto(`${hearth.url}/communities/data-guild`);
    await a.getByRole('navigation', { name: 'Data & Analytics Guild sections' }).getByRole('link', { name: 'Resources' }).click();
    await a.waitForURL((u) => u.pathname === '/communities/data-guild/resources');
    await a.getByRole('heading', { name: 'Resources', level: 2 }).waitFor();
    await a.getByText('No resources yet').waitFor();
    await a.getByRole('button', { name: 'Share a resource' }).click();
    const dialog = a.getByRole('dialog', { name: 'Share a resource in Data & Analytics Guild' });
    await dialog.waitFor();
    await dialog.getByLabel('Link address').fill('javascript:alert(1)');
    await dialog.getByLabel('Title').fill(linkTitle);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.getByText('Only http and https links can be shared').waitFor();
    await dialog.getByLabel('Link address').fill('https://example.com/sql-joins');
    await dialog.getByLabel('Type').selectOption('video');
    await dialog.getByLabel(/Duration in minutes/).fill('12');
    await dialog.getByLabel(/Why is it worth it/).fill('Venn diagrams are wrong; this one shows rows.');
    await dialog.getByLabel(/Tags/).fill('SQL, data literacy');
    await snap(a, '01-share-link');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const list = a.getByRole('region', { name: 'Resources in Data & Analytics Guild' });
    const linkCard = list.getByRole('article', { name: linkTitle });
    await linkCard.waitFor();
    expect(await linkCard.innerText()).toMatch(/Video[\s\S]*12 min[\s\S]*#sql[\s\S]*#data literacy/);

    // Then uploads an image; a refused type is explained before anything is sent.
    await a.getByRole('button', { name: 'Share a resource' }).click();
    await dialog.waitFor();
    await dialog.getByText('A file', { exact: true }).click();
    await dialog.getByLabel('File', { exact: true }).setInputFiles({ name: 'notes.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') });
    await dialog.getByText('This file type is not accepted.', { exact: false }).waitFor();
    await dialog.getByLabel('File', { exact: true }).setInputFiles({ name: 'whiteboard.png', mimeType: 'image/png', buffer: PNG });
    expect(await dialog.getByLabel('Title').inputValue()).toBe('whiteboard');
    await dialog.getByLabel('Title').fill(imageTitle);
    await snap(a, '02-share-upload');
    await dialog.getByRole('button', { name: 'Upload and share' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const imageCard = list.getByRole('article', { name: imageTitle });
    await imageCard.waitFor();
    await snap(a, '03-community-resources');

    // Maya (another person in the organization) sees both, and the image bytes are served to her.
    await signIn(m, hearth.url, 'maya.patel@example.com');
    await m.goto(`${hearth.url}/communities/data-guild/resources`);
    const mList = m.getByRole('region', { name: 'Resources in Data & Analytics Guild' });
    await mList.getByRole('article', { name: linkTitle }).waitFor();
    await mList.getByRole('article', { name: imageTitle }).getByRole('link', { name: imageTitle }).click();
    await m.getByRole('heading', { level: 1, name: imageTitle }).waitFor();
    const img = m.getByRole('img', { name: imageTitle });
    await eventually(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), (w) => w === 4, 'the uploaded image to load');
    await snap(m, '04-image-resource');

    // She rates and reviews the link; the average shows on the page and in the list.
    await m.goBack();
    await mList.getByRole('article', { name: linkTitle }).getByRole('link', { name: linkTitle }).click();
    await m.getByRole('heading', { level: 1, name: linkTitle }).waitFor();
    expect(await m.getByRole('link', { name: /Open video/ }).getAttribute('rel')).toContain('noopener');
    await m.locator('label').filter({ hasText: '4 stars' }).click();
    expect(await m.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await m.getByLabel(/Review/).fill('Finally understood LEFT JOIN. <b>Thanks!</b>');
    await m.getByRole('button', { name: 'Save rating' }).click();
    await m.getByText('Thanks — your rating is saved.').waitFor();
    await m.getByRole('img', { name: 'Rated 4.0 out of 5 by 1 person' }).waitFor();
    const review = m.getByRole('listitem').filter({ hasText: 'Maya Patel' });
    expect(await review.innerText()).toContain('Finally understood LEFT JOIN. <b>Thanks!</b>');
    await snap(m, '05-rated');

    // The admin sees the rating on the card (the list refreshes), and the author cannot rate it.
    await a.reload();
    await eventually(
      () => list.getByRole('article', { name: linkTitle }).getByRole('img', { name: /Rated/ }).getAttribute('aria-label'),
      (l) => l === 'Rated 4.0 out of 5 by 1 person',
      'the rating on the card',
    );
    await list.getByRole('article', { name: linkTitle }).getByRole('link', { name: linkTitle }).click();
    await a.getByText('You shared this resource, so others rate it.').waitFor();

    // The admin curates a collection in the community and adds the link to it with a note.
    await a.goto(`${hearth.url}/communities/data-guild/resources`);
    await a.getByRole('button', { name: 'New', exact: true }).click();
    const newCollection = a.getByRole('dialog', { name: 'New collection' });
    await newCollection.getByLabel('Title').fill('SQL starter pack');
    await newCollection.getByRole('button', { name: 'Create' }).click();
    await a.getByRole('heading', { level: 1, name: 'SQL starter pack' }).waitFor();
    await a.getByText('This collection is empty').waitFor();
    await a.goto(`${hearth.url}/communities/data-guild/resources`);
    await list.getByRole('article', { name: linkTitle }).getByRole('link', { name: linkTitle }).click();
    await a.getByLabel('Add to a collection').selectOption({ label: 'SQL starter pack' });
    await a.getByRole('button', { name: 'Add', exact: true }).click();
    await a.getByRole('link', { name: 'Open the collection' }).click();
    await a.getByRole('heading', { level: 1, name: 'SQL starter pack' }).waitFor();
    await a.getByLabel(`Note about ${linkTitle}`).fill('Watch this before your first dashboard.');
    await a.getByLabel(`Note about ${linkTitle}`).blur();
    await eventually(async () => (await m.request.get(`${hearth.url}${new URL(a.url()).pathname.replace('/collections/', '/api/collections/')}`)).json(), (c) => c.items?.[0]?.note === 'Watch this before your first dashboard.', 'the note saved and visible to Maya');
    await snap(a, '06-collection');

    // The open library page works too.
    await a.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Library' }).click();
    await a.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await snap(a, '07-library');

    // Maya has the open library open; what the admin shares there appears on her screen without a reload.
    const libraryTitle = 'Data glossary for newcomers';
    await m.goto(`${hearth.url}/library`);
    const mLibrary = m.getByRole('region', { name: 'The open library' });
    await mLibrary.waitFor();
    // Her page is connected (her own presence dot turns online only over the live socket).
    await m.getByRole('img', { name: 'Maya Patel is online' }).first().waitFor();
    expect(await mLibrary.getByRole('article', { name: libraryTitle }).count()).toBe(0);
    await a.getByRole('button', { name: 'Share a resource' }).click();
    const libraryDialog = a.getByRole('dialog', { name: 'Share a resource in the library' });
    await libraryDialog.getByLabel('Link address').fill('https://example.com/glossary');
    await libraryDialog.getByLabel('Title').fill(libraryTitle);
    await libraryDialog.getByRole('button', { name: 'Share', exact: true }).click();
    await libraryDialog.waitFor({ state: 'hidden' });
    await mLibrary.getByRole('article', { name: libraryTitle }).waitFor();
  }
});

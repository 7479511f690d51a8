// Polling helpers for tests of work that happens after a commit (event handlers, mail, notifications).

/** Polls until `read` satisfies `ok` or `ms` pass; returns the last value either way (the caller asserts on it). */
export async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** A notification as the list shows it (the fields tests look at). */
export type ListedNotification = { kind: string; title: string; url: string };

/** The first notification of `client` matching `pred`, once it has arrived (undefined after `ms`). */
export async function waitForNotification(client: { get: (url: string) => Promise<{ json: () => { items: ListedNotification[] } }> }, pred: (n: ListedNotification) => boolean, ms = 5000) {
  const items = await eventually(async () => (await client.get('/api/notifications')).json().items, (list) => list.some(pred), ms);
  return items.find(pred);
}

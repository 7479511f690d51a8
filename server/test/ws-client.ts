import WebSocket from 'ws';

/** A real WebSocket client that records every message it receives. */
export async function connectWs(url: string, headers: Record<string, string>) {
  const ws = new WebSocket(url, { headers });
  const messages: Record<string, unknown>[] = [];
  const waiters: { pred: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw));
    messages.push(m);
    for (const w of [...waiters]) if (w.pred(m)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    /** Resolves with the first past or future message matching `pred`, or rejects after `ms`. */
    waitFor(pred: (m: Record<string, unknown>) => boolean, ms = 5000): Promise<Record<string, unknown>> {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(messages)}`));
          }
        }, ms);
      });
    },
    close: () => new Promise<void>((r) => (ws.readyState === ws.CLOSED ? r() : (ws.once('close', () => r()), ws.close()))),
  };
}

/** The status code of a refused WebSocket handshake, or 101 when it opened. */
export function handshakeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

/**
 * A socket that comes back the way the web app's does (here 200 ms after every close), following one channel after
 * every open; records when it opened and each `changed` message of the channel with the open it arrived on.
 */
export function liveClient(url: string, headers: Record<string, string>, channel: string) {
  const state = { opens: [] as number[], changed: [] as { at: number; opened: number }[], stopped: false };
  const open = () => {
    if (state.stopped) return;
    const ws = new WebSocket(url, { headers });
    let opened = 0;
    ws.on('open', () => {
      opened = Date.now();
      state.opens.push(opened);
      ws.send(JSON.stringify({ type: 'subscribe', channel }));
    });
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; channel?: string };
      if (m.type === 'changed' && m.channel === channel) state.changed.push({ at: Date.now(), opened });
    });
    ws.on('error', () => {});
    ws.on('close', () => void setTimeout(open, 200));
    current = ws;
  };
  let current: WebSocket | undefined;
  open();
  return { state, close: () => ((state.stopped = true), current?.close()) };
}

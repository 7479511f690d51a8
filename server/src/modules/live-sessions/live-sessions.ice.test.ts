// STUN/TURN servers for breakout calls: read from LIVE_ICE_SERVERS, checked at boot, served to signed-in people.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

const servers = [{ urls: 'stun:stun.example.com:3478' }, { urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'], username: 'hearth', credential: 'turn-secret-123' }];
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('ICE servers for breakout calls', () => {
  it('refuses a malformed setting at boot with a readable message that does not echo the credential', () => {
    const bad = (value: string) => {
      try {
        loadConfig({ LIVE_ICE_SERVERS: value });
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(bad('not json')).toMatch(/LIVE_ICE_SERVERS: must be a JSON array/);
    const wrongScheme = bad(JSON.stringify([{ urls: 'https://turn.example.com', credential: 'turn-secret-123' }]));
    expect(wrongScheme).toMatch(/LIVE_ICE_SERVERS: .*urls/);
    expect(wrongScheme).not.toContain('turn-secret-123');
    expect(bad(JSON.stringify([{ urls: 'stun:x', extra: 1 }]))).toMatch(/LIVE_ICE_SERVERS/);
    expect(loadConfig({}).LIVE_ICE_SERVERS).toEqual([]);
  });

  it('serves the configured servers to people signed in, and none by default', async () => {
    const configured = await createTestApp({ LIVE_ICE_SERVERS: JSON.stringify(servers) });
    const plain = await createTestApp();
    apps.push(configured, plain);
    const org = await configured.buildOrg('Ice Org');
    const person = await configured.buildPerson(org.id, { name: 'Ida Ice' });
    const c = await configured.signIn(person.email);
    const res = await c.get('/api/live-sessions/ice-servers');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ iceServers: servers });
    expect((await configured.app.inject({ method: 'GET', url: '/api/live-sessions/ice-servers' })).statusCode).toBe(401);
    const org2 = await plain.buildOrg('Plain Org');
    const p2 = await plain.buildPerson(org2.id, { name: 'Pat Plain' });
    expect((await (await plain.signIn(p2.email)).get('/api/live-sessions/ice-servers')).json()).toEqual({ iceServers: [] });
  });
});

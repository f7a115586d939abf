import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RoomMode } from '../../../src-main/room/room-mode';

const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
const names = [{ id: 'n1', name: 'Amina Yusuf' }];

describe('room mode on this laptop', () => {
  it('is off until turned on, keeps one code for a double press, and a new code after off and on', async () => {
    const mode = new RoomMode({ resourcesDir, addresses: () => ['127.0.0.1'] });
    expect(mode.status()).toMatchObject({ running: false, code: null, endpoints: [] });
    const [first, second] = await Promise.all([
      mode.start('init', 'session-a', names),
      mode.start('init', 'session-a', names),
    ]);
    expect(first.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(second.code).toBe(first.code);
    expect(first.endpoints[0].url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#${first.code}$`));
    const url = new URL(first.endpoints[0].url);
    expect((await fetch(new URL('/r/names', url), { headers: { 'X-Room-Code': first.code! } })).status).toBe(200);

    expect(mode.stop()).toMatchObject({ running: false, code: null });
    await expect(fetch(new URL('/r/names', url), { headers: { 'X-Room-Code': first.code! } })).rejects.toThrow();
    const again = await mode.start('init', 'session-a', names);
    expect(again.code).not.toBe(first.code);
    mode.stop();
  });

  it('moving to another session closes the first room: its code stops working', async () => {
    const mode = new RoomMode({ resourcesDir, addresses: () => ['127.0.0.1'] });
    const a = await mode.start('init', 'session-a', names);
    const b = await mode.start('init', 'session-b', names);
    expect(b.sessionId).toBe('session-b');
    expect(() => mode.room('session-a')).toThrow(/not on for this meeting/);
    await expect(
      fetch(new URL('/r/names', a.endpoints[0].url), { headers: { 'X-Room-Code': a.code! } }),
    ).rejects.toThrow();
    mode.stop();
  });
});

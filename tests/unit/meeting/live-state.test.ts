import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveState } from '../../../src-main/contract/meeting';
import { openMeetingWorld, reopen, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
let items: string[];
beforeEach(() => {
  world = openMeetingWorld();
  const { fixture, initiativeId, sessionId } = world;
  items = ['Welcome', 'Data walk', 'Hours'].map(
    (title) => fixture.ok('agenda.add', { initiativeId, sessionId, item: { title, timeboxMinutes: 10 } }).id,
  );
});
afterEach(() => world.fixture.close());

describe('the live meeting survives a restart', () => {
  it('reopening the data folder returns to the same item and the same timer, to the millisecond', () => {
    const { fixture, initiativeId, sessionId } = world;
    // A clock the test moves by hand, so times are exact and nothing waits.
    let now = Date.UTC(2026, 10, 23, 18, 0, 0);
    const first = reopen(fixture.dataDir, () => now);
    const ok = (channel: string, input: unknown) => {
      const result = first.call(channel, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return LiveState.parse(result.value);
    };
    expect(ok('meeting.start', { initiativeId, sessionId })).toMatchObject({ currentItemId: items[0], elapsedMs: 0 });
    ok('meeting.goTo', { initiativeId, sessionId, itemId: items[1] });
    ok('meeting.timer', { initiativeId, sessionId, action: 'start' });
    now += 90_000;
    ok('meeting.timer', { initiativeId, sessionId, action: 'pause' });
    now += 60_000;
    const running = ok('meeting.timer', { initiativeId, sessionId, action: 'start' });
    expect(running).toEqual({ sessionId, currentItemId: items[1], timerStartedAt: now, elapsedMs: 90_000 });
    // The process dies without closing anything; another opens the same files.
    first.library.close();
    const second = reopen(fixture.dataDir, () => now + 5_000);
    const after = second.call('meeting.get', { initiativeId, sessionId });
    second.library.close();
    expect(after.ok && after.value).toMatchObject({ live: running, session: { status: 'live' } });
  });

  it('moving on while the timer runs starts the next item from zero; paused stays paused', () => {
    const { fixture, initiativeId, sessionId } = world;
    let now = 1_000_000;
    const host = reopen(fixture.dataDir, () => now);
    const ok = (channel: string, input: unknown) => {
      const result = host.call(channel, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return LiveState.parse(result.value);
    };
    ok('meeting.start', { initiativeId, sessionId });
    ok('meeting.timer', { initiativeId, sessionId, action: 'start' });
    now += 30_000;
    expect(ok('meeting.goTo', { initiativeId, sessionId, itemId: items[2] })).toEqual({
      sessionId,
      currentItemId: items[2],
      timerStartedAt: now,
      elapsedMs: 0,
    });
    ok('meeting.timer', { initiativeId, sessionId, action: 'pause' });
    expect(ok('meeting.goTo', { initiativeId, sessionId, itemId: items[0] }).timerStartedAt).toBeNull();
    host.library.close();
  });

  it('every step is a change message in the log, and closing stops the clock', () => {
    const { fixture, initiativeId, sessionId } = world;
    fixture.ok('meeting.start', { initiativeId, sessionId });
    fixture.ok('meeting.timer', { initiativeId, sessionId, action: 'start' });
    const closed = fixture.ok('meeting.close', { initiativeId, sessionId });
    expect(closed.status).toBe('closed');
    const dump = fixture.dump()[`${initiativeId}.sqlite`];
    expect(dump.live_sessions).toHaveLength(1);
    expect(dump.live_sessions[0]).toMatchObject({ id: sessionId, timer_started_at: null });
    const logged = new Set((dump.change_log as { tbl: string }[]).map((message) => message.tbl));
    expect(logged).toContain('live_sessions');
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).live.timerStartedAt).toBeNull();
  });

  it('a closed session is made live again only when reopening was asked for', () => {
    const { fixture, initiativeId, sessionId } = world;
    fixture.ok('meeting.start', { initiativeId, sessionId });
    fixture.ok('meeting.close', { initiativeId, sessionId });
    const before = fixture.dump();
    const opened = fixture.call('meeting.start', { initiativeId, sessionId });
    expect(opened.ok ? 'ok' : opened.error.code).toBe('invalid_input');
    expect(fixture.dump()).toEqual(before);
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).session.status).toBe('closed');
    fixture.ok('meeting.start', { initiativeId, sessionId, reopen: true });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).session.status).toBe('live');
  });

  it('refuses an item of another session and an unknown session', () => {
    const { fixture, initiativeId, sessionId } = world;
    const other = fixture.ok('sessions.create', { initiativeId, session: { kind: 'roundtable', title: 'Other' } }).id;
    const foreign = fixture.ok('agenda.add', { initiativeId, sessionId: other, item: { title: 'X' } }).id;
    const before = fixture.dump();
    const wrongItem = fixture.call('meeting.goTo', { initiativeId, sessionId, itemId: foreign });
    expect(wrongItem.ok ? 'ok' : wrongItem.error.code).toBe('not_found');
    const unknown = fixture.call('meeting.start', { initiativeId, sessionId: items[0] });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    expect(fixture.dump()).toEqual(before);
  });
});

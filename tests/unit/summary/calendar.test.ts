import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryFile } from '../../../src-main/contract/summary';
import { dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { created, openExportHandlers, value } from '../../fixtures/export-handlers';

// RFC 5545 §3.3.6 dur-value, written out here rather than imported so the test does not share the
// code's mistakes.
const duration =
  /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;
const arabicAction = 'تجهيز قاعة المكتبة لاجتماع الساعة الرابعة مساءً مع أولياء الأمور من الحي الشرقي وإبلاغ الجميع';

const temp = makeTempDir('common-ground-ics-');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';
let sessionId = '';

const call = (channel: string, input: Record<string, unknown>) => created(handlers, channel, input);

beforeAll(() => {
  ({ library, handlers } = openExportHandlers(temp.dir));
  initiativeId = call('initiatives.create', { name: 'Calendar' }).id;
  const ownerId = call('partners.create', {
    initiativeId,
    partner: { name: 'مكتبة الحي الشرقي للمطالعة العامة والأنشطة المجتمعية', sector: 'education' },
  }).id;
  sessionId = call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'طاولة الربيع المستديرة للشركاء', startsAt: '2026-04-02T18:00' },
  }).id;
  call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'الطاولة المستديرة التالية', startsAt: '2026-05-07' },
  });
  call('actions.add', { initiativeId, action: { text: arabicAction, ownerId, dueDate: '2026-04-20', sessionId } });
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

describe('the summary calendar (ICS)', () => {
  it('keeps every line within 75 octets and writes only RFC 5545 durations', async () => {
    const file = value<SummaryFile>(
      await dispatchAsync(handlers, 'summary.export', { initiativeId, sessionId, format: 'ics', language: 'ar' }),
    );
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // No line break falls inside a character: every byte sequence decodes back to the same text.
    expect(text).not.toContain('\ufffd');
    const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    const durations = unfolded.filter((line) => line.startsWith('DURATION')).map((line) => line.split(':')[1]);
    // One for the action (a whole day) and one for the next session (a whole day, no end given).
    expect(durations).toHaveLength(2);
    for (const value of durations) expect(value).toMatch(duration);
    expect(unfolded.some((line) => line.includes(arabicAction))).toBe(true);
  });
});

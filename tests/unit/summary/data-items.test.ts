import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import type { SessionSummary, SummaryFile } from '../../../src-main/contract/summary';
import { readZip } from '../../../src-main/features/exchange/zip';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { plantedReadings, seedMeasures } from '../../fixtures/measures-summary-world';
import { seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/** Words that may never leave the focus group, cited at the data item before consent changed. */
const canary = {
  internal: 'CANARY-DATA-INTERNAL said only inside the group',
  withdrawn: 'CANARY-DATA-WITHDRAWN words of someone who left',
  anonymousPseudonym: 'Hushcanary',
};
const said = {
  helps: 'The library reading hour',
  holdsBack: 'Waiting lists at the two childcare centres',
  named: 'My son learnt his letters at the library hour.',
  anonymous: 'Nobody told us about the screening.',
  decision: 'Add a second reading hour on Saturdays',
  action: 'Ask the schools for this year’s screening dates',
};

const temp = makeTempDir('common-ground-summary-data-items-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = async <T>(channel: string, input: unknown) => value<T>(await dispatchAsync(handlers, channel, input));
const seed = (channel: string, input: Record<string, unknown>) =>
  value<{ id: string } & Record<string, unknown>>(dispatch(handlers, channel, input));
const scope = (partnerId: string | null = null) => ({
  initiativeId: world.initiativeId,
  sessionId: world.sessionId,
  partnerId,
});
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function textOf(format: string, partnerId: string | null = null): Promise<string> {
  const file = await call<SummaryFile>('summary.export', { ...scope(partnerId), format });
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (format === 'docx')
    return new TextDecoder().decode(readZip(bytes).get('word/document.xml')?.() ?? new Uint8Array());
  if (format !== 'pdf') return bytes.toString('utf8');
  const path = join(temp.dir, `check-${partnerId ?? 'all'}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000cd', backups: false });
  handlers = createHandlers({
    library,
    resourcesDir,
    version: '0.0.0-test',
    transport: 'host',
    printPdf: printer.printPdf,
    exportDir: join(temp.dir, 'exports'),
  });
  world = await seedSummaryWorld((channel, input) => Promise.resolve(seed(channel, input)));
  const { readinessId } = await seedMeasures((channel, input) => Promise.resolve(seed(channel, input)), world);
  const { initiativeId, sessionId } = world;

  const itemId = seed('agenda.add', {
    initiativeId,
    sessionId,
    item: { title: 'Readiness by income', indicatorId: readinessId },
  }).id;
  seed('dataItems.addFactor', { initiativeId, itemId, kind: 'helps', text: said.helps });
  seed('dataItems.addFactor', { initiativeId, itemId, kind: 'holds_back', text: said.holdsBack });

  const focusGroupId = seed('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Grandparents' } }).id;
  const participant = (consent: string, pseudonym: string) =>
    seed('participants.create', { initiativeId, participant: { focusGroupId, consent, pseudonym } }).id;
  const note = (text: string, participantId: string) => {
    const draft = seed('voice.saveDraft', { initiativeId, draft: { focusGroupId, participantId, text } });
    return seed('voice.capture', { initiativeId, noteId: draft.id }).id;
  };
  const open = participant('named', 'Rosalind');
  const leaving = participant('named', 'Departa');
  const notes = [
    note(said.named, open),
    note(said.anonymous, participant('anonymous', canary.anonymousPseudonym)),
    note(canary.internal, open),
    note(canary.withdrawn, leaving),
  ];
  for (const noteId of notes) seed('dataItems.linkVoice', { initiativeId, itemId, noteId, period: null });
  // Consent changed after the room cited them: the summary must leave both out and say why.
  seed('voice.update', { initiativeId, noteId: notes[2], patch: { consent: 'internal' } });
  seed('participants.withdraw', { initiativeId, participantId: leaving });

  seed('decisions.record', {
    initiativeId,
    decision: { sessionId, agendaItemId: itemId, text: said.decision, method: 'consensus' },
  });
  seed('actions.add', {
    initiativeId,
    action: { text: said.action, ownerId: world.libraryId, dueDate: '2026-12-10', sessionId, agendaItemId: itemId },
  });
}, 60_000);

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

describe('data items in a session summary', () => {
  it('carries the indicator, what helps and holds it back, the shareable voice, decisions and actions', async () => {
    const { summary } = await call<{ summary: SessionSummary }>('summary.preview', scope());
    expect(summary.dataItems).toHaveLength(1);
    const [item] = summary.dataItems;
    expect(item).toMatchObject({
      agendaItem: 'Readiness by income',
      indicator: {
        name: 'Kindergarten readiness',
        period: '2024/25',
        total: 58.5,
        // The small group and the group that would give it away are held back, as in the scorecard.
        groups: [{ dimension: 'Income', category: 'High', value: 70.5, count: 494 }],
      },
      helps: [said.helps],
      holdsBack: [said.holdsBack],
      voices: [
        { kind: 'quote', text: said.named, pseudonym: 'Rosalind' },
        { kind: 'quote', text: said.anonymous, pseudonym: null },
      ],
      decisions: [{ text: said.decision, outcome: 'agreed' }],
      actions: [{ text: said.action, owner: 'Eastside Library', dueDate: '2026-12-10', status: 'open' }],
    });
    const reasons = Object.fromEntries(summary.redactions.map((entry) => [entry.reason, entry.count]));
    // The world's own decision cites one withdrawn and one internal note; the data item adds one of each.
    expect(reasons.voice_withdrawn).toBe(2);
    expect(reasons.voice_internal).toBe(2);
  });

  it('shows them in the PDF, Word, Markdown and HTML, with nothing consent or suppression holds back', async () => {
    for (const format of ['pdf', 'docx', 'md', 'html']) {
      const text = flat(await textOf(format));
      expect(text, format).toContain('Reading the data together');
      for (const words of [said.helps, said.holdsBack, said.named, said.anonymous, said.decision, said.action])
        expect(text, `${format}: ${words}`).toContain(words);
      expect(text, format).toContain('Rosalind');
      for (const [name, planted] of Object.entries({ ...canary, ...plantedReadings }))
        expect(text.includes(planted), `${format} leaked ${name}`).toBe(false);
    }
  }, 60_000);

  it('goes to a partner only when the partner owns the indicator', async () => {
    const owner = await call<{ summary: SessionSummary }>('summary.preview', scope(world.libraryId));
    expect(owner.summary.dataItems.map((item) => item.indicator.name)).toEqual(['Kindergarten readiness']);
    const other = await call<{ summary: SessionSummary }>('summary.preview', scope(world.clinicId));
    expect(other.summary.dataItems).toEqual([]);
    const md = await textOf('md', world.clinicId);
    expect(md).not.toContain(said.helps);
    expect(md).not.toContain(said.named);
  });
});

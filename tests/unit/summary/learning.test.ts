import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchStatus, SessionSummary, SummaryFile } from '../../../src-main/contract/summary';
import { readZip } from '../../../src-main/features/exchange/zip';
import { dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { builtinBenchmarks, builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { openExportHandlers, value } from '../../fixtures/export-handlers';
import { seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';

/** Words that must never leave the backbone: a story whose teller asked to keep it inside. */
const keptInside = 'CANARY-STORY-INSIDE the night the shelter was full';
const review = {
  planned: 'Agree the spring agenda',
  happened: 'We spent the hour on the bus routes',
  whyDifferent: 'Parents brought the bus problem to the table',
  nextSteps: 'Ask the transit office to a meeting',
};
const reviewAction = 'Invite the transit office to January';
const [definition, vision, third] = builtinInstruments[1].sections.flatMap((section) => section.items);
const benchmark = builtinBenchmarks.find((one) => one.phase === 'assess_readiness')!;

const temp = makeTempDir('common-ground-summary-learning-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;

const call = (channel: string, input: Record<string, unknown>) =>
  Promise.resolve(value<{ id: string } & Record<string, unknown>>(dispatch(handlers, channel, input)));

async function round(title: string, heldOn: string, sheets: { lived: boolean; definition: number }[]) {
  const { initiativeId } = world;
  const { id: roundId } = await call('readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessmentId, title, heldOn },
  });
  for (const sheet of sheets)
    await call('readiness.sheets.save', {
      initiativeId,
      roundId,
      sheet: {
        sector: sheet.lived ? 'community' : 'health',
        livedExperience: sheet.lived,
        answers: {
          [definition.id]: { level: sheet.definition, importance: 5 },
          [vision.id]: { level: 3, importance: 4 },
          [third.id]: { level: 2, importance: 3 },
        },
      },
    });
}

beforeAll(async () => {
  ({ library, handlers } = openExportHandlers(temp.dir, { printPdf: printer.printPdf }));
  world = await seedSummaryWorld(call);
  const { initiativeId, sessionId } = world;
  await call('readiness.reviews.save', { initiativeId, sessionId, patch: review });
  await call('readiness.reviews.addAction', { initiativeId, sessionId, action: { text: reviewAction } });
  const story = (title: string, text: string, consent: string, collectedOn = '2026-11-23') =>
    call('readiness.stories.add', { initiativeId, story: { title, story: text, consent, collectedOn } });
  await story('Walking bus', 'Parents now walk the children to school together.', 'named');
  await story('Homework club', 'The library kept its doors open until seven.', 'anonymous');
  await story('A hard night', keptInside, 'internal');
  await story('Another day', 'A story from October, not this session’s.', 'named', '2026-10-01');
  // Twelve raters: four residents who rate the shared definition low, eight agencies who rate it high.
  await round('Autumn check', '2026-11-20', [
    ...Array.from({ length: 4 }, () => ({ lived: true, definition: 1 })),
    ...Array.from({ length: 8 }, () => ({ lived: false, definition: 4 })),
  ]);
  await call('readiness.benchmarks.mark', {
    initiativeId,
    benchmarkId: benchmark.id,
    mark: { met: true, metOn: '2026-11-23', evidenceKind: 'session', evidenceId: sessionId },
  });
}, 60_000);

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

const preview = (partnerId: string | null = null) =>
  value<{ summary: SessionSummary }>(
    dispatch(handlers, 'summary.preview', { initiativeId: world.initiativeId, sessionId: world.sessionId, partnerId }),
  ).summary;

async function exportAs(format: string): Promise<string> {
  const file = value<SummaryFile>(
    await dispatchAsync(handlers, 'summary.export', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
      format,
    }),
  );
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (format === 'docx') return new TextDecoder().decode(readZip(bytes).get('word/document.xml')!());
  if (format !== 'pdf') return bytes.toString('utf8');
  const path = join(temp.dir, `${format}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe("a session summary's learning part", () => {
  it('carries the review, only the actions it made, the shared stories, the readiness headline and the phase', () => {
    const { learning, redactions, actions } = preview();
    expect(learning.review).toEqual(review);
    expect(learning.reviewActions.map((action) => action.text)).toEqual([reviewAction]);
    // The session's other actions stay in the actions table only.
    expect(actions.length).toBeGreaterThan(1);
    expect(learning.stories.map((story) => [story.title, story.named])).toEqual([
      ['Walking bus', true],
      ['Homework club', false],
    ]);
    expect(JSON.stringify(learning)).not.toContain('CANARY-STORY-INSIDE');
    expect(redactions).toContainEqual({ reason: 'story_internal', count: 1 });
    expect(learning.readiness).toMatchObject({ round: 'Autumn check', sheets: 12, residentSheets: 4, agencySheets: 8 });
    expect(learning.readiness?.biggestGaps).toHaveLength(3);
    expect(learning.readiness?.biggestGaps.map((gap) => gap.item)).toEqual([
      definition.text.en,
      third.text.en,
      vision.text.en,
    ]);
    expect(learning.readiness?.differences).toEqual([
      { item: definition.text.en, residents: 1, agencies: 4, difference: -3 },
    ]);
    expect(learning.phase).toMatchObject({
      phase: 'assess_readiness',
      met: [{ text: benchmark.text.en, metOn: '2026-11-23', evidence: 'Steering committee' }],
    });
  });

  it('says the same in every format, and no format holds the story kept inside', async () => {
    for (const format of ['html', 'md', 'docx', 'pdf']) {
      const text = flat(await exportAs(format));
      for (const expected of [
        'Learning and readiness',
        review.whyDifferent,
        reviewAction,
        'Parents now walk the children to school together.',
        'Where residents and agencies differ',
        '12 rating sheets (residents: 4, agencies and others: 8)',
        'evidence: Steering committee',
        '1 story kept inside the backbone is not shown',
      ])
        expect(text, `${format}: ${expected}`).toContain(expected);
      expect(text.includes('CANARY-STORY-INSIDE'), `${format} holds the story kept inside`).toBe(false);
    }
    for (const format of ['decisions-csv', 'actions-csv', 'ics'])
      expect((await exportAs(format)).includes('CANARY-STORY-INSIDE'), format).toBe(false);
  }, 60_000);

  it('gives a partner the readiness headline and the phase, not the review or the stories', async () => {
    const copy = preview(world.libraryId);
    expect(copy.learning.review).toBeNull();
    expect(copy.learning.stories).toEqual([]);
    expect(copy.learning.readiness?.sheets).toBe(12);
    expect(copy.learning.phase?.met).toHaveLength(1);
    const started = value<BatchStatus>(
      dispatch(handlers, 'summary.batchStart', {
        initiativeId: world.initiativeId,
        sessionId: world.sessionId,
        format: 'md',
        packaging: 'zip',
      }),
    );
    let status = started;
    while (status.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      status = value<BatchStatus>(dispatch(handlers, 'summary.batchStatus', { jobId: started.jobId }));
    }
    expect(status.state).toBe('done');
    const entries = [...readZip(readFileSync(status.savedTo[0])).values()].map((read) =>
      new TextDecoder().decode(read()),
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry).toContain('Where residents and agencies differ');
      expect(entry).not.toContain('CANARY-STORY-INSIDE');
      expect(entry).not.toContain(review.whyDifferent);
    }
  }, 60_000);

  it('keeps residents and agencies together when a group has fewer than three raters, as the screen does', async () => {
    // A later round: two residents (too few to show apart) and five agencies.
    await round('Winter check', '2026-12-01', [
      ...Array.from({ length: 2 }, () => ({ lived: true, definition: 1 })),
      ...Array.from({ length: 5 }, () => ({ lived: false, definition: 4 })),
    ]);
    const { learning } = preview();
    expect(learning.readiness).toMatchObject({
      round: 'Winter check',
      sheets: 7,
      residentSheets: null,
      agencySheets: null,
    });
    expect(learning.readiness?.differences).toEqual([]);
    expect(learning.readiness?.notApart).toBe(3);
    const text = flat(await exportAs('md'));
    expect(text).toContain('7 rating sheets. Residents and agencies are not counted apart');
    expect(text).toContain('3 items are not shown by group');
    expect(text).not.toContain('Where residents and agencies differ');
  }, 60_000);
  it('follows a story’s consent when it changes: taken back, the story leaves every summary at once', async () => {
    const walking = value<{ id: string; title: string }[]>(
      dispatch(handlers, 'readiness.stories.list', { initiativeId: world.initiativeId }),
    ).find((story) => story.title === 'Walking bus')!;
    await call('readiness.stories.update', {
      initiativeId: world.initiativeId,
      storyId: walking.id,
      patch: { consent: 'internal' },
    });
    const { learning, redactions } = preview();
    expect(learning.stories.map((story) => story.title)).toEqual(['Homework club']);
    expect(redactions).toContainEqual({ reason: 'story_internal', count: 2 });
    expect(flat(await exportAs('md'))).not.toContain('Parents now walk the children to school together.');
  });
});

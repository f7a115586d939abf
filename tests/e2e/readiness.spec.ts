import type { APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readZip } from '../../src-main/features/exchange/zip';
import { expect, test } from './fixtures';
import type { HostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { sidewaysProblems } from './pages/layout-check';
import { textsOf } from './pages/locale-texts';
import { api } from './pages/meeting-page';
import { ReadinessPage } from './pages/readiness-page';

interface InstrumentView {
  id: string;
  builtinName: Record<'en' | 'es' | 'fr' | 'ar', string> | null;
  sections: { items: { id: string; builtinText: { en: string } | null }[] }[];
}

const shareDefinition = 'Partners share one definition of the problem.';
const nameVision = 'Everyone can name the shared vision and goal.';

async function sheet(
  request: APIRequestContext,
  host: HostProcess,
  initiativeId: string,
  roundId: string,
  livedExperience: boolean,
  answers: Record<string, { level: number; importance: number }>,
): Promise<void> {
  await api(request, host, 'readiness.sheets.save', {
    initiativeId,
    roundId,
    sheet: { sector: livedExperience ? 'community' : 'health', livedExperience, answers },
  });
}

test('a round of twelve raters shows the gap, where residents differ and what changed, two benchmarks are met with evidence, and a review makes an action', async ({
  page,
  request,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', {
    name: 'Eastside Cradle to Career',
  });
  await api(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'March roundtable', startsAt: '2026-03-10T18:00' },
  });
  await api(request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: { name: 'Kindergarten readiness' },
  });
  const instruments = await api<InstrumentView[]>(request, host, 'readiness.instruments.list', { initiativeId });
  const selfAssessment = instruments.find((one) => one.builtinName?.en === 'Self-assessment of the five conditions');
  if (!selfAssessment) throw new Error('the built-in self-assessment is missing');
  const [definition, vision] = selfAssessment.sections[0].items.map((item) => item.id);

  // Last autumn three agencies rated the shared definition 2 of 4.
  const autumn = await api<{ id: string }>(request, host, 'readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessment.id, title: 'Autumn check', heldOn: '2025-10-01' },
  });
  for (let i = 0; i < 3; i++)
    await sheet(request, host, initiativeId, autumn.id, false, { [definition]: { level: 2, importance: 5 } });

  // This spring: eleven sheets from paper through the API, the twelfth typed in below.
  const spring = await api<{ id: string }>(request, host, 'readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessment.id, title: 'Spring check', heldOn: '2026-03-10' },
  });
  for (let i = 0; i < 4; i++) {
    // Only two residents rated the vision: too few to show apart.
    const answers: Record<string, { level: number; importance: number }> = {
      [definition]: { level: 1, importance: 5 },
    };
    if (i < 2) answers[vision] = { level: 2, importance: 4 };
    await sheet(request, host, initiativeId, spring.id, true, answers);
  }
  for (let i = 0; i < 7; i++)
    await sheet(request, host, initiativeId, spring.id, false, {
      [definition]: { level: 3, importance: 4 },
      [vision]: { level: 3, importance: 4 },
    });

  const app = new AppPage(page);
  const readiness = new ReadinessPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness and phases' })).toBeVisible();
  await readiness.openRound('Self-assessment of the five conditions', /^Spring check, 2026-03-10 · sheets: 11/);

  // A sheet saved before its sector is chosen is refused, not filed under a sector by default.
  await expect(readiness.sheet.getByLabel(/sector/)).toHaveValue('');
  await readiness.levelOf(shareDefinition).fill('2');
  await readiness.levelOf(shareDefinition).press('Enter');
  await expect(readiness.sheet.getByRole('alert')).toHaveText(
    'Choose the rater’s sector, as written on the sheet, before saving it.',
  );
  await expect(readiness.sheet.getByLabel(/sector/)).toBeFocused();
  await readiness.levelOf(shareDefinition).fill('');

  // The twelfth sheet, from paper, by keyboard: a resident who sees little shared definition.
  await readiness.sheet.getByLabel(/sector/).selectOption({ label: 'Community / residents' });
  await readiness.sheet.getByLabel(/sector/).press('Tab');
  await expect(readiness.sheet.getByLabel('Has lived experience of the issue')).toBeFocused();
  await page.keyboard.press('Space');
  await readiness.levelOf(shareDefinition).focus();
  await page.keyboard.type('7');
  await expect(readiness.sheet.getByRole('alert')).toHaveText('How well is a digit from 1 to 4.');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await expect(readiness.importanceOf(shareDefinition)).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(readiness.sheet.getByRole('status')).toHaveText('Sheet saved. Type in the next one.');
  await expect(readiness.sheet.getByLabel(/sector/)).toBeFocused();
  await app.expectSaved();

  await expect(
    readiness.results.getByText(/^Sheets: 12 \(residents with lived experience: 5, agencies and others: 7\)/),
  ).toBeVisible();
  // The gap chart: the shared definition matters most against how well it is done, first in the table.
  const definitionGap = readiness.row(readiness.gapTable, shareDefinition);
  await expect(readiness.gapTable.getByRole('row').nth(1)).toContainText(shareDefinition);
  // Importance 53/60 = 4.4; done 26/12 = 2.2 of 4, 2.6 of 5; gap +1.9; up 0.2 on autumn's 2.0.
  await expect(definitionGap.getByRole('cell')).toHaveText(['4.4', '2.6', '+1.9', '+0.2']);
  // Where residents differ: 1.0 against 3.0; the vision has only two residents, so it is not shown apart.
  await expect(readiness.row(readiness.differTable, shareDefinition).getByRole('cell')).toHaveText([
    '1.0',
    '3.0',
    '-2.0 Worth talking about',
  ]);
  await expect(readiness.row(readiness.differTable, nameVision)).toContainText(
    'Not shown separately: fewer than three raters in one of the groups.',
  );

  // The report for partners, as Word: the same gap in the document.
  const downloading = page.waitForEvent('download');
  await readiness.results.getByRole('button', { name: 'Report as Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('readiness-2026-03-10-Spring-check.docx');
  const xml = new TextDecoder().decode(readZip(readFileSync(await download.path())).get('word/document.xml')!());
  expect(xml).toContain(shareDefinition);
  expect(xml).toContain('+1.9');

  // Two benchmarks of the first phase met, each with its evidence, and the move to the next phase.
  await page.getByRole('tab', { name: 'Phases' }).click();
  await readiness.markMet('A readiness check has been done together.', '2026-03-10', 'A session', 'March roundtable');
  await readiness.markMet(
    'Leaders from several sectors have been met and are interested.',
    '2026-02-20',
    'An indicator',
    'Kindergarten readiness',
  );
  const move = page.getByRole('form', { name: 'Move to a phase' });
  await move.getByLabel('Phase', { exact: true }).selectOption({ label: 'Initiate action' });
  await move.getByLabel('Since').fill('2026-03-15');
  await move.getByLabel('Why (optional)').fill('Readiness check done');
  await move.getByRole('button', { name: 'Record the move' }).click();
  await expect(page.getByRole('heading', { name: 'Current phase: Initiate action' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Phase history' }).getByRole('listitem').last()).toHaveText(
    '2026-03-15 Initiate action — Readiness check done',
  );
  await app.expectSaved();

  // After the roundtable: an after-action review whose next step becomes an action item.
  await page.getByRole('tab', { name: 'Learning' }).click();
  const review = page.getByRole('region', { name: 'After-action review' });
  await review.getByLabel('Session').selectOption({ label: 'March roundtable' });
  await review.getByLabel('What was planned').fill('Agree on one definition of the problem.');
  await review.getByLabel('What happened').fill('Residents and agencies described two different problems.');
  await review.getByLabel('Why the difference').fill('Residents had not been part of drafting the statement.');
  await review.getByLabel('What next').fill('Draft the statement again with the residents group.');
  const turnInto = review.getByRole('form', { name: 'Turn a next step into an action' });
  await turnInto.getByLabel('Action', { exact: true }).fill('Redraft the problem statement with residents');
  await turnInto.getByLabel('Due').fill('2026-04-15');
  await turnInto.getByRole('button', { name: 'Add action' }).click();
  await expect(turnInto.getByRole('status')).toHaveText('Action added: Redraft the problem statement with residents');
  await app.expectSaved();
  const actions = await api<{ text: string; dueDate: string; sessionId: string | null }[]>(
    request,
    host,
    'actions.list',
    {
      initiativeId,
      filter: {},
    },
  );
  expect(actions).toEqual([
    expect.objectContaining({ text: 'Redraft the problem statement with residents', dueDate: '2026-04-15' }),
  ]);
  expect(actions[0].sessionId).not.toBeNull();

  await page.reload();
  await page.getByRole('tab', { name: 'Phases' }).click();
  await expect(readiness.benchmark('A readiness check has been done together.')).toContainText(
    'Met on 2026-03-10. A session: March roundtable',
  );
  await page.getByRole('tab', { name: 'Learning' }).click();
  await page.getByLabel('Session').selectOption({ label: 'March roundtable' });
  await expect(page.getByLabel('Why the difference')).toHaveValue(
    'Residents had not been part of drafting the statement.',
  );
});

test('other tables in town: a collaboration added by hand shows who sits on many tables and which goals overlap', async ({
  page,
  request,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', {
    name: 'Eastside Cradle to Career',
  });
  const library = await api<{ id: string }>(request, host, 'partners.create', {
    initiativeId,
    partner: { name: 'Eastside Library', sector: 'education' },
  });
  await api(request, host, 'partners.create', {
    initiativeId,
    partner: { name: 'Northside Clinic', sector: 'health' },
  });
  await api(request, host, 'readiness.tables.create', {
    initiativeId,
    collaboration: { name: 'Ready by Five', goal: 'Every child ready for kindergarten', partnerIds: [library.id] },
  });

  const app = new AppPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+8');
  await page.getByRole('tab', { name: 'Other tables in town' }).click();
  const form = page.getByRole('form', { name: 'Add a collaboration' });
  await form.getByLabel('Collaboration').fill('Early Literacy Network');
  await form.getByLabel('Goal').fill('Children reading and ready for kindergarten');
  await form.getByLabel('Convened by').fill('Public library');
  await form.getByRole('checkbox', { name: 'Eastside Library' }).check();
  await form.getByRole('button', { name: 'Add collaboration' }).click();
  await expect(page.getByRole('table', { name: 'Partners on two or more other tables' })).toContainText(
    'Eastside LibraryEarly Literacy Network, Ready by Five',
  );
  await expect(page.getByRole('table', { name: 'Collaborations with overlapping goals' })).toContainText(
    'Shared words: kindergarten, ready',
  );
  await app.expectSaved();
});

for (const locale of ['en', 'es', 'fr', 'ar'] as const) {
  test(`every readiness tab fits a 1280 × 720 window in ${locale}, with no raw key`, async ({
    page,
    request,
    host,
  }) => {
    const t = textsOf(locale);
    const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
    const instruments = await api<InstrumentView[]>(request, host, 'readiness.instruments.list', { initiativeId });
    const selfAssessment = instruments[1];
    const round = await api<{ id: string }>(request, host, 'readiness.rounds.create', {
      initiativeId,
      round: { instrumentId: selfAssessment.id, title: 'Spring check', heldOn: '2026-03-10' },
    });
    const item = selfAssessment.sections[0].items[0].id;
    for (const lived of [true, false, true, false, true, false])
      await sheet(request, host, initiativeId, round.id, lived, { [item]: { level: lived ? 1 : 3, importance: 5 } });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript((lng) => localStorage.setItem('commonground.locale', lng), locale);
    await new AppPage(page).openInitiative(host.openUrl);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.keyboard.press('Control+8');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.readiness') })).toBeVisible();
    await page
      .getByRole('navigation', { name: t('readiness.instruments.title') })
      .getByRole('button', { name: selfAssessment.builtinName?.[locale] ?? '' })
      .click();
    await page
      .getByRole('navigation', { name: t('readiness.rounds.title') })
      .getByRole('button', { name: /^Spring check/ })
      .click();
    await expect(page.getByRole('table', { name: t('readiness.results.differTitle') })).toBeVisible();
    for (const tab of ['assessments', 'phases', 'learning', 'otherTables']) {
      await page.getByRole('tab', { name: t(`readiness.tabs.${tab}`) }).click();
      await expect(page.getByRole('tab', { name: t(`readiness.tabs.${tab}`) })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      expect(await sidewaysProblems(page), `${locale} ${tab}`).toEqual([]);
      expect((await page.locator('body').innerText()).match(/\breadiness\.[a-z]+\.[A-Za-z]+/)?.[0] ?? null).toBeNull();
    }
  });
}

test('a story of most significant change is kept with consent and chosen in a round with its reason', async ({
  page,
  request,
  host,
}) => {
  await api(request, host, 'initiatives.create', { name: 'Eastside Cradle to Career' });
  await new AppPage(page).openInitiative(host.openUrl);
  await page.keyboard.press('Control+8');
  await page.getByRole('tab', { name: 'Learning' }).click();
  const collect = page.getByRole('form', { name: 'Collect a story' });
  await collect.getByLabel('Title').fill('The bus stop meeting');
  await collect.getByLabel('The story, as told').fill('Parents started walking children to school together.');
  await collect.getByRole('button', { name: 'Keep the story' }).click();
  await expect(collect.getByRole('alert')).toHaveText('Record what the teller agreed to before saving the story.');
  await collect.getByLabel('The teller agrees to').selectOption({ label: 'Share it without their name' });
  await collect.getByRole('button', { name: 'Keep the story' }).click();
  const stories = page.getByRole('list', { name: 'Stories collected' });
  await expect(stories).toContainText('The bus stop meeting · Share it without their name');
  const choose = page.getByRole('form', { name: 'A round chose a story' });
  await choose.getByLabel('Round').fill('Steering committee, April');
  await choose.getByLabel('Story chosen').selectOption({ label: 'The bus stop meeting' });
  await choose.getByLabel('Why this one').fill('Residents organised it themselves.');
  await choose.getByRole('button', { name: 'Record the choice' }).click();
  await expect(stories).toContainText(
    /Chosen in Steering committee, April on \d{4}-\d{2}-\d{2}: Residents organised it themselves\./,
  );
});

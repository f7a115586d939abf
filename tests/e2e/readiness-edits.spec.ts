import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api } from './pages/meeting-page';
import { ReadinessPage } from './pages/readiness-page';

interface InstrumentView {
  id: string;
  builtinName: { en: string } | null;
  sections: { items: { id: string }[] }[];
}

test('a sheet typed twice and a round started by mistake are removed from the screen, and Undo brings each back', async ({
  page,
  request,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const instruments = await api<InstrumentView[]>(request, host, 'readiness.instruments.list', { initiativeId });
  const selfAssessment = instruments.find((one) => one.builtinName?.en === 'Self-assessment of the five conditions')!;
  const item = selfAssessment.sections[0].items[0].id;
  const { id: roundId } = await api<{ id: string }>(request, host, 'readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessment.id, title: 'Spring check', heldOn: '2026-03-10' },
  });
  for (const sector of ['health', 'education', 'education'])
    await api(request, host, 'readiness.sheets.save', {
      initiativeId,
      roundId,
      sheet: { sector, livedExperience: false, answers: { [item]: { level: 2, importance: 5 } } },
    });

  const app = new AppPage(page);
  const readiness = new ReadinessPage(page);
  await app.openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+8');
  await readiness.openRound('Self-assessment of the five conditions', /^Spring check, 2026-03-10 · sheets: 3/);
  const sheets = page.getByRole('region', { name: 'Sheets typed in' });
  await expect(sheets.getByRole('listitem')).toHaveCount(3);

  // The third sheet was the second typed twice.
  await sheets.getByRole('button', { name: 'Remove sheet 3' }).click();
  await expect(sheets.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('navigation', { name: 'Rounds' })).toContainText('sheets: 2');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Sheet 3 removed.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(sheets.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('navigation', { name: 'Rounds' })).toContainText('sheets: 3');

  await sheets.getByRole('button', { name: 'Remove the round “Spring check”' }).click();
  await expect(toast).toContainText('Round “Spring check” removed.');
  await expect(page.getByRole('navigation', { name: 'Rounds' })).toContainText('No rounds yet.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  // The round comes back whole, its three sheets with it.
  await expect(sheets.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('navigation', { name: 'Rounds' })).toContainText('Spring check, 2026-03-10 · sheets: 3');
});

test('a teller takes back a sharing consent, a story and a collaboration are removed and brought back', async ({
  page,
  request,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  await api(request, host, 'readiness.stories.add', {
    initiativeId,
    story: {
      title: 'The bus stop meeting',
      story: 'Parents started walking children to school together.',
      consent: 'named',
      collectedOn: '2026-03-01',
    },
  });
  await api(request, host, 'readiness.tables.create', {
    initiativeId,
    collaboration: { name: 'Healthy Northside', goal: 'Healthier children in every neighbourhood' },
  });
  await new AppPage(page).openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+8');
  await page.getByRole('tab', { name: 'Learning' }).click();
  const stories = page.getByRole('list', { name: 'Stories collected' });
  await expect(stories).toContainText('The bus stop meeting · Share it with their name');

  await stories.getByRole('button', { name: 'Edit the story “The bus stop meeting”' }).click();
  const edit = stories.getByRole('form', { name: 'Edit the story “The bus stop meeting”' });
  // The edit form has the collect form's fields, filled with the story as it reads now.
  await expect(edit.getByLabel('Title')).toHaveValue('The bus stop meeting');
  await expect(edit.getByLabel('Collected on')).toHaveValue('2026-03-01');
  await edit.getByLabel('The teller agrees to').selectOption({ label: 'Keep it inside the backbone team' });
  await edit.getByLabel('The story, as told').fill('Parents walk the children to school together now.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(stories).toContainText('The bus stop meeting · Keep it inside the backbone team');
  await expect(stories).toContainText('Parents walk the children to school together now.');
  const saved = await api<{ consent: string; story: string }[]>(request, host, 'readiness.stories.list', {
    initiativeId,
  });
  expect(saved.map((story) => [story.consent, story.story])).toEqual([
    ['internal', 'Parents walk the children to school together now.'],
  ]);

  const toast = page.locator('.toast');
  await stories.getByRole('button', { name: 'Remove the story “The bus stop meeting”' }).click();
  await expect(toast).toContainText('Story “The bus stop meeting” removed.');
  await expect(stories.getByRole('listitem')).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(stories).toContainText('The bus stop meeting · Keep it inside the backbone team');

  await page.getByRole('tab', { name: 'Other tables in town' }).click();
  const tables = page.getByRole('table', { name: 'Other collaborations in town' });
  await expect(tables).toContainText('Healthy Northside');
  await tables.getByRole('button', { name: 'Remove “Healthy Northside”' }).click();
  await expect(toast).toContainText('Collaboration “Healthy Northside” removed.');
  await expect(tables).not.toContainText('Healthy Northside');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(tables).toContainText('Healthy Northside');

  await tables.getByRole('button', { name: 'Edit “Healthy Northside”' }).click();
  const editTable = page.getByRole('form', { name: 'Edit “Healthy Northside”' });
  await editTable.getByLabel('Goal').fill('Every child healthy by ten');
  await editTable.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('form', { name: 'Add a collaboration' })).toBeVisible();
  await expect(tables.getByRole('row', { name: /Healthy Northside/ })).toContainText('Every child healthy by ten');
});

test('a benchmark of our own is added to a phase and marked met with its evidence', async ({ page, request, host }) => {
  await api(request, host, 'initiatives.create', { name: 'Eastside' });
  await new AppPage(page).openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+8');
  await page.getByRole('tab', { name: 'Phases' }).click();
  const initiate = page.getByRole('region', { name: 'Initiate action' });
  const add = initiate.getByRole('form', { name: 'Add a benchmark to Initiate action' });
  await add.getByLabel('A benchmark of our own').fill('A resident co-chairs the steering committee.');
  await add.getByRole('button', { name: 'Add benchmark' }).click();
  const readiness = new ReadinessPage(page);
  await expect(readiness.benchmark('A resident co-chairs the steering committee.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark met: A resident co-chairs the steering committee.' }).click();
  const form = page.getByRole('form', { name: 'Evidence that the benchmark is met' });
  await form.getByLabel('Met on', { exact: true }).fill('2026-04-02');
  await form.getByLabel('Evidence', { exact: true }).selectOption({ label: 'A note' });
  await form.getByLabel('What shows it', { exact: true }).fill('Elected at the April meeting');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(readiness.benchmark('A resident co-chairs the steering committee.')).toContainText(
    'Met on 2026-04-02. A note: Elected at the April meeting',
  );
});

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api } from './pages/meeting-page';

test('the Export section offers every export, not a promise', async ({ page, host }) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', {
    name: 'Lakeside Families',
  });
  await api(request, host, 'partners.create', {
    initiativeId,
    partner: { name: 'Lakeside Library', sector: 'education' },
  });
  const focusGroup = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  });
  const participant = await api<{ id: string }>(request, host, 'participants.create', {
    initiativeId,
    participant: { focusGroupId: focusGroup.id, consent: 'anonymous' },
  });
  await api(request, host, 'themes.create', { initiativeId, theme: { name: 'Transport' } });
  const draft = await api<{ id: string }>(request, host, 'voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId: focusGroup.id, participantId: participant.id, text: 'The bus stops running at six.' },
  });
  await api(request, host, 'voice.capture', { initiativeId, noteId: draft.id });
  await api(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'March roundtable', startsAt: '2026-03-12T18:00' },
  });

  const app = new AppPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+6');
  const hub = page.getByRole('region', { name: 'Export', exact: true });
  await expect(hub.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await expect(page.getByText('Coming in a later version')).toHaveCount(0);

  // Partners, as the Partners tab exports them.
  const roster = page.waitForEvent('download');
  await hub.getByRole('region', { name: 'Export partners' }).getByRole('button', { name: 'Download' }).click();
  expect(readFileSync(await (await roster).path(), 'utf8')).toContain('Lakeside Library');

  // Community voice: the shareable notes and the codebook.
  const notes = page.waitForEvent('download');
  await hub.getByRole('button', { name: 'Download notes (CSV)' }).click();
  expect((await notes).suggestedFilename()).toMatch(/voice notes\.csv$/);
  expect(readFileSync(await (await notes).path(), 'utf8')).toContain('The bus stops running at six.');
  const codebook = page.waitForEvent('download');
  await hub.getByRole('button', { name: 'Download the theme codebook (REFI-QDA)' }).click();
  expect(readFileSync(await (await codebook).path(), 'utf8')).toContain('Transport');

  // A session's summary opens here, and Back returns to the list.
  await hub.getByRole('button', { name: 'Summary of March roundtable' }).click();
  await expect(page.locator('.summary-doc')).toContainText('March roundtable');
  const markdown = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  expect((await markdown).suggestedFilename()).toMatch(/\.md$/);
  await page.getByRole('button', { name: 'Back to Export' }).click();
  await expect(hub.getByRole('heading', { name: 'Session summaries for partners' })).toBeVisible();

  // The map image and the sealed whole-initiative copy are one click away.
  await hub.getByRole('button', { name: 'Open Settings → Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByLabel('Type the passphrase again (for export)')).toBeVisible();
  await page.keyboard.press('Control+6');
  await page.getByRole('button', { name: 'Open the map' }).click();
  await expect(page.getByRole('button', { name: 'Export PNG', exact: true })).toBeVisible();
});

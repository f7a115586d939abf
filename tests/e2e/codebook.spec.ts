import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/** A codebook from an older tool: a non-RFC 4122 guid, a category with codes under it, a set. */
const oldToolCodebook = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Old tool">
  <Codes>
    <Code guid="11111111-2222-0333-1444-555555555555" name="Barriers" isCodable="false">
      <Code guid="AAAAAAAA-BBBB-0CCC-CDDD-EEEEEEEEEEEE" name="Transport" isCodable="true" color="#81BEF7"/>
      <Code guid="not-a-guid" name="Childcare" isCodable="true"/>
    </Code>
  </Codes>
  <Sets><Set guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0" name="A set"/></Sets>
</CodeBook>`;

test('a leader imports a codebook from another tool, sees what did not come in as it was, and edits its themes', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Families');
  await page.keyboard.press('Control+3');
  await page.getByRole('tab', { name: 'Themes' }).click();

  await page.getByLabel('Import codebook (.qdc)…').setInputFiles({
    name: 'old-tool.qdc',
    mimeType: 'application/xml',
    buffer: Buffer.from(oldToolCodebook, 'utf8'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Codebook imported' })).toHaveText(
    'Codebook imported: 3 new, 0 updated, 0 unchanged.',
  );
  const warnings = page.getByRole('region', { name: 'Some of the file did not come in as it was:' });
  await expect(warnings).toContainText('“Childcare” had no usable id, so it was given a new one.');
  await expect(warnings).toContainText('Code groups (sets) are not brought in, only the codes.');

  // Sorted by name: Barriers, Childcare, Transport.
  const cards = page.locator('.theme');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0).getByLabel('Name', { exact: true })).toHaveValue('Barriers');
  await expect(cards.nth(0)).toContainText('Category: groups other themes');
  await expect(cards.nth(2).getByLabel('Name', { exact: true })).toHaveValue('Transport');
  await expect(cards.nth(2)).toContainText('Under Barriers');

  // The theme whose guid was not an RFC 4122 UUID can be renamed like any other.
  await cards.nth(2).getByLabel('Name', { exact: true }).fill('Transport and buses');
  await app.expectSaved();
  await page.reload();
  await page.getByRole('tab', { name: 'Themes' }).click();
  await expect(page.locator('.theme').nth(2).getByLabel('Name', { exact: true })).toHaveValue('Transport and buses');
});

import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';

test('the representation check names the sectors missing from a working group and follows changes', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Harbour Health Equity');
  await partners.add('Harbour Clinic', 'Health');
  await partners.add('Harbour Schools', 'Education');

  await partners.tab('Groups').click();
  const addGroup = page.getByRole('form', { name: 'Add group' });
  await addGroup.getByLabel('Group name').fill('Prevention table');
  await addGroup.getByRole('button', { name: 'Add group' }).click();
  await partners.tab('Partners').click();
  await partners.open('Harbour Clinic');
  await partners.details.getByRole('button', { name: 'Add to group' }).click();
  await expect(partners.details.getByLabel('Role in Prevention table')).toBeVisible();

  await partners.tab('Who is at the table').click();
  const groupFinding = page.getByText(/No one from .* sits on Prevention table\./);
  await expect(groupFinding).toContainText('Education');
  await expect(groupFinding).not.toContainText('Health');

  // Seat the schools too: Education is no longer missing from the table.
  await partners.tab('Partners').click();
  await partners.open('Harbour Schools');
  await partners.details.getByRole('button', { name: 'Add to group' }).click();
  await expect(partners.details.getByLabel('Role in Prevention table')).toBeVisible();
  await partners.tab('Who is at the table').click();
  await expect(page.getByText(/No one from .* sits on Prevention table\./)).not.toContainText('Education');
});

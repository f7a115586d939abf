import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { HostProcess } from './host-process';
import { expectFitsSideways } from './pages/layout-check';
import { textsOf } from './pages/locale-texts';
import { api } from './pages/meeting-page';

/*
 * A 1280 × 720 window is the smallest a facilitator's laptop gives the app. Every section and
 * sub-screen, in every language (Arabic right to left), must fit it with nothing cut off at the
 * sides and no sideways scrolling. Names are long on purpose, as real ones are.
 */

const locales = ['en', 'es', 'fr', 'ar'] as const;

async function seed(page: Page, host: HostProcess): Promise<void> {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', {
    name: 'Riverside County Cradle to Career Partnership',
    problemStatement: 'Too few children start school ready to learn, and too few finish with a plan.',
  });
  const partner = (name: string, sector: string, kind = 'organisation', livedExperience = false) =>
    api<{ id: string }>(request, host, 'partners.create', {
      initiativeId,
      partner: { name, kind, sector, livedExperience, tags: ['early years', 'family engagement'] },
    });
  const ana = await partner('Ana Lucía Ruiz Fernández', 'community', 'person', true);
  const clinic = await partner('Riverside Community Health and Family Wellness Centre', 'health');
  await partner('Riverside Unified School District Office of Early Learning', 'education');
  await api(request, host, 'relationships.create', {
    initiativeId,
    relationship: { fromId: ana.id, toId: clinic.id, kind: 'refers_to' },
  });
  const group = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'working_group', name: 'Kindergarten readiness working group' },
  });
  await api(request, host, 'groups.setMember', {
    initiativeId,
    groupId: group.id,
    partnerId: ana.id,
    role: 'co_chair',
  });
  const focusGroup = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  });
  const participant = await api<{ id: string }>(request, host, 'participants.create', {
    initiativeId,
    participant: { focusGroupId: focusGroup.id, consent: 'named' },
  });
  await api(request, host, 'themes.create', { initiativeId, theme: { name: 'Transport and getting there' } });
  const draft = await api<{ id: string }>(request, host, 'voice.saveDraft', {
    initiativeId,
    draft: {
      focusGroupId: focusGroup.id,
      participantId: participant.id,
      text: 'The bus stops running at six, so evening meetings are out for anyone without a car.',
    },
  });
  await api(request, host, 'voice.capture', { initiativeId, noteId: draft.id });
  const session = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: {
      kind: 'roundtable',
      title: 'November roundtable',
      startsAt: '2026-11-23T10:00',
      place: 'Riverside Public Library, basement community room',
      groupId: group.id,
    },
  });
  await api(request, host, 'agenda.add', {
    initiativeId,
    sessionId: session.id,
    item: { title: 'Evening hours for the family resource centre', timeboxMinutes: 10, purpose: 'decide' },
  });
  await api(request, host, 'agenda.add', { initiativeId, sessionId: session.id, item: { title: 'Budget' } });
}

async function openTab(page: Page, label: string, screen: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await expect(page.getByRole('tab', { name: label, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expectFitsSideways(page, screen);
}

for (const locale of locales) {
  test(`every screen fits a 1280 × 720 window in ${locale}`, async ({ page, host }) => {
    test.setTimeout(120_000);
    const t = textsOf(locale);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript((lng) => localStorage.setItem('commonground.locale', lng), locale);
    await seed(page, host);
    await page.goto(host.openUrl);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('.topbar__initiative')).toHaveText('Riverside County Cradle to Career Partnership');

    // Partners, with a partner's details open, then each tab.
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.partners') })).toBeVisible();
    await page
      .getByRole('button', { name: /Ana Lucía Ruiz Fernández$/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Ana Lucía Ruiz Fernández' })).toBeVisible();
    await expectFitsSideways(page, 'partners with details');
    await openTab(page, t('partnerTabs.groups'), 'groups');
    await openTab(page, t('partnerTabs.representation'), 'who is at the table');
    await openTab(page, t('partnerTabs.exchange'), 'import and export');

    await page.keyboard.press('Control+2');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expectFitsSideways(page, 'map');

    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'Parents' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Parents' })).toBeVisible();
    await expectFitsSideways(page, 'focus group and capture');
    await openTab(page, t('voice.views.participants'), 'participants');
    await openTab(page, t('voice.views.sessions'), 'focus group sessions');
    await openTab(page, t('voice.tabs.themes'), 'themes');
    await openTab(page, t('voice.tabs.search'), 'search notes');

    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.sessions') })).toBeVisible();
    await openTab(page, t('meeting.tabs.decisions'), 'decisions log');
    await openTab(page, t('meeting.tabs.actions'), 'action tracker');
    await page.getByRole('tab', { name: t('meeting.tabs.sessions'), exact: true }).click();
    await page
      .getByRole('button', { name: /November roundtable/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 2, name: 'November roundtable' })).toBeVisible();
    await expectFitsSideways(page, 'session plan');

    await page.keyboard.press('Control+5');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.measures') })).toBeVisible();
    await expectFitsSideways(page, 'measures');

    await page.keyboard.press('Control+6');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.export') })).toBeVisible();
    await expectFitsSideways(page, 'export');

    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { name: t('backups.title') }).first()).toBeVisible();
    await expectFitsSideways(page, 'settings');

    await page.keyboard.press('Control+4');
    await page.getByRole('button', { name: t('meeting.plan.start') }).click();
    await expect(page.getByRole('timer')).toBeVisible();
    await expectFitsSideways(page, 'meeting mode');
  });
}

// The bundled sample has the most in it: long names, a full roster, a closed and a planned roundtable.
for (const locale of ['en', 'ar'] as const) {
  test(`the sample initiative fits a 1280 × 720 window in ${locale}`, async ({ page, host }) => {
    test.setTimeout(120_000);
    const t = textsOf(locale);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript((lng) => localStorage.setItem('commonground.locale', lng), locale);
    await page.goto(host.openUrl);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectFitsSideways(page, 'first start');
    await page.getByRole('button', { name: t('firstStart.openSample') }).click();
    await expect(page.locator('.topbar__initiative')).toHaveText('Riverside Cradle to Career (sample)');

    await page
      .getByRole('button', { name: /Boys & Girls Club of Riverside$/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Boys & Girls Club of Riverside' })).toBeVisible();
    await expectFitsSideways(page, 'sample partners with details');
    await openTab(page, t('partnerTabs.groups'), 'sample groups');
    await openTab(page, t('partnerTabs.representation'), 'sample: who is at the table');

    await page.keyboard.press('Control+2');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expectFitsSideways(page, 'sample map');

    await page.keyboard.press('Control+3');
    await expect(page.getByRole('heading', { level: 1, name: 'Parents of young children' })).toBeVisible();
    await expectFitsSideways(page, 'sample focus group');
    await openTab(page, t('voice.tabs.themes'), 'sample themes');

    await page.keyboard.press('Control+4');
    for (const title of ['October roundtable: ready for kindergarten', 'January roundtable: reading by third grade']) {
      await page
        .getByRole('button', { name: new RegExp(title) })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await expectFitsSideways(page, title);
    }
    await openTab(page, t('meeting.tabs.decisions'), 'sample decisions log');
    await openTab(page, t('meeting.tabs.actions'), 'sample action tracker');

    await page.keyboard.press('Control+6');
    await expect(page.getByRole('heading', { level: 1, name: t('nav.export') })).toBeVisible();
    await expectFitsSideways(page, 'sample export');
  });
}

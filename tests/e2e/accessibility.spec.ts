import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { HostProcess } from './host-process';
import { repoRoot } from './host-process';
import { textsOf } from './pages/locale-texts';
import { api } from './pages/meeting-page';

/*
 * Every screen through axe-core, in every language that has a main locale file (so Arabic, right
 * to left, is covered as soon as its files land): no serious or critical violation. Labels are
 * looked up in the locale files, so the same steps work in each language.
 */

const localesDir = join(repoRoot, 'resources', 'locales');
const localesWithMainFile = readdirSync(localesDir)
  .map((file) => /^([a-z]{2})\.json$/.exec(file)?.[1])
  .filter((locale): locale is string => locale !== undefined)
  .sort();

async function seed(page: Page, host: HostProcess): Promise<void> {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', {
    name: 'Eastside Cradle to Career',
    problemStatement: 'Too few children start school ready to learn.',
  });
  const partner = (name: string, sector: string, livedExperience = false) =>
    api<{ id: string }>(request, host, 'partners.create', {
      initiativeId,
      partner: { name, kind: 'person', sector, livedExperience, tags: ['parents'] },
    });
  const ana = await partner('Ana Ruiz', 'community', true);
  const ben = await partner('Ben Okafor', 'health');
  await api(request, host, 'relationships.create', {
    initiativeId,
    relationship: { fromId: ana.id, toId: ben.id, kind: 'refers_to' },
  });
  const group = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'working_group', name: 'Early years' },
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
  await api(request, host, 'themes.create', { initiativeId, theme: { name: 'Transport' } });
  const draft = await api<{ id: string }>(request, host, 'voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId: focusGroup.id, participantId: participant.id, text: 'The bus stops running at six.' },
  });
  await api(request, host, 'voice.capture', { initiativeId, noteId: draft.id });
  const session = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable', startsAt: '2026-11-23T10:00', groupId: group.id },
  });
  await api(request, host, 'agenda.add', {
    initiativeId,
    sessionId: session.id,
    item: { title: 'Evening hours', timeboxMinutes: 10, purpose: 'decide' },
  });
  await api(request, host, 'agenda.add', { initiativeId, sessionId: session.id, item: { title: 'Budget' } });
}

/** Serious and critical findings on the page as it is now, described well enough to fix. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

async function openTab(page: Page, label: string, screen: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await expect(page.getByRole('tab', { name: label, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expectNoSeriousViolations(page, screen);
}

/**
 * Presses Tab `presses` times and fails on any stop that shows no focus ring (outline or box
 * shadow), or whose ring is fainter than 3:1 against the page behind it.
 */
async function expectVisibleFocusWhileTabbing(page: Page, presses: number, screen: string): Promise<void> {
  const problems: string[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    const problem = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none';
      const label =
        element.getAttribute('aria-label') ??
        (element as HTMLInputElement).labels?.[0]?.textContent ??
        element.textContent ??
        '';
      const name = `${element.tagName.toLowerCase()}.${element.className} "${label.trim().slice(0, 40)}"`;
      if (!ring && !shadow) return `${name}: no focus ring`;
      if (!ring) return null;
      const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [lr, lg, lb] = [r, g, b].map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
      };
      // The ring sits outside the element, over whatever is behind it: the nearest opaque background.
      let behind: Element | null = element.parentElement;
      let background = 'rgb(255, 255, 255)';
      while (behind) {
        const colour = getComputedStyle(behind).backgroundColor;
        if (colour && !colour.startsWith('rgba(0, 0, 0, 0)') && colour !== 'transparent') {
          background = colour;
          break;
        }
        behind = behind.parentElement;
      }
      const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return ratio < 3 ? `${name}: focus ring ${ratio.toFixed(2)}:1 against its background` : null;
    });
    if (problem) problems.push(problem);
  }
  expect(problems, screen).toEqual([]);
}

for (const locale of localesWithMainFile) {
  test.describe(`accessibility in ${locale}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((lng) => localStorage.setItem('commonground.locale', lng), locale);
    });

    test('the first start screen', async ({ page, host }) => {
      await page.goto(host.openUrl);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, 'first start');
    });

    test('every section and tab of an initiative with data', async ({ page, host }) => {
      test.setTimeout(180_000);
      const t = textsOf(locale);
      await seed(page, host);
      await page.goto(host.openUrl);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('.topbar__initiative')).toHaveText('Eastside Cradle to Career');

      // Partners: roster with a partner's details open, groups, who is at the table, import and export.
      await page.keyboard.press('Control+1');
      await expect(page.getByRole('heading', { level: 1, name: t('nav.partners') })).toBeVisible();
      // The row's edit button is named "<Edit>: <partner>" in every language.
      await page
        .getByRole('button', { name: /Ben Okafor$/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { name: 'Ben Okafor' })).toBeVisible();
      await expectNoSeriousViolations(page, 'partners with details');
      await openTab(page, t('partnerTabs.groups'), 'groups');
      await openTab(page, t('partnerTabs.representation'), 'who is at the table');
      await openTab(page, t('partnerTabs.exchange'), 'import and export');

      await page.keyboard.press('Control+2');
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      await expectNoSeriousViolations(page, 'map');

      // Focus groups: the group's own screen with the capture line, its participants, themes, search.
      await page.keyboard.press('Control+3');
      await expect(page.getByRole('tab', { name: t('voice.tabs.groups'), exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Parents' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Parents' })).toBeVisible();
      await expectNoSeriousViolations(page, 'focus group and capture');
      await openTab(page, t('voice.views.participants'), 'participants');
      await openTab(page, t('voice.tabs.themes'), 'themes');
      await openTab(page, t('voice.tabs.search'), 'search notes');

      // Sessions: the plan, the decisions log, the action tracker, then meeting mode.
      await page.keyboard.press('Control+4');
      await openTab(page, t('meeting.tabs.decisions'), 'decisions log');
      await openTab(page, t('meeting.tabs.actions'), 'action tracker');
      await page.getByRole('tab', { name: t('meeting.tabs.sessions'), exact: true }).click();
      await page
        .getByRole('button', { name: /November roundtable/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 2, name: 'November roundtable' })).toBeVisible();
      await expectNoSeriousViolations(page, 'session plan');

      await page.keyboard.press('Control+5');
      await expect(page.getByRole('heading', { level: 1, name: t('nav.measures') })).toBeVisible();
      await expectNoSeriousViolations(page, 'measures');

      await page.keyboard.press('Control+6');
      await expectNoSeriousViolations(page, 'export');

      await page.keyboard.press('Control+7');
      await expect(page.getByRole('heading', { name: t('backups.title') }).first()).toBeVisible();
      await expectNoSeriousViolations(page, 'settings and backups');

      await page.keyboard.press('Control+4');
      await page.getByRole('button', { name: t('meeting.plan.start') }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await expectNoSeriousViolations(page, 'meeting mode');
    });

    test('meeting mode at 200% zoom: current item and timer in view, no sideways scrolling', async ({ page, host }) => {
      const t = textsOf(locale);
      await seed(page, host);
      // 200% zoom of a 1280-wide window: the page lays out in 640 CSS pixels, drawn twice as large.
      await page.setViewportSize({ width: 640, height: 430 });
      await page.goto(host.openUrl);
      // The shortcut works once the app has drawn in its language; pressed earlier it is lost.
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('.topbar__initiative')).toHaveText('Eastside Cradle to Career');
      await page.keyboard.press('Control+4');
      await expect(page.getByRole('heading', { level: 1, name: t('nav.sessions') })).toBeVisible();
      await page
        .getByRole('button', { name: /November roundtable/ })
        .first()
        .click();
      await page.getByRole('button', { name: t('meeting.plan.start') }).click();
      const current = page.locator('.meeting__current');
      await expect(current).toContainText('Evening hours');
      await expect(current).toBeInViewport();
      await expect(page.getByRole('timer')).toBeInViewport();
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        meeting: (() => {
          const meeting = document.querySelector('.meeting');
          return meeting ? meeting.scrollWidth - meeting.clientWidth : 0;
        })(),
      }));
      expect(overflow).toEqual({ page: 0, meeting: 0 });
      await expectNoSeriousViolations(page, 'meeting mode at 200%');
    });

    test('keyboard focus is always visible: partners, focus groups, sessions and meeting mode', async ({
      page,
      host,
    }) => {
      test.setTimeout(120_000);
      const t = textsOf(locale);
      await seed(page, host);
      await page.goto(host.openUrl);
      await expect(page.locator('.topbar__initiative')).toHaveText('Eastside Cradle to Career');
      for (const [key, screen] of [
        ['Control+1', 'partners'],
        ['Control+3', 'focus groups'],
        ['Control+4', 'sessions'],
        ['Control+7', 'settings'],
      ] as const) {
        await page.keyboard.press(key);
        await page.locator('body').focus();
        await expectVisibleFocusWhileTabbing(page, 25, screen);
      }
      await page.keyboard.press('Control+4');
      await page
        .getByRole('button', { name: /November roundtable/ })
        .first()
        .click();
      await page.getByRole('button', { name: t('meeting.plan.start') }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await expectVisibleFocusWhileTabbing(page, 25, 'meeting mode');
    });
  });
}

import { expect } from '@playwright/test';
import type { PhonePage } from './phone-page';

/** One rater's answers as a person gives them on the phone, in the phone's own words. */
export interface PhoneSheet {
  /** A key of roomPhone.readiness.sectors; null leaves the sector unchosen. */
  sector: string | null;
  /** null leaves the lived-experience question unanswered. */
  livedExperience: boolean | null;
  /** Item text as the phone shows it -> level 1..4 and, where asked, importance 1..5. */
  ratings: Record<string, { level: number; importance?: number }>;
}

/** The readiness round on a phone: the item boxes, each with its scale and importance. */
export function readinessOn(phone: PhonePage, scale: 'progress' | 'agreement' = 'progress') {
  const page = phone.page;
  const levelWords =
    scale === 'progress'
      ? ['justBegun', 'someProgress', 'wellAlong', 'fullyAchieved']
      : ['notYet', 'aLittle', 'mostly', 'fully'];
  const item = (text: string) => page.getByRole('group', { name: text, exact: true });
  return {
    item,
    sector: page.getByLabel(phone.say('readiness.sector')),
    lived: page.getByRole('group', { name: phone.say('readiness.lived') }),
    livedChoice(yes: boolean) {
      return this.lived.getByLabel(phone.say(yes ? 'readiness.yes' : 'readiness.no'), { exact: true });
    },
    async fill(sheet: PhoneSheet): Promise<void> {
      if (sheet.sector !== null)
        await this.sector.selectOption({ label: phone.say(`readiness.sectors.${sheet.sector}`) });
      if (sheet.livedExperience !== null)
        await this.livedChoice(sheet.livedExperience).check();
      for (const [text, { level, importance }] of Object.entries(sheet.ratings)) {
        const box = item(text);
        await expect(box).toBeVisible();
        await box
          .getByRole('group', { name: phone.say(`readiness.${scale}`) })
          .getByLabel(`${level} · ${phone.say(`readiness.levels.${levelWords[level - 1]}`)}`, { exact: true })
          .check();
        if (importance !== undefined)
          await box
            .getByRole('group', { name: phone.say('readiness.importance') })
            .getByLabel(String(importance), { exact: true })
            .check();
      }
    },
    async answer(sheet: PhoneSheet): Promise<void> {
      await this.fill(sheet);
      await phone.send();
    },
  };
}

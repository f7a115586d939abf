import {
  levelCount,
  levelOutOfFive,
  notableDifference,
  smallGroupRaters,
  type GroupView,
  type Instrument,
  type ItemResult,
  type RoundResults,
  type Sheet,
} from '../../contract/readiness';

/**
 * The results of a round, from its sheets alone: pure functions, so the screen, the report and
 * the tests all read the same figures.
 */

export { levelOutOfFive, notableDifference };

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** How many raters chose each level, level 1 first. */
export function spreadOf(levels: readonly number[]): number[] {
  const spread = new Array<number>(levelCount).fill(0);
  for (const level of levels) spread[level - 1] += 1;
  return spread;
}

/** A group's mean level, shown only when at least three people in it rated the item. */
export function groupView(levels: readonly number[]): GroupView {
  const average = mean(levels);
  if (levels.length < smallGroupRaters || average === null) return { shown: false };
  return { shown: true, raters: levels.length, meanLevel: average };
}

/** A count of sheets, or null when too few to say without pointing at people. */
export function shownCount(count: number): number | null {
  return count >= smallGroupRaters ? count : null;
}

/**
 * Residents and agencies together make the whole, which is shown: if one of them is too small,
 * the other is hidden too, or the whole minus the shown group would give the small one away.
 */
export function pairedViews(first: GroupView, second: GroupView): [GroupView, GroupView] {
  return first.shown && second.shown ? [first, second] : [{ shown: false }, { shown: false }];
}

function levelsOf(sheets: readonly Sheet[], itemId: string): number[] {
  return sheets.flatMap((sheet) => {
    const level = sheet.answers[itemId]?.level;
    return typeof level === 'number' ? [level] : [];
  });
}

function importanceOf(sheets: readonly Sheet[], itemId: string): number[] {
  return sheets.flatMap((sheet) => {
    const importance = sheet.answers[itemId]?.importance;
    return typeof importance === 'number' ? [importance] : [];
  });
}

export function itemResult(
  itemId: string,
  sectionId: string,
  sheets: readonly Sheet[],
  previousSheets: readonly Sheet[] | null,
): ItemResult {
  const levels = levelsOf(sheets, itemId);
  const meanLevel = mean(levels);
  const meanImportance = mean(importanceOf(sheets, itemId));
  const [residents, agencies] = pairedViews(
    groupView(
      levelsOf(
        sheets.filter((sheet) => sheet.livedExperience),
        itemId,
      ),
    ),
    groupView(
      levelsOf(
        sheets.filter((sheet) => !sheet.livedExperience),
        itemId,
      ),
    ),
  );
  const before = previousSheets ? mean(levelsOf(previousSheets, itemId)) : null;
  return {
    itemId,
    sectionId,
    raters: levels.length,
    spread: spreadOf(levels),
    meanLevel,
    meanImportance,
    gap: meanLevel !== null && meanImportance !== null ? meanImportance - levelOutOfFive(meanLevel) : null,
    residents,
    agencies,
    difference: residents.shown && agencies.shown ? residents.meanLevel - agencies.meanLevel : null,
    change: meanLevel !== null && before !== null ? meanLevel - before : null,
  };
}

export function roundResults(
  roundId: string,
  instrument: Instrument,
  sheets: readonly Sheet[],
  previous: { roundId: string; sheets: readonly Sheet[] } | null,
): RoundResults {
  const residentSheets = shownCount(sheets.filter((sheet) => sheet.livedExperience).length);
  const agencySheets = shownCount(sheets.filter((sheet) => !sheet.livedExperience).length);
  const bothShown = residentSheets !== null && agencySheets !== null;
  return {
    roundId,
    previousRoundId: previous?.roundId ?? null,
    sheets: sheets.length,
    residentSheets: bothShown ? residentSheets : null,
    agencySheets: bothShown ? agencySheets : null,
    items: instrument.sections.flatMap((section) =>
      section.items.map((item) => itemResult(item.id, section.id, sheets, previous?.sheets ?? null)),
    ),
  };
}

/** Items where residents and agencies differ most, largest first; hidden groups never appear. */
export function whereViewsDiffer(items: readonly ItemResult[]): ItemResult[] {
  return items
    .filter((item) => item.difference !== null && Math.abs(item.difference) >= notableDifference)
    .sort((a, b) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0));
}

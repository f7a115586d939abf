import type { Collaboration, TablesReport } from '../../contract/readiness';

/**
 * The report on other tables in town: partners who sit on many of them, and collaborations whose
 * goals overlap. Pure, so it is tested on its own.
 */

/** Short words and a few common ones say nothing about what a goal is about. */
const ignored = new Set([
  'with',
  'from',
  'that',
  'this',
  'their',
  'they',
  'them',
  'into',
  'more',
  'most',
  'have',
  'will',
  'every',
  'each',
  'para',
  'como',
  'todos',
  'todas',
  'pour',
  'dans',
  'avec',
  'tous',
  'toutes',
  'plus',
]);

/** The words of a goal that can carry meaning: four letters or more, folded for case and accents. */
export function goalWords(goal: string): Set<string> {
  const folded = goal.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set((folded.match(/\p{L}{4,}/gu) ?? []).filter((word) => !ignored.has(word)));
}

/** Two goals sharing this many meaningful words are reported as overlapping. */
export const overlapWords = 2;
/** A partner on this many other tables is reported as stretched across them. */
export const manyTables = 2;

export function tablesReport(
  collaborations: readonly Collaboration[],
  partnerName: (partnerId: string) => string | null,
): TablesReport {
  const tablesOf = new Map<string, string[]>();
  for (const collaboration of collaborations)
    for (const partnerId of new Set(collaboration.partnerIds)) {
      if (partnerName(partnerId) === null) continue;
      tablesOf.set(partnerId, [...(tablesOf.get(partnerId) ?? []), collaboration.name]);
    }
  const busyPartners = [...tablesOf.entries()]
    .filter(([, tables]) => tables.length >= manyTables)
    .map(([partnerId, tables]) => ({ partnerId, name: partnerName(partnerId) ?? '', tables: [...tables].sort() }))
    .sort((a, b) => b.tables.length - a.tables.length || a.name.localeCompare(b.name));

  const words = collaborations.map((collaboration) => goalWords(collaboration.goal));
  const overlaps: TablesReport['overlaps'] = [];
  for (let i = 0; i < collaborations.length; i++)
    for (let j = i + 1; j < collaborations.length; j++) {
      const sharedWords = [...words[i]].filter((word) => words[j].has(word)).sort();
      if (sharedWords.length < overlapWords) continue;
      const partners = new Set(collaborations[i].partnerIds);
      overlaps.push({
        first: collaborations[i].name,
        second: collaborations[j].name,
        sharedWords,
        sharedPartners: new Set(collaborations[j].partnerIds.filter((id) => partners.has(id))).size,
      });
    }
  overlaps.sort((a, b) => b.sharedWords.length - a.sharedWords.length || a.first.localeCompare(b.first));
  return { busyPartners, overlaps };
}

/** One entry of a list a person picks from: what is stored, and what they read. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * What a typed custom value means: a choice already on the list when its name or stored value
 * matches whatever the case ("health", "Health" or "HEALTH" is the known sector, "youth sport"
 * is the "Youth sport" already in use), otherwise the text itself, trimmed. So a roster does not
 * end up with two spellings of one sector, or a custom copy of a known one.
 */
export function matchChoice(text: string, choices: readonly Choice[]): string {
  const typed = text.trim();
  const folded = typed.toLocaleLowerCase();
  const match = choices.find(
    (choice) => choice.value.toLocaleLowerCase() === folded || choice.label.toLocaleLowerCase() === folded,
  );
  return match ? match.value : typed;
}

/** Values in use that are not on a fixed list, once each, in alphabetical order. */
export function customValuesInUse(values: Iterable<string>, known: readonly string[]): string[] {
  const fixed = new Set(known);
  return [...new Set(values)]
    .filter((value) => !fixed.has(value))
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }) || a.localeCompare(b));
}

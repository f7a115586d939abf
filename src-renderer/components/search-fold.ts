/**
 * Folds text for search so that "lopez" finds "María López" and "López" finds "Lopez": both the
 * typed text and the text searched go through it. NFD splits a letter from its accent; the accents
 * (combining marks) are dropped; then case is folded. Letters that do not decompose (ø, ß, Arabic)
 * stay as they are, so nothing is matched that a person would not call the same name.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The one item a typed name points at: an exact name first, then a name that starts with it, then
 * one that contains it; accents and case ignored. Used where a search jumps to one thing (the map).
 */
export function bestNameMatch<T extends { name: string }>(items: readonly T[], typed: string): T | undefined {
  const needle = foldForSearch(typed.trim());
  if (!needle) return undefined;
  const named = items.map((item) => ({ item, name: foldForSearch(item.name) }));
  return (
    named.find(({ name }) => name === needle) ??
    named.find(({ name }) => name.startsWith(needle)) ??
    named.find(({ name }) => name.includes(needle))
  )?.item;
}

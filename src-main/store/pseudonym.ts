/**
 * Pronounceable made-up names for focus-group participants: two or three open syllables from
 * sounds common to English and Spanish ("Talimo", "Renasu"), so a leader can say them aloud and
 * nobody is named by accident. Real words are not a goal; uniqueness within the group is.
 */
const onsets = ['b', 'd', 'f', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'j'];
const vowels = ['a', 'e', 'i', 'o', 'u'];
const codas = ['', '', '', 'n', 'l', 'r'];

export type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length) % items.length];
}

function syllable(random: Random): string {
  return pick(onsets, random) + pick(vowels, random);
}

export function makePseudonym(random: Random = Math.random): string {
  const count = random() < 0.6 ? 3 : 2;
  let word = '';
  for (let i = 0; i < count; i++) word += syllable(random);
  word += pick(codas, random);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A pseudonym nobody in `taken` has (compared without case); numbered if chance keeps colliding. */
export function uniquePseudonym(taken: Iterable<string>, random: Random = Math.random): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = makePseudonym(random);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
  const base = makePseudonym(random);
  let number = 2;
  while (used.has(`${base} ${number}`.toLowerCase())) number++;
  return `${base} ${number}`;
}

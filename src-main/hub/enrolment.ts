import { createHash, randomBytes } from 'node:crypto';
import type { EnrolmentKeyTerms, HubStore } from './hub-store';

/**
 * Enrolment keys: what a hub operator gives a team so its first computer can put a new initiative
 * on the hub (`npm run hub -- enrol`). Without one, nobody can register an initiative on an
 * internet hub, so a stranger can neither store data there nor claim a sync id before the team.
 * Computers that join an initiative already on the hub never need one.
 *
 * A key is 25 characters of Crockford's base32 (125 random bits) in groups of five, read
 * case-blind with dashes and spaces ignored and I, L taken as 1 and O as 0, since people copy it
 * from an email or read it over the phone. The hub keeps only its hash.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyChars = 25;

export const enrolmentKeyHeader = 'x-enrolment-key';

/** The hub's default storage per initiative: ample for years of a team's notes, small for a disk. */
export const defaultQuotaBytes = 512 * 1024 * 1024;

export function newEnrolmentKey(): string {
  // 256 is a multiple of 32, so a byte modulo 32 is an unbiased character.
  const chars = [...randomBytes(keyChars)].map((byte) => alphabet[byte % 32]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The key as typed, put in its one canonical spelling; null when it cannot be a key at all. */
export function canonicalEnrolmentKey(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return chars.length === keyChars && [...chars].every((char) => alphabet.includes(char)) ? chars : null;
}

export function enrolmentKeyHash(canonical: string): string {
  return createHash('sha256').update(`common-ground-enrolment:${canonical}`).digest('hex');
}

/** Makes a key, stores its hash with its terms, and returns the key: the only time it is seen. */
export async function issueEnrolmentKey(store: HubStore, terms: EnrolmentKeyTerms): Promise<string> {
  const key = newEnrolmentKey();
  await store.addEnrolmentKey(enrolmentKeyHash(canonicalEnrolmentKey(key)!), terms);
  return key;
}

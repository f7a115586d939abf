import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import type { ChangeMessage } from './messages';

/**
 * End-to-end encryption of change messages. The team's passphrase becomes the initiative key with
 * scrypt (N = 2^17, r = 8, p = 1: OWASP's password storage advice); the salt is derived from the
 * initiative's sync id so every device of the team derives the same key without a round trip, and
 * two initiatives with the same passphrase get different keys. Each payload is sealed with
 * AES-256-GCM under a fresh random 96-bit nonce; the timestamp stays readable (the hub orders
 * messages and builds the merkle trie from it) and is bound to the payload as associated data, so
 * a hub cannot move a payload to another timestamp or initiative unnoticed.
 *
 * From the key two more values are derived with HMAC, neither of which reveals it: a key check
 * value (to tell a wrong passphrase apart before anything is applied) and the hub access token.
 */
export const scryptParameters = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const nonceLength = 12;
const tagLength = 16;

export class SyncCryptoError extends Error {
  constructor(
    readonly code: 'wrong_passphrase' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'SyncCryptoError';
  }
}

/** What leaves the device: the timestamp in the clear, everything else sealed. */
export interface SealedMessage {
  timestamp: string;
  /** base64 of nonce ‖ ciphertext ‖ tag */
  payload: string;
}

export interface SyncKey {
  syncId: string;
  key: Buffer;
  /** Same for every device that typed the same passphrase; stored and compared, never secret. */
  keyCheck: string;
  /** Sent to the hub as a bearer token; the hub keeps only its hash. */
  accessToken: string;
}

export const minPassphraseLength = 10;

function saltFor(syncId: string): Buffer {
  return createHash('sha256').update(`common-ground sync salt\u0000${syncId}`).digest();
}

/** Derives the key from raw key material: what deriveSyncKey does after scrypt, also used by tests. */
export function syncKeyFromBytes(syncId: string, key: Buffer): SyncKey {
  if (key.length !== 32) throw new Error('a sync key is 32 bytes');
  const mac = (label: string) => createHmac('sha256', key).update(label).digest('hex');
  return {
    syncId,
    key,
    keyCheck: mac('common-ground key check v1').slice(0, 32),
    accessToken: mac('common-ground hub access token v1'),
  };
}

export async function deriveSyncKey(syncId: string, passphrase: string): Promise<SyncKey> {
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), saltFor(syncId), 32, scryptParameters, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  return syncKeyFromBytes(syncId, key);
}

/** Compares a stored key check with the one of a key, in constant time. */
export function keyCheckMatches(key: SyncKey, keyCheck: string): boolean {
  const a = Buffer.from(key.keyCheck);
  const b = Buffer.from(keyCheck);
  return a.length === b.length && timingSafeEqual(a, b);
}

function associatedData(key: SyncKey, timestamp: string): Buffer {
  return Buffer.from(`${key.syncId}\u0000${timestamp}`);
}

export function seal(key: SyncKey, message: ChangeMessage): SealedMessage {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
  cipher.setAAD(associatedData(key, message.timestamp));
  const body = [message.table, message.row, message.column, message.value];
  if (message.base) body.push(message.base);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return {
    timestamp: message.timestamp,
    payload: Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64'),
  };
}

/**
 * What the AES-GCM step gave for one payload: its plaintext, or `couldNotOpen` (wrong key or an
 * altered byte), or `tooShort`; null when it was not tried (see opening-worker.ts).
 */
export type Unsealed = string | typeof couldNotOpen | typeof tooShort | null;
export const couldNotOpen = 0;
export const tooShort = 1;

/** Opens a sealed message; a wrong key or a changed byte gives a SyncCryptoError. */
export function open(key: SyncKey, sealed: SealedMessage): ChangeMessage {
  return openUnsealed(key, sealed, null);
}

/**
 * Opens a sealed message whose AES-GCM step may have run elsewhere already (`unsealed`): the same
 * errors and the same message as `open`, which this is when `unsealed` is null.
 */
export function openUnsealed(key: SyncKey, sealed: SealedMessage, unsealed: Unsealed): ChangeMessage {
  const plain = unsealed ?? unseal(key, sealed);
  if (plain === tooShort) throw new SyncCryptoError('damaged', 'A sealed message is too short.');
  if (plain === couldNotOpen) {
    throw new SyncCryptoError(
      'wrong_passphrase',
      'A synced change could not be opened: the passphrase does not match the one this team uses, or the data was altered.',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(plain);
  } catch {
    throw new SyncCryptoError('damaged', 'A synced change opened but is not readable.');
  }
  if (!Array.isArray(body) || body.length < 4 || body.length > 5) {
    throw new SyncCryptoError('damaged', 'A synced change opened but has the wrong shape.');
  }
  const [table, row, column, value, base] = body as unknown[];
  // Types are checked by messageProblem (store/change-checks.ts) before anything is applied.
  return {
    timestamp: sealed.timestamp,
    table: table as string,
    row: row as string,
    column: column as string,
    value: value as ChangeMessage['value'],
    ...(base === undefined ? {} : { base: base as string }),
  };
}

/** The AES-GCM step alone. opening-worker.ts runs a copy of it; a test holds the two together. */
function unseal(key: SyncKey, sealed: SealedMessage): NonNullable<Unsealed> {
  const bytes = Buffer.from(sealed.payload, 'base64');
  if (bytes.length < nonceLength + tagLength + 2) return tooShort;
  const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, nonceLength));
  decipher.setAAD(associatedData(key, sealed.timestamp));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(nonceLength, bytes.length - tagLength)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return couldNotOpen;
  }
}

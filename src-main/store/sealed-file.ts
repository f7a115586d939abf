import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { AppError } from '../contract/result';

/**
 * A whole-initiative file leaves the laptop (a USB stick, a new computer) holding everything,
 * internal-only notes and real names included, so it never leaves in the clear: it is sealed with
 * a passphrase. The key comes from scrypt (N = 2^17, r = 8, p = 1, OWASP's password storage
 * advice) with a random salt per file; AES-256-GCM with a random nonce seals the SQLite bytes, and
 * the header (format tag and salt) is bound in as associated data. Layout:
 * `CGSEALED1\n` · salt (16) · nonce (12) · tag (16) · ciphertext.
 */
const magic = Buffer.from('CGSEALED1\n', 'latin1');
const saltLength = 16;
const nonceLength = 12;
const tagLength = 16;
const headerLength = magic.length + saltLength + nonceLength + tagLength;
const scryptOptions: ScryptOptions = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
export const minFilePassphraseLength = 10;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export function isSealedFile(content: Buffer): boolean {
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}

export async function sealFile(plain: Buffer, passphrase: string): Promise<Buffer> {
  if (passphrase.length < minFilePassphraseLength) {
    throw new AppError('invalid_input', `A passphrase needs at least ${minFilePassphraseLength} characters.`);
  }
  const salt = randomBytes(saltLength);
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), nonce);
  cipher.setAAD(Buffer.concat([magic, salt]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, salt, nonce, cipher.getAuthTag(), body]);
}

/** The SQLite bytes inside a sealed file; a wrong passphrase and a damaged file both say so plainly. */
export async function openSealedFile(sealed: Buffer, passphrase: string): Promise<Buffer> {
  if (!isSealedFile(sealed) || sealed.length < headerLength) {
    throw new AppError('invalid_input', 'That file is not a sealed Common Ground initiative.');
  }
  if (passphrase === '') {
    throw new AppError('invalid_input', 'That file is sealed with a passphrase: type it, then choose the file again.');
  }
  let at = magic.length;
  const salt = sealed.subarray(at, (at += saltLength));
  const nonce = sealed.subarray(at, (at += nonceLength));
  const tag = sealed.subarray(at, (at += tagLength));
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), nonce);
  decipher.setAAD(Buffer.concat([magic, salt]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
  } catch {
    throw new AppError(
      'invalid_input',
      'That passphrase does not open this file (or the file was changed after it was sealed). Nothing was imported.',
    );
  }
}

import { AppError } from '../contract/result';

/**
 * The roundtable code: what a facilitator reads aloud so another laptop in the room can reach the
 * hub this laptop hosts. It carries the hub's LAN IPv4 address (4 bytes), its port (2 bytes) and
 * the hub key (8 random bytes), 112 bits written in Crockford's base32 (no I, L, O or U; read
 * case-blind, with I and L taken as 1 and O as 0) in 23 characters, then one check character
 * (Luhn mod 32), which catches every single mistyped character. Shown in six groups of four:
 * `7ZK3-M0QA-...`. The team passphrase is never in it: the code only lets a laptop reach the hub.
 */
export const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const hubKeyBytes = 8;
const payloadBytes = 4 + 2 + hubKeyBytes;
const payloadChars = Math.ceil((payloadBytes * 8) / 5);
export const codeChars = payloadChars + 1;

export interface LanHubAddress {
  /** Dotted IPv4 address of the hosting laptop on the room's network. */
  address: string;
  port: number;
  /** The hub key as hex; sent to the hub as the X-Hub-Key header. */
  hubKey: string;
}

function value(char: string): number {
  return alphabet.indexOf(char);
}

/** Luhn mod N over the alphabet: the character that makes the whole code check out. */
export function checkCharacter(chars: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const addend = factor * value(chars[i]);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return alphabet[(32 - (sum % 32)) % 32];
}

function checksOut(chars: string): boolean {
  let factor = 1;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const addend = factor * value(chars[i]);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return sum % 32 === 0;
}

function parseIpv4(address: string): number[] {
  const parts = address.split('.');
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  if (parts.length !== 4 || octets.some((octet) => !(octet >= 0 && octet <= 255))) {
    throw new Error(`not an IPv4 address: ${address}`);
  }
  return octets;
}

/** Groups of four characters joined by dashes. */
export function groupCode(chars: string): string {
  return chars.match(/.{1,4}/g)?.join('-') ?? '';
}

export function encodeLanCode({ address, port, hubKey }: LanHubAddress): string {
  const key = Buffer.from(hubKey, 'hex');
  if (key.length !== hubKeyBytes || key.toString('hex') !== hubKey.toLowerCase()) {
    throw new Error(`a hub key is ${hubKeyBytes} bytes of hex`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`not a port: ${port}`);
  const bytes = Buffer.concat([Buffer.from(parseIpv4(address)), Buffer.from([port >> 8, port & 0xff]), key]);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  // 112 bits in 23 characters of 5 bits: the 3 spare low bits stay zero.
  bits <<= BigInt(payloadChars * 5 - payloadBytes * 8);
  let chars = '';
  for (let i = payloadChars - 1; i >= 0; i--) chars += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return groupCode(chars + checkCharacter(chars));
}

/** What a person typed, made canonical: dashes and spaces dropped, upper case, I/L as 1, O as 0. */
export function normaliseCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** Reads a typed code back; every way it can be wrong gets its own plain message. */
export function decodeLanCode(typed: string): LanHubAddress {
  const chars = normaliseCode(typed);
  if (chars.length === 0) throw new AppError('invalid_input', 'Type the code shown on the laptop that hosts the hub.');
  const stray = [...chars].find((char) => value(char) < 0);
  if (stray !== undefined) {
    throw new AppError(
      'invalid_input',
      `"${stray}" cannot be in a roundtable code: codes use only digits and the letters A to Z without I, L, O and U.`,
    );
  }
  if (chars.length !== codeChars) {
    throw new AppError(
      'invalid_input',
      `That code has ${chars.length} characters; a roundtable code has ${codeChars} (six groups of four).`,
    );
  }
  if (!checksOut(chars)) {
    throw new AppError(
      'invalid_input',
      'That code has a typo: compare it character by character with the one on the hosting laptop.',
    );
  }
  let bits = 0n;
  for (const char of chars.slice(0, payloadChars)) bits = (bits << 5n) | BigInt(value(char));
  const spare = BigInt(payloadChars * 5 - payloadBytes * 8);
  if ((bits & ((1n << spare) - 1n)) !== 0n) {
    throw new AppError('invalid_input', 'That is not a roundtable code from this app.');
  }
  bits >>= spare;
  const bytes = Buffer.alloc(payloadBytes);
  for (let i = payloadBytes - 1; i >= 0; i--) {
    bytes[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  const port = (bytes[4] << 8) | bytes[5];
  if (port === 0) throw new AppError('invalid_input', 'That is not a roundtable code from this app.');
  return { address: [...bytes.subarray(0, 4)].join('.'), port, hubKey: bytes.subarray(6).toString('hex') };
}

export function lanHubUrl({ address, port }: Pick<LanHubAddress, 'address' | 'port'>): string {
  return `http://${address}:${port}`;
}

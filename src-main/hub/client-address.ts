import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Which client a hub request counts against, for the rate limit. Behind a reverse proxy every
 * request comes from the proxy's socket address, so the hub can be told which proxies to believe:
 * only a request whose socket address is one of them has its forwarded header read. Anyone else can
 * write X-Forwarded-For too, so for them the header is ignored.
 */
export interface TrustedProxies {
  /** Addresses (192.0.2.7, ::1) or ranges (10.0.0.0/8, fd00::/8) of the proxies in front of the hub. */
  addresses: readonly string[];
  /**
   * The one header the proxy sets. Only one is read: a proxy that appends to X-Forwarded-For passes
   * a client's own `Forwarded` header through untouched, and reading that would let the client pick
   * its own bucket.
   */
  header?: 'x-forwarded-for' | 'forwarded';
}

/** 127.0.0.1 arrives as ::ffff:127.0.0.1 on a dual-stack socket; one spelling per client. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}

function family(address: string): 'ipv4' | 'ipv6' | null {
  const kind = isIP(address);
  return kind === 4 ? 'ipv4' : kind === 6 ? 'ipv6' : null;
}

/** A list of proxies, refused with a plain message when an entry is not an address or a range. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.map((one) => one.trim()).filter((one) => one !== '')) {
    const [address, bits, extra] = entry.split('/');
    const kind = family(normalise(address));
    const prefix = Number(bits);
    const maxBits = kind === 'ipv4' ? 32 : 128;
    if (
      !kind ||
      extra !== undefined ||
      (bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    ) {
      throw new Error(`not a proxy address or range: ${entry}`);
    }
    if (bits === undefined) list.addAddress(normalise(address), kind);
    else list.addSubnet(normalise(address), prefix, kind);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const kind = family(address);
  return kind !== null && list.check(address, kind);
}

/** `for=` of each element of a Forwarded header (RFC 7239), without quotes, brackets or port. */
function forwardedFor(header: string): string[] {
  return header.split(',').map((element) => {
    const pair = element
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.toLowerCase().startsWith('for='));
    const value = (pair?.slice(4) ?? '').replace(/^"|"$/g, '');
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
    if (bracketed) return bracketed[1];
    const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
    return withPort ? withPort[1] : value;
  });
}

/**
 * The client's address. From a trusted proxy: the forwarded chain read from the right, skipping
 * the proxies themselves, so an address a client wrote at the left of the header is never taken
 * while a real hop stands after it. From anyone else, or with no usable header: the socket address.
 */
export function clientAddress(
  request: IncomingMessage,
  list: BlockList | null,
  header: TrustedProxies['header'],
): string {
  const socket = normalise(request.socket.remoteAddress ?? 'unknown');
  if (!list || !trusted(list, socket)) return socket;
  const name = header ?? 'x-forwarded-for';
  const raw = request.headers[name];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!value) return socket;
  const chain = (name === 'forwarded' ? forwardedFor(value) : value.split(',')).map((hop) => normalise(hop.trim()));
  for (let i = chain.length - 1; i >= 0; i--) {
    if (chain[i] === '') return socket;
    if (!trusted(list, chain[i])) return chain[i];
  }
  return chain[0] || socket;
}

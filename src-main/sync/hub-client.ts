import { AppError, type ErrorCode } from '../contract/result';
import type { SealedMessage, SyncKey } from './crypto';
import type { MerkleNodes, SyncPeer } from './replica';

/** The hub's refusals that people can act on, by the hub's `code` (see src-main/hub/server.ts). */
const refusals: Record<string, [ErrorCode, string]> = {
  enrolment_key_needed: [
    'enrolment_key_needed',
    'This hub takes a new initiative only with an enrolment key from whoever runs the hub.',
  ],
  enrolment_key_wrong: ['enrolment_key_wrong', 'The hub did not issue that enrolment key. Nothing was changed.'],
  enrolment_key_used: [
    'enrolment_key_used',
    'That enrolment key has been used up: ask whoever runs the hub for a new one. Nothing was changed.',
  ],
  sync_id_taken: ['sync_id_taken', 'The hub already holds this sync id under another passphrase. Nothing was changed.'],
  quota_full: ['hub_quota_full', 'This initiative has used all its storage on the hub. Nothing more was sent.'],
};

/**
 * A hub over HTTP as a sync peer. The access token is derived from the team key, so a device with
 * another passphrase is refused by the hub (403) before it can send or fetch anything.
 */
export class HubPeer implements SyncPeer {
  private readonly base: string;

  constructor(
    hubUrl: string,
    private readonly key: SyncKey,
    private readonly fetchImpl: typeof fetch = fetch,
    /** The hub-wide key of a roundtable hub on the LAN (from its code); internet hubs have none. */
    private readonly hubKey?: string,
  ) {
    let url: URL;
    try {
      url = new URL(hubUrl);
    } catch {
      throw new AppError('invalid_input', 'The hub address is not a web address (like https://hub.example.org).');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AppError('invalid_input', 'The hub address must start with https:// or http://.');
    }
    this.base = `${url.origin}${url.pathname.replace(/\/$/, '')}/v1/initiatives/${encodeURIComponent(key.syncId)}`;
  }

  private async request<T>(
    path: string,
    init: RequestInit = {},
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, {
        ...init,
        headers: {
          Authorization: `Bearer ${this.key.accessToken}`,
          ...(this.hubKey ? { 'X-Hub-Key': this.hubKey } : {}),
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...extraHeaders,
        },
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new AppError('sync_unreachable', `The hub could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const code = await refusalCode(response);
      if (Object.hasOwn(refusals, code)) throw new AppError(...refusals[code]);
    }
    if (response.status === 403) {
      throw new AppError(
        'wrong_passphrase',
        'The hub refused this passphrase: it is not the one this initiative was first synced with. Nothing was changed.',
      );
    }
    if (response.status === 401) {
      throw new AppError(
        'wrong_hub_code',
        this.hubKey
          ? 'The roundtable hub refused this code: ask the facilitator for the code shown there now and join again.'
          : 'This hub asks for a roundtable code: use "Join a roundtable hub" with the code from the hosting laptop.',
      );
    }
    if (response.status === 429) {
      throw new AppError('sync_unreachable', 'The hub is busy (too many requests). Try again in a minute.');
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new AppError('sync_unreachable', `The hub answered ${response.status}: ${detail.slice(0, 200)}`);
    }
    return (await response.json()) as T;
  }

  /**
   * Registers the initiative on first use, with the enrolment key from the hub's operator; later
   * calls only check the token and need no key.
   */
  async register(enrolmentKey?: string): Promise<void> {
    await this.request('', { method: 'PUT' }, enrolmentKey ? { 'X-Enrolment-Key': enrolmentKey } : {});
  }

  async merkle(): Promise<MerkleNodes> {
    return (await this.request<{ nodes: MerkleNodes }>('/merkle')).nodes;
  }

  pull(after: string, limit: number): Promise<{ messages: SealedMessage[]; more: boolean }> {
    return this.request(`/messages?after=${encodeURIComponent(after)}&limit=${limit}`);
  }

  push(messages: SealedMessage[]): Promise<{ added: number }> {
    return this.request('/messages', { method: 'POST', body: JSON.stringify({ messages }) });
  }

  erase(messages: SealedMessage[]): Promise<{ erased: number }> {
    return this.request('/erase', { method: 'POST', body: JSON.stringify({ messages }) });
  }
}

/** The `code` of a hub's refusal, read from a copy so the body stays readable for the detail. */
async function refusalCode(response: Response): Promise<string> {
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : '';
  } catch {
    return '';
  }
}

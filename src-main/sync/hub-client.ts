import { AppError } from '../contract/result';
import type { SealedMessage, SyncKey } from './crypto';
import type { MerkleNodes, SyncPeer } from './replica';

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

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, {
        ...init,
        headers: {
          Authorization: `Bearer ${this.key.accessToken}`,
          ...(this.hubKey ? { 'X-Hub-Key': this.hubKey } : {}),
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        },
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new AppError('sync_unreachable', `The hub could not be reached: ${(error as Error).message}`);
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

  /** Registers the initiative on first use; later calls only check the token. */
  async register(): Promise<void> {
    await this.request('', { method: 'PUT' });
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

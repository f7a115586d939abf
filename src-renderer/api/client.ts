import {
  isWriteChannel,
  type Channel,
  type ChangeNotice,
  type ChannelInput,
  type ChannelOutput,
  type PreloadApi,
  type Result,
} from '../../src-main/contract/index';
import { useSaveStatus } from './save-status';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

/**
 * The only code that reaches main: window.api in Electron, the host over HTTP in a browser.
 * Both answer with the same Result envelope; a transport failure becomes one too.
 */
const tokenKey = 'commonground.hostToken';

function hostToken(): string {
  const fromHash = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(tokenKey, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

async function overHttp(channel: Channel, input: unknown): Promise<Result<unknown>> {
  const response = await fetch(`./api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hostToken()}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as Result<unknown>;
}

async function send<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  try {
    const raw = window.api
      ? await (window.api.channels[channel] as (input: ChannelInput<C>) => Promise<Result<unknown>>)(input)
      : await overHttp(channel, input);
    return raw as Result<ChannelOutput<C>>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The app could not reach its data service.' } };
  }
}

/**
 * Writes leave one at a time, in the order they were made. IPC keeps order by itself, but a
 * browser spreads requests over several connections, and two quick presses of → (or two quick
 * keystrokes) could otherwise be stored in the wrong order, leaving the older one as the truth.
 */
let lastWrite: Promise<unknown> = Promise.resolve();

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  if (!isWriteChannel(channel)) return send(channel, input);
  useSaveStatus.getState().begin();
  const result = lastWrite.then(() => send(channel, input));
  lastWrite = result;
  const settled = await result;
  useSaveStatus.getState().end(settled.ok ? null : settled.error);
  return settled;
}

/** Change notices from main; over HTTP a streamed event source that reconnects after a drop. */
export function subscribeToChanges(listener: (notice: ChangeNotice) => void): () => void {
  if (window.api) return window.api.onChanges(listener);
  let stopped = false;
  let controller = new AbortController();
  async function connect(attempt: number): Promise<void> {
    try {
      const response = await fetch('./api/changes', {
        headers: { Authorization: `Bearer ${hostToken()}` },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      attempt = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) listener(JSON.parse(data) as ChangeNotice);
        }
      }
    } catch {
      // The stream ends when the host stops or the network blips; reconnect below.
    }
    if (!stopped) setTimeout(() => void connect(attempt + 1), Math.min(10_000, 500 * 2 ** attempt));
  }
  void connect(0);
  return () => {
    stopped = true;
    controller.abort();
    controller = new AbortController();
  };
}

/**
 * The participant page's only way out: the room server's few routes, with this session's code on
 * every request. It never reaches the app's contract (the room server has none of it).
 */
export type RoomReply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export type PromptKind = 'fist' | 'consent' | 'vote' | 'dots' | 'rating' | 'ideas' | 'statements' | 'readiness';

/** A readiness round as a phone sees it: only the items to rate, in the phone's language. */
export interface PhoneRound {
  scale: 'progress' | 'agreement';
  ratesImportance: boolean;
  items: { id: string; section: string; text: string }[];
}

export interface PhonePrompt {
  id: string;
  kind: PromptKind;
  question: string;
  options: string[];
  dots: number;
  scaleMax: number;
  open: boolean;
  /** Present for a readiness round only. */
  round?: PhoneRound;
}

export interface PhoneState {
  name: string | null;
  prompt: PhonePrompt | null;
  answer: Record<string, unknown> | null;
}

const networkTrouble = { ok: false as const, error: { code: 'network', message: 'The laptop did not answer.' } };

async function send<T>(path: string, code: string, init: RequestInit = {}): Promise<RoomReply<T>> {
  try {
    const response = await fetch(path, {
      ...init,
      cache: 'no-store',
      headers: { ...(init.headers as Record<string, string>), 'X-Room-Code': code },
    });
    return (await response.json()) as RoomReply<T>;
  } catch {
    return networkTrouble;
  }
}

export const roomGet = <T>(path: string, code: string) => send<T>(path, code);

export const roomPost = <T>(path: string, code: string, body: unknown) =>
  send<T>(path, code, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/**
 * Sends an answer, and sends the very same answer again (same answer id) if the wifi dropped: the
 * server counts an answer id once, so a resend can never count twice.
 */
export async function sendAnswer(code: string, body: unknown): Promise<RoomReply<{ counted: boolean }>> {
  let reply = await roomPost<{ counted: boolean }>('/r/answer', code, body);
  for (let attempt = 1; attempt <= 3 && !reply.ok && reply.error.code === 'network'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 800 * attempt));
    reply = await roomPost<{ counted: boolean }>('/r/answer', code, body);
  }
  return reply;
}

/** A random id from the browser's generator (randomUUID needs https, which a room has not). */
export function randomId(length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** This phone's own id, kept in its storage so a reload is still the same phone. */
export function phoneId(): string {
  const key = 'commonground.room.phone';
  const saved = localStorage.getItem(key);
  if (saved && /^[A-Za-z0-9]{24}$/.test(saved)) return saved;
  const made = randomId();
  localStorage.setItem(key, made);
  return made;
}

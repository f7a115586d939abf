import type { Channel } from '../contract/channels';
import type { InitiativeLibrary } from '../store/library';
import { isDamage, storageFailure } from '../store/storage-errors';
import type { HandlerMap } from './handlers';

function initiativeIdOf(input: unknown): string | null {
  const id = (input as { initiativeId?: unknown } | null)?.initiativeId;
  return typeof id === 'string' ? id : null;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Every handler, wrapped so a storage failure answers in words a person can act on. A damaged
 * page that quick_check missed only shows when a write or read reaches it: the initiative is then
 * marked damaged, exactly as if it had failed its check at open, so the renderer shows the same
 * notice with its restore button. A full disk says so instead of "something went wrong".
 */
export function guardStorage(library: InitiativeLibrary, handlers: HandlerMap): HandlerMap {
  const translate = (error: unknown, input: unknown): unknown => {
    const failure = storageFailure(error);
    if (!failure) return error;
    const initiativeId = initiativeIdOf(input);
    if (isDamage(error) && initiativeId) library.markDamaged(initiativeId, failure.message);
    if (isDamage(error)) console.error('[common-ground] a damaged database page was found at run time:', error);
    return failure;
  };
  const guarded: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (input: unknown) => unknown][]) {
    guarded[channel] = (input) => {
      try {
        const value = handler(input);
        return isPromise(value)
          ? value.catch((error: unknown) => {
              throw translate(error, input);
            })
          : value;
      } catch (error) {
        throw translate(error, input);
      }
    };
  }
  return guarded as HandlerMap;
}

import { channels, isChannel, type Channel, type ChannelOutput, type ParsedInput } from '../contract/channels';
import { AppError, fail, ok, type Result } from '../contract/result';
import type { HandlerContext } from './context';
import { backupHandlers } from './backups';
import { groupHandlers } from './groups';
import { initiativeHandlers } from './initiatives';
import { partnerHandlers } from './partners';
import { meetingHandlers } from './meeting/index';
import { voiceHandlers } from './voice/index';
import { syncHandlers } from './sync';
import { summaryHandlers } from './summary/index';
import { guardStorage } from './storage-guard';
import { measuresHandlers } from './measures/index';
import { dataItemHandlers } from './measures/data-items';
import { roomHandlers } from './room/index';
import { readinessHandlers } from './readiness/index';
import { reviewActionHandlers } from './readiness/review-actions';
import { readinessEditHandlers } from './readiness/edits';
import { measuresUndoHandlers } from './measures/undo';

/** A handler may answer later (backups, file copies); the transports await every answer. */
export type HandlerMap = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export function createHandlers(context: HandlerContext): HandlerMap {
  return guardStorage(context.library, {
    'app.info': () => ({ version: context.version, dataDir: context.library.dataDir, transport: context.transport }),
    ...initiativeHandlers(context),
    ...partnerHandlers(context),
    ...groupHandlers(context),
    ...voiceHandlers(context),
    ...meetingHandlers(context),
    ...backupHandlers(context),
    ...syncHandlers(context),
    ...summaryHandlers(context),
    ...measuresHandlers(context),
    ...dataItemHandlers(context),
    ...roomHandlers(context),
    ...readinessHandlers(context),
    ...reviewActionHandlers(context),
    ...readinessEditHandlers(context),
    ...measuresUndoHandlers(context),
  });
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(input)';
}

type Parsed = { ok: true; channel: Channel; input: unknown } | { ok: false; failure: Result<unknown> };

/** Unknown channel and bad input come back as error values; input is parsed with the channel's schema. */
function parse(channel: string, rawInput: unknown): Parsed {
  if (!isChannel(channel)) {
    return { ok: false, failure: fail('unknown_channel', `There is no channel called "${channel.slice(0, 60)}".`) };
  }
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { ok: false, failure: fail('invalid_input', `The request was not accepted: ${summary}`, issues) };
  }
  return { ok: true, channel, input: parsed.data };
}

function failure(channel: string, error: unknown): Result<unknown> {
  if (error instanceof AppError) return fail(error.code, error.message);
  console.error(`[common-ground] ${channel} failed:`, error);
  return fail('internal', 'Something went wrong inside the app; nothing was changed. Details are in the log.');
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The single entry both transports call: unknown channel, bad input and any failure come back as an
 * error value. Input is parsed with the channel's zod schema (unknown fields refused, strings
 * bounded) before a handler sees it.
 */
export async function dispatchAsync(
  handlers: HandlerMap,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  const parsed = parse(channel, rawInput);
  if (!parsed.ok) return parsed.failure;
  try {
    const handler = handlers[parsed.channel] as (input: unknown) => unknown;
    return ok(await handler(parsed.input));
  } catch (error) {
    return failure(channel, error);
  }
}

/**
 * The same, for callers that need an answer at once (tests, benchmarks, seeding). A channel whose
 * handler answers later (backups) is refused here rather than answered with an unfinished value.
 */
export function dispatch(handlers: HandlerMap, channel: string, rawInput: unknown): Result<unknown> {
  const parsed = parse(channel, rawInput);
  if (!parsed.ok) return parsed.failure;
  try {
    const handler = handlers[parsed.channel] as (input: unknown) => unknown;
    const value = handler(parsed.input);
    if (isPromise(value)) {
      value.catch(() => undefined);
      return fail('internal', `${channel} answers asynchronously; call it through dispatchAsync.`);
    }
    return ok(value);
  } catch (error) {
    return failure(channel, error);
  }
}

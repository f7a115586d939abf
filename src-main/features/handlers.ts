import { channels, isChannel, type Channel, type ChannelOutput, type ParsedInput } from '../contract/channels';
import { AppError, fail, ok, type Result } from '../contract/result';
import type { HandlerContext } from './context';
import { groupHandlers } from './groups';
import { initiativeHandlers } from './initiatives';
import { partnerHandlers } from './partners';

export type HandlerMap = { [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> };

export function createHandlers(context: HandlerContext): HandlerMap {
  return {
    'app.info': () => ({ version: context.version, dataDir: context.library.dataDir, transport: context.transport }),
    ...initiativeHandlers(context),
    ...partnerHandlers(context),
    ...groupHandlers(context),
  };
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(input)';
}

/**
 * The single entry both transports call: unknown channel, bad input and any failure come back as an
 * error value. Input is parsed with the channel's zod schema (unknown fields refused, strings
 * bounded) before a handler sees it.
 */
export function dispatch(handlers: HandlerMap, channel: string, rawInput: unknown): Result<unknown> {
  if (!isChannel(channel)) return fail('unknown_channel', `There is no channel called "${channel.slice(0, 60)}".`);
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return fail('invalid_input', `The request was not accepted: ${summary}`, issues);
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return ok(handler(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    console.error(`[common-ground] ${channel} failed:`, error);
    return fail('internal', 'Something went wrong inside the app; nothing was changed. Details are in the log.');
  }
}

import type { Channel, ChannelInput, ChannelOutput } from './channels';
import type { ChangeNotice } from './models';
import type { Result } from './result';

/**
 * What the preload puts on window.api: one function per channel, each bound to its own channel
 * name, plus a subscription to change notices. No generic invoke.
 */
export type ChannelFunctions = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

export interface PreloadApi {
  channels: ChannelFunctions;
  onChanges(listener: (notice: ChangeNotice) => void): () => void;
}

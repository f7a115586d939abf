import { z } from 'zod';
import { entityId } from './models';
import { minPassphraseChars } from './sync';

/** What Settings → Sync shows about the roundtable hub this laptop can host on the room's network. */
export const LanHubStatus = z.object({
  running: z.boolean(),
  port: z.number().int().min(1).max(65_535).nullable(),
  /** One per LAN address the hub listens on; the first is the one to offer. */
  endpoints: z.array(
    z.object({
      address: z.string(),
      /** The roundtable code, in groups of four: address, port and hub key. */
      code: z.string(),
      /** The same code as a QR code: `size` modules square, the dark ones as one SVG path. */
      qr: z.object({
        size: z.number().int().positive(),
        path: z.string().regex(/^(M\d+ \d+h1v1h-1z)*$/),
      }),
    }),
  ),
});
export type LanHubStatus = z.infer<typeof LanHubStatus>;

export const LanHubStart = z.object({ initiativeId: entityId }).strict();

/** The joining laptop: the code read from the hosting one, and the team passphrase. */
export const UseLanHub = z
  .object({
    initiativeId: entityId,
    /** Typed by a person: dashes, spaces and either case allowed; checked in full by the decoder. */
    code: z.string().trim().min(1, 'type the code shown on the hosting laptop').max(64),
    passphrase: z.string().min(minPassphraseChars, `must be at least ${minPassphraseChars} characters`).max(200),
  })
  .strict();

/** The roundtable hub's channels, spread into the channel map (channels.ts). */
export const lanHubChannels = {
  /** Whether this laptop hosts a roundtable hub now, with its addresses and code. */
  'lanHub.status': { input: z.object({}).strict(), output: LanHubStatus },
  /**
   * Turns the hub on (on the LAN only) and syncs the initiative into it at once, so the first
   * laptop to join finds it there. Needs the team passphrase set for the initiative.
   */
  'lanHub.start': { input: LanHubStart, output: LanHubStatus },
  /** Turns the hub off; already off is fine. */
  'lanHub.stop': { input: z.object({}).strict(), output: LanHubStatus },
} as const;

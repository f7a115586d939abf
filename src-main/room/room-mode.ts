import type { RoomStatus } from '../contract/room';
import { AppError } from '../contract/result';
import { qrOf } from '../sync/lan-hub';
import { RoomRefusal } from './answers';
import { loadPhoneFiles } from './phone-files';
import { Room, type CheckInName } from './room';
import { startRoomServer, type RoomLimits, type RunningRoomServer } from './room-server';

export interface RoomModeOptions {
  /** The built renderer (out/renderer), which holds room/index.html; absent in unit tests. */
  rendererDir?: string;
  resourcesDir: string;
  addresses?: () => string[];
  limits?: RoomLimits;
}

interface Running {
  room: Room;
  server: RunningRoomServer;
  endpoints: RoomStatus['endpoints'];
}

/**
 * Room mode on this laptop: off until the facilitator turns it on for one session, off again on
 * stop and when the app quits, never on after a restart (nothing about it is saved). One room at a
 * time; each start makes a new code, so a phone from last month's meeting cannot answer today.
 */
export class RoomMode {
  private running: Running | null = null;
  private starting: Promise<RoomStatus> | null = null;
  private startingFor: string | null = null;
  /** Bumped by stop(), so a start still under way knows it was called off. */
  private generation = 0;

  constructor(private readonly options: RoomModeOptions) {}

  status(): RoomStatus {
    const running = this.running;
    if (!running)
      return {
        running: false,
        initiativeId: null,
        sessionId: null,
        code: null,
        endpoints: [],
        phones: 0,
        prompt: null,
        ideas: [],
      };
    const { room } = running;
    return {
      running: true,
      initiativeId: room.initiativeId,
      sessionId: room.sessionId,
      code: room.code,
      endpoints: running.endpoints,
      phones: room.phoneCount(),
      prompt: room.promptView(),
      ideas: room.waitingIdeas(),
    };
  }

  /** The running room, for opening prompts and recording; refused when room mode is off. */
  room(sessionId?: string): Room {
    const room = this.running?.room;
    if (!room || (sessionId !== undefined && room.sessionId !== sessionId))
      throw new AppError('not_found', 'Room mode is not on for this meeting.');
    return room;
  }

  start(initiativeId: string, sessionId: string, names: CheckInName[]): Promise<RoomStatus> {
    if (this.running?.room.sessionId === sessionId) return Promise.resolve(this.status());
    // A second press while the first is starting gets the same room (and the same code).
    if (this.starting && this.startingFor === sessionId) return this.starting;
    const previous = this.starting ?? Promise.resolve(this.status());
    const starting = previous.catch(() => undefined).then(() => this.open(initiativeId, sessionId, names));
    this.starting = starting;
    this.startingFor = sessionId;
    const forget = () => {
      if (this.starting !== starting) return;
      this.starting = null;
      this.startingFor = null;
    };
    starting.then(forget, forget);
    return starting;
  }

  private async open(initiativeId: string, sessionId: string, names: CheckInName[]): Promise<RoomStatus> {
    // The room of another session closes; this start stays the one a second press joins.
    const generation = ++this.generation;
    this.closeRunning();
    const room = new Room(initiativeId, sessionId, names);
    const server = await startRoomServer({
      room,
      files: loadPhoneFiles(this.options.rendererDir, this.options.resourcesDir),
      addresses: this.options.addresses,
      limits: this.options.limits,
    });
    const endpoints = server.addresses.map((address) => {
      const url = `http://${address}:${server.port}/#${room.code}`;
      return { url, qr: qrOf(url) };
    });
    // Turned off again while it was starting: it stays off.
    if (generation !== this.generation) void server.close();
    else this.running = { room, server, endpoints };
    return this.status();
  }

  /** Off at once: phones are cut off and every answer held in memory is dropped. */
  stop(): RoomStatus {
    this.generation++;
    this.startingFor = null;
    this.closeRunning();
    return this.status();
  }

  private closeRunning(): void {
    const running = this.running;
    this.running = null;
    if (running) void running.server.close();
  }
}

/** A room's refusal, told to the facilitator as the app's own error value. */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof RoomRefusal)) return error;
  return new AppError(error.status === 404 ? 'not_found' : 'invalid_input', error.message);
}

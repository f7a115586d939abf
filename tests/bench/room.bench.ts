import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PromptDraft } from '../../src-main/contract/room';
import { loadPhoneFiles } from '../../src-main/room/phone-files';
import { Room } from '../../src-main/room/room';
import { startRoomServer, type RunningRoomServer } from '../../src-main/room/room-server';
import { formatMs, type Figure } from './measure';

const phones = 60;
const windowMs = 10_000;
const code = 'K8QM2T';

interface Phone {
  id: string;
  agent: Agent;
  /** Its own loopback address, so the per-phone rate limit applies as it would on a real wifi. */
  address: string;
}

function send(server: RunningRoomServer, phone: Phone, path: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: payload === undefined ? 'GET' : 'POST',
        agent: phone.agent,
        localAddress: phone.address,
        headers: { 'X-Room-Code': code, ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          if (response.statusCode !== 200) console.log(phone.address, path, text);
          resolve(response.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * One phone's answer: timed from send to reply, then sent again with the same answer id (what a
 * phone does after a wifi drop), which must not count twice.
 */
async function answer(server: RunningRoomServer, room: Room, phone: Phone, index: number): Promise<number> {
  const promptId = room.promptView()!.id;
  const body = {
    phoneId: phone.id,
    promptId,
    answerId: `answer-${index}-${promptId.slice(0, 8)}`,
    value: { kind: 'fist', fingers: index % 6 },
  };
  const start = performance.now();
  const status = await send(server, phone, '/r/answer', body);
  const took = performance.now() - start;
  const again = await send(server, phone, '/r/answer', body);
  if (status !== 200 || again !== 200) throw new Error(`phone ${index} was refused (${status}, then ${again})`);
  return took;
}

function openFist(room: Room, question: string): void {
  room.open(PromptDraft.parse({ kind: 'fist', question }) as Required<PromptDraft>);
}

/** Every phone's answers counted exactly once: one per phone, and the tally adds up to the phones. */
function countedOnce(room: Room): boolean {
  room.reveal();
  const view = room.promptView()!;
  return view.answered === phones && view.tally!.counts.reduce((sum, count) => sum + count, 0) === phones;
}

/**
 * 60 simulated phones on loopback, each from its own address, join, check in and poll the room
 * every two seconds as the page does, and answer a fist-to-five spread over 10 seconds; then all 60
 * press Send at the same moment. The baseline is one phone answering alone, in the same run.
 */
export async function benchRoom(): Promise<Figure[]> {
  const room = new Room('bench', 'bench', [{ id: 'n1', name: 'Amina Yusuf' }], code);
  const server = await startRoomServer({ room, files: loadPhoneFiles(undefined, ''), addresses: () => ['127.0.0.1'] });
  const crowd: Phone[] = Array.from({ length: phones }, (_, i) => ({
    id: `bench-phone-${String(i).padStart(8, '0')}`,
    agent: new Agent({ keepAlive: true, maxSockets: 2 }),
    address: `127.0.0.${10 + i}`,
  }));
  try {
    for (const phone of crowd) {
      await send(server, phone, '/r/names');
      await send(server, phone, '/r/check-in', { phoneId: phone.id, nameId: null });
    }

    // Baseline: one phone at a time answering with the room otherwise quiet (each phone once: one
    // phone sending 120 answers in a row would rightly meet its own rate limit).
    // The first round warms up the server and the connections; the second is the baseline.
    let alone: number[] = [];
    for (const round of [1, 2]) {
      alone = [];
      for (let i = 0; i < phones; i++) {
        openFist(room, `Alone ${round}.${i}`);
        alone.push(await answer(server, room, crowd[i], i));
      }
    }

    openFist(room, 'Adopt the plan?');
    let polling = true;
    const polls = crowd.map(async (phone, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 2000) / phones));
      while (polling) {
        await send(server, phone, `/r/state?phone=${phone.id}`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    });
    const windowStart = performance.now();
    const spread = await Promise.all(
      crowd.map(async (phone, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * windowMs) / phones));
        return answer(server, room, phone, i);
      }),
    );
    const windowTook = performance.now() - windowStart;
    const spreadCounted = countedOnce(room);

    openFist(room, 'And now, all at once?');
    const together = await Promise.all(crowd.map((phone, i) => answer(server, room, phone, i)));
    const togetherCounted = countedOnce(room);
    polling = false;
    await Promise.all(polls);

    const base = percentile(alone, 95);
    const figures = [
      {
        label: `${phones} phones answering within ${windowMs / 1000} s (polling too)`,
        times: spread,
        counted: spreadCounted,
        extra: `all answered in ${formatMs(windowTook)}`,
      },
      { label: `${phones} phones pressing Send at once`, times: together, counted: togetherCounted, extra: '' },
    ];
    return figures.map(({ label, times, counted, extra }) => {
      const p95 = percentile(times, 95);
      console.log(
        `room: ${label}: p95 ${formatMs(p95)} (one phone alone ${formatMs(base)}, ×${(p95 / base).toFixed(1)}); counted once: ${counted}`,
      );
      return {
        name: `room mode: ${label}, p95 answer latency`,
        value: formatMs(p95),
        target: '< 200 ms',
        met: p95 < 200 && counted,
        note: `×${(p95 / base).toFixed(1)} one phone answering alone (p95 ${formatMs(base)}); every answer counted once (each sent twice): ${counted ? 'yes' : 'NO'}${extra ? `; ${extra}` : ''}; loopback, default limits, each phone its own 127.0.0.x address`,
      };
    });
  } finally {
    for (const phone of crowd) phone.agent.destroy();
    await server.close();
  }
}

// `npx tsx tests/bench/room.bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchRoom();

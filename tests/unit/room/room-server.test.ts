import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptDraft } from '../../../src-main/contract/room';
import { loadPhoneFiles } from '../../../src-main/room/phone-files';
import { Room } from '../../../src-main/room/room';
import {
  defaultRoomLimits,
  maxRoomBodyBytes,
  startRoomServer,
  type RoomLimits,
  type RunningRoomServer,
} from '../../../src-main/room/room-server';
import { makeTempDir } from '../../fixtures/temp-dir';

const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
const code = 'K8QM2T';
let temp: ReturnType<typeof makeTempDir>;
let room: Room;
let server: RunningRoomServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        localAddress: options.from,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          let json: Reply['json'] = { ok: false };
          try {
            json = JSON.parse(body) as Reply['json'];
          } catch {
            // A page or a script, not JSON.
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withCode = { 'X-Room-Code': code };
const postJson = (path: string, body: unknown, extra: Record<string, string> = {}) =>
  send(path, {
    method: 'POST',
    headers: { ...withCode, 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });

async function start(limits: RoomLimits = defaultRoomLimits, rendererDir?: string) {
  room = new Room('init', 'session', [{ id: 'n1', name: 'Amina Yusuf' }], code);
  server = await startRoomServer({
    room,
    files: loadPhoneFiles(rendererDir, resourcesDir),
    addresses: () => ['127.0.0.1'],
    limits,
  });
}

beforeEach(() => {
  temp = makeTempDir('common-ground-room-');
});

afterEach(async () => {
  await server?.close();
  temp.cleanup();
});

function openFist() {
  room.open(PromptDraft.parse({ kind: 'fist', question: 'Adopt the plan?' }) as Required<PromptDraft>);
  return room.promptView()!.id;
}

describe('the room server', () => {
  it('answers nothing about the meeting without this session’s code, on every route', async () => {
    await start();
    for (const path of ['/r/names', '/r/state?phone=phone-0000000000000001']) {
      expect((await send(path)).status, path).toBe(401);
      expect((await send(path, { headers: { 'X-Room-Code': 'ZZZZZZ' } })).json.error?.code, path).toBe('wrong_code');
    }
    const answer = await postJson('/r/answer', {}, { 'X-Room-Code': 'K8QM2A' });
    expect(answer.status).toBe(401);
    expect(answer.json.error?.message).toMatch(/not this meeting/);
    const names = await send('/r/names', { headers: { 'X-Room-Code': 'k8qm-2t' } });
    expect(names.json).toEqual({ ok: true, value: { names: [{ id: 'n1', name: 'Amina Yusuf' }] } });
  });

  it('counts a phone’s answer once however often it is sent, and shows the phone only the prompt', async () => {
    await start();
    const promptId = openFist();
    const answer = {
      phoneId: 'phone-0000000000000001',
      promptId,
      answerId: 'answer-0001',
      value: { kind: 'fist', fingers: 4 },
    };
    expect((await postJson('/r/answer', answer)).json).toEqual({ ok: true, value: { counted: true } });
    expect((await postJson('/r/answer', answer)).json).toEqual({ ok: true, value: { counted: false } });
    expect(room.promptView()!.answered).toBe(1);
    const state = await send('/r/state?phone=phone-0000000000000001', { headers: withCode });
    expect(state.json.value).toEqual({
      name: null,
      prompt: {
        id: promptId,
        kind: 'fist',
        question: 'Adopt the plan?',
        options: [],
        dots: 3,
        scaleMax: 5,
        open: true,
      },
      answer: { kind: 'fist', fingers: 4 },
    });
  });

  it('refuses each bad request in plain words with the right status', async () => {
    await start();
    const promptId = openFist();
    const good = {
      phoneId: 'phone-0000000000000001',
      promptId,
      answerId: 'answer-0001',
      value: { kind: 'fist', fingers: 4 },
    };
    const cases: [string, Promise<Reply>, number, string][] = [
      [
        'not JSON',
        send('/r/answer', { method: 'POST', headers: { ...withCode, 'Content-Type': 'application/json' }, body: '{' }),
        400,
        'invalid_input',
      ],
      [
        'not sent as JSON',
        send('/r/answer', { method: 'POST', headers: { ...withCode, 'Content-Type': 'text/plain' }, body: '{}' }),
        415,
        'wrong_type',
      ],
      ['six fingers', postJson('/r/answer', { ...good, value: { kind: 'fist', fingers: 6 } }), 400, 'invalid_input'],
      ['an extra field', postJson('/r/answer', { ...good, extra: 1 }), 400, 'invalid_input'],
      ['a phone id too short', postJson('/r/answer', { ...good, phoneId: 'p' }), 400, 'invalid_input'],
      ['an old prompt', postJson('/r/answer', { ...good, promptId: 'gone' }), 409, 'prompt_gone'],
      ['GET on an answer', send('/r/answer', { headers: withCode }), 405, 'wrong_method'],
      ['a name not on the list', postJson('/r/check-in', { phoneId: good.phoneId, nameId: 'n7' }), 404, 'not_found'],
      ['another host name', send('/', { headers: { Host: `evil.example:${server.port}` } }), 421, 'wrong_host'],
      ['another page posting', postJson('/r/answer', good, { Origin: 'http://evil.example' }), 403, 'forbidden_origin'],
      ['no such language', send('/strings/de'), 404, 'not_found'],
    ];
    for (const [label, reply, status, errorCode] of cases) {
      const { status: got, json } = await reply;
      expect([got, json.error?.code], label).toEqual([status, errorCode]);
      expect(json.error?.message.length, label).toBeGreaterThan(5);
    }
    expect(room.promptView()!.answered).toBe(0);
  });

  it('refuses a body over the small limit with 413, before reading it all', async () => {
    await start();
    const promptId = openFist();
    const idea = {
      phoneId: 'phone-0000000000000001',
      promptId,
      answerId: 'answer-0001',
      value: { kind: 'fist', fingers: 1 },
    };
    const big = JSON.stringify({ ...idea, padding: 'x'.repeat(maxRoomBodyBytes) });
    const reply = await send('/r/answer', {
      method: 'POST',
      headers: { ...withCode, 'Content-Type': 'application/json' },
      body: big,
    });
    expect([reply.status, reply.json.error?.code]).toEqual([413, 'too_large']);
    expect(room.promptView()!.answered).toBe(0);
  });

  it('limits requests per phone address and in total, telling when to retry', async () => {
    await start({
      perAddress: { burst: 3, perSecond: 0.001 },
      total: { burst: 5, perSecond: 0.001 },
      wrongCode: defaultRoomLimits.wrongCode,
    });
    const one = [];
    for (let i = 0; i < 4; i++) one.push((await send('/r/names', { headers: withCode, from: '127.0.0.2' })).status);
    expect(one).toEqual([200, 200, 200, 429]);
    // Another address still gets in, until everyone together has used the total.
    const other = [];
    for (let i = 0; i < 3; i++) other.push(await send('/r/names', { headers: withCode, from: '127.0.0.3' }));
    expect(other.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(other[2].json.error?.code).toBe('rate_limited');
    expect(Number(other[2].headers['retry-after'])).toBeGreaterThan(0);
  });

  it('slows down guessing: past ten wrong codes from one address the next wrong one waits, the right code still works', async () => {
    await start();
    for (let i = 0; i < 10; i++)
      expect((await send('/r/names', { headers: { 'X-Room-Code': 'AAAAAA' } })).status).toBe(401);
    expect((await send('/r/names', { headers: { 'X-Room-Code': 'AAAAAA' } })).status).toBe(429);
    expect((await send('/r/names', { headers: withCode })).status).toBe(200);
  });

  it('reaches none of the app’s contract, host routes or hub routes', async () => {
    await start();
    for (const path of [
      '/api/app.info',
      '/api/partners.list',
      '/api/changes',
      '/api/room.status',
      '/r/../api/app.info',
      '/r/room.status',
      '/r/partners.list',
      '/health',
      '/v1/initiatives/anything/messages',
      '/assets/index.js',
      '/index.html/../../package.json',
      '/%2e%2e/package.json',
    ]) {
      for (const method of ['GET', 'POST']) {
        const reply = await send(path, {
          method,
          headers: { ...withCode, 'Content-Type': 'application/json', Authorization: 'Bearer 0123456789abcdef0123' },
          body: method === 'POST' ? JSON.stringify({ initiativeId: 'x' }) : undefined,
        });
        expect([reply.status, reply.json.ok], `${method} ${path}`).toEqual([404, false]);
      }
    }
  });

  it('serves the built phone page with a strict policy, and only the files that page loads', async () => {
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(join(rendererDir, 'room'), { recursive: true });
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(
      join(rendererDir, 'room', 'index.html'),
      '<script type="module" src="../assets/room-a1.js"></script><link rel="stylesheet" href="../assets/room-b2.css">',
    );
    writeFileSync(join(rendererDir, 'assets', 'room-a1.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, 'assets', 'room-b2.css'), 'body{}');
    writeFileSync(join(rendererDir, 'assets', 'index-c3.js'), 'the app itself');
    await start(defaultRoomLimits, rendererDir);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect((await send('/assets/room-a1.js')).body).toBe('console.log(1)');
    expect((await send('/assets/room-b2.css')).headers['content-type']).toMatch(/text\/css/);
    expect((await send('/assets/index-c3.js')).status).toBe(404);
    const arabic = await send('/strings/ar');
    expect(arabic.status).toBe(200);
    expect(JSON.stringify(arabic.json)).toMatch(/[\u0600-\u06ff]/);
  });
});

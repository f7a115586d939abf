import { parentPort } from 'node:worker_threads';
import '../../../src-main/worker/handler-thread';

/**
 * The real handler thread plus one fault nothing in the app should produce: an exception nobody
 * catches, on the made-up channel "test.crash". Lets a test crash the thread at a moment it picks.
 */
parentPort?.on('message', (message: { kind: string; channel?: string }) => {
  if (message.kind === 'call' && message.channel === 'test.crash')
    throw new Error('The handler thread crashed on purpose.');
});

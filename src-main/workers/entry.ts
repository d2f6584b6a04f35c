/** The worker thread: runs the named task of each message and answers with its value or its error. */
import { parentPort } from 'node:worker_threads';
import { tasks, type TaskName } from './tasks';
import { serializeError } from './errors';

if (!parentPort) throw new Error('entry.ts runs only as a worker thread');
const port = parentPort;

port.on('message', async (message: { id: number; task: TaskName; input: never }) => {
  try {
    const value = await (tasks[message.task] as (input: unknown) => Promise<unknown>)(message.input);
    port.postMessage({ id: message.id, ok: true, value });
  } catch (e) {
    port.postMessage({ id: message.id, ok: false, error: serializeError(e) });
  }
});

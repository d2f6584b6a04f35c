/** The worker thread: runs the named task of each message and answers with its value or its error. */
import { parentPort } from 'node:worker_threads';
import { tasks, type TaskName } from './tasks';
import { serializeError } from './errors';
import { taskControl, type TaskControl, type TaskMessage, type WorkerReply } from './protocol';

if (!parentPort) throw new Error('entry.ts runs only as a worker thread');
const port = parentPort;
const post = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', async (message: TaskMessage) => {
  try {
    const control = taskControl(message, post);
    // Cancelled while it was on its way here: nothing is started.
    control.throwIfCancelled();
    const run = tasks[message.task as TaskName] as (input: unknown, control: TaskControl) => Promise<unknown>;
    post({ id: message.id, ok: true, value: await run(message.input, control) });
  } catch (e) {
    post({ id: message.id, ok: false, error: serializeError(e) });
  }
});

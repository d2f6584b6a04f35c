/**
 * The messages between the pool and a worker thread. A task gets a one-slot shared flag that the pool
 * sets when the job is cancelled: the worker reads it between units (pupils of a học bạ batch) while its
 * thread is busy, when no message could reach it.
 */
import { AppError } from '../errors';
import type { SerializedError } from './errors';

export const CANCELLED = 'jobs.cancelled';

export interface TaskMessage {
  id: number;
  task: string;
  input: unknown;
  cancel: Int32Array;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError }
  | { id: number; progress: number };

/** What a task may do besides computing its value. */
export interface TaskControl {
  /** Throws the 'cancelled' error when the job was cancelled; call it between units of work. */
  throwIfCancelled(): void;
  /** Reports how many units are done (shown as the job's progress). */
  progress(done: number): void;
}

export function taskControl(message: TaskMessage, post: (reply: WorkerReply) => void): TaskControl {
  return {
    throwIfCancelled: () => {
      if (Atomics.load(message.cancel, 0) !== 0) throw new AppError('rule_violation', CANCELLED);
    },
    progress: (done) => post({ id: message.id, progress: done }),
  };
}

/**
 * CPU-heavy work (reading and writing xlsx, PDFs) runs in worker threads so the school server keeps
 * answering while a 10,000-row import or a batch of transcripts is under way (DESIGN §3). One entry
 * file (entry.ts) runs named tasks; this pool hands them out one at a time per worker, keeps the rest in
 * its own queue (so a cancelled job's tasks can be dropped before they start), and turns their errors
 * back into the app's own error classes.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import { AppError } from '../errors';
import { appRoot, bundledCodeDir } from '../paths';
import type { TaskName, TaskInput, TaskOutput } from './tasks';
import { deserializeError, type SerializedError } from './errors';
import { CANCELLED, type TaskMessage, type WorkerReply } from './protocol';

export interface RunOptions {
  /** The job's signal: a task not yet started is dropped, a started one is told to stop between units. */
  signal?: AbortSignal;
  /** Units the task has finished so far (pupils of a học bạ batch), as it reports them. */
  onProgress?: (done: number) => void;
}

export interface PoolOptions {
  /** How many worker threads at most. */
  size?: number;
  /** The worker script; by default the app's own entry (dist/node/worker.cjs, or the sources bundled). */
  entry?: string;
  resourceLimits?: ResourceLimits;
}

/**
 * A hostile or broken file (a decompression bomb, a workbook with a million styles) must cost one task,
 * not the server's memory: a worker past these limits dies and is replaced.
 */
export const WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 768,
  maxYoungGenerationSizeMb: 64,
  stackSizeMb: 8,
};

interface Task {
  id: number;
  name: string;
  input: unknown;
  /** Set to 1 when the job is cancelled; the worker reads it between units of work. */
  cancel: Int32Array;
  options: RunOptions;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  detach(): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  /** Why the worker is dying, from its 'error' event, for the task it takes with it. */
  failure: Error | null;
}

let devBundle: Promise<string> | null = null;

/**
 * Running from the TypeScript sources (tests, benchmarks), the worker entry is bundled on first use with
 * esbuild, as the build does: loader hooks such as tsx's do not reach worker threads. The build runs
 * asynchronously (esbuild's own process does the work) so the first job does not stall the server.
 */
function devWorkerBundle(): Promise<string> {
  devBundle ??= (async () => {
    const esbuild = createRequire(path.join(appRoot(), 'package.json'))('esbuild') as typeof Esbuild;
    const outfile = path.join(os.tmpdir(), `truongso-worker-${process.pid}-${Date.now()}.cjs`);
    await esbuild.build({
      entryPoints: [path.join(appRoot(), 'src-main', 'workers', 'entry.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      logLevel: 'error',
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    return outfile;
  })().catch((e: unknown) => {
    devBundle = null;
    throw e;
  });
  return devBundle;
}

/**
 * The bundle's worker.cjs, outside app.asar when packaged (a worker thread cannot start from inside the
 * archive), or a bundle of the sources made on the spot.
 */
function workerFile(): Promise<string> {
  if (bundledCodeDir()) {
    const file = path.join(appRoot(), 'dist', 'node', 'worker.cjs');
    return Promise.resolve(file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`));
  }
  return devWorkerBundle();
}

/** What the caller of a task whose worker died is told. */
function workerDeath(error: Error): AppError {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('rule_violation', 'jobs.worker_out_of_memory');
  }
  return new AppError('internal', 'error.internal', {}, { cause: error.message });
}

export class WorkerPool {
  readonly size: number;
  #entry: string | null;
  #preparing: Promise<void> | null = null;
  #limits: ResourceLimits;
  #slots: Slot[] = [];
  #queue: Task[] = [];
  #next = 1;
  #closed = false;

  // One worker per core: during a batch (học bạ PDFs) the main thread mostly waits on the workers.
  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, os.availableParallelism()));
    this.#entry = options.entry ?? null;
    this.#limits = options.resourceLimits ?? WORKER_LIMITS;
  }

  /** Worker threads alive now (they start with the first task, and again after one dies). */
  get threads(): number {
    return this.#slots.length;
  }

  run<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions = {}): Promise<TaskOutput<N>> {
    if (this.#closed) return Promise.reject(new Error('worker pool closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new AppError('rule_violation', CANCELLED));
    return new Promise<TaskOutput<N>>((resolve, reject) => {
      const onAbort = () => {
        const queued = this.#queue.indexOf(entry);
        if (queued >= 0) {
          this.#queue.splice(queued, 1);
          entry.detach();
          reject(new AppError('rule_violation', CANCELLED));
        } else Atomics.store(entry.cancel, 0, 1);
      };
      const entry: Task = {
        id: this.#next++,
        name: task,
        input,
        cancel: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
        options,
        resolve: (value) => resolve(value as TaskOutput<N>),
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(entry);
      this.#drain();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) {
      task.detach();
      task.reject(new Error('worker pool closed'));
    }
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    this.#slots = [];
  }

  /** Hands queued tasks to idle workers, starting workers up to the pool's size. */
  #drain(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      let slot = this.#slots.find((s) => s.task === null);
      if (!slot) {
        if (this.#slots.length >= this.size) return;
        if (this.#entry === null) {
          this.#prepare();
          return;
        }
        slot = this.#spawn(this.#entry);
      }
      this.#dispatch(slot, this.#queue.shift()!);
    }
  }

  #prepare(): void {
    if (this.#preparing) return;
    this.#preparing = workerFile().then(
      (file) => {
        this.#entry = file;
        this.#drain();
      },
      (e: unknown) => {
        this.#preparing = null;
        const error = new AppError('internal', 'error.internal', {}, { cause: String(e) });
        for (const task of this.#queue.splice(0)) {
          task.detach();
          task.reject(error);
        }
      },
    );
  }

  #spawn(file: string): Slot {
    const worker = new Worker(file, { resourceLimits: this.#limits });
    const slot: Slot = { worker, task: null, failure: null };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || reply.id !== task.id) return;
      if ('progress' in reply) {
        task.options.onProgress?.(reply.progress);
        return;
      }
      slot.task = null;
      // Idle workers must not keep the process (a CLI command) alive.
      worker.unref();
      task.detach();
      if (reply.ok) task.resolve(reply.value);
      else task.reject(deserializeError(reply.error as SerializedError));
      this.#drain();
    });
    worker.on('error', (error) => {
      slot.failure ??= error;
    });
    worker.on('exit', (code) => this.#retire(slot, slot.failure ?? new Error(`worker exited with code ${code}`)));
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    const message: TaskMessage = { id: task.id, task: task.name, input: task.input, cancel: task.cancel };
    slot.worker.postMessage(message);
  }

  /** A worker that died takes only its own task with it; the queue goes on with a fresh worker. */
  #retire(slot: Slot, error: Error): void {
    this.#slots = this.#slots.filter((s) => s !== slot);
    const task = slot.task;
    slot.task = null;
    if (task) {
      task.detach();
      task.reject(this.#closed ? new Error('worker pool closed') : workerDeath(error));
    }
    this.#drain();
  }
}

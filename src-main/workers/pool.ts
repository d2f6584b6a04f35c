/**
 * CPU-heavy work (reading and writing xlsx, later PDFs) runs in worker threads so the school server keeps
 * answering while a 10,000-row import or a batch of transcripts is under way (DESIGN §3). One entry
 * file (entry.ts) runs named tasks; this pool hands them out and turns their errors back into the
 * app's own error classes.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import { AppError } from '../errors';
import { appRoot, bundledCodeDir } from '../paths';
import type { TaskName, TaskInput, TaskOutput } from './tasks';
import { deserializeError, type SerializedError } from './errors';

interface Pending {
  slot: Slot;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

interface Slot {
  worker: Worker;
  busy: number;
}

let devBundle: string | null = null;

/**
 * Running from the TypeScript sources (tests, benchmarks), the worker entry is bundled on first use with
 * esbuild, as the build does: loader hooks such as tsx's do not reach worker threads.
 */
function devWorkerBundle(): string {
  if (devBundle && fs.existsSync(devBundle)) return devBundle;
  const esbuild = createRequire(path.join(appRoot(), 'package.json'))('esbuild') as typeof Esbuild;
  const outfile = path.join(os.tmpdir(), `truongso-worker-${process.pid}-${Date.now()}.cjs`);
  esbuild.buildSync({
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
  devBundle = outfile;
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  return outfile;
}

/**
 * The bundle's worker.cjs, outside app.asar when packaged (a worker thread cannot start from inside the
 * archive), or a bundle of the sources made on the spot.
 */
function workerFile(): string {
  if (bundledCodeDir()) {
    const file = path.join(appRoot(), 'dist', 'node', 'worker.cjs');
    return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  }
  return devWorkerBundle();
}

export class WorkerPool {
  #slots: Slot[] = [];
  #pending = new Map<number, Pending>();
  #next = 1;
  #closed = false;

  // One worker per core: during a batch (học bạ PDFs) the main thread mostly waits on the workers.
  constructor(private readonly size: number = Math.max(1, Math.min(4, os.availableParallelism()))) {}

  #spawn(): Slot {
    const worker = new Worker(workerFile());
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      slot.busy--;
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(deserializeError(reply.error));
    });
    worker.on('error', (error) => this.#fail(slot, error));
    worker.on('exit', (code) => {
      if (!this.#closed && code !== 0) this.#fail(slot, new Error(`worker exited with code ${code}`));
    });
    // Idle workers must not keep the process (a CLI command) alive.
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #fail(slot: Slot, error: Error): void {
    this.#slots = this.#slots.filter((s) => s !== slot);
    // A crashed worker takes its tasks with it; their callers get an internal error.
    for (const [id, pending] of this.#pending) {
      if (pending.slot === slot) {
        this.#pending.delete(id);
        pending.reject(new AppError('internal', 'error.internal', {}, { cause: error.message }));
      }
    }
  }

  #pick(): Slot {
    const idle = this.#slots.find((s) => s.busy === 0);
    if (idle) return idle;
    if (this.#slots.length < this.size) return this.#spawn();
    return this.#slots.reduce((a, b) => (a.busy <= b.busy ? a : b));
  }

  run<N extends TaskName>(task: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
    if (this.#closed) return Promise.reject(new Error('worker pool closed'));
    const slot = this.#pick();
    const id = this.#next++;
    slot.busy++;
    slot.worker.ref();
    return new Promise<TaskOutput<N>>((resolve, reject) => {
      const pending: Pending = {
        slot,
        resolve: (value) => {
          if (slot.busy === 0) slot.worker.unref();
          resolve(value as TaskOutput<N>);
        },
        reject: (error) => {
          if (slot.busy === 0) slot.worker.unref();
          reject(error);
        },
      };
      this.#pending.set(id, pending);
      slot.worker.postMessage({ id, task, input });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    this.#slots = [];
  }
}

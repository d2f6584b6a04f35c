/**
 * The worker pool's own duties, with a small worker script that speaks the pool's protocol
 * (src-main/workers/protocol.ts): a worker that runs out of memory fails only its task, with a clear
 * message, and is replaced; a cancelled job's queued tasks never start and its running task stops
 * between units.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, type RunOptions } from '../../../src-main/workers/pool';
import type { TaskName } from '../../../src-main/workers/tasks';
import { AppError } from '../../../src-main/errors';

const SCRIPT = `
const { parentPort } = require('node:worker_threads');
const kept = [];
parentPort.on('message', (m) => {
  const reply = (value) => parentPort.postMessage({ id: m.id, ok: true, value });
  const fail = (key) => parentPort.postMessage({ id: m.id, ok: false, error: { kind: 'app', code: 'rule_violation', key, params: {} } });
  if (m.task === 'echo') return reply(m.input);
  if (m.task === 'grow') {
    // What a hostile file does to a parser: memory that is never let go.
    for (;;) kept.push(new Array(100000).fill({ n: kept.length }));
  }
  if (m.task === 'units') {
    for (let done = 0; done < m.input.units; done++) {
      if (Atomics.load(m.cancel, 0) !== 0) return fail('jobs.cancelled');
      const until = Date.now() + m.input.ms;
      while (Date.now() < until);
      parentPort.postMessage({ id: m.id, progress: done + 1 });
    }
    return reply(m.input.units);
  }
});
`;

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

function testPool(size: number): WorkerPool {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-pool-'));
  const entry = path.join(dir, 'worker.cjs');
  fs.writeFileSync(entry, SCRIPT);
  pool = new WorkerPool({ size, entry, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
  return pool;
}

function run(p: WorkerPool, task: string, input: unknown, options?: RunOptions): Promise<unknown> {
  return p.run(task as TaskName, input as never, options);
}

describe('WorkerPool', () => {
  it('fails a task whose worker runs out of memory with a clear message, and goes on with a new worker', async () => {
    const p = testPool(1);
    const grow = run(p, 'grow', null);
    // Queued behind the runaway task on the only worker.
    const next = run(p, 'echo', 'sau');
    const error = await grow.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'rule_violation', key: 'jobs.worker_out_of_memory' });
    expect(await next).toBe('sau');
    expect(await run(p, 'echo', 'nữa')).toBe('nữa');
  }, 60_000);

  it('drops the queued tasks of a cancelled job and stops its running task between units', async () => {
    const p = testPool(1);
    const job = new AbortController();
    const progress: number[] = [];
    const running = run(
      p,
      'units',
      { units: 1000, ms: 5 },
      { signal: job.signal, onProgress: (n) => progress.push(n) },
    );
    const queued = run(p, 'units', { units: 3, ms: 1 }, { signal: job.signal }).catch((e: unknown) => e);
    const other = run(p, 'echo', 'không bị hủy');
    while (progress.length === 0) await new Promise((r) => setTimeout(r, 5));
    job.abort();
    await expect(running).rejects.toMatchObject({ key: 'jobs.cancelled' });
    expect(await queued).toMatchObject({ key: 'jobs.cancelled' });
    expect(progress.at(-1)).toBeLessThan(1000);
    // Another job's task is not touched, and the worker serves it.
    expect(await other).toBe('không bị hủy');
  }, 60_000);

  it('refuses a task of a job already cancelled without starting it', async () => {
    const p = testPool(1);
    const job = new AbortController();
    job.abort();
    await expect(run(p, 'echo', 1, { signal: job.signal })).rejects.toMatchObject({ key: 'jobs.cancelled' });
  });
});

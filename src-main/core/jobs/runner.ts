/**
 * Long work (backups, imports, batch PDFs, batch signing) runs as a job: the procedure returns the job
 * id at once; progress and the end arrive on /events and through jobs.get; the user can cancel.
 * A user runs a few jobs at a time and the server a few per worker thread; the others wait, in the
 * order they were asked for, as 'queued'.
 * Jobs live in memory: a restart ends them, and their callers see 'not found'.
 */
import { outsideWriteScope } from '../../store/writeScope';
import { randomUUID } from 'node:crypto';
import { jobActive, type JobView } from '../../../src-shared/api/jobs';
import type { ApiError } from '../../../src-shared/api/envelope';
import { AppError } from '../../errors';
import type { EventBus } from '../events';

export interface JobHandle {
  readonly id: string;
  /** Aborted when the user cancels: pass it to the worker pool, which stops between units of work. */
  readonly signal: AbortSignal;
  progress(done: number, total: number, message?: string): void;
  /** Throws the 'cancelled' error when the user asked to stop; call it between units of work. */
  throwIfCancelled(): void;
}

export interface JobLimits {
  /** Jobs of one user running at once. */
  perUser: number;
  /** Jobs running at once on the server, all users together. */
  total: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { perUser: 2, total: 4 };

type Work = (job: JobHandle) => Promise<unknown>;

interface JobRecord {
  view: JobView;
  ownerId: number | null;
  controller: AbortController;
  lastPublished: number;
  /** Dropped once started or cancelled, so a finished job does not keep its inputs in memory. */
  work: Work | null;
}

const KEEP_FINISHED = 200;
/** Progress events are throttled; the final state is always published. */
const PUBLISH_EVERY_MS = 200;

export class JobRunner {
  #jobs = new Map<string, JobRecord>();
  /** Waiting jobs, oldest first. */
  #queue: JobRecord[] = [];
  #running = new Set<JobRecord>();

  constructor(
    private readonly events: EventBus,
    private readonly describeError: (e: unknown) => ApiError,
    private readonly limits: JobLimits = DEFAULT_JOB_LIMITS,
  ) {}

  start(kind: string, ownerId: number | null, work: Work): JobView {
    const id = randomUUID();
    const record: JobRecord = {
      view: {
        id,
        kind,
        status: 'queued',
        progress: { done: 0, total: 0, message: '' },
        result: null,
        error: null,
        createdAt: new Date().toISOString(),
        finishedAt: null,
      },
      ownerId,
      controller: new AbortController(),
      lastPublished: 0,
      work,
    };
    this.#jobs.set(id, record);
    this.#prune();
    this.#queue.push(record);
    // Started (if a slot is free) before the view is returned, but its work only on the next tick, so the
    // caller gets the id before any progress event and the request is answered before the work begins.
    if (!this.#pump().includes(record)) this.#publish(record);
    return { ...record.view };
  }

  get(id: string): { view: JobView; ownerId: number | null } | null {
    const record = this.#jobs.get(id);
    return record ? { view: { ...record.view }, ownerId: record.ownerId } : null;
  }

  list(ownerId: number): JobView[] {
    return [...this.#jobs.values()]
      .filter((r) => r.ownerId === ownerId)
      .map((r) => ({ ...r.view }))
      .reverse();
  }

  /** A running job is told to stop (it ends as 'cancelled' once its current unit is done); a queued one ends now. */
  cancel(id: string): JobView | null {
    const record = this.#jobs.get(id);
    if (!record) return null;
    if (record.view.status === 'queued') {
      this.#queue = this.#queue.filter((r) => r !== record);
      record.work = null;
      record.controller.abort();
      this.#finish(record, 'cancelled', null, null);
    } else if (record.view.status === 'running') record.controller.abort();
    return { ...record.view };
  }

  /** Resolves when the job has ended (for the CLI and tests). */
  async wait(id: string, pollMs = 20): Promise<JobView> {
    for (;;) {
      const record = this.#jobs.get(id);
      if (!record) throw new AppError('not_found', 'jobs.not_found');
      if (!jobActive(record.view.status)) return { ...record.view };
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Starts the oldest queued jobs that fit the limits; returns those it started. */
  #pump(): JobRecord[] {
    const started: JobRecord[] = [];
    for (const record of [...this.#queue]) {
      if (this.#running.size >= this.limits.total) break;
      const mine = [...this.#running].filter((r) => r.ownerId === record.ownerId).length;
      if (mine >= this.limits.perUser) continue;
      this.#queue = this.#queue.filter((r) => r !== record);
      this.#run(record);
      started.push(record);
    }
    return started;
  }

  #run(record: JobRecord): void {
    const { controller } = record;
    const work = record.work!;
    record.work = null;
    this.#running.add(record);
    record.view = { ...record.view, status: 'running' };
    const handle: JobHandle = {
      id: record.view.id,
      signal: controller.signal,
      progress: (done, total, message) => {
        record.view.progress = { done, total, message: message ?? record.view.progress.message };
        const now = Date.now();
        if (now - record.lastPublished >= PUBLISH_EVERY_MS) {
          record.lastPublished = now;
          this.#publish(record);
        }
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('rule_violation', 'jobs.cancelled');
      },
    };
    this.#publish(record);
    // A job outlives the call that started it: its writes are not that call's (store/writeScope.ts).
    outsideWriteScope(() =>
      setImmediate(() => {
        work(handle).then(
          // A job that stops early on a cancel may still say what it did before stopping (documents signed).
          (result) => this.#end(record, controller.signal.aborted ? 'cancelled' : 'done', result, null),
          (e: unknown) =>
            this.#end(record, controller.signal.aborted ? 'cancelled' : 'failed', null, this.describeError(e)),
        );
      }),
    );
  }

  #end(record: JobRecord, status: JobView['status'], result: unknown, error: ApiError | null): void {
    this.#running.delete(record);
    this.#finish(record, status, result, error);
    this.#pump();
  }

  #finish(record: JobRecord, status: JobView['status'], result: unknown, error: ApiError | null): void {
    record.view = {
      ...record.view,
      status,
      result: status === 'failed' ? null : (result ?? null),
      error: status === 'failed' && error ? { code: error.code, message: error.message } : null,
      finishedAt: new Date().toISOString(),
    };
    if (status === 'done' && record.view.progress.total > 0) {
      record.view.progress = { ...record.view.progress, done: record.view.progress.total };
    }
    this.#publish(record);
  }

  #publish(record: JobRecord): void {
    this.events.publish(
      { type: 'job', job: { ...record.view } },
      { userIds: record.ownerId === null ? [] : [record.ownerId], roles: ['admin'] },
    );
  }

  #prune(): void {
    const finished = [...this.#jobs.values()].filter((r) => !jobActive(r.view.status));
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.#jobs.delete(r.view.id);
  }
}

/**
 * Long work (backups, imports, batch PDFs, batch signing) runs as a job: the procedure returns the job
 * id at once; progress and the end arrive on /events and through jobs.get; the user can cancel.
 * Jobs live in memory: a restart ends them, and their callers see 'not found'.
 */
import { randomUUID } from 'node:crypto';
import type { JobView } from '../../../src-shared/api/jobs';
import type { ApiError } from '../../../src-shared/api/envelope';
import { AppError } from '../../errors';
import type { EventBus } from '../events';

export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(done: number, total: number, message?: string): void;
  /** Throws the 'cancelled' error when the user asked to stop; call it between units of work. */
  throwIfCancelled(): void;
}

interface JobRecord {
  view: JobView;
  ownerId: number | null;
  controller: AbortController;
  lastPublished: number;
}

const KEEP_FINISHED = 200;
/** Progress events are throttled; the final state is always published. */
const PUBLISH_EVERY_MS = 200;

export class JobRunner {
  #jobs = new Map<string, JobRecord>();

  constructor(
    private readonly events: EventBus,
    private readonly describeError: (e: unknown) => ApiError,
  ) {}

  start(kind: string, ownerId: number | null, work: (job: JobHandle) => Promise<unknown>): JobView {
    const id = randomUUID();
    const controller = new AbortController();
    const record: JobRecord = {
      view: {
        id,
        kind,
        status: 'running',
        progress: { done: 0, total: 0, message: '' },
        result: null,
        error: null,
        createdAt: new Date().toISOString(),
        finishedAt: null,
      },
      ownerId,
      controller,
      lastPublished: 0,
    };
    this.#jobs.set(id, record);
    this.#prune();
    const handle: JobHandle = {
      id,
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
    // Started on the next tick so the caller gets the id before any progress event.
    setImmediate(() => {
      work(handle).then(
        (result) => this.#finish(record, controller.signal.aborted ? 'cancelled' : 'done', result, null),
        (e: unknown) =>
          this.#finish(record, controller.signal.aborted ? 'cancelled' : 'failed', null, this.describeError(e)),
      );
    });
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

  cancel(id: string): JobView | null {
    const record = this.#jobs.get(id);
    if (!record) return null;
    if (record.view.status === 'running') record.controller.abort();
    return { ...record.view };
  }

  /** Resolves when the job has ended (for the CLI and tests). */
  async wait(id: string, pollMs = 20): Promise<JobView> {
    for (;;) {
      const record = this.#jobs.get(id);
      if (!record) throw new AppError('not_found', 'jobs.not_found');
      if (record.view.status !== 'running') return { ...record.view };
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  #finish(record: JobRecord, status: JobView['status'], result: unknown, error: ApiError | null): void {
    record.view = {
      ...record.view,
      status,
      result: status === 'done' ? (result ?? null) : null,
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
    const finished = [...this.#jobs.values()].filter((r) => r.view.status !== 'running');
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.#jobs.delete(r.view.id);
  }
}

/**
 * Jobs that stop and wait their turn, on the demo school: starting a batch does not stall the server,
 * a cancelled học bạ batch stops between pupils and keeps nothing, a user runs two jobs at a time (the
 * others queue, in order, and a queued one can be cancelled), and the server as a whole runs a bounded
 * number of jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, startTestServer, waitForJob, type TestServer } from './support/server';
import { jobActive, type JobView } from '../../src-shared/api/jobs';
import { resolveYear } from '../../src-main/core/records/years';

let server: TestServer;
let principal: string;
let classIds: number[];

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  const year = resolveYear(server.app.store);
  classIds = server.app.store
    .statement('SELECT id FROM classes WHERE school_year_id = ? ORDER BY name')
    .pluck()
    .all(year.id) as number[];
});
afterAll(() => server.close());

const getJob = (id: string) => callOk<JobView>(server, 'jobs.get', { id }, principal);

async function until(id: string, done: (view: JobView) => boolean): Promise<JobView> {
  for (;;) {
    const view = await getJob(id);
    if (done(view)) return view;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function fileCount(): number {
  return server.app.store.statement('SELECT COUNT(*) FROM files').pluck().get() as number;
}

/** A job driven by hand: it runs until `release` is called. */
function gatedJob(ownerId: number, log: string[], name: string) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const view = server.app.jobs.start('test.gated', ownerId, async () => {
    log.push(name);
    await gate;
    return { name };
  });
  return { id: view.id, status: view.status, release };
}

describe('starting a job', () => {
  // First in the file: this server's first job also prepares the worker threads. From the sources the
  // worker bundle is built on the spot (in production it is loaded from dist), which once held every
  // other request for seconds; the server must answer in the meantime.
  it('answers other requests while the first batch prepares its worker threads', async () => {
    expect(server.app.workers.threads).toBe(0);
    const started = await callOk<{ jobId: string }>(server, 'assessment.hocba.batch', {}, principal);
    await callOk(server, 'auth.me', {}, principal);
    expect(server.app.workers.threads).toBe(0);
    const view = await until(started.jobId, (v) => v.progress.done > 0 || !jobActive(v.status));
    expect(view.status).toBe('running');
    expect(server.app.workers.threads).toBeGreaterThan(0);
    await callOk(server, 'jobs.cancel', { id: started.jobId }, principal);
    expect((await until(started.jobId, (v) => !jobActive(v.status))).status).toBe('cancelled');
  });
});

describe('cancelling', () => {
  it('stops a whole-school học bạ batch between pupils and keeps none of its files', async () => {
    const filesBefore = fileCount();
    const { jobId } = await callOk<{ jobId: string }>(server, 'assessment.hocba.batch', {}, principal);
    const first = await until(jobId, (v) => v.progress.done > 0 || !jobActive(v.status));
    expect(first.status).toBe('running');
    const asked = await callOk<JobView>(server, 'jobs.cancel', { id: jobId }, principal);
    expect(asked.status).toBe('running');
    const ended = await until(jobId, (v) => !jobActive(v.status));
    expect(ended.status).toBe('cancelled');
    expect(ended.result).toBeNull();
    expect(ended.progress.total).toBeGreaterThan(100);
    // Only the pupils under way when the cancel came are finished: the batch did not run to its end.
    expect(ended.progress.done).toBeLessThan(ended.progress.total);
    expect(fileCount()).toBe(filesBefore);
    // The worker threads are free again for the next job.
    const next = await callOk<{ jobId: string }>(server, 'assessment.hocba.batch', { classId: classIds[0] }, principal);
    const result = await waitForJob<{ files: unknown[] }>(server, principal, next);
    expect(result.files).toHaveLength(1);
  });

  it('drops a queued job at once: it never runs', async () => {
    const log: string[] = [];
    const a = gatedJob(9001, log, 'a');
    const b = gatedJob(9001, log, 'b');
    const c = gatedJob(9001, log, 'c');
    expect([a.status, b.status, c.status]).toEqual(['running', 'running', 'queued']);
    expect(server.app.jobs.cancel(c.id)).toMatchObject({ status: 'cancelled' });
    a.release();
    b.release();
    await server.app.jobs.wait(a.id);
    await server.app.jobs.wait(b.id);
    expect(server.app.jobs.get(c.id)!.view.status).toBe('cancelled');
    expect(log.sort()).toEqual(['a', 'b']);
  });
});

describe('limits', () => {
  it('runs two jobs of a user at a time; the others wait in order, and all complete', async () => {
    const started: string[] = [];
    for (const classId of classIds.slice(0, 4)) {
      started.push((await callOk<{ jobId: string }>(server, 'assessment.hocba.batch', { classId }, principal)).jobId);
    }
    const first = await Promise.all(started.map(getJob));
    expect(first.map((v) => v.status)).toEqual(['running', 'running', 'queued', 'queued']);
    // Watched until the end: never more than two at once, and the fourth not before the third.
    for (;;) {
      const views = await Promise.all(started.map(getJob));
      const statuses = views.map((v) => v.status);
      expect(statuses.filter((s) => s === 'running').length).toBeLessThanOrEqual(2);
      if (statuses[3] !== 'queued') expect(statuses[2]).not.toBe('queued');
      if (!statuses.some((s) => jobActive(s))) {
        expect(statuses).toEqual(['done', 'done', 'done', 'done']);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it('runs at most twice as many jobs as worker threads on the whole server', async () => {
    const total = 2 * server.app.workers.size;
    const log: string[] = [];
    // One job each for more users than the server runs at once.
    const jobs = Array.from({ length: total + 2 }, (_, i) => gatedJob(9100 + i, log, `u${i}`));
    expect(jobs.map((j) => j.status)).toEqual([...Array<string>(total).fill('running'), 'queued', 'queued']);
    jobs[0]!.release();
    await server.app.jobs.wait(jobs[0]!.id);
    expect(server.app.jobs.get(jobs[total]!.id)!.view.status).toBe('running');
    expect(server.app.jobs.get(jobs[total + 1]!.id)!.view.status).toBe('queued');
    for (const j of jobs) j.release();
    for (const j of jobs) expect((await server.app.jobs.wait(j.id)).status).toBe('done');
    expect(log).toHaveLength(total + 2);
  });
});

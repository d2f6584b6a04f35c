/** /events pushes a job's progress to its owner (and admins) only, after the token is sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, usersForEveryRole, type TestServer } from './support/server';
import type { Role } from '../../src-shared/domain/roles';
import type { JobView, ServerEvent } from '../../src-shared/api/jobs';

let server: TestServer;
let tokens: Record<Role, string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await usersForEveryRole(server);
});
afterAll(() => server.close());

function connect(token: string | null): Promise<{ socket: WebSocket; events: ServerEvent[]; closed: Promise<number> }> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events`);
  const events: ServerEvent[] = [];
  const closed = new Promise<number>((r) => socket.on('close', (code) => r(code)));
  return new Promise((resolve, reject) => {
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as ServerEvent;
      events.push(event);
      if (event.type === 'hello') resolve({ socket, events, closed });
    });
    socket.on('open', () => socket.send(JSON.stringify({ token })));
    socket.on('close', () => resolve({ socket, events, closed }));
    socket.on('error', reject);
  });
}

describe('/events and jobs', () => {
  it('refuses a socket without a valid token', async () => {
    const { events, closed } = await connect('not-a-token');
    expect(await closed).toBe(4401);
    expect(events).toEqual([]);
  });

  it('sends job progress to the owner and admins, not to other users', async () => {
    const principal = await connect(tokens.principal);
    const admin = await connect(tokens.admin);
    const teacher = await connect(tokens.teacher);
    const owner = await server.call('auth.me', {}, tokens.teacher);
    expect(owner.status).toBe(200);

    // A job owned by the teacher, driven by hand so the test sees each step.
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const me = owner.body.ok ? (owner.body.value as { user: { id: number } }).user.id : 0;
    const job = server.app.jobs.start('demo', me, async (handle) => {
      handle.progress(1, 4, 'Bước 1');
      await gate;
      handle.progress(4, 4, 'Xong');
      return { answer: 42 };
    });
    await new Promise((r) => setTimeout(r, 50));
    finish();
    const done = await server.app.jobs.wait(job.id);
    expect(done).toMatchObject({ status: 'done', result: { answer: 42 }, progress: { done: 4, total: 4 } });
    await new Promise((r) => setTimeout(r, 50));

    const jobEvents = (events: ServerEvent[]) =>
      events.filter((e): e is { type: 'job'; job: JobView } => e.type === 'job');
    expect(jobEvents(teacher.events).map((e) => e.job.status)).toContain('done');
    expect(jobEvents(teacher.events)[0]!.job.id).toBe(job.id);
    expect(jobEvents(admin.events).length).toBeGreaterThan(0);
    expect(jobEvents(principal.events)).toEqual([]);

    const viaApi = await server.call<JobView>('jobs.get', { id: job.id }, tokens.teacher);
    expect(viaApi.body).toMatchObject({ ok: true, value: { status: 'done' } });
    expect((await server.call('jobs.get', { id: job.id }, tokens.principal)).status).toBe(404);
    expect((await server.call('jobs.get', { id: job.id }, tokens.admin)).status).toBe(200);
    for (const c of [principal, admin, teacher]) c.socket.close();
  });

  it('cancels a running job', async () => {
    const job = server.app.jobs.start('long', 1, async (handle) => {
      for (let i = 0; i < 1000; i++) {
        handle.throwIfCancelled();
        handle.progress(i, 1000);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    const cancelled = await server.call<JobView>('jobs.cancel', { id: job.id }, tokens.admin);
    expect(cancelled.status).toBe(200);
    expect(await server.app.jobs.wait(job.id)).toMatchObject({ status: 'cancelled' });
  });

  it('reports a failed job with its Vietnamese error', async () => {
    const job = server.app.jobs.start('broken', 1, async () => {
      throw new Error('boom');
    });
    expect(await server.app.jobs.wait(job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại hoặc báo cho quản trị viên' },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { Api, ProcedureName } from '../../../src-shared/api';
import type { InputOf } from '../../../src-shared/api/procedure';
import { ProcedureClient } from '../../../src-renderer/api/client';
import { ClientProvider } from '../../../src-renderer/lib/ClientContext';
import { useJob } from '../../../src-renderer/lib/useJob';
import { setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';

/** A client that remembers which procedures it called. */
class CountingClient extends ProcedureClient {
  readonly calls: string[] = [];
  override call<K extends ProcedureName>(name: K, input: InputOf<Api[K]>) {
    this.calls.push(name);
    return super.call(name, input);
  }
}

function JobProbe({ jobId }: { jobId: string }) {
  const { job, error } = useJob(jobId);
  if (error) return <p>error: {error.message}</p>;
  return <p>{job ? `${job.status} ${job.progress.done}/${job.progress.total}` : 'waiting'}</p>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('useJob', () => {
  let ts: RendererTestServer;
  let client: CountingClient;
  let adminId: number;

  beforeAll(async () => {
    ts = await startRendererServer();
    const admin = await setUpSchool(ts);
    client = new CountingClient(ts.url, null);
    client.setToken(admin.token);
    adminId = (await admin.get('auth.me', {})).user.id;
  });
  afterAll(() => ts.close());

  it('follows a job to its end over /events, asking the server only to catch up', async () => {
    const job = ts.server.app.jobs.start('test', adminId, async (handle) => {
      for (let i = 1; i <= 5; i++) {
        await sleep(400);
        handle.progress(i, 5);
      }
      return { rows: 5 };
    });
    render(
      <ClientProvider client={client}>
        <JobProbe jobId={job.id} />
      </ClientProvider>,
    );

    expect(await screen.findByText(/^running [1-4]\/5$/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(await screen.findByText('done 5/5', undefined, { timeout: 5000 })).toBeTruthy();
    // Polling every 500 ms over the job's two seconds would have asked four times or more.
    expect(client.calls.filter((c) => c === 'jobs.get').length).toBeLessThan(4);
  });

  it('reports a job the server does not know', async () => {
    render(
      <ClientProvider client={client}>
        <JobProbe jobId="no-such-job" />
      </ClientProvider>,
    );
    expect(await screen.findByText('error: Không tìm thấy công việc')).toBeTruthy();
  });
});

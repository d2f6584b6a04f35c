/** kill -9 of the server in the middle of writes: the database opens again, intact, with every acknowledged write. */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, serve } from './support/cli';
import { tempDir } from './support/server';

beforeAll(assertBuilt);

interface Answer {
  ok: boolean;
  value: { token: string; version: number; years: unknown[] } & Record<string, unknown>;
}

async function call(url: string, name: string, input: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return (await response.json()) as Answer;
}

describe('crash safety', () => {
  it('survives kill -9 during writes', async () => {
    const dataDir = tempDir();
    expect(
      runCli(
        [
          'init',
          '--data',
          dataDir,
          '--school-name',
          'Trường Tiểu học Thử Lỗi',
          '--school-code',
          'TL01',
          '--admin-user',
          'admin',
          '--admin-password-env',
          'PW',
        ],
        {
          PW: 'admin-pass-1',
        },
      ).status,
    ).toBe(0);

    const server = await serve(['--data', dataDir]);
    const token = (await call(server.url, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
    let acknowledged = 0;
    let stopped = false;
    let lastVersion = 0;
    // Several writers at once, so the kill lands while transactions are in flight.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stopped; i++) {
        try {
          const year = 2100 + w * 1000 + i;
          const r = await call(
            server.url,
            'school.years.create',
            {
              name: `${year}-${year + 1}`,
              startDate: `${year}-09-05`,
              term1End: `${year + 1}-01-15`,
              term2Start: `${year + 1}-01-16`,
              endDate: `${year + 1}-05-31`,
            },
            token,
          );
          if (r.ok) acknowledged++;
          if (w === 0) {
            const p = await call(server.url, 'school.profile.get', {}, token);
            const u = await call(
              server.url,
              'school.profile.update',
              { ...p.value, version: p.value.version, updatedAt: undefined, address: `Lần ghi ${i}` },
              token,
            );
            if (u.ok) lastVersion = u.value.version;
          }
        } catch {
          return; // The server is gone.
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await server.stop('SIGKILL')).toBeNull();
    stopped = true;
    await Promise.all(writers);
    expect(acknowledged).toBeGreaterThan(20);

    const check = runCli(['check', '--data', dataDir, '--json']);
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.integrity).toBe('ok');

    const again = await serve(['--data', dataDir]);
    try {
      const t2 = (await call(again.url, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
      const years = await call(again.url, 'school.years.list', {}, t2);
      // Every acknowledged year is there (plus the one from init); at most the in-flight ones more.
      expect(years.value.years.length).toBeGreaterThanOrEqual(acknowledged + 1);
      expect(years.value.years.length).toBeLessThanOrEqual(acknowledged + 1 + 4);
      const profile = await call(again.url, 'school.profile.get', {}, t2);
      expect(profile.value.version).toBeGreaterThanOrEqual(lastVersion);
    } finally {
      await again.stop();
    }
  });
});

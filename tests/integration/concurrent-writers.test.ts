/**
 * The CLI beside a running server (DESIGN §4): backups and reads from another process may make the
 * server's writers wait, never fail.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCliAsync, serve, type ServeProcess } from './support/cli';
import { tempDir } from './support/server';
import { callApi, integrityOf, loginAt, startPupilWriters } from './support/writers';

let server: ServeProcess;
let dataDir: string;
let clerk: string;
let classId: number;

beforeAll(async () => {
  assertBuilt();
  dataDir = tempDir();
  server = await serve(['--data', dataDir, '--demo']);
  clerk = await loginAt(server.url, 'clerk', 'demo');
  const classes = await callApi<{ rows: { id: number; name: string }[] }>(
    server.url,
    'records.classes.list',
    {},
    clerk,
  );
  if (!classes.body.ok) throw new Error(classes.body.error.message);
  classId = classes.body.value.rows[0]!.id;
});

afterAll(async () => {
  await server?.stop();
});

describe('writes beside CLI commands', () => {
  it('no API write fails while three CLI backups and a users list run', async () => {
    const load = startPupilWriters(server.url, clerk, classId, 6);
    // Let the writers get going before the other process arrives.
    while (load.records.length < 30) await new Promise((r) => setTimeout(r, 20));
    const outs = [1, 2, 3].map((n) => path.join(dataDir, `..`, `${path.basename(dataDir)}-backup-${n}.db`));
    const commands = await Promise.all([
      ...outs.map((out) => runCliAsync(['backup', '--data', dataDir, '--out', out])),
      runCliAsync(['users', 'list', '--data', dataDir, '--json']),
    ]);
    // Writes that overlap the commands' end too.
    const after = load.records.length;
    while (load.records.length < after + 30) await new Promise((r) => setTimeout(r, 20));
    const records = await load.stop();

    for (const c of commands) expect(c.stderr).toBe('');
    expect(commands.map((c) => c.status)).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(commands[3]!.stdout).users.map((u: { username: string }) => u.username)).toContain('clerk');
    const failed = records.filter((r) => !r.ok);
    expect(failed).toEqual([]);
    expect(records.length).toBeGreaterThan(60);
    for (const out of outs) expect(integrityOf(out)).toBe('ok');
  });
});

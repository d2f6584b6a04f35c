/**
 * `npm run bench`: performance figures, one JSON line each (medians over repeated runs).
 * The foundation's figures: server cold start to the first answered request, the login round trip,
 * and audit-log queries over 100,000 rows.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startServer } from '../../src-main/server/start';
import { silentLogger } from '../../src-main/core/app';
import { auditLog } from '../../src-main/core/audit/schema';
import { benchRecordsXlsx } from './records-xlsx';
import { benchRecords } from './records';
import { benchHocBa } from './hocba';
import { emit } from './report';
import { benchWrites } from './writes';

const BIN = path.resolve('bin/truongso.js');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-bench-'));
}

/** From spawning `truongso serve` to the first answered POST /api/school.status. */
async function coldStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    const response = await fetch(`${url}/api/school.status`, { method: 'POST' });
    if (!response.ok) throw new Error(`status ${response.status}`);
    await response.json();
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync('dist/node/cli.js')) throw new Error('run `npm run build` first');
  const dataDir = tempDir();
  const server = await startServer({ dataDir, port: 0, schedule: false, log: silentLogger, demo: true });
  const post = async (name: string, input: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${server.url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return (await response.json()) as { ok: boolean; value: { token: string; total: number } };
  };

  // Login round trip: dominated by scrypt, by design.
  const logins: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const r = await post('auth.login', { username: 'admin', password: 'demo' });
    logins.push(performance.now() - t0);
    if (!r.ok) throw new Error('login failed');
  }
  emit('auth.login round trip', logins);
  const token = (await post('auth.login', { username: 'admin', password: 'demo' })).value.token;

  // Audit log with 100,000 rows.
  const insert = server.app.store.db.transaction(() => {
    const now = Date.now();
    const actions = [
      'users.create',
      'users.update',
      'school.profile.update',
      'backup.create',
      'auth.login',
      'records.pupils.update',
    ];
    const rows: (typeof auditLog.$inferInsert)[] = [];
    for (let i = 0; i < 100_000; i++) {
      rows.push({
        at: now - (100_000 - i) * 60_000,
        userId: (i % 20) + 1,
        username: `user${i % 20}`,
        role: 'clerk',
        action: actions[i % actions.length]!,
        target: `pupil:${i}`,
        outcome: i % 50 === 0 ? 'forbidden' : 'ok',
        ip: '192.168.1.10',
        details: JSON.stringify({ input: { note: `ghi chú ${i}` } }),
      });
      if (rows.length === 1000) {
        server.app.store.orm.insert(auditLog).values(rows.splice(0)).run();
      }
    }
  });
  insert();
  const auditQueries: [string, Record<string, unknown>][] = [
    ['audit.list first page (100k rows)', { limit: 50 }],
    ['audit.list by action prefix (100k rows)', { limit: 50, action: 'users.' }],
    ['audit.list by user and date range (100k rows)', { limit: 50, userId: 3, from: '2026-01-01', to: '2026-12-31' }],
    ['audit.list failed only (100k rows)', { limit: 50, outcome: 'failed' }],
    ['audit.list text search (100k rows)', { limit: 50, search: 'ghi chú 9999' }],
  ];
  for (const [name, input] of auditQueries) {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const r = await post('audit.list', input, token);
      samples.push(performance.now() - t0);
      if (!r.ok) throw new Error(`${name} failed`);
    }
    emit(name, samples);
  }
  await server.close();

  // Cold start over an initialised demo database.
  const starts: number[] = [];
  for (let i = 0; i < 7; i++) starts.push(await coldStart(dataDir));
  emit('server cold start to first answer', starts, { target_ms: 1500 });
}

await main();
await benchWrites();
await (await import('./uploads')).benchUploads();
await benchRecordsXlsx();
await benchRecords();
await benchHocBa();
(await import('./labForms')).benchLabForms();
await (await import('./signing')).benchSigning();

/** Backup → damage → restore brings back the same data; bad files are refused with the current data intact. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src-main/store/open';
import { listBackups } from '../../src-main/store/backup';
import { createApp, silentLogger } from '../../src-main/core/app';
import { seedDemoSchool } from '../../src-main/core/demo/seed';
import { startTestServer, setupSchool, tempDir, usersForEveryRole, type TestServer } from './support/server';
import { jobActive, type JobView } from '../../src-shared/api/jobs';

type App = Awaited<ReturnType<typeof createApp>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function demoApp(): Promise<App> {
  const app = await createApp({ dataDir: tempDir(), log: silentLogger });
  cleanups.push(() => app.close());
  await seedDemoSchool(app.store, new Date('2025-10-01T03:00:00Z'));
  return app;
}

const TABLES = ['users', 'school', 'school_years', 'rooms', 'staff', 'classes', 'pupils', 'enrolments', 'guardians'];

/** Row counts and a checksum over every row of the data tables, in primary-key order. */
function fingerprint(db: Database.Database) {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const table of TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    counts[table] = rows.length;
    hash.update(JSON.stringify(rows));
  }
  return { counts, sha256: hash.digest('hex') };
}

describe('backup and restore', () => {
  it('restores the same data after the live file is damaged', async () => {
    const app = await demoApp();
    const original = fingerprint(app.store.db);
    expect(original.counts.pupils).toBeGreaterThan(450);

    const backup = await app.backups.backup('manual');
    expect(listBackups(app.backups.directory).map((b) => b.name)).toContain(backup.name);

    // Damage while the server runs: wrong data written, then a stretch of the file overwritten on disk.
    app.store.db.prepare("UPDATE pupils SET full_name = 'HỎNG'").run();
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(app.config.dataDir, DB_FILE_NAME);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096 * 3);
    fs.closeSync(fd);
    const damaged = new Database(file, { readonly: true });
    let verdict: string;
    try {
      verdict = String(damaged.pragma('integrity_check', { simple: true }));
    } catch (e) {
      verdict = String(e);
    }
    damaged.close();
    expect(verdict).not.toBe('ok');

    await app.backups.restore(backup.file);
    expect(fingerprint(app.store.db)).toEqual(original);
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(listBackups(app.backups.directory).some((b) => b.kind === 'pre-restore')).toBe(true);
  });

  it('refuses files that are not a sound Trường Số database, keeping the current data', async () => {
    const app = await demoApp();
    const before = fingerprint(app.store.db);
    const dir = tempDir();

    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'đây không phải cơ sở dữ liệu');
    await expect(app.backups.restore(text)).rejects.toMatchObject({ key: 'backup.not_sqlite' });

    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    await expect(app.backups.restore(foreign)).rejects.toMatchObject({ key: 'backup.not_truongso' });

    const newer = path.join(dir, 'newer.db');
    await app.store.db.backup(newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 12);
    n.close();
    await expect(app.backups.restore(newer)).rejects.toMatchObject({ key: 'backup.newer_version' });

    const truncated = path.join(dir, 'truncated.db');
    const good = (await app.backups.backup('manual')).file;
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(app.backups.restore(truncated)).rejects.toMatchObject({ key: 'backup.integrity_failed' });

    expect(fingerprint(app.store.db)).toEqual(before);
    expect(listBackups(app.backups.directory).some((b) => b.kind === 'pre-restore')).toBe(false);
  });

  it('rotates backups of a kind and runs the daily backup once a day after its time', async () => {
    const app = await demoApp();
    app.backups.saveSettings({ dailyEnabled: true, dailyTime: '11:30', keep: 2 });
    // 04:29 UTC is 11:29 in Hà Nội: not yet.
    expect(await app.backups.tick(new Date('2025-10-02T04:29:00Z'))).toBeNull();
    const first = await app.backups.tick(new Date('2025-10-02T04:31:00Z'));
    expect(first?.kind).toBe('daily');
    expect(await app.backups.tick(new Date('2025-10-02T09:00:00Z'))).toBeNull();
    expect(await app.backups.tick(new Date('2025-10-03T05:00:00Z'))).not.toBeNull();
    expect(await app.backups.tick(new Date('2025-10-04T05:00:00Z'))).not.toBeNull();
    expect(listBackups(app.backups.directory).filter((b) => b.kind === 'daily')).toHaveLength(2);
    const audit = app.store.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.daily' AND outcome = 'ok'")
      .pluck()
      .get();
    expect(audit).toBe(3);
    app.backups.saveSettings({ dailyEnabled: false, dailyTime: '11:30', keep: 2 });
    expect(await app.backups.tick(new Date('2025-10-05T05:00:00Z'))).toBeNull();
  });
});

describe('backup procedures over HTTP', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  async function waitJob(token: string, id: string): Promise<JobView> {
    for (let i = 0; i < 200; i++) {
      const { body } = await server.call<JobView>('jobs.get', { id }, token);
      if (!body.ok) throw new Error(body.error.message);
      if (!jobActive(body.value.status)) return body.value;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('job did not end');
  }

  it('backs up as a job, restores by name, ends every session and audits it', async () => {
    server = await startTestServer();
    const token = await setupSchool(server);
    const started = await server.call<{ jobId: string }>('backup.create', {}, token);
    if (!started.body.ok) throw new Error(started.body.error.message);
    const job = await waitJob(token, started.body.value.jobId);
    expect(job).toMatchObject({ status: 'done', kind: 'backup' });
    const name = (job.result as { name: string }).name;

    await server.call(
      'users.create',
      { username: 'gv.moi', fullName: 'Giáo viên Mới', role: 'teacher', password: 'moi-pass-1' },
      token,
    );
    const restored = await server.call<{ restoredFrom: string; safetyBackup: string }>(
      'backup.restore',
      { name },
      token,
    );
    expect(restored.body).toMatchObject({ ok: true, value: { restoredFrom: name } });
    expect((await server.call('auth.me', {}, token)).status).toBe(401);

    const again = await server.login('admin', 'admin-pass-1');
    const users = await server.call<{ users: { username: string }[] }>('users.list', {}, again);
    expect(users.body.ok && users.body.value.users.map((u) => u.username)).toEqual(['admin']);
    const audit = await server.call<{ rows: { action: string; outcome: string }[] }>(
      'audit.list',
      { action: 'backup.' },
      again,
    );
    expect(audit.body.ok && audit.body.value.rows.map((r) => `${r.action}:${r.outcome}`)).toContain(
      'backup.restore:ok',
    );

    const missing = await server.call('backup.restore', { name: '../truongso.db' }, again);
    expect(missing.status).toBe(404);
  });

  it('restores an uploaded file and refuses an uploaded non-database', async () => {
    server = await startTestServer();
    const token = await setupSchool(server);
    const backup = await server.app.backups.backup('manual');
    const upload = async (data: Buffer, name: string) => {
      const response = await fetch(`${server.url}/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
        },
        body: data,
      });
      return (await response.json()) as { ok: true; value: { id: number; name: string } };
    };
    const bad = await upload(Buffer.from('không phải sqlite'), 'sao lưu.db');
    expect(bad.value.name).toBe('sao lưu.db');
    const refused = await server.call('backup.restore', { fileId: bad.value.id }, token);
    expect(refused).toEqual({
      status: 422,
      body: { ok: false, error: { code: 'rule_violation', message: 'Tệp này không phải là cơ sở dữ liệu SQLite' } },
    });
    expect((await server.call('auth.me', {}, token)).status).toBe(200);

    const good = await upload(fs.readFileSync(backup.file), backup.name);
    const restored = await server.call('backup.restore', { fileId: good.value.id }, token);
    expect(restored.status).toBe(200);
  });
});

describe('copies off the server’s disk', () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('refuses to keep 0 backups with a Vietnamese message naming the field, and keeps the setting', async () => {
    server = await startTestServer();
    const token = await setupSchool(server);
    const refused = await server.call(
      'backup.settings.update',
      { dailyEnabled: true, dailyTime: '11:30', keep: 0 },
      token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.ok).toBe(false);
    const error = refused.body.ok ? null : refused.body.error;
    expect(error?.code).toBe('invalid_input');
    expect(JSON.stringify(error)).toContain('Số bản giữ lại phải từ 1 đến 365');
    const list = await server.call<{ settings: { keep: number } }>('backup.list', {}, token);
    expect(list.body.ok && list.body.value.settings.keep).toBe(14);
  });

  /** Rows of the file store, and the blobs under its folder (its tmp/ aside). */
  function fileStoreHolds(): { rows: number; blobs: number } {
    const rows = server.app.store.statement('SELECT count(*) FROM files').pluck().get() as number;
    const root = server.app.files.root;
    const blobs = fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !path.relative(root, e.parentPath).startsWith('tmp')).length
      : 0;
    return { rows, blobs };
  }

  const download = (name: string, token: string) =>
    fetch(`${server.url}/files/backups/${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${token}` } });

  it('serves a backup straight from its folder with its checksum, stores no copy, records the copy, and warns when none is recent', async () => {
    server = await startTestServer();
    const token = await setupSchool(server);
    const status = await server.call<{ overdue: boolean; lastCopyAt: string | null; warnAfterDays: number }>(
      'backup.offDisk.status',
      {},
      token,
    );
    expect(status.body).toMatchObject({ ok: true, value: { overdue: true, lastCopyAt: null, warnAfterDays: 7 } });

    const backup = await server.app.backups.backup('manual');
    const before = fileStoreHolds();
    const prepared = await server.call<{ sha256: string; size: number; name: string }>(
      'backup.copy.prepare',
      { name: backup.name },
      token,
    );
    if (!prepared.body.ok) throw new Error(prepared.body.error.message);
    const { sha256, size } = prepared.body.value;
    const onDisk = fs.readFileSync(backup.file);
    expect(sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(size).toBe(onDisk.length);

    const answer = await download(backup.name, token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${backup.name}`);
    expect(answer.headers.get('content-length')).toBe(String(onDisk.length));
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);

    // A copy that does not match the backup on disk is not recorded.
    const wrong = await server.call(
      'backup.copy.record',
      { name: backup.name, sha256: '0'.repeat(64), to: 'folder' },
      token,
    );
    expect(wrong.status).toBe(422);
    const recorded = await server.call<{ overdue: boolean; lastCopyName: string; lastCopyTo: string }>(
      'backup.copy.record',
      { name: backup.name, sha256, to: 'download' },
      token,
    );
    expect(recorded.body).toMatchObject({
      ok: true,
      value: { overdue: false, lastCopyName: backup.name, lastCopyTo: 'download' },
    });
    const listed = await server.call<{ offDisk: { overdue: boolean; lastCopyAt: string } }>('backup.list', {}, token);
    expect(listed.body.ok && listed.body.value.offDisk.overdue).toBe(false);
    // Served from the backups folder: the file store holds no second copy of the backup.
    expect(fileStoreHolds()).toEqual(before);

    // Eight days on, the copy is overdue again.
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(server.app.backups.offDiskStatus(later).overdue).toBe(true);

    const audit = await server.call<{ rows: { action: string; target: string | null; outcome: string }[] }>(
      'audit.list',
      { action: 'backup.' },
      token,
    );
    const rows = audit.body.ok
      ? audit.body.value.rows.filter((r) => r.action.startsWith('backup.copy.') || r.action === 'backup.download')
      : [];
    expect(rows.map((r) => `${r.action}:${r.target}:${r.outcome}`).sort()).toEqual(
      [
        `backup.copy.prepare:${backup.name}:ok`,
        `backup.download:${backup.name}:ok`,
        `backup.copy.record:${backup.name}:ok`,
        `backup.copy.record:${backup.name}:rule_violation`,
      ].sort(),
    );

    // Teachers and clerks may not take the school's data away.
    const clerkUser = await server.call(
      'users.create',
      { username: 'vt.a', fullName: 'Văn Thư A', role: 'clerk', password: 'clerk-pass-1' },
      token,
    );
    expect(clerkUser.status).toBe(200);
    const clerk = await server.login('vt.a', 'clerk-pass-1');
    expect((await server.call('backup.copy.prepare', { name: backup.name }, clerk)).status).toBe(403);
  });

  it('serves backups to those who manage them only, by plain name only, and audits each attempt', async () => {
    server = await startTestServer();
    const tokens = await usersForEveryRole(server);
    const token = tokens.admin;
    const backup = await server.app.backups.backup('manual');
    fs.writeFileSync(path.join(server.app.backups.directory, '..', 'secret.db'), 'not for download');

    // Only the administrator manages backups: not even the principal takes the school's data away.
    for (const role of ['principal', 'clerk', 'teacher', 'medical'] as const) {
      const refused = await download(backup.name, tokens[role]);
      expect(refused.status, role).toBe(403);
      expect(await refused.json(), role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    // Without a session there is nothing to learn, not even whether the backup exists.
    expect((await fetch(`${server.url}/files/backups/${backup.name}`)).status).toBe(401);

    for (const name of ['../db.sqlite', '../secret.db', `../backups/${backup.name}`, `${backup.name}.partial`]) {
      const escaped = await download(name, token);
      expect(escaped.status, name).toBe(404);
      expect(((await escaped.json()) as { ok: boolean }).ok, name).toBe(false);
    }
    // A backup rotated away is a plain 404 too.
    const gone = `truongso-20200101-000000-000-manual.db`;
    expect((await download(gone, token)).status).toBe(404);

    const audit = await server.call<{
      rows: { action: string; target: string | null; outcome: string; username: string }[];
    }>('audit.list', { action: 'backup.download' }, token);
    const rows = audit.body.ok ? audit.body.value.rows.filter((r) => r.action === 'backup.download') : [];
    expect(rows.map((r) => `${r.username}:${r.target}:${r.outcome}`).sort()).toEqual(
      [
        ...['principal', 'clerk', 'teacher', 'medical'].map((role) => `u-${role}:${backup.name}:forbidden`),
        'admin:../db.sqlite:not_found',
        'admin:../secret.db:not_found',
        `admin:../backups/${backup.name}:not_found`,
        `admin:${backup.name}.partial:not_found`,
        `admin:${gone}:not_found`,
      ].sort(),
    );
  });
});

/** The `truongso` command: init, users, backup, restore, check, serve — exit codes 0/1/2 and --json. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, serve } from './support/cli';
import { tempDir } from './support/server';

beforeAll(assertBuilt);

const PW = { TS_ADMIN_PW: 'mat-khau-quan-tri', TS_USER_PW: 'mat-khau-gv-1' };

function init(dataDir: string, extra: string[] = []) {
  return runCli(
    [
      'init',
      '--data',
      dataDir,
      '--school-name',
      'Trường Tiểu học Hoà Bình',
      '--school-code',
      'HB01',
      '--admin-user',
      'quantri',
      '--admin-password-env',
      'TS_ADMIN_PW',
      '--json',
      ...extra,
    ],
    PW,
  );
}

describe('truongso CLI', () => {
  it('init sets the school up once, then refuses', () => {
    const dataDir = tempDir();
    const first = init(dataDir, ['--year', '2025-2026']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      school: { name: 'Trường Tiểu học Hoà Bình', code: 'HB01' },
      admin: { username: 'quantri' },
      year: '2025-2026',
    });
    const second = init(dataDir);
    expect(second.status).toBe(1);
    expect(JSON.parse(second.stdout)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('đã được thiết lập') },
    });
  });

  it('exits 2 on misuse: unknown command, missing option, unset password variable, bad values', () => {
    const dataDir = tempDir();
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['init', '--data', dataDir]).status).toBe(2);
    const unset = runCli([
      'init',
      '--data',
      dataDir,
      '--school-name',
      'X',
      '--school-code',
      'X1',
      '--admin-user',
      'quantri',
      '--admin-password-env',
      'NOT_SET_ANYWHERE',
    ]);
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain('NOT_SET_ANYWHERE');
    const badCode = runCli(
      [
        'init',
        '--data',
        dataDir,
        '--school-name',
        'X',
        '--school-code',
        'mã có dấu',
        '--admin-user',
        'quantri',
        '--admin-password-env',
        'TS_ADMIN_PW',
      ],
      PW,
    );
    expect(badCode.status).toBe(2);
    expect(badCode.stderr).toContain('«code»');
    expect(fs.existsSync(path.join(dataDir, 'truongso.db'))).toBe(false);
  });

  it('adds and lists users', () => {
    const dataDir = tempDir();
    expect(runCli(['users', 'list', '--data', dataDir]).status).toBe(1);
    init(dataDir);
    const add = runCli(
      [
        'users',
        'add',
        '--data',
        dataDir,
        '--username',
        'gv.hoa',
        '--full-name',
        'Đỗ Thị Hoà',
        '--role',
        'teacher',
        '--password-env',
        'TS_USER_PW',
        '--json',
      ],
      PW,
    );
    expect(add.status).toBe(0);
    expect(JSON.parse(add.stdout).user).toMatchObject({
      username: 'gv.hoa',
      role: 'teacher',
      mustChangePassword: true,
    });
    expect(
      runCli(
        [
          'users',
          'add',
          '--data',
          dataDir,
          '--username',
          'gv.hoa',
          '--full-name',
          'Khác',
          '--role',
          'teacher',
          '--password-env',
          'TS_USER_PW',
        ],
        PW,
      ).status,
    ).toBe(1);
    expect(
      runCli(
        [
          'users',
          'add',
          '--data',
          dataDir,
          '--username',
          'x.y',
          '--full-name',
          'Khác',
          '--role',
          'janitor',
          '--password-env',
          'TS_USER_PW',
        ],
        PW,
      ).status,
    ).toBe(2);
    const list = runCli(['users', 'list', '--data', dataDir, '--json']);
    expect(JSON.parse(list.stdout).users.map((u: { username: string }) => u.username)).toEqual(['gv.hoa', 'quantri']);
    const human = runCli(['users', 'list', '--data', dataDir]);
    expect(human.stdout).toContain('Đỗ Thị Hoà');
    expect(human.stdout).toContain('Giáo viên');
  });

  it('backs up, checks and restores; a running server blocks restore', async () => {
    const dataDir = tempDir();
    init(dataDir);
    const out = path.join(tempDir(), 'sao-luu.db');
    const backup = runCli(['backup', '--data', dataDir, '--out', out, '--json']);
    expect(backup.status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(runCli(['backup', '--data', dataDir, '--out', out]).status).toBe(2);

    runCli(
      [
        'users',
        'add',
        '--data',
        dataDir,
        '--username',
        'gv.sau',
        '--full-name',
        'Sau Sao Lưu',
        '--role',
        'teacher',
        '--password-env',
        'TS_USER_PW',
      ],
      PW,
    );
    const server = await serve(['--data', dataDir]);
    try {
      const blocked = runCli(['restore', out, '--data', dataDir]);
      expect(blocked.status).toBe(1);
      expect(blocked.stderr).toContain('Máy chủ đang chạy');
    } finally {
      await server.stop();
    }
    const restore = runCli(['restore', out, '--data', dataDir, '--json']);
    expect(restore.status).toBe(0);
    expect(JSON.parse(restore.stdout).safetyBackup).toMatch(/pre-restore\.db$/);
    const list = JSON.parse(runCli(['users', 'list', '--data', dataDir, '--json']).stdout);
    expect(list.users.map((u: { username: string }) => u.username)).toEqual(['quantri']);

    const check = runCli(['check', '--data', dataDir, '--json']);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      ok: true,
      integrity: 'ok',
      migrations: { pending: 0, newer: false },
      counts: { users: 1 },
    });
  });

  it('restores over a database too damaged to open', () => {
    const dataDir = tempDir();
    init(dataDir);
    const out = path.join(tempDir(), 'good.db');
    expect(runCli(['backup', '--data', dataDir, '--out', out]).status).toBe(0);
    fs.writeFileSync(path.join(dataDir, 'truongso.db'), Buffer.alloc(4096, 0x55));
    expect(runCli(['check', '--data', dataDir]).status).toBe(1);
    const restore = runCli(['restore', out, '--data', dataDir]);
    expect(restore.status).toBe(0);
    expect(runCli(['check', '--data', dataDir]).status).toBe(0);
  });

  it('refuses to restore a file that is not ours and keeps the data', () => {
    const dataDir = tempDir();
    init(dataDir);
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    const restore = runCli(['restore', junk, '--data', dataDir]);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('không phải là cơ sở dữ liệu SQLite');
    expect(JSON.parse(runCli(['check', '--data', dataDir, '--json']).stdout).counts.users).toBe(1);
  });

  it('serve answers the procedures on loopback and seeds the demo school', async () => {
    const dataDir = tempDir();
    const server = await serve(['--data', dataDir, '--demo']);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const status = await (await fetch(`${server.url}/api/school.status`, { method: 'POST' })).json();
      expect(status).toMatchObject({
        ok: true,
        value: { initialized: true, demo: true, schoolName: 'Trường Tiểu học Nguyễn Trãi' },
      });
      for (const username of ['admin', 'principal', 'clerk', 'teacher']) {
        const login = await fetch(`${server.url}/api/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'demo' }),
        });
        expect(login.status, username).toBe(200);
      }
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    const check = JSON.parse(runCli(['check', '--data', dataDir, '--json']).stdout);
    expect(check.counts.classes).toBe(15);
    expect(check.counts.pupils).toBeGreaterThanOrEqual(15 * 32);
    expect(check.counts.staff).toBeGreaterThanOrEqual(25);
  });
});

/**
 * The fault test of the store: API writers and CLI backups while the server is killed (kill -9), again
 * and again. After each restart the file is intact, every acknowledged write is there, and every change
 * that is there has its audit row — never one without the other.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, runCliAsync, serve } from './support/cli';
import { tempDir } from './support/server';
import { callApi, integrityOf, loginAt, startPupilWriters, type WriteRecord } from './support/writers';

beforeAll(assertBuilt);

const ROUNDS = ['Lê Văn', 'Trần Thị', 'Phạm Minh'];

interface PupilRow {
  id: number;
  fullName: string;
  audited: number;
}

function pupilsOfFamily(dataDir: string, family: string): PupilRow[] {
  const db = new Database(path.join(dataDir, 'truongso.db'), { fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p.id, p.full_name AS fullName,
                (SELECT count(*) FROM audit_log a
                  WHERE a.action = 'records.pupils.create' AND a.outcome = 'ok' AND a.target = 'pupil:' || p.id) AS audited
           FROM pupils p WHERE p.full_name LIKE ? || ' Ghi%'`,
      )
      .all(family) as PupilRow[];
  } finally {
    db.close();
  }
}

describe('kill -9 under load', () => {
  it('keeps every acknowledged write, each with its audit row, through repeated crashes', async () => {
    const dataDir = tempDir();
    for (const [round, family] of ROUNDS.entries()) {
      const server = await serve(['--data', dataDir, '--demo']);
      const clerk = await loginAt(server.url, 'clerk', 'demo');
      const classes = await callApi<{ rows: { id: number }[] }>(server.url, 'records.classes.list', {}, clerk);
      if (!classes.body.ok) throw new Error(classes.body.error.message);
      const load = startPupilWriters(server.url, clerk, classes.body.value.rows[0]!.id, 6, { family });
      while (load.records.length < 20) await new Promise((r) => setTimeout(r, 10));
      const out = path.join(`${dataDir}-backup-${round}.db`);
      const backup = runCliAsync(['backup', '--data', dataDir, '--out', out]);
      // The kill lands while writers (and perhaps the backup) are mid-transaction.
      await new Promise((r) => setTimeout(r, 300 + round * 200));
      expect(await server.stop('SIGKILL')).toBeNull();
      const records: WriteRecord[] = await load.stop();
      const backupDone = await backup;

      const acknowledged = records.filter((r) => r.ok);
      expect(records.filter((r) => !r.ok)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(10);

      const check = runCli(['check', '--data', dataDir, '--json']);
      expect(check.status).toBe(0);
      expect(JSON.parse(check.stdout).integrity).toBe('ok');

      const present = pupilsOfFamily(dataDir, family);
      const presentIds = new Set(present.map((p) => p.id));
      for (const a of acknowledged) expect(presentIds.has(a.pupilId!)).toBe(true);
      // At most the writes in flight at the kill are there without having been answered.
      expect(present.length).toBeLessThanOrEqual(acknowledged.length + 6);
      expect(present.filter((p) => p.audited !== 1)).toEqual([]);

      // The backup is another process: the server's death does not stop it, and its copy is whole.
      expect(backupDone.stderr).toBe('');
      expect(backupDone.status).toBe(0);
      expect(integrityOf(out)).toBe('ok');
    }
  });
});

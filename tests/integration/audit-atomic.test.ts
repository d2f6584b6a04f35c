/**
 * The audit row commits with the change it records, or neither does (DESIGN §4): when the audit row
 * cannot be written, the change is rolled back and the caller is told; a call that named its target
 * only once its change was made still gets it in the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, callOk, type TestServer } from './support/server';

let server: TestServer;
let clerk: string;
let classId: number;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  classId = (await callOk<{ rows: { id: number }[] }>(server, 'records.classes.list', {}, clerk)).rows[0]!.id;
});

afterAll(async () => {
  await server?.close();
});

const pupil = (fullName: string) => ({ fullName, sex: 'female', birthDate: '2017-02-03', classId });

function pupilsNamed(fullName: string): number {
  return server.app.store.db.prepare('SELECT count(*) FROM pupils WHERE full_name = ?').pluck().get(fullName) as number;
}

describe('audit row and change in one transaction', () => {
  it('a change whose audit row cannot be written is not made', async () => {
    const { db } = server.app.store;
    db.exec(`CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    try {
      const answer = await server.call('records.pupils.create', pupil('Đặng Thu Khánh'), clerk);
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      db.exec('DROP TRIGGER no_audit');
    }
    expect(pupilsNamed('Đặng Thu Khánh')).toBe(0);
  });

  it('the committed row names the new pupil and the actor', async () => {
    const made = await callOk<{ id: number }>(server, 'records.pupils.create', pupil('Đặng Thu Hà'), clerk);
    const rows = server.app.store.db
      .prepare(`SELECT username, target, outcome FROM audit_log WHERE action = 'records.pupils.create' AND target = ?`)
      .all(`pupil:${made.id}`);
    expect(rows).toEqual([{ username: 'clerk', target: `pupil:${made.id}`, outcome: 'ok' }]);
  });

  it('a sign-in commits its session with the audit row naming who signed in', async () => {
    const before = server.app.store.db.prepare(`SELECT max(id) FROM audit_log`).pluck().get() as number;
    await server.login('teacher', 'demo');
    const rows = server.app.store.db
      .prepare(`SELECT action, username, target, outcome FROM audit_log WHERE id > ? AND action = 'auth.login'`)
      .all(before);
    expect(rows).toEqual([{ action: 'auth.login', username: 'teacher', target: 'teacher', outcome: 'ok' }]);
  });
});

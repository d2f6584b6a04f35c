/**
 * A transfer out or drop-out recorded by mistake, taken back the same day: the pupil is exactly as
 * before (status, its date, the open place in the class), the history keeps both events, the audit
 * log both calls; on another day, or once something else happened, the undo is refused in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { startTestServer, type TestServer } from './support/server';
import { auditLog } from '../../src-main/core/audit/schema';
import type { ClassRow, PupilRow, PupilView } from '../../src-shared/api/records';
import { formatIsoDateVn, todayIso } from '../../src-shared/domain/dates';

let server: TestServer;
let clerk: string;
let classes: ClassRow[];
let leaveDate: string;

async function ok<T>(name: string, input: unknown, token = clerk): Promise<T> {
  const { body } = await server.call<T>(name, input, token);
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

/** Pupils of a class, studying now: each test takes its own so that none depends on another. */
async function studyingIn(className: string): Promise<PupilRow[]> {
  const classId = classes.find((c) => c.name === className)!.id;
  return (await ok<{ rows: PupilRow[] }>('records.pupils.list', { classId, limit: 100 })).rows;
}

/** The view without what any write changes (version, time) and the history, compared on its own. */
function standing(view: PupilView) {
  const { events: _events, version: _version, updatedAt: _updatedAt, undoableLeaving: _undoable, ...rest } = view;
  return rest;
}

function auditRows(pupilId: number) {
  return server.app.store.orm
    .select({ action: auditLog.action, outcome: auditLog.outcome, username: auditLog.username })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.target, `pupil:${pupilId}`),
        inArray(auditLog.action, [
          'records.pupils.transferOut',
          'records.pupils.dropOut',
          'records.pupils.undoLeaving',
        ]),
      ),
    )
    .orderBy(asc(auditLog.id))
    .all();
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  classes = (await ok<{ rows: ClassRow[] }>('records.classes.list', {})).rows;
  const years = await ok<{ years: { isCurrent: boolean; term1End: string }[] }>('school.years.list', {});
  leaveDate = years.years.find((y) => y.isCurrent)!.term1End;
});
afterAll(() => server.close());

describe('undoing a leaving the same day', () => {
  it('a transfer out taken back leaves the pupil exactly as before, with both events and both audit rows', async () => {
    const [row] = await studyingIn('2A');
    const before = await ok<PupilView>('records.pupils.get', { id: row!.id });
    expect(before.undoableLeaving).toBeNull();

    const out = await ok<PupilView>('records.pupils.transferOut', {
      id: before.id,
      version: before.version,
      date: leaveDate,
      destination: '02',
      toSchool: 'Trường TH Lê Lợi',
    });
    expect(out.status).toBe('04');
    expect(out.undoableLeaving).toBe(out.events[0]!.id);

    const after = await ok<PupilView>('records.pupils.undoLeaving', { id: out.id, version: out.version });
    expect(standing(after)).toEqual(standing(before));
    expect(after.version).toBe(out.version + 1);
    expect(after.undoableLeaving).toBeNull();
    // Append-only: the leaving stays, marked undone, answered by the undo; the earlier events are untouched.
    const [undo, leaving, ...earlier] = after.events;
    expect(undo).toMatchObject({
      kind: 'leaving_undone',
      reason: 'transfer_out',
      status: before.status,
      undone: false,
    });
    expect(undo!.date).toBe(leaveDate);
    expect(leaving).toMatchObject({ id: out.events[0]!.id, kind: 'transfer_out', status: '04', undone: true });
    expect(earlier).toEqual(before.events);

    // Lists show the pupil where they were: in the class, not among those who left.
    expect((await studyingIn('2A')).map((r) => r.id)).toContain(before.id);
    const left = await ok<{ rows: PupilRow[] }>('records.pupils.list', { status: 'left', limit: 2000 });
    expect(left.rows.map((r) => r.id)).not.toContain(before.id);

    expect(auditRows(before.id)).toEqual([
      { action: 'records.pupils.transferOut', outcome: 'ok', username: 'clerk' },
      { action: 'records.pupils.undoLeaving', outcome: 'ok', username: 'clerk' },
    ]);
    const details = server.app.store.orm
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.target, `pupil:${before.id}`), eq(auditLog.action, 'records.pupils.undoLeaving')))
      .get()!.details;
    expect(JSON.parse(details!)).toMatchObject({
      undoneEventId: leaving!.id,
      kind: 'transfer_out',
      restoredStatus: before.status,
    });

    // Once undone there is nothing left to undo.
    const again = await server.call('records.pupils.undoLeaving', { id: after.id, version: after.version }, clerk);
    expect(again).toMatchObject({
      status: 422,
      body: {
        ok: false,
        error: { code: 'rule_violation', message: expect.stringContaining('không có gì để hoàn tác') },
      },
    });
  });

  it('a drop-out taken back restores the status and the class as well', async () => {
    const [row] = await studyingIn('3B');
    const before = await ok<PupilView>('records.pupils.get', { id: row!.id });
    const out = await ok<PupilView>('records.pupils.dropOut', {
      id: before.id,
      version: before.version,
      date: leaveDate,
      reason: '03',
    });
    expect(out.enrolments[0]).toMatchObject({ exit: 'dropout', endDate: leaveDate });
    const after = await ok<PupilView>('records.pupils.undoLeaving', { id: out.id, version: out.version });
    expect(standing(after)).toEqual(standing(before));
    expect(after.events[0]).toMatchObject({ kind: 'leaving_undone', reason: 'dropout' });
    expect(after.events[1]).toMatchObject({ kind: 'dropout', undone: true });
  });

  it('is refused the next day: from then on the pupil comes back through Nhận lại', async () => {
    const [row] = await studyingIn('4A');
    const before = await ok<PupilView>('records.pupils.get', { id: row!.id });
    const out = await ok<PupilView>('records.pupils.transferOut', {
      id: before.id,
      version: before.version,
      date: leaveDate,
      destination: '01',
    });
    // The leaving was recorded yesterday (in the school's time zone).
    const yesterday = Date.now() - 24 * 60 * 60 * 1000;
    server.app.store.db
      .prepare('UPDATE pupil_events SET created_at = ? WHERE id = ?')
      .run(yesterday, out.events[0]!.id);

    const view = await ok<PupilView>('records.pupils.get', { id: out.id });
    expect(view.undoableLeaving).toBeNull();
    const refused = await server.call('records.pupils.undoLeaving', { id: out.id, version: out.version }, clerk);
    expect(refused).toMatchObject({
      status: 422,
      body: {
        ok: false,
        error: {
          code: 'rule_violation',
          message: `Chỉ hoàn tác được trong ngày ghi nhận (${formatIsoDateVn(todayIso(new Date(yesterday)))}); từ ngày hôm sau, hãy dùng Nhận lại để học sinh trở lại lớp`,
        },
      },
    });
    const unchanged = await ok<PupilView>('records.pupils.get', { id: out.id });
    expect(standing(unchanged)).toEqual(standing(out));
    expect(auditRows(out.id).map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'records.pupils.transferOut:ok',
      'records.pupils.undoLeaving:rule_violation',
    ]);
  });

  it('is refused once something else happened to the pupil, and on a stale version', async () => {
    const [first, second] = await studyingIn('5A');
    const a = await ok<PupilView>('records.pupils.get', { id: first!.id });
    const out = await ok<PupilView>('records.pupils.transferOut', {
      id: a.id,
      version: a.version,
      date: leaveDate,
      destination: '03',
    });
    const back = await ok<PupilView>('records.pupils.readmit', {
      id: out.id,
      version: out.version,
      date: leaveDate,
      classId: classes.find((c) => c.name === '5B')!.id,
      fromSchool: '',
    });
    expect(back.undoableLeaving).toBeNull();
    const afterReadmit = await server.call('records.pupils.undoLeaving', { id: back.id, version: back.version }, clerk);
    expect(afterReadmit.body).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect((await ok<PupilView>('records.pupils.get', { id: back.id })).status).toBe(back.status);

    const b = await ok<PupilView>('records.pupils.get', { id: second!.id });
    const gone = await ok<PupilView>('records.pupils.dropOut', {
      id: b.id,
      version: b.version,
      date: leaveDate,
      reason: '03',
    });
    const stale = await server.call('records.pupils.undoLeaving', { id: gone.id, version: b.version }, clerk);
    expect(stale).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
  });

  it('a teacher may not undo', async () => {
    const teacher = await server.login('teacher', 'demo');
    const [row] = await studyingIn('1A');
    const { status } = await server.call('records.pupils.undoLeaving', { id: row!.id, version: row!.version }, teacher);
    expect(status).toBe(403);
  });
});

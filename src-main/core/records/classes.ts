/** Classes of a school year: grade, name, homeroom teacher (GVCN), room, sessions per day. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { classes, enrolments, rooms, staff } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from './years';
import type { RecordsScope } from './scope';
import type { classInput, ClassRow } from '../../../src-shared/api/records';

type ClassInput = z.output<typeof classInput>;

interface ClassRowDb {
  id: number;
  school_year_id: number;
  grade: number;
  name: string;
  homeroom_staff_id: number | null;
  homeroom_name: string | null;
  room_id: number | null;
  room_name: string | null;
  sessions_per_day: number;
  pupils: number;
  girls: number;
  version: number;
}

const SELECT = `
  SELECT c.id, c.school_year_id, c.grade, c.name, c.homeroom_staff_id, s.full_name AS homeroom_name,
         c.room_id, r.name AS room_name, c.sessions_per_day, c.version,
         (SELECT count(*) FROM enrolments e WHERE e.class_id = c.id AND e.end_date IS NULL) AS pupils,
         (SELECT count(*) FROM enrolments e JOIN pupils p ON p.id = e.pupil_id
           WHERE e.class_id = c.id AND e.end_date IS NULL AND p.sex = 'female') AS girls
  FROM classes c LEFT JOIN staff s ON s.id = c.homeroom_staff_id LEFT JOIN rooms r ON r.id = c.room_id`;

function toView(r: ClassRowDb): ClassRow {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    grade: r.grade,
    name: r.name,
    homeroomStaffId: r.homeroom_staff_id,
    homeroomName: r.homeroom_name,
    roomId: r.room_id,
    roomName: r.room_name,
    sessionsPerDay: r.sessions_per_day,
    pupils: r.pupils,
    girls: r.girls,
    version: r.version,
  };
}

export function listClasses(store: Store, scope: RecordsScope, schoolYearId?: number): ClassRow[] {
  const year = resolveYear(store, schoolYearId);
  const rows = store.db
    .prepare(`${SELECT} WHERE c.school_year_id = ? ORDER BY c.grade, c.name`)
    .all(year.id) as ClassRowDb[];
  return rows.filter((r) => scope.classIds === null || scope.classIds.has(r.id)).map(toView);
}

export function getClassView(store: Store, id: number): ClassRow {
  const row = store.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ClassRowDb | undefined;
  if (!row) throw new AppError('not_found', 'records.class_not_found');
  return toView(row);
}

function assertClassFields(
  store: Store,
  schoolYearId: number,
  input: Omit<ClassInput, 'schoolYearId'>,
  selfId: number | null,
): void {
  if (Number(input.name[0]) !== input.grade) {
    throw new AppError(
      'invalid_input',
      'records.class_grade_mismatch',
      { name: input.name, grade: input.grade },
      { field: 'name' },
    );
  }
  const clash = store.db
    .prepare('SELECT id FROM classes WHERE school_year_id = ? AND upper(name) = upper(?) AND id IS NOT ?')
    .get(schoolYearId, input.name, selfId);
  if (clash) throw new AppError('conflict', 'records.class_name_taken', { name: input.name }, { field: 'name' });
  if (
    input.homeroomStaffId !== null &&
    !store.orm.select({ id: staff.id }).from(staff).where(eq(staff.id, input.homeroomStaffId)).get()
  ) {
    throw new AppError('not_found', 'records.staff_not_found', {}, { field: 'homeroomStaffId' });
  }
  if (
    input.roomId !== null &&
    !store.orm.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, input.roomId)).get()
  ) {
    throw new AppError('not_found', 'records.room_not_found', {}, { field: 'roomId' });
  }
}

export function createClass(store: Store, input: ClassInput): ClassRow {
  return store.transaction(() => {
    resolveYear(store, input.schoolYearId);
    const name = input.name.toUpperCase();
    assertClassFields(store, input.schoolYearId, { ...input, name }, null);
    const now = Date.now();
    const row = store.orm
      .insert(classes)
      .values({ ...input, name, createdAt: now, updatedAt: now })
      .returning({ id: classes.id })
      .get();
    return getClassView(store, row.id);
  });
}

export function updateClass(
  store: Store,
  input: Omit<ClassInput, 'schoolYearId'> & { id: number; version: number },
): ClassRow {
  return store.transaction(() => {
    const current = getClassView(store, input.id);
    const name = input.name.toUpperCase();
    assertClassFields(store, current.schoolYearId, { ...input, name }, input.id);
    const { id, version, ...fields } = input;
    const result = store.orm
      .update(classes)
      .set({ ...fields, name, updatedAt: Date.now(), version: sql`${classes.version} + 1` })
      .where(and(eq(classes.id, id), eq(classes.version, version)))
      .run();
    if (result.changes === 0) throw new AppError('conflict', 'error.conflict');
    return getClassView(store, id);
  });
}

/** Without cascade a class that has (or had) pupils is kept; with it, their places in it are removed. */
export function deleteClass(store: Store, id: number, cascade: boolean): number {
  return store.transaction(() => {
    const cls = getClassView(store, id);
    const placed = store.db.prepare('SELECT count(*) FROM enrolments WHERE class_id = ?').pluck().get(id) as number;
    if (placed > 0 && !cascade) {
      throw new AppError(
        'rule_violation',
        'records.class_has_pupils',
        { name: cls.name, count: placed },
        { needsConfirmation: true, count: placed },
      );
    }
    const removed = store.orm.delete(enrolments).where(eq(enrolments.classId, id)).run().changes;
    store.orm.delete(classes).where(eq(classes.id, id)).run();
    return removed;
  });
}

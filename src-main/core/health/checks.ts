/**
 * Health checks: one visit of one pupil (height, weight, vision), with the BMI, its WHO z-score and
 * band computed here from the pupil's sex and age on the check date, and stored with the check so that
 * lists and summaries never recompute them. At most one check per pupil and day: the entry screen
 * corrects the day's check rather than adding a second one.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { healthChecks } from './schema';
import { users } from '../auth/schema';
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { AppError } from '../../errors';
import type { checkFields, CheckView } from '../../../src-shared/api/health';
import { ageInMonths, growthOf, type BmiBand, type Sex } from '../../../src-shared/domain/growth';
import { todayIso } from '../../../src-shared/domain/dates';
import { schoolYearStartFor } from '../../../src-shared/domain/schoolYear';

type CheckDb = typeof healthChecks.$inferSelect;
export type CheckFields = z.output<z.ZodObject<typeof checkFields>>;

export interface PupilBasics {
  id: number;
  fullName: string;
  sex: Sex;
  birthDate: string;
}

export function pupilBasics(store: Store, pupilId: number): PupilBasics {
  const row = store
    .statement('SELECT id, full_name AS fullName, sex, birth_date AS birthDate FROM pupils WHERE id = ?')
    .get(pupilId) as PupilBasics | undefined;
  if (!row) throw new AppError('not_found', 'health.pupil_not_found', {}, { field: 'pupilId' });
  return row;
}

export function toCheckView(row: CheckDb, birthDate: string, createdBy: string | null): CheckView {
  return {
    id: row.id,
    pupilId: row.pupilId,
    schoolYearId: row.schoolYearId,
    date: row.date,
    ageMonths: ageInMonths(birthDate, row.date),
    heightCm: row.heightCm,
    weightKg: row.weightKg,
    bmi: row.bmi,
    bmiZ: row.bmiZ,
    bmiBand: row.bmiBand as BmiBand | null,
    visionLeft: row.visionLeft,
    visionRight: row.visionRight,
    notes: row.notes,
    createdBy,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Checks with the name of who recorded them, newest first. */
function selectChecks(store: Store, where: SQL | undefined) {
  return store.orm
    .select({ check: healthChecks, by: users.fullName })
    .from(healthChecks)
    .leftJoin(users, eq(users.id, healthChecks.createdBy))
    .where(where)
    .orderBy(desc(healthChecks.date), desc(healthChecks.id))
    .all();
}

export function pupilChecks(store: Store, pupil: PupilBasics): CheckView[] {
  return selectChecks(store, eq(healthChecks.pupilId, pupil.id)).map(({ check, by }) =>
    toCheckView(check, pupil.birthDate, by),
  );
}

/** Checks of some pupils in a school year, newest first. */
export function checksInYear(store: Store, pupilIds: number[], schoolYearId: number) {
  if (pupilIds.length === 0) return [];
  return selectChecks(store, and(eq(healthChecks.schoolYearId, schoolYearId), inArray(healthChecks.pupilId, pupilIds)));
}

function getCheckRow(store: Store, id: number): CheckDb {
  const row = store.orm.select().from(healthChecks).where(eq(healthChecks.id, id)).get();
  if (!row) throw new AppError('not_found', 'health.check_not_found');
  return row;
}

export function getCheckView(store: Store, id: number): CheckView {
  const [found] = selectChecks(store, eq(healthChecks.id, id));
  if (!found) throw new AppError('not_found', 'health.check_not_found');
  return toCheckView(found.check, pupilBasics(store, found.check.pupilId).birthDate, found.by);
}

/** The school year a date belongs to (years turn over in August), when the school has it. */
function yearIdForDate(store: Store, date: string): number | null {
  const start = schoolYearStartFor(date);
  const id = store
    .statement('SELECT id FROM school_years WHERE name = ?')
    .pluck()
    .get(`${start}-${start + 1}`) as number | undefined;
  return id ?? null;
}

function assertValidCheck(store: Store, pupil: PupilBasics, fields: CheckFields, selfId: number | null): void {
  if (fields.date > todayIso()) {
    throw new AppError('rule_violation', 'health.date_in_future', {}, { field: 'date' });
  }
  if (fields.date < pupil.birthDate) {
    throw new AppError('rule_violation', 'health.date_before_birth', {}, { field: 'date' });
  }
  const measured =
    fields.heightCm !== null || fields.weightKg !== null || fields.visionLeft !== '' || fields.visionRight !== '';
  if (!measured) throw new AppError('invalid_input', 'health.check_empty', {}, { field: 'heightCm' });
  const other = store
    .statement('SELECT id FROM health_checks WHERE pupil_id = ? AND date = ? AND id IS NOT ?')
    .get(pupil.id, fields.date, selfId);
  if (other) throw new AppError('conflict', 'health.check_exists', { name: pupil.fullName }, { field: 'date' });
}

function checkColumns(pupil: PupilBasics, fields: CheckFields, store: Store) {
  const growth = growthOf(pupil, fields.date, fields.heightCm, fields.weightKg);
  return {
    schoolYearId: yearIdForDate(store, fields.date),
    date: fields.date,
    heightCm: fields.heightCm,
    weightKg: fields.weightKg,
    bmi: growth.bmi,
    bmiZ: growth.bmiZ,
    bmiBand: growth.bmiBand,
    visionLeft: fields.visionLeft,
    visionRight: fields.visionRight,
    notes: fields.notes,
  };
}

/** Records a check; runs inside the caller's transaction. Returns its id. */
export function recordCheck(store: Store, actor: SessionUser, pupilId: number, fields: CheckFields): number {
  const pupil = pupilBasics(store, pupilId);
  assertValidCheck(store, pupil, fields, null);
  const now = Date.now();
  return store.orm
    .insert(healthChecks)
    .values({ pupilId, ...checkColumns(pupil, fields, store), createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning({ id: healthChecks.id })
    .get().id;
}

/** Replaces a check's fields when `version` is still current; returns the pupil's id. */
export function updateCheck(store: Store, id: number, version: number, fields: CheckFields): number {
  const current = getCheckRow(store, id);
  const pupil = pupilBasics(store, current.pupilId);
  assertValidCheck(store, pupil, fields, id);
  const updated = store.orm
    .update(healthChecks)
    .set({ ...checkColumns(pupil, fields, store), updatedAt: Date.now(), version: sql`${healthChecks.version} + 1` })
    .where(and(eq(healthChecks.id, id), eq(healthChecks.version, version)))
    .run();
  if (updated.changes === 0) throw new AppError('conflict', 'error.conflict');
  return current.pupilId;
}

export function deleteCheck(store: Store, id: number, version: number): number {
  const current = getCheckRow(store, id);
  const deleted = store.orm
    .delete(healthChecks)
    .where(and(eq(healthChecks.id, id), eq(healthChecks.version, version)))
    .run();
  if (deleted.changes === 0) throw new AppError('conflict', 'error.conflict');
  return current.pupilId;
}

/** The pupil of a check, for the audit target, before anything else can fail. */
export function pupilOfCheck(store: Store, id: number): number | null {
  return (
    (store.statement('SELECT pupil_id FROM health_checks WHERE id = ?').pluck().get(id) as number | undefined) ?? null
  );
}

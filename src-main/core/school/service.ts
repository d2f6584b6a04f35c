/** The school's profile, first-run setup and school years. */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { school, schoolYears } from './schema';
import { classes } from '../records/schema';
import { AppError } from '../../errors';
import type { Store } from '../../store/open';
import { hashPassword } from '../auth/password';
import { insertUser, type UserRow } from '../auth/users';
import type { SchoolProfile, SchoolYear, schoolProfileInput } from '../../../src-shared/api/school';
import { schoolYearProblem, type SchoolYearDates } from '../../../src-shared/domain/schoolYear';

export type ProfileInput = z.output<typeof schoolProfileInput>;
type SchoolRow = typeof school.$inferSelect;
type YearRow = typeof schoolYears.$inferSelect;

export function isInitialized(store: Store): boolean {
  return store.orm.select({ id: school.id }).from(school).get() !== undefined;
}

export function getSchoolRow(store: Store): SchoolRow | undefined {
  return store.orm.select().from(school).get();
}

export function toProfile(row: SchoolRow): SchoolProfile {
  return {
    name: row.name,
    code: row.code,
    educationOffice: row.educationOffice,
    educationDepartment: row.educationDepartment,
    province: row.province,
    ward: row.ward,
    address: row.address,
    principalName: row.principalName,
    phone: row.phone,
    email: row.email,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function getProfile(store: Store): SchoolProfile {
  const row = getSchoolRow(store);
  if (!row) throw new AppError('not_found', 'school.not_initialized');
  return toProfile(row);
}

/** School codes are kept in capitals, however they were typed. */
function withUpperCode(p: ProfileInput): ProfileInput {
  return { ...p, code: p.code.toUpperCase() };
}

export function updateProfile(store: Store, input: ProfileInput & { version: number }): SchoolProfile {
  const { version, ...fields } = input;
  const row = store.orm
    .update(school)
    .set({ ...withUpperCode(fields), updatedAt: Date.now(), version: sql`${school.version} + 1` })
    .where(and(eq(school.id, 1), eq(school.version, version)))
    .returning()
    .get();
  if (!row) {
    getProfile(store);
    throw new AppError('conflict', 'error.conflict');
  }
  return toProfile(row);
}

export interface SetupInput {
  school: ProfileInput;
  admin: { username: string; fullName: string; password: string };
  year: SchoolYearDates;
  demo?: boolean;
}

/**
 * First-run setup, all or nothing: the school, its first admin and its current year, and whatever
 * `alsoWithin` adds in the same transaction (the demo school's records).
 */
export async function setupSchool(
  store: Store,
  input: SetupInput,
  alsoWithin?: (admin: UserRow) => void,
): Promise<UserRow> {
  assertYearDates(input.year);
  const passwordHash = await hashPassword(input.admin.password);
  return store.transaction(() => {
    if (isInitialized(store)) throw new AppError('rule_violation', 'school.already_initialized');
    const now = Date.now();
    store.orm
      .insert(school)
      .values({ id: 1, ...withUpperCode(input.school), demo: input.demo ?? false, createdAt: now, updatedAt: now })
      .run();
    const admin = insertUser(store, {
      username: input.admin.username,
      fullName: input.admin.fullName,
      role: 'admin',
      passwordHash,
      mustChangePassword: false,
    });
    insertYear(store, input.year, true);
    alsoWithin?.(admin);
    return admin;
  });
}

export function toYearView(row: YearRow): SchoolYear {
  return {
    id: row.id,
    name: row.name,
    startDate: row.startDate,
    term1End: row.term1End,
    term2Start: row.term2Start,
    endDate: row.endDate,
    isCurrent: row.isCurrent,
    version: row.version,
  };
}

function assertYearDates(y: SchoolYearDates): void {
  const problem = schoolYearProblem(y);
  if (problem) throw new AppError('rule_violation', problem, { name: y.name });
}

export function listYears(store: Store): SchoolYear[] {
  return store.orm.select().from(schoolYears).orderBy(desc(schoolYears.name)).all().map(toYearView);
}

function getYear(store: Store, id: number): YearRow {
  const row = store.orm.select().from(schoolYears).where(eq(schoolYears.id, id)).get();
  if (!row) throw new AppError('not_found', 'school.year_not_found');
  return row;
}

export function currentYear(store: Store): SchoolYear | null {
  const row = store.orm.select().from(schoolYears).where(eq(schoolYears.isCurrent, true)).get();
  return row ? toYearView(row) : null;
}

function clearCurrent(store: Store, exceptId: number): void {
  store.orm
    .update(schoolYears)
    .set({ isCurrent: false, updatedAt: Date.now(), version: sql`${schoolYears.version} + 1` })
    .where(and(eq(schoolYears.isCurrent, true), ne(schoolYears.id, exceptId)))
    .run();
}

function insertYear(store: Store, y: SchoolYearDates, makeCurrent: boolean): YearRow {
  if (store.orm.select({ id: schoolYears.id }).from(schoolYears).where(eq(schoolYears.name, y.name)).get()) {
    throw new AppError('conflict', 'school.year_exists', { name: y.name }, { field: 'name' });
  }
  const now = Date.now();
  if (makeCurrent) clearCurrent(store, -1);
  return store.orm
    .insert(schoolYears)
    .values({ ...y, isCurrent: makeCurrent, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function createYear(store: Store, y: SchoolYearDates & { makeCurrent: boolean }): SchoolYear {
  const { makeCurrent, ...dates } = y;
  assertYearDates(dates);
  return store.transaction(() => toYearView(insertYear(store, dates, makeCurrent)));
}

export function updateYear(store: Store, y: SchoolYearDates & { id: number; version: number }): SchoolYear {
  const { id, version, ...dates } = y;
  assertYearDates(dates);
  return store.transaction(() => {
    getYear(store, id);
    const clash = store.orm
      .select({ id: schoolYears.id })
      .from(schoolYears)
      .where(and(eq(schoolYears.name, dates.name), ne(schoolYears.id, id)))
      .get();
    if (clash) throw new AppError('conflict', 'school.year_exists', { name: dates.name }, { field: 'name' });
    const row = store.orm
      .update(schoolYears)
      .set({ ...dates, updatedAt: Date.now(), version: sql`${schoolYears.version} + 1` })
      .where(and(eq(schoolYears.id, id), eq(schoolYears.version, version)))
      .returning()
      .get();
    if (!row) throw new AppError('conflict', 'error.conflict');
    return toYearView(row);
  });
}

export function setCurrentYear(store: Store, id: number): SchoolYear {
  return store.transaction(() => {
    getYear(store, id);
    clearCurrent(store, id);
    const row = store.orm
      .update(schoolYears)
      .set({ isCurrent: true, updatedAt: Date.now(), version: sql`${schoolYears.version} + 1` })
      .where(eq(schoolYears.id, id))
      .returning()
      .get()!;
    return toYearView(row);
  });
}

export function deleteYear(store: Store, id: number): void {
  store.transaction(() => {
    const row = getYear(store, id);
    if (row.isCurrent) throw new AppError('rule_violation', 'school.year_in_use');
    const used = store.orm.select({ id: classes.id }).from(classes).where(eq(classes.schoolYearId, id)).get();
    if (used) throw new AppError('rule_violation', 'school.year_has_data', { name: row.name });
    store.orm.delete(schoolYears).where(eq(schoolYears.id, id)).run();
  });
}

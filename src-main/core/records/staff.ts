/** Staff records: CBQL, teachers and support staff, with the account each one signs in with. */
import { and, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { classes, staff, teachingAssignments } from './schema';
import { users } from '../auth/schema';
import type { Store } from '../../store/open';
import { escapeLike, likePattern, likePrefix } from '../../store/like';
import { AppError } from '../../errors';
import { personNameColumns } from './names';
import { assertIdentity } from './pupils';
import type { RecordsScope } from './scope';
import type { staffInput, StaffView } from '../../../src-shared/api/records';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { resolveYear } from './years';

export type StaffInput = z.output<typeof staffInput>;
type StaffDb = typeof staff.$inferSelect;

function getStaffRow(store: Store, id: number): StaffDb {
  const row = store.orm.select().from(staff).where(eq(staff.id, id)).get();
  if (!row) throw new AppError('not_found', 'records.staff_not_found');
  return row;
}

function toView(store: Store, s: StaffDb, scope: RecordsScope | null, homeroomOf: Map<number, string[]>): StaffView {
  const personal = scope === null || scope.seesPersonalIds;
  const username = s.userId
    ? (store.orm.select({ username: users.username }).from(users).where(eq(users.id, s.userId)).get()?.username ?? null)
    : null;
  return {
    id: s.id,
    fullName: s.fullName,
    givenName: s.givenName,
    sex: s.sex,
    birthDate: personal ? s.birthDate : null,
    ethnicity: s.ethnicity,
    sectorId: s.sectorId,
    personalId: personal ? s.personalId : null,
    staffGroup: s.staffGroup,
    position: s.position,
    mainSubject: s.mainSubject,
    qualification: s.qualification,
    contractType: s.contractType,
    status: s.status,
    phone: s.phone,
    email: s.email,
    partyMember: personal ? s.partyMember : false,
    unionMember: s.unionMember,
    hasSignatureCert: s.hasSignatureCert,
    userId: s.userId,
    username,
    homeroomOf: homeroomOf.get(s.id) ?? [],
    version: s.version,
  };
}

/** Classes of the current year each teacher is homeroom teacher of. */
function homerooms(store: Store): Map<number, string[]> {
  const map = new Map<number, string[]>();
  let yearId: number;
  try {
    yearId = resolveYear(store).id;
  } catch {
    return map;
  }
  const rows = store.db
    .prepare(
      'SELECT homeroom_staff_id AS staffId, name FROM classes WHERE school_year_id = ? AND homeroom_staff_id IS NOT NULL ORDER BY grade, name',
    )
    .all(yearId) as { staffId: number; name: string }[];
  for (const r of rows) map.set(r.staffId, [...(map.get(r.staffId) ?? []), r.name]);
  return map;
}

export function listStaff(
  store: Store,
  scope: RecordsScope,
  filter: { staffGroup?: StaffDb['staffGroup']; status: 'working' | 'all'; search?: string },
): StaffView[] {
  const rooms = homerooms(store);
  const words = filter.search ? foldForSearch(filter.search).split(' ').filter(Boolean) : [];
  return store.orm
    .select()
    .from(staff)
    .where(
      and(
        filter.staffGroup ? eq(staff.staffGroup, filter.staffGroup) : undefined,
        // Working: at the school now (đang làm việc, chờ nghỉ hưu, chuyển đến).
        filter.status === 'working' ? sql`${staff.status} IN ('01', '04', '07')` : undefined,
        // Each word of the query begins a word of the name.
        ...words.map((w) => or(likePrefix(staff.searchName, w), likePattern(staff.searchName, `% ${escapeLike(w)}%`))),
      ),
    )
    .orderBy(staff.sortKey)
    .all()
    .map((s) => toView(store, s, scope, rooms));
}

export function getStaffView(store: Store, id: number): StaffView {
  return toView(store, getStaffRow(store, id), null, homerooms(store));
}

function assertStaffFields(store: Store, input: StaffInput, selfId: number | null): void {
  assertIdentity(store, 'staff', input, selfId);
  if (input.userId !== null) {
    if (!store.orm.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) {
      throw new AppError('not_found', 'records.user_not_found', {}, { field: 'userId' });
    }
    const other = store.db
      .prepare('SELECT full_name FROM staff WHERE user_id = ? AND id IS NOT ?')
      .get(input.userId, selfId) as { full_name: string } | undefined;
    if (other) throw new AppError('conflict', 'records.user_linked', { name: other.full_name }, { field: 'userId' });
  }
}

function staffColumns(input: StaffInput) {
  return {
    ...personNameColumns(input.fullName),
    sex: input.sex,
    birthDate: input.birthDate,
    ethnicity: input.ethnicity,
    sectorId: input.sectorId || null,
    personalId: input.personalId || null,
    staffGroup: input.staffGroup,
    position: input.position,
    mainSubject: input.mainSubject,
    qualification: input.qualification,
    contractType: input.contractType,
    status: input.status,
    phone: input.phone,
    email: input.email,
    partyMember: input.partyMember,
    unionMember: input.unionMember,
    hasSignatureCert: input.hasSignatureCert,
    userId: input.userId,
  };
}

/** Inserts a staff member; runs inside the caller's transaction. */
export function insertStaff(store: Store, input: StaffInput): number {
  assertStaffFields(store, input, null);
  const now = Date.now();
  return store.orm
    .insert(staff)
    .values({ ...staffColumns(input), createdAt: now, updatedAt: now })
    .returning({ id: staff.id })
    .get().id;
}

export function updateStaffRow(store: Store, id: number, version: number, input: StaffInput): void {
  const current = getStaffRow(store, id);
  if (current.sectorId && input.sectorId !== current.sectorId) {
    throw new AppError('rule_violation', 'records.sector_id_immutable', {}, { field: 'sectorId' });
  }
  assertStaffFields(store, input, id);
  const result = store.orm
    .update(staff)
    .set({ ...staffColumns(input), updatedAt: Date.now(), version: sql`${staff.version} + 1` })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .run();
  if (result.changes === 0) throw new AppError('conflict', 'error.conflict');
}

/** A homeroom teacher or an assigned teacher is kept unless the user confirms the cascade. */
export function deleteStaff(store: Store, id: number, cascade: boolean): number {
  return store.transaction(() => {
    const s = getStaffRow(store, id);
    const homeroomCount = store.db
      .prepare('SELECT count(*) FROM classes WHERE homeroom_staff_id = ?')
      .pluck()
      .get(id) as number;
    const assignmentCount = store.db
      .prepare('SELECT count(*) FROM teaching_assignments WHERE staff_id = ?')
      .pluck()
      .get(id) as number;
    if ((homeroomCount > 0 || assignmentCount > 0) && !cascade) {
      throw new AppError(
        'rule_violation',
        'records.staff_in_use',
        { name: s.fullName, classes: homeroomCount, assignments: assignmentCount },
        { needsConfirmation: true },
      );
    }
    store.orm
      .update(classes)
      .set({ homeroomStaffId: null, updatedAt: Date.now() })
      .where(eq(classes.homeroomStaffId, id))
      .run();
    store.orm.delete(teachingAssignments).where(eq(teachingAssignments.staffId, id)).run();
    store.orm.delete(staff).where(eq(staff.id, id)).run();
    return homeroomCount;
  });
}

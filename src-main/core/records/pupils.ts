/**
 * Pupils: their profile, guardians, class history (enrolments) and status events. A pupil is at the
 * school through an enrolment in a class of a school year; moving, leaving and coming back close and
 * open enrolments and leave an event behind, so the history is never rewritten.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { classes, enrolments, guardians, pupilEvents, pupils } from './schema';
import { schoolYears } from '../school/schema';
import { users } from '../auth/schema';
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { AppError } from '../../errors';
import { personNameColumns } from './names';
import { resolveYear, type YearRow } from './years';
import { canSeeClass, type RecordsScope } from './scope';
import type { pupilFields, pupilFilter, pupilInput, PupilRow, PupilView } from '../../../src-shared/api/records';
import { personalIdProblem } from '../../../src-shared/domain/personalId';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { isPresent, statusAfter, STUDYING } from '../../../src-shared/domain/pupilStatus';
import { formatIsoDateVn, todayIso } from '../../../src-shared/domain/dates';

type PupilDb = typeof pupils.$inferSelect;
type ClassDb = typeof classes.$inferSelect;
type EnrolmentDb = typeof enrolments.$inferSelect;
export type PupilFields = z.output<z.ZodObject<typeof pupilFields>>;
export type NewPupil = z.output<typeof pupilInput>;
export type PupilFilter = z.output<typeof pupilFilter> & { offset: number; limit: number };

// ------------------------------------------------------------------------------------------ validation

/** Checks a person's ID numbers against the holder and against everyone else on file. */
export function assertIdentity(
  store: Store,
  table: 'pupils' | 'staff',
  fields: { sectorId: string; personalId: string; sex: 'male' | 'female'; birthDate: string | null },
  selfId: number | null,
): void {
  if (fields.personalId) {
    const birthYear = fields.birthDate ? Number(fields.birthDate.slice(0, 4)) : null;
    const problem = personalIdProblem(fields.personalId, birthYear ? { sex: fields.sex, birthYear } : undefined);
    if (problem) {
      throw new AppError(
        'invalid_input',
        `records.personal_id.${problem}`,
        { id: fields.personalId },
        { field: 'personalId' },
      );
    }
  }
  for (const [column, field, key] of [
    ['sector_id', 'sectorId', 'records.sector_id_taken'],
    ['personal_id', 'personalId', 'records.personal_id_taken'],
  ] as const) {
    const value = fields[field];
    if (!value) continue;
    const other = store
      .statement(`SELECT id, full_name FROM ${table} WHERE ${column} = ? AND id IS NOT ?`)
      .get(value, selfId) as { id: number; full_name: string } | undefined;
    if (other) throw new AppError('conflict', key, { id: value, name: other.full_name }, { field });
  }
}

function getPupilRow(store: Store, id: number): PupilDb {
  const row = store.orm.select().from(pupils).where(eq(pupils.id, id)).get();
  if (!row) throw new AppError('not_found', 'records.pupil_not_found');
  return row;
}

function getClassRow(store: Store, id: number): ClassDb {
  const row = store.orm.select().from(classes).where(eq(classes.id, id)).get();
  if (!row) throw new AppError('not_found', 'records.class_not_found', {}, { field: 'classId' });
  return row;
}

/** A class pupils can join now: one of the current school year. */
function currentClass(store: Store, classId: number): { cls: ClassDb; year: YearRow } {
  const year = resolveYear(store);
  const cls = getClassRow(store, classId);
  if (cls.schoolYearId !== year.id)
    throw new AppError('rule_violation', 'records.class_other_year', { name: cls.name }, { field: 'classId' });
  return { cls, year };
}

function assertDateInYear(date: string, year: YearRow): void {
  // Summer moves (after the year ends, before the next starts) still belong to the year just ended.
  if (date < year.startDate || date > `${Number(year.endDate.slice(0, 4))}-08-31`) {
    throw new AppError('rule_violation', 'records.date_outside_year', { date, year: year.name }, { field: 'date' });
  }
}

/** The pupil's open enrolment in the year, if they are in a class now. */
function openEnrolment(store: Store, pupilId: number, yearId: number): EnrolmentDb | undefined {
  return store.orm
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.pupilId, pupilId), eq(enrolments.schoolYearId, yearId), isNull(enrolments.endDate)))
    .get();
}

function bumpVersion(store: Store, id: number, expected: number, changes: Partial<PupilDb>): void {
  const updated = store.orm
    .update(pupils)
    .set({ ...changes, updatedAt: Date.now(), version: sql`${pupils.version} + 1` })
    .where(and(eq(pupils.id, id), eq(pupils.version, expected)))
    .run();
  if (updated.changes === 0) {
    getPupilRow(store, id);
    throw new AppError('conflict', 'error.conflict');
  }
}

// The statements below run once per pupil in a 10,000-row import: plain cached statements, not the
// query builder, whose per-call cost would dominate (tests/bench/records.ts).

function addEvent(store: Store, event: Omit<typeof pupilEvents.$inferInsert, 'createdAt'>): void {
  store
    .statement(
      `INSERT INTO pupil_events (pupil_id, school_year_id, date, kind, status, reason, place, note, created_by, created_at)
       VALUES (@pupilId, @schoolYearId, @date, @kind, @status, @reason, @place, @note, @createdBy, @createdAt)`,
    )
    .run({ reason: '', place: '', note: '', schoolYearId: null, createdBy: null, ...event, createdAt: Date.now() });
}

/** Leavings and their undo fill the columns that keep the way back; the import's hot statement never does. */
function addLeavingEvent(store: Store, event: Omit<typeof pupilEvents.$inferInsert, 'createdAt'>): void {
  store.orm
    .insert(pupilEvents)
    .values({ ...event, createdAt: Date.now() })
    .run();
}

export function replaceGuardians(store: Store, pupilId: number, list: PupilFields['guardians']): void {
  store.statement('DELETE FROM guardians WHERE pupil_id = ?').run(pupilId);
  addGuardians(store, pupilId, list);
}

function addGuardians(store: Store, pupilId: number, list: PupilFields['guardians']): void {
  const insert = store.statement(
    `INSERT INTO guardians (pupil_id, relation, full_name, birth_year, occupation, phone, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  for (const g of list) insert.run(pupilId, g.relation, g.fullName, g.birthYear, g.occupation, g.phone, now);
}

function pupilColumns(fields: PupilFields) {
  return {
    ...personNameColumns(fields.fullName),
    sex: fields.sex,
    birthDate: fields.birthDate,
    birthPlace: fields.birthPlace,
    ethnicity: fields.ethnicity,
    religion: fields.religion,
    nationality: fields.nationality,
    sectorId: fields.sectorId || null,
    personalId: fields.personalId || null,
    address: fields.address,
    disabilityType: fields.disabilityType,
    policyGroup: fields.policyGroup,
  };
}

// -------------------------------------------------------------------------------------------- reading

interface ListRowDb {
  id: number;
  sector_id: string | null;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  ethnicity: string;
  status: string;
  disability_type: string;
  version: number;
  class_id: number;
  class_name: string;
  grade: number;
}

const ORDER: Record<PupilFilter['sort'], string> = {
  class: 'c.grade, c.name, p.sort_key',
  name: 'p.sort_key',
  birthDate: 'p.birth_date, p.sort_key',
  sectorId: 'p.sector_id, p.sort_key',
};

export function listPupils(
  store: Store,
  scope: RecordsScope,
  filter: PupilFilter,
): { rows: PupilRow[]; total: number } {
  const year = resolveYear(store, filter.schoolYearId);
  // Each pupil once, with the enrolment that says where they are (or were last) in that year. A pupil
  // studying has exactly one such enrolment: the open one, or the one completed at the end of the year.
  const where: string[] =
    filter.status === 'studying'
      ? [`e.school_year_id = @year`, `(e.end_date IS NULL OR e.exit = 'completed')`]
      : [
          `e.id = (SELECT e2.id FROM enrolments e2 WHERE e2.pupil_id = p.id AND e2.school_year_id = @year
                   ORDER BY e2.end_date IS NULL DESC, e2.start_date DESC, e2.id DESC LIMIT 1)`,
        ];
  const params: Record<string, string | number> = { year: year.id };
  if (filter.status === 'left') where.push(`e.exit IN ('transfer_out', 'dropout')`);
  if (filter.classId !== undefined) {
    where.push('c.id = @classId');
    params.classId = filter.classId;
  }
  if (filter.grade !== undefined) {
    where.push('c.grade = @grade');
    params.grade = filter.grade;
  }
  if (filter.sex) {
    where.push('p.sex = @sex');
    params.sex = filter.sex;
  }
  if (filter.ethnicity) {
    where.push('p.ethnicity = @ethnicity');
    params.ethnicity = filter.ethnicity;
  }
  if (filter.disability === 'any') where.push(`p.disability_type <> ''`);
  else if (filter.disability === 'none') where.push(`p.disability_type = ''`);
  else if (filter.disability) {
    where.push('p.disability_type = @disability');
    params.disability = filter.disability;
  }
  if (scope.classIds !== null) {
    const ids = [...scope.classIds];
    where.push(ids.length ? `c.id IN (${ids.map(Number).join(',')})` : '0');
  }
  const query = filter.search?.trim() ?? '';
  if (/^\d{4,12}$/.test(query)) {
    // GLOB, unlike LIKE, is case-sensitive and so can use the ID indexes.
    where.push(
      scope.seesPersonalIds
        ? `(p.sector_id GLOB @idPrefix OR p.personal_id GLOB @idPrefix)`
        : `p.sector_id GLOB @idPrefix`,
    );
    params.idPrefix = `${query}*`;
  } else if (query) {
    // Each word of the query begins a word of the name ("an" finds An and Anh, not Lan): prefix
    // queries on the full-text index of the folded names.
    const words = foldForSearch(query)
      .split(' ')
      .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
      .filter(Boolean);
    if (words.length > 0) {
      where.push('p.id IN (SELECT rowid FROM pupils_fts WHERE pupils_fts MATCH @fts)');
      params.fts = words.map((w) => `"${w}"*`).join(' ');
    }
  }
  const from = `FROM pupils p JOIN enrolments e ON e.pupil_id = p.id JOIN classes c ON c.id = e.class_id WHERE ${where.join(' AND ')}`;
  const total = store.statement(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = store
    .statement(
      `SELECT p.id, p.sector_id, p.full_name, p.family_name, p.middle_name, p.given_name, p.sex, p.birth_date,
              p.ethnicity, p.status, p.disability_type, p.version, c.id AS class_id, c.name AS class_name, c.grade
       ${from} ORDER BY ${ORDER[filter.sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as ListRowDb[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      sectorId: r.sector_id,
      fullName: r.full_name,
      familyName: r.family_name,
      middleName: r.middle_name,
      givenName: r.given_name,
      sex: r.sex,
      birthDate: r.birth_date,
      ethnicity: r.ethnicity,
      status: r.status,
      classId: r.class_id,
      className: r.class_name,
      grade: r.grade,
      disabilityType: r.disability_type,
      version: r.version,
    })),
  };
}

/** True when the scope may see this pupil: a class of theirs, in any year. */
function pupilVisible(store: Store, scope: RecordsScope, pupilId: number): boolean {
  if (scope.classIds === null) return true;
  const classIds = store.orm
    .select({ classId: enrolments.classId })
    .from(enrolments)
    .where(eq(enrolments.pupilId, pupilId))
    .all();
  return classIds.some((e) => canSeeClass(scope, e.classId));
}

export function getPupil(store: Store, scope: RecordsScope, id: number): PupilView {
  const p = getPupilRow(store, id);
  if (!pupilVisible(store, scope, id)) throw new AppError('not_found', 'records.pupil_not_found');
  const history = store.orm
    .select({ e: enrolments, className: classes.name, grade: classes.grade, yearName: schoolYears.name })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
    .where(eq(enrolments.pupilId, id))
    .orderBy(desc(schoolYears.name), desc(enrolments.startDate), desc(enrolments.id))
    .all();
  const events = store.orm
    .select({ ev: pupilEvents, by: users.fullName })
    .from(pupilEvents)
    .leftJoin(users, eq(users.id, pupilEvents.createdBy))
    .where(eq(pupilEvents.pupilId, id))
    .orderBy(desc(pupilEvents.date), desc(pupilEvents.id))
    .all();
  const undoable = leavingToUndo(store, p, new Date());
  const undone = new Set(events.map(({ ev }) => ev.undoesEventId).filter((e): e is number => e !== null));
  const family = store.orm.select().from(guardians).where(eq(guardians.pupilId, id)).orderBy(asc(guardians.id)).all();
  return {
    id: p.id,
    sectorId: p.sectorId,
    personalId: scope.seesPersonalIds ? p.personalId : null,
    fullName: p.fullName,
    sex: p.sex,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    ethnicity: p.ethnicity,
    religion: p.religion,
    nationality: p.nationality,
    address: p.address,
    disabilityType: p.disabilityType,
    policyGroup: p.policyGroup,
    status: p.status,
    statusDate: p.statusDate,
    guardians: family.map((g) => ({
      id: g.id,
      relation: g.relation,
      fullName: g.fullName,
      birthYear: g.birthYear,
      occupation: g.occupation,
      phone: g.phone,
    })),
    enrolments: history.map(({ e, className, grade, yearName }) => ({
      id: e.id,
      schoolYearId: e.schoolYearId,
      schoolYearName: yearName,
      classId: e.classId,
      className,
      grade,
      startDate: e.startDate,
      endDate: e.endDate,
      entry: e.entry,
      exit: e.exit,
    })),
    events: events.map(({ ev, by }) => ({
      id: ev.id,
      date: ev.date,
      kind: ev.kind,
      status: ev.status,
      reason: ev.reason,
      place: ev.place,
      note: ev.note,
      by,
      undone: undone.has(ev.id),
    })),
    undoableLeaving: undoable instanceof AppError ? null : undoable.event.id,
    version: p.version,
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

// -------------------------------------------------------------------------------------------- writing

/** Today, kept inside the school year: the first day in a class when none is given. */
export function dayInYear(year: YearRow, today: string = todayIso()): string {
  if (today < year.startDate) return year.startDate;
  if (today > year.endDate) return year.endDate;
  return today;
}

/** Where a new pupil goes: the class, its year, and the default first day. Computed once per import. */
export interface Placement {
  cls: ClassDb;
  year: YearRow;
  defaultStart: string;
}

export function placementIn(store: Store, classId: number): Placement {
  const { cls, year } = currentClass(store, classId);
  return { cls, year, defaultStart: dayInYear(year) };
}

/**
 * Inserts a pupil enrolled in a class of the current year; runs inside the caller's transaction. An
 * import that already checked every row's identity in the same transaction passes `identityChecked`.
 */
export function insertPupil(
  store: Store,
  actor: SessionUser | null,
  input: NewPupil,
  options: { placement?: Placement; identityChecked?: boolean } = {},
): number {
  if (!options.identityChecked) assertIdentity(store, 'pupils', input, null);
  const { cls, year, defaultStart } = options.placement ?? placementIn(store, input.classId);
  const startDate = input.startDate ?? defaultStart;
  assertDateInYear(startDate, year);
  const status = input.entry === 'transfer_in' ? statusAfter('transfer_in', startDate, year) : STUDYING;
  const now = Date.now();
  const id = store
    .statement(
      `INSERT INTO pupils (full_name, family_name, middle_name, given_name, search_name, sort_key, sex, birth_date,
         birth_place, ethnicity, religion, nationality, sector_id, personal_id, address, disability_type, policy_group,
         status, status_date, created_at, updated_at)
       VALUES (@fullName, @familyName, @middleName, @givenName, @searchName, @sortKey, @sex, @birthDate,
         @birthPlace, @ethnicity, @religion, @nationality, @sectorId, @personalId, @address, @disabilityType, @policyGroup,
         @status, @statusDate, @now, @now)`,
    )
    .run({ ...pupilColumns(input), status, statusDate: startDate, now }).lastInsertRowid as number;
  addGuardians(store, id, input.guardians);
  store
    .statement(
      `INSERT INTO enrolments (pupil_id, class_id, school_year_id, start_date, entry, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, cls.id, year.id, startDate, input.entry, now);
  addEvent(store, {
    pupilId: id,
    schoolYearId: year.id,
    date: startDate,
    kind: input.entry === 'transfer_in' ? 'transfer_in' : 'enrolled',
    status,
    place: cls.name,
    createdBy: actor?.id ?? null,
  });
  return id;
}

/** Answers the names of the fields that changed: the audit row keeps them, never their values. */
export function updatePupilRow(store: Store, id: number, version: number, fields: PupilFields): string[] {
  const current = getPupilRow(store, id);
  if (current.sectorId && fields.sectorId !== current.sectorId) {
    throw new AppError('rule_violation', 'records.sector_id_immutable', {}, { field: 'sectorId' });
  }
  assertIdentity(store, 'pupils', fields, id);
  const columns = pupilColumns(fields);
  const family = (
    list: { relation: string; fullName: string; birthYear?: number | null; occupation?: string; phone?: string }[],
  ) =>
    JSON.stringify(list.map((g) => [g.relation, g.fullName, g.birthYear ?? null, g.occupation ?? '', g.phone ?? '']));
  const before = store.orm.select().from(guardians).where(eq(guardians.pupilId, id)).orderBy(asc(guardians.id)).all();
  const changed = [
    ...(['fullName', ...PUPIL_AUDITED_COLUMNS] as const).filter(
      (key) => (current[key] ?? null) !== (columns[key] ?? null),
    ),
    ...(family(before) === family(fields.guardians) ? [] : ['guardians']),
  ];
  bumpVersion(store, id, version, columns);
  replaceGuardians(store, id, fields.guardians);
  return changed;
}

const PUPIL_AUDITED_COLUMNS = [
  'sex',
  'birthDate',
  'birthPlace',
  'ethnicity',
  'religion',
  'nationality',
  'sectorId',
  'personalId',
  'address',
  'disabilityType',
  'policyGroup',
] as const;

export function moveClass(
  store: Store,
  actor: SessionUser | null,
  pupilIds: number[],
  classId: number,
  date: string,
): number {
  const { cls, year } = currentClass(store, classId);
  assertDateInYear(date, year);
  for (const pupilId of pupilIds) {
    const pupil = getPupilRow(store, pupilId);
    const open = openEnrolment(store, pupilId, year.id);
    if (!open || !isPresent(pupil.status))
      throw new AppError('rule_violation', 'records.not_present', { name: pupil.fullName });
    if (open.classId === cls.id)
      throw new AppError('rule_violation', 'records.same_class', { name: pupil.fullName, className: cls.name });
    if (date < open.startDate) {
      throw new AppError(
        'rule_violation',
        'records.date_before_enrolment',
        { date, start: open.startDate },
        { field: 'date' },
      );
    }
    const now = Date.now();
    // The old enrolment ends where the new one starts: end dates are exclusive.
    store.orm.update(enrolments).set({ endDate: date, exit: 'moved_class' }).where(eq(enrolments.id, open.id)).run();
    store.orm
      .insert(enrolments)
      .values({
        pupilId,
        classId: cls.id,
        schoolYearId: year.id,
        startDate: date,
        entry: 'moved_class',
        createdAt: now,
      })
      .run();
    store.orm
      .update(pupils)
      .set({ updatedAt: now, version: sql`${pupils.version} + 1` })
      .where(eq(pupils.id, pupilId))
      .run();
    addEvent(store, {
      pupilId,
      schoolYearId: year.id,
      date,
      kind: 'moved_class',
      status: pupil.status,
      place: cls.name,
      createdBy: actor?.id ?? null,
    });
  }
  return pupilIds.length;
}

/** A pupil leaves the school: transfer to another school or drop-out. */
export function recordLeaving(
  store: Store,
  actor: SessionUser,
  input: { id: number; version: number; date: string; note: string } & (
    { kind: 'transfer_out'; destination: string; toSchool: string } | { kind: 'dropout'; reason: string }
  ),
): void {
  const year = resolveYear(store);
  const pupil = getPupilRow(store, input.id);
  const open = openEnrolment(store, input.id, year.id);
  if (!open || !isPresent(pupil.status))
    throw new AppError('rule_violation', 'records.not_present', { name: pupil.fullName });
  assertDateInYear(input.date, year);
  if (input.date < open.startDate) {
    throw new AppError(
      'rule_violation',
      'records.date_before_enrolment',
      { date: input.date, start: open.startDate },
      { field: 'date' },
    );
  }
  const status = statusAfter(input.kind, input.date, year);
  bumpVersion(store, input.id, input.version, { status, statusDate: input.date });
  store.orm.update(enrolments).set({ endDate: input.date, exit: input.kind }).where(eq(enrolments.id, open.id)).run();
  addLeavingEvent(store, {
    pupilId: input.id,
    schoolYearId: year.id,
    date: input.date,
    kind: input.kind,
    status,
    reason: input.kind === 'dropout' ? input.reason : input.destination,
    place: input.kind === 'transfer_out' ? input.toSchool : '',
    note: input.note,
    previousStatus: pupil.status,
    previousStatusDate: pupil.statusDate,
    createdBy: actor.id,
  });
}

interface LeavingToUndo {
  event: typeof pupilEvents.$inferSelect & { kind: 'transfer_out' | 'dropout'; previousStatus: string };
  enrolmentId: number;
}

/**
 * The leaving a same-day undo would take back, or why there is none: the pupil's last event must be a
 * transfer out or drop-out recorded today (in the school's time zone), and nothing may have happened to
 * the pupil since — their status is still the leaving's and the place it closed is still their last.
 */
function leavingToUndo(store: Store, pupil: PupilDb, now: Date): LeavingToUndo | AppError {
  const last = store.orm
    .select()
    .from(pupilEvents)
    .where(eq(pupilEvents.pupilId, pupil.id))
    .orderBy(desc(pupilEvents.id))
    .limit(1)
    .get();
  if (!last || (last.kind !== 'transfer_out' && last.kind !== 'dropout'))
    return new AppError('rule_violation', 'records.undo_no_leaving', { name: pupil.fullName });
  // Leavings recorded before undo existed kept no earlier status to go back to.
  if (last.previousStatus === null)
    return new AppError('rule_violation', 'records.undo_no_earlier_status', { name: pupil.fullName });
  const recordedOn = todayIso(new Date(last.createdAt));
  if (recordedOn !== todayIso(now))
    return new AppError('rule_violation', 'records.undo_other_day', { date: formatIsoDateVn(recordedOn) });
  const latest = store.orm
    .select()
    .from(enrolments)
    .where(eq(enrolments.pupilId, pupil.id))
    .orderBy(desc(enrolments.id))
    .limit(1)
    .get();
  if (
    pupil.status !== last.status ||
    !latest ||
    latest.exit !== last.kind ||
    latest.endDate !== last.date ||
    latest.schoolYearId !== last.schoolYearId
  )
    return new AppError('rule_violation', 'records.undo_changed_since', { name: pupil.fullName });
  return { event: { ...last, kind: last.kind, previousStatus: last.previousStatus }, enrolmentId: latest.id };
}

/**
 * Takes back a transfer out or drop-out recorded by mistake (see leavingToUndo for when). The pupil gets
 * back the status, its date and the open place in the class they had; the history stays append-only:
 * the leaving event is kept, answered by a 'leaving_undone' event that names it.
 */
export function undoLeaving(
  store: Store,
  actor: SessionUser,
  input: { id: number; version: number },
  now: Date = new Date(),
): { undoneEventId: number; kind: 'transfer_out' | 'dropout'; restoredStatus: string } {
  const found = leavingToUndo(store, getPupilRow(store, input.id), now);
  if (found instanceof AppError) throw found;
  const { event, enrolmentId } = found;
  bumpVersion(store, input.id, input.version, { status: event.previousStatus, statusDate: event.previousStatusDate });
  store.orm.update(enrolments).set({ endDate: null, exit: null }).where(eq(enrolments.id, enrolmentId)).run();
  addLeavingEvent(store, {
    pupilId: input.id,
    schoolYearId: event.schoolYearId,
    // Dated as the leaving it cancels, so that the history reads the two together; when it was done is
    // in the row's creation time and the audit log.
    date: event.date,
    kind: 'leaving_undone',
    status: event.previousStatus,
    reason: event.kind,
    undoesEventId: event.id,
    createdBy: actor.id,
  });
  return { undoneEventId: event.id, kind: event.kind, restoredStatus: event.previousStatus };
}

/** A pupil who had left comes back: from another school, or to resume after dropping out. */
export function readmit(
  store: Store,
  actor: SessionUser,
  input: { id: number; version: number; date: string; classId: number; fromSchool: string; note: string },
): void {
  const { cls, year } = currentClass(store, input.classId);
  const pupil = getPupilRow(store, input.id);
  if (isPresent(pupil.status) && openEnrolment(store, input.id, year.id)) {
    throw new AppError('rule_violation', 'records.already_present', { name: pupil.fullName });
  }
  assertDateInYear(input.date, year);
  const fromOtherSchool = input.fromSchool.trim() !== '';
  const status = statusAfter(fromOtherSchool ? 'transfer_in' : 'readmit', input.date, year);
  bumpVersion(store, input.id, input.version, { status, statusDate: input.date });
  store.orm
    .insert(enrolments)
    .values({
      pupilId: input.id,
      classId: cls.id,
      schoolYearId: year.id,
      startDate: input.date,
      entry: 'transfer_in',
      createdAt: Date.now(),
    })
    .run();
  addEvent(store, {
    pupilId: input.id,
    schoolYearId: year.id,
    date: input.date,
    kind: fromOtherSchool ? 'transfer_in' : 'readmitted',
    status,
    place: fromOtherSchool ? input.fromSchool : cls.name,
    note: input.note,
    createdBy: actor.id,
  });
}

/** Pupils of a class who are in it now, in class-list order (for exports and other capabilities). */
export function classMembers(store: Store, classId: number): PupilDb[] {
  return store.orm
    .select({ p: pupils })
    .from(enrolments)
    .innerJoin(pupils, eq(pupils.id, enrolments.pupilId))
    .where(and(eq(enrolments.classId, classId), isNull(enrolments.endDate)))
    .orderBy(asc(pupils.sortKey))
    .all()
    .map((r) => r.p);
}

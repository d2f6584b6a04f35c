/**
 * Importing pupils and staff from the xlsx files clerks have. The file is read in a worker thread
 * (xlsx/ engine); this module checks each row against the database (class, IDs held by someone else),
 * then writes everything in one transaction — or, when any row is wrong, nothing, and hands back the
 * errors and an xlsx report of them. A row whose mã định danh (or, failing that, số định danh cá nhân)
 * is already on file updates that person instead of adding a duplicate, and only in the mapped columns.
 */
import { eq } from 'drizzle-orm';
import { classes, enrolments, pupils, staff } from './schema';
import type { Store } from '../../store/open';
import type { AppContext, SessionUser } from '../context';
import { AppError, isAppError } from '../../errors';
import { t, type Locale, type MessageKey } from '../../../src-shared/i18n';
import { resolveYear, type YearRow } from './years';
import {
  assertIdentity,
  dayInYear,
  insertPupil,
  moveClass,
  placementIn,
  replaceGuardians,
  type Placement,
  type PupilFields,
} from './pupils';
import { insertStaff, updateStaffRow, type StaffInput } from './staff';
import { personNameColumns } from './names';
import { isPresent, STUDYING } from '../../../src-shared/domain/pupilStatus';
import {
  columnLetter,
  fieldsOf,
  isXlsxError,
  xlsxMessage,
  type ImportKind,
  type ImportMapping,
  type PupilImportRow,
  type RowError,
  type StaffImportRow,
} from './xlsx';
import type { ExportResult, ImportPreviewView, ImportResult } from '../../../src-shared/api/records';
import type { JobHandle } from '../jobs/runner';
import { sql } from 'drizzle-orm';

const MAX_ERRORS_IN_RESULT = 1000;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whole-file problems of the engine become an 'invalid_input' in the caller's language. */
function asAppError(e: unknown, locale: Locale): unknown {
  if (isXlsxError(e))
    return new AppError('invalid_input', 'records.import_file', { detail: xlsxMessage(locale, e.key, e.params) });
  return e;
}

/** The bytes of a file the caller uploaded; anyone else's upload does not exist for them. */
function uploadedBy(app: AppContext, user: SessionUser, fileId: number): { data: Buffer; name: string } {
  const { record, data } = app.files.read(fileId);
  if (record.createdBy !== user.id) throw new AppError('not_found', 'records.file_not_yours');
  return { data, name: record.name };
}

export async function previewUploaded(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  input: { fileId: number; kind: ImportKind; sheet?: string; headerRow?: number },
): Promise<ImportPreviewView> {
  const { data } = uploadedBy(app, user, input.fileId);
  try {
    const preview = await app.workers.run('xlsx.preview', {
      data,
      kind: input.kind,
      sheet: input.sheet,
      headerRow: input.headerRow,
    });
    return {
      ...preview,
      fields: fieldsOf(input.kind).map((f) => ({ key: f.key, label: f.label, required: f.required })),
    };
  } catch (e) {
    throw asAppError(e, locale);
  }
}

/** Names a mapped column in an error: its letter and the field's label. */
function columnOf(kind: ImportKind, mapping: ImportMapping, field: string): string {
  const index = mapping.fields[field];
  const label = fieldsOf(kind).find((f) => f.key === field)?.label ?? field;
  return index ? `${columnLetter(index)} (${label})` : label;
}

/** An AppError raised while checking a row, as a row error naming the field's column. */
function rowErrorFrom(e: unknown, row: number, kind: ImportKind, mapping: ImportMapping, locale: Locale): RowError {
  if (!isAppError(e)) throw e;
  const field = typeof e.details?.field === 'string' ? e.details.field : null;
  return { row, field, column: field ? columnOf(kind, mapping, field) : '', message: t(locale, e.key, e.params) };
}

interface Existing {
  id: number;
  version: number;
  sectorId: string | null;
}

/** The person a row stands for, matched by sector ID first, then by personal ID. */
function findExisting(
  store: Store,
  table: 'pupils' | 'staff',
  sectorId: string,
  personalId: string,
): Existing | undefined {
  // Cached: this runs for every row of an import, and compiling the query each time cost more than running it.
  const find = (column: string, value: string) =>
    store.statement(`SELECT id, version, sector_id AS sectorId FROM ${table} WHERE ${column} = ?`).get(value) as
      Existing | undefined;
  return (
    (sectorId ? find('sector_id', sectorId) : undefined) ?? (personalId ? find('personal_id', personalId) : undefined)
  );
}

// -------------------------------------------------------------------------------------------- pupils

interface PupilPlan {
  row: number;
  value: PupilImportRow;
  classId: number;
  existing: Existing | undefined;
}

/** "Lớp 1A", "1a", " 1A " all name class 1A. */
function classKey(name: string): string {
  return name
    .replace(/^\s*l[ớo]p\s*/iu, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function planPupils(
  store: Store,
  rows: { row: number; value: PupilImportRow }[],
  mapping: ImportMapping,
  locale: Locale,
  year: YearRow,
): { plans: PupilPlan[]; errors: RowError[] } {
  const byName = new Map(
    store.orm
      .select({ id: classes.id, name: classes.name, grade: classes.grade })
      .from(classes)
      .where(eq(classes.schoolYearId, year.id))
      .all()
      .map((c) => [classKey(c.name), c]),
  );
  const plans: PupilPlan[] = [];
  const errors: RowError[] = [];
  for (const { row, value } of rows) {
    const cls = byName.get(classKey(value.className));
    if (!value.className.trim()) {
      errors.push({
        row,
        field: 'className',
        column: columnOf('pupils', mapping, 'className'),
        message: t(locale, 'records.import_class_missing'),
      });
      continue;
    }
    if (!cls) {
      errors.push({
        row,
        field: 'className',
        column: columnOf('pupils', mapping, 'className'),
        message: t(locale, 'records.import_class_unknown', { name: value.className, year: year.name }),
      });
      continue;
    }
    if (value.grade !== null && value.grade !== cls.grade) {
      errors.push({
        row,
        field: 'grade',
        column: columnOf('pupils', mapping, 'grade'),
        message: t(locale, 'records.import_grade_mismatch', { grade: value.grade, name: cls.name }),
      });
      continue;
    }
    const existing = findExisting(store, 'pupils', value.sectorId, value.personalId);
    try {
      if (existing?.sectorId && value.sectorId && existing.sectorId !== value.sectorId) {
        throw new AppError('rule_violation', 'records.sector_id_immutable', {}, { field: 'sectorId' });
      }
      assertIdentity(store, 'pupils', value, existing?.id ?? null);
    } catch (e) {
      errors.push(rowErrorFrom(e, row, 'pupils', mapping, locale));
      continue;
    }
    plans.push({ row, value, classId: cls.id, existing });
  }
  return { plans, errors };
}

const GUARDIAN_FIELDS = ['father', 'mother', 'guardian'].flatMap((r) =>
  ['Name', 'BirthYear', 'Occupation', 'Phone'].map((f) => `${r}${f}`),
);

/** The stored values with the mapped columns of the row laid over them. */
function mergedPupilFields(store: Store, id: number, value: PupilImportRow, mapped: Set<string>): PupilFields {
  const current = store.orm.select().from(pupils).where(eq(pupils.id, id)).get()!;
  const pick = <K extends keyof PupilImportRow & keyof typeof current>(key: K) =>
    mapped.has(key) ? value[key] : current[key];
  const guardiansMapped = GUARDIAN_FIELDS.some((f) => mapped.has(f));
  const storedGuardians = store.db
    .prepare(
      'SELECT relation, full_name AS fullName, birth_year AS birthYear, occupation, phone FROM guardians WHERE pupil_id = ? ORDER BY id',
    )
    .all(id) as PupilFields['guardians'];
  return {
    fullName: mapped.has('fullName') ? value.fullName : current.fullName,
    sex: pick('sex'),
    birthDate: pick('birthDate'),
    birthPlace: pick('birthPlace'),
    ethnicity: pick('ethnicity'),
    religion: pick('religion'),
    nationality: pick('nationality'),
    sectorId: (mapped.has('sectorId') && value.sectorId) || current.sectorId || '',
    personalId: (mapped.has('personalId') && value.personalId) || current.personalId || '',
    address: pick('address'),
    disabilityType: pick('disabilityType'),
    policyGroup: pick('policyGroup'),
    guardians: guardiansMapped ? value.guardians : storedGuardians,
  };
}

function applyPupils(
  store: Store,
  actor: SessionUser | null,
  plans: PupilPlan[],
  mapping: ImportMapping,
  year: YearRow,
): { created: number; updated: number } {
  const mapped = new Set(Object.keys(mapping.fields));
  const moveDate = dayInYear(year);
  const placements = new Map<number, Placement>();
  let created = 0;
  let updated = 0;
  for (const plan of plans) {
    if (!plan.existing) {
      let placement = placements.get(plan.classId);
      if (!placement) {
        placement = placementIn(store, plan.classId);
        placements.set(plan.classId, placement);
      }
      insertPupil(
        store,
        actor,
        { ...plan.value, classId: plan.classId, entry: 'new' },
        { placement, identityChecked: true },
      );
      created++;
      continue;
    }
    const fields = mergedPupilFields(store, plan.existing.id, plan.value, mapped);
    store.orm
      .update(pupils)
      .set({
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
        updatedAt: Date.now(),
        version: sql`${pupils.version} + 1`,
      })
      .where(eq(pupils.id, plan.existing.id))
      .run();
    if (GUARDIAN_FIELDS.some((f) => mapped.has(f))) replaceGuardians(store, plan.existing.id, fields.guardians);
    placeInClass(store, actor, plan.existing.id, plan.classId, year, moveDate);
    updated++;
  }
  return { created, updated };
}

/** Puts an existing pupil in the class the file names: a move within the year, or a new place in it. */
function placeInClass(
  store: Store,
  actor: SessionUser | null,
  pupilId: number,
  classId: number,
  year: YearRow,
  date: string,
): void {
  const open = store.orm
    .select()
    .from(enrolments)
    .where(
      sql`${enrolments.pupilId} = ${pupilId} AND ${enrolments.schoolYearId} = ${year.id} AND ${enrolments.endDate} IS NULL`,
    )
    .get();
  const pupil = store.orm.select({ status: pupils.status }).from(pupils).where(eq(pupils.id, pupilId)).get()!;
  if (open && open.classId === classId) return;
  if (open && isPresent(pupil.status)) {
    moveClass(store, actor, [pupilId], classId, date < open.startDate ? open.startDate : date);
    return;
  }
  const hadEarlierYear = store.db
    .prepare('SELECT 1 FROM enrolments WHERE pupil_id = ? AND school_year_id <> ?')
    .get(pupilId, year.id);
  store.orm
    .insert(enrolments)
    .values({
      pupilId,
      classId,
      schoolYearId: year.id,
      startDate: year.startDate,
      entry: hadEarlierYear ? 'promoted' : 'new',
      createdAt: Date.now(),
    })
    .run();
  store.orm.update(pupils).set({ status: STUDYING, statusDate: year.startDate }).where(eq(pupils.id, pupilId)).run();
}

// --------------------------------------------------------------------------------------------- staff

interface StaffPlan {
  row: number;
  value: StaffImportRow;
  existing: Existing | undefined;
}

function planStaff(
  store: Store,
  rows: { row: number; value: StaffImportRow }[],
  mapping: ImportMapping,
  locale: Locale,
): { plans: StaffPlan[]; errors: RowError[] } {
  const plans: StaffPlan[] = [];
  const errors: RowError[] = [];
  for (const { row, value } of rows) {
    const existing = findExisting(store, 'staff', value.sectorId, value.personalId);
    try {
      if (existing?.sectorId && value.sectorId && existing.sectorId !== value.sectorId) {
        throw new AppError('rule_violation', 'records.sector_id_immutable', {}, { field: 'sectorId' });
      }
      assertIdentity(store, 'staff', value, existing?.id ?? null);
    } catch (e) {
      errors.push(rowErrorFrom(e, row, 'staff', mapping, locale));
      continue;
    }
    plans.push({ row, value, existing });
  }
  return { plans, errors };
}

function applyStaff(store: Store, plans: StaffPlan[], mapping: ImportMapping): { created: number; updated: number } {
  const mapped = new Set(Object.keys(mapping.fields));
  let created = 0;
  let updated = 0;
  for (const plan of plans) {
    if (!plan.existing) {
      insertStaff(store, { ...plan.value, userId: null });
      created++;
      continue;
    }
    const current = store.orm.select().from(staff).where(eq(staff.id, plan.existing.id)).get()!;
    const merged: StaffInput = {
      fullName: current.fullName,
      sex: current.sex,
      birthDate: current.birthDate,
      ethnicity: current.ethnicity,
      sectorId: current.sectorId ?? '',
      personalId: current.personalId ?? '',
      staffGroup: current.staffGroup,
      position: current.position,
      mainSubject: current.mainSubject,
      qualification: current.qualification,
      contractType: current.contractType,
      status: current.status,
      phone: current.phone,
      email: current.email,
      partyMember: current.partyMember,
      unionMember: current.unionMember,
      hasSignatureCert: current.hasSignatureCert,
      userId: current.userId,
    };
    for (const key of Object.keys(plan.value) as (keyof StaffImportRow)[]) {
      if (mapped.has(key) && !((key === 'sectorId' || key === 'personalId') && plan.value[key] === '')) {
        (merged as unknown as Record<string, unknown>)[key] = plan.value[key];
      }
    }
    updateStaffRow(store, plan.existing.id, current.version, merged);
    updated++;
  }
  return { created, updated };
}

// ---------------------------------------------------------------------------------------------- run

export interface ImportRequest {
  kind: ImportKind;
  mapping: ImportMapping;
  dryRun: boolean;
}

export interface ImportOutcome extends Omit<ImportResult, 'errorReportFileId'> {
  /** The xlsx listing every error, when there are errors. */
  errorReport: Buffer | null;
}

/**
 * Reads, checks and (unless dryRun or any row is wrong) writes one file's rows, all in one transaction.
 * Used by the import job and by `truongso import`.
 */
export async function importData(
  app: AppContext,
  actor: SessionUser | null,
  locale: Locale,
  file: { data: Buffer; name: string },
  input: ImportRequest,
  job: Pick<JobHandle, 'progress' | 'throwIfCancelled' | 'signal'> | null = null,
  /** Runs in the import's transaction once the rows are written: the audit row that records them. */
  onWritten?: (counts: { created: number; updated: number }) => void,
): Promise<ImportOutcome> {
  const message = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const progress = job?.progress ?? (() => {});
  const throwIfCancelled = job?.throwIfCancelled ?? (() => {});
  progress(0, 3, message('records.import_reading'));
  let parsed;
  try {
    parsed = await app.workers.run(
      'xlsx.parse',
      { data: file.data, kind: input.kind, mapping: input.mapping },
      { signal: job?.signal },
    );
  } catch (e) {
    throw asAppError(e, locale);
  }
  throwIfCancelled();
  const store = app.store;
  // Every data row read: the clean ones and those with errors.
  const rows = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
  progress(1, 3, message('records.import_checking', { rows }));
  const year = input.kind === 'pupils' ? resolveYear(store) : null;
  const plan = () =>
    input.kind === 'pupils'
      ? planPupils(store, parsed.rows as { row: number; value: PupilImportRow }[], input.mapping, locale, year!)
      : planStaff(store, parsed.rows as { row: number; value: StaffImportRow }[], input.mapping, locale);
  const base = {
    dryRun: input.dryRun,
    rows,
    created: 0,
    updated: 0,
    errors: [] as RowError[],
    errorCount: 0,
    errorReport: null,
  };
  // Checked and written in one transaction, so what was checked is what is written.
  const done = store.transaction(() => {
    const planned = plan();
    const errors = [...parsed.errors, ...planned.errors].sort((a, b) => a.row - b.row);
    if (errors.length > 0 || input.dryRun) {
      const willCreate = planned.plans.filter((p) => !p.existing).length;
      return { errors, created: willCreate, updated: planned.plans.length - willCreate, written: false };
    }
    progress(2, 3, message('records.import_writing', { rows }));
    const counts =
      input.kind === 'pupils'
        ? applyPupils(store, actor, planned.plans as PupilPlan[], input.mapping, year!)
        : applyStaff(store, planned.plans as StaffPlan[], input.mapping);
    onWritten?.({ created: counts.created, updated: counts.updated });
    return { errors, ...counts, written: true };
  });
  if (done.errors.length > 0) {
    const report = await app.workers.run('xlsx.errorReport', {
      errors: done.errors,
      fileName: file.name,
      kind: input.kind,
    });
    return {
      ...base,
      errors: done.errors.slice(0, MAX_ERRORS_IN_RESULT),
      errorCount: done.errors.length,
      errorReport: Buffer.from(report),
    };
  }
  return { ...base, created: done.created, updated: done.updated };
}

export function startImport(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  input: ImportRequest & { fileId: number },
): { jobId: string } {
  const file = uploadedBy(app, user, input.fileId);
  const job = app.jobs.start(`import.${input.kind}`, user.id, async (handle): Promise<ImportResult> => {
    const { errorReport, ...outcome } = await importData(app, user, locale, file, input, handle);
    const reportFile = errorReport
      ? app.files.put(errorReport, {
          name: `loi-nhap-${file.name.replace(/\.xlsx?$/i, '')}.xlsx`,
          mime: XLSX_MIME,
          createdBy: user.id,
        })
      : null;
    return { ...outcome, errorReportFileId: reportFile?.id ?? null };
  });
  return { jobId: job.id };
}

/** File names of the templates, as a clerk would save them. */
const TEMPLATE_NAMES: Record<ImportKind, string> = {
  pupils: 'file-mau-nhap-hoc-sinh.xlsx',
  staff: 'file-mau-nhap-can-bo.xlsx',
};

/** "Tải file mẫu": the import's template, written in a worker and kept in the file store like an export. */
export function startTemplate(app: AppContext, user: SessionUser, kind: ImportKind): { jobId: string } {
  const job = app.jobs.start(`import.template.${kind}`, user.id, async (handle): Promise<ExportResult> => {
    const bytes = await app.workers.run('xlsx.template', { kind }, { signal: handle.signal });
    const file = app.files.put(Buffer.from(bytes), { name: TEMPLATE_NAMES[kind], mime: XLSX_MIME, createdBy: user.id });
    return { fileId: file.id, name: file.name, rows: 1 };
  });
  return { jobId: job.id };
}

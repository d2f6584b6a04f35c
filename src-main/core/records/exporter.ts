/**
 * Excel exports of the records: any list as shown (the same filters and order as on screen) and the
 * class list form. The workbook is written in a worker thread and kept in the file store.
 */
import type { z } from 'zod';
import type { AppContext, SessionUser } from '../context';
import { t, type Locale } from '../../../src-shared/i18n';
import {
  codeName,
  DISABILITY_TYPES,
  ETHNICITIES,
  PUPIL_STATUSES,
  STAFF_POSITIONS,
  TEACHING_SUBJECTS,
} from '../../../src-shared/domain/codeLists';
import type { ExportResult, pupilFilter } from '../../../src-shared/api/records';
import { classMembers, listPupils } from './pupils';
import { listStaff } from './staff';
import { getClassView, listClasses } from './classes';
import { recordsScope, type RecordsScope } from './scope';
import { resolveYear } from './years';
import { getProfile } from '../school/service';
import type { ClassListSpec, TableColumn } from './xlsx';
import { AppError } from '../../errors';
import { fileSlug } from '../../../src-shared/domain/vnName';
import type { RunOptions } from '../../workers/pool';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SEX = { male: 'Nam', female: 'Nữ' } as const;

type Rows = Record<string, string | number | null>[];

export interface TableSpec {
  title: string;
  subtitle: string;
  sheetName: string;
  columns: TableColumn[];
  rows: Rows;
  name: string;
}

/** The CLI exports on the school's behalf: the whole school, identity numbers included. */
function scopeFor(app: AppContext, user: SessionUser | null): RecordsScope {
  return user ? recordsScope(app.store, user) : { classIds: null, seesPersonalIds: true };
}

function fileName(...parts: string[]): string {
  return `${fileSlug(...parts)}.xlsx`;
}

export async function renderTable(app: AppContext, spec: TableSpec, options?: RunOptions): Promise<Buffer> {
  const { name: _name, ...table } = spec;
  return Buffer.from(await app.workers.run('xlsx.table', table, options));
}

/** Writes a table as xlsx in a job and keeps it in the file store for the caller to download. */
export function tableJob(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  kind: string,
  build: () => TableSpec,
): { jobId: string } {
  const job = app.jobs.start(`export.${kind}`, user.id, async (handle): Promise<ExportResult> => {
    const spec = build();
    handle.progress(0, 1, t(locale, 'records.export_writing'));
    const bytes = await renderTable(app, spec, { signal: handle.signal });
    const file = app.files.put(bytes, { name: spec.name, mime: XLSX_MIME, createdBy: user.id });
    return { fileId: file.id, name: file.name, rows: spec.rows.length };
  });
  return { jobId: job.id };
}

function schoolLine(app: AppContext, yearName: string): string {
  return `${getProfile(app.store).name} — Năm học ${yearName}`;
}

export function exportPupils(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  filter: z.output<typeof pupilFilter>,
): { jobId: string } {
  return tableJob(app, user, locale, 'pupils', () => pupilsTable(app, user, filter));
}

export function pupilsTable(
  app: AppContext,
  user: SessionUser | null,
  filter: z.output<typeof pupilFilter>,
): TableSpec {
  const year = resolveYear(app.store, filter.schoolYearId);
  const { rows } = listPupils(app.store, scopeFor(app, user), { ...filter, offset: 0, limit: 1_000_000 });
  return {
    title: 'DANH SÁCH HỌC SINH',
    subtitle: schoolLine(app, year.name),
    sheetName: 'Học sinh',
    name: fileName('danh-sach-hoc-sinh', year.name),
    columns: [
      { header: 'STT', key: 'no', width: 6, kind: 'number' },
      { header: 'Mã định danh', key: 'sectorId', width: 16 },
      { header: 'Họ và tên', key: 'fullName', width: 28 },
      { header: 'Ngày sinh', key: 'birthDate', width: 12, kind: 'date' },
      { header: 'Giới tính', key: 'sex', width: 9 },
      { header: 'Dân tộc', key: 'ethnicity', width: 12 },
      { header: 'Lớp', key: 'className', width: 8 },
      { header: 'Trạng thái', key: 'status', width: 18 },
      { header: 'Khuyết tật', key: 'disability', width: 22 },
    ],
    rows: rows.map((r, i) => ({
      no: i + 1,
      sectorId: r.sectorId,
      fullName: r.fullName,
      birthDate: r.birthDate,
      sex: SEX[r.sex],
      ethnicity: codeName(ETHNICITIES, r.ethnicity),
      className: r.className,
      status: codeName(PUPIL_STATUSES, r.status),
      disability: r.disabilityType ? codeName(DISABILITY_TYPES, r.disabilityType) : '',
    })),
  };
}

type StaffFilter = { staffGroup?: 'manager' | 'teacher' | 'support'; status: 'working' | 'all'; search?: string };

export function exportStaff(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  filter: StaffFilter,
): { jobId: string } {
  return tableJob(app, user, locale, 'staff', () => staffTable(app, user, filter));
}

export function staffTable(app: AppContext, user: SessionUser | null, filter: StaffFilter): TableSpec {
  const rows = listStaff(app.store, scopeFor(app, user), filter);
  const groups = { manager: 'CBQL', teacher: 'Giáo viên', support: 'Nhân viên' } as const;
  return {
    title: 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN',
    subtitle: getProfile(app.store).name,
    sheetName: 'Cán bộ',
    name: fileName('danh-sach-can-bo'),
    columns: [
      { header: 'STT', key: 'no', width: 6, kind: 'number' },
      { header: 'Mã định danh', key: 'sectorId', width: 16 },
      { header: 'Họ và tên', key: 'fullName', width: 28 },
      { header: 'Ngày sinh', key: 'birthDate', width: 12, kind: 'date' },
      { header: 'Giới tính', key: 'sex', width: 9 },
      { header: 'Nhóm', key: 'group', width: 11 },
      { header: 'Chức vụ', key: 'position', width: 22 },
      { header: 'Môn dạy', key: 'subject', width: 24 },
      { header: 'Chủ nhiệm', key: 'homeroom', width: 10 },
      { header: 'Điện thoại', key: 'phone', width: 14 },
      { header: 'Email', key: 'email', width: 28 },
    ],
    rows: rows.map((s, i) => ({
      no: i + 1,
      sectorId: s.sectorId,
      fullName: s.fullName,
      birthDate: s.birthDate,
      sex: SEX[s.sex],
      group: groups[s.staffGroup],
      position: s.position ? codeName(STAFF_POSITIONS, s.position) : '',
      subject: s.mainSubject ? codeName(TEACHING_SUBJECTS, s.mainSubject) : '',
      homeroom: s.homeroomOf.join(', '),
      phone: s.phone,
      email: s.email,
    })),
  };
}

export function exportClasses(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  schoolYearId?: number,
): { jobId: string } {
  return tableJob(app, user, locale, 'classes', () => classesTable(app, user, schoolYearId));
}

export function classesTable(app: AppContext, user: SessionUser | null, schoolYearId?: number): TableSpec {
  const year = resolveYear(app.store, schoolYearId);
  const rows = listClasses(app.store, scopeFor(app, user), year.id);
  return {
    title: 'DANH SÁCH LỚP',
    subtitle: schoolLine(app, year.name),
    sheetName: 'Lớp',
    name: fileName('danh-sach-lop', year.name),
    columns: [
      { header: 'STT', key: 'no', width: 6, kind: 'number' },
      { header: 'Lớp', key: 'name', width: 8 },
      { header: 'Khối', key: 'grade', width: 7, kind: 'number' },
      { header: 'Giáo viên chủ nhiệm', key: 'homeroom', width: 28 },
      { header: 'Phòng học', key: 'room', width: 18 },
      { header: 'Số buổi/ngày', key: 'sessions', width: 12, kind: 'number' },
      { header: 'Sĩ số', key: 'pupils', width: 8, kind: 'number' },
      { header: 'Nữ', key: 'girls', width: 8, kind: 'number' },
    ],
    rows: rows.map((c, i) => ({
      no: i + 1,
      name: c.name,
      grade: c.grade,
      homeroom: c.homeroomName,
      room: c.roomName,
      sessions: c.sessionsPerDay,
      pupils: c.pupils,
      girls: c.girls,
    })),
  };
}

/** The class list form (danh sách lớp) of one class, with the file name to save it under. */
export function classListSpec(
  app: AppContext,
  user: SessionUser | null,
  classId: number,
): { spec: ClassListSpec; name: string } {
  const cls = getClassView(app.store, classId);
  const scope = scopeFor(app, user);
  if (scope.classIds !== null && !scope.classIds.has(classId))
    throw new AppError('not_found', 'records.class_not_found');
  const year = resolveYear(app.store, cls.schoolYearId);
  const profile = getProfile(app.store);
  return {
    name: fileName('danh-sach-lop', cls.name, year.name),
    spec: {
      schoolName: profile.name,
      educationOffice: profile.educationOffice,
      schoolYear: year.name,
      className: cls.name,
      homeroomTeacher: cls.homeroomName,
      pupils: classMembers(app.store, classId).map((p) => ({
        sectorId: p.sectorId ?? '',
        fullName: p.fullName,
        sex: p.sex,
        birthDate: p.birthDate,
        ethnicityName: codeName(ETHNICITIES, p.ethnicity),
        address: p.address,
        note: p.disabilityType ? codeName(DISABILITY_TYPES, p.disabilityType) : '',
      })),
    },
  };
}

export async function renderClassList(app: AppContext, spec: ClassListSpec, options?: RunOptions): Promise<Buffer> {
  return Buffer.from(await app.workers.run('xlsx.classList', spec, options));
}

export function exportClassList(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  classId: number,
): { jobId: string } {
  // Checked before the job starts, so a class the caller may not see is refused at once.
  const { spec, name } = classListSpec(app, user, classId);
  const job = app.jobs.start('export.classList', user.id, async (handle): Promise<ExportResult> => {
    handle.progress(0, 1, t(locale, 'records.export_writing'));
    const file = app.files.put(await renderClassList(app, spec, { signal: handle.signal }), {
      name,
      mime: XLSX_MIME,
      createdBy: user.id,
    });
    return { fileId: file.id, name: file.name, rows: spec.pupils.length };
  });
  return { jobId: job.id };
}

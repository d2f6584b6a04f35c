/**
 * Records (hồ sơ): pupils, classes, staff, rooms. Codes are those of the sector database
 * (src-shared/domain/codeLists.ts); dates are yyyy-MM-dd. Every editable row carries a `version`:
 * an update with a stale version is refused with `conflict`.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { email, empty, id, isoDate, isoDateTime, optionalText, phone, requiredText, version } from './common';
import { msg } from '../i18n';
import { SUBJECT_KEYS } from '../domain/subjects';
import {
  CONTRACT_TYPES,
  DISABILITY_TYPES,
  DROPOUT_REASONS,
  ETHNICITIES,
  POLICY_GROUPS,
  QUALIFICATIONS,
  RELIGIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
  type Code,
} from '../domain/codeLists';

/** A code from a list, or '' where the list allows none. */
function codeOf(list: readonly Code[], optional: boolean) {
  const codes = list.map((c) => c.code) as [string, ...string[]];
  const schema = z.enum(codes, { error: msg('validation.code') });
  return optional ? z.union([z.literal(''), schema]).default('') : schema;
}

export const sex = z.enum(['male', 'female']);
export const ROOM_TYPES = [
  'classroom',
  'computer_room',
  'library',
  'science',
  'english',
  'music',
  'art',
  'office',
  'medical',
  'other',
] as const;
export const CONSTRUCTIONS = ['permanent', 'semi_permanent', 'temporary'] as const;
export const STAFF_GROUPS = ['manager', 'teacher', 'support'] as const;
export const ENTRY_KINDS = ['new', 'promoted', 'repeat', 'transfer_in', 'moved_class'] as const;
export const EXIT_KINDS = ['moved_class', 'transfer_out', 'dropout', 'completed'] as const;
export const GUARDIAN_RELATIONS = ['father', 'mother', 'guardian'] as const;

/** Mã định danh (Bộ GD&ĐT): the sector ID, letters and digits, issued once and never changed. */
export const sectorId = z
  .string()
  .trim()
  .regex(/^([0-9A-Za-z]{4,20})?$/, { error: msg('validation.sectorId') })
  .default('');
/** Số định danh cá nhân: checked in full (province, sex, year) by the service, which knows the holder. */
export const personalId = z
  .string()
  .trim()
  .regex(/^(\d{12})?$/, { error: msg('validation.personalId') })
  .default('');

// ---------------------------------------------------------------------------------------------- pupils

export const guardianInput = z.strictObject({
  relation: z.enum(GUARDIAN_RELATIONS),
  fullName: requiredText(100),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  occupation: optionalText(100),
  phone,
});

export const pupilFields = {
  fullName: requiredText(100),
  sex,
  birthDate: isoDate,
  birthPlace: optionalText(200),
  ethnicity: codeOf(ETHNICITIES, false).default('01'),
  religion: codeOf(RELIGIONS, true),
  nationality: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/)
    .default('VN'),
  sectorId,
  personalId,
  address: optionalText(300),
  disabilityType: codeOf(DISABILITY_TYPES, true),
  policyGroup: codeOf(POLICY_GROUPS, true),
  guardians: z.array(guardianInput).max(4).default([]),
};

export const pupilInput = z.strictObject({
  ...pupilFields,
  /** The class of the current year the pupil joins: a pupil is at the school through a class. */
  classId: id,
  /** First day in the class: defaults to the start of the school year or today, whichever is later. */
  startDate: isoDate.optional(),
  entry: z.enum(['new', 'transfer_in']).default('new'),
});

export const pupilRow = z.object({
  id,
  sectorId: z.string().nullable(),
  fullName: z.string(),
  familyName: z.string(),
  middleName: z.string(),
  givenName: z.string(),
  sex,
  birthDate: z.string(),
  ethnicity: z.string(),
  status: z.string(),
  classId: id.nullable(),
  className: z.string().nullable(),
  grade: z.number().int().nullable(),
  /** Shown only to roles that may see it; '' otherwise. */
  disabilityType: z.string(),
  version,
});
export type PupilRow = z.infer<typeof pupilRow>;

export const enrolmentView = z.object({
  id,
  schoolYearId: id,
  schoolYearName: z.string(),
  classId: id,
  className: z.string(),
  grade: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  entry: z.enum(ENTRY_KINDS),
  exit: z.enum(EXIT_KINDS).nullable(),
});

export const pupilEventView = z.object({
  id,
  date: z.string(),
  kind: z.string(),
  status: z.string(),
  reason: z.string(),
  place: z.string(),
  note: z.string(),
  by: z.string().nullable(),
});

export const pupilView = z.object({
  id,
  sectorId: z.string().nullable(),
  personalId: z.string().nullable(),
  fullName: z.string(),
  sex,
  birthDate: z.string(),
  birthPlace: z.string(),
  ethnicity: z.string(),
  religion: z.string(),
  nationality: z.string(),
  address: z.string(),
  disabilityType: z.string(),
  policyGroup: z.string(),
  status: z.string(),
  statusDate: z.string().nullable(),
  guardians: z.array(guardianInput.extend({ id })),
  enrolments: z.array(enrolmentView),
  events: z.array(pupilEventView),
  version,
  updatedAt: isoDateTime,
});
export type PupilView = z.infer<typeof pupilView>;

export const pupilFilter = z.strictObject({
  /** Defaults to the current school year. */
  schoolYearId: id.optional(),
  classId: id.optional(),
  grade: z.number().int().min(1).max(5).optional(),
  status: z.enum(['studying', 'left', 'all']).default('studying'),
  sex: sex.optional(),
  ethnicity: z.string().max(2).optional(),
  /** 'any' = every pupil with a disability, 'none' = without, or one DM_LOAI_KHUYET_TAT code. */
  disability: z.string().max(4).optional(),
  /** Diacritic- and case-insensitive over the name; digits also match the IDs. */
  search: z.string().max(100).optional(),
  sort: z.enum(['name', 'class', 'birthDate', 'sectorId']).default('class'),
});

// ----------------------------------------------------------------------------------------------- classes

export const classInput = z.strictObject({
  schoolYearId: id,
  grade: z.number().int().min(1).max(5),
  name: z
    .string()
    .trim()
    .regex(/^[1-5][A-Za-z0-9.]{1,8}$/, { error: msg('validation.className') }),
  homeroomStaffId: id.nullable().default(null),
  roomId: id.nullable().default(null),
  sessionsPerDay: z.union([z.literal(1), z.literal(2)]).default(2),
});

export const classRow = z.object({
  id,
  schoolYearId: id,
  grade: z.number().int(),
  name: z.string(),
  homeroomStaffId: id.nullable(),
  homeroomName: z.string().nullable(),
  roomId: id.nullable(),
  roomName: z.string().nullable(),
  sessionsPerDay: z.number().int(),
  pupils: z.number().int(),
  girls: z.number().int(),
  version,
});
export type ClassRow = z.infer<typeof classRow>;

// ------------------------------------------------------------------------------------------------- staff

export const staffFields = {
  fullName: requiredText(100),
  sex,
  birthDate: isoDate.nullable().default(null),
  ethnicity: codeOf(ETHNICITIES, false).default('01'),
  sectorId,
  personalId,
  staffGroup: z.enum(STAFF_GROUPS),
  position: codeOf(STAFF_POSITIONS, true),
  mainSubject: codeOf(TEACHING_SUBJECTS, true),
  qualification: codeOf(QUALIFICATIONS, true),
  contractType: codeOf(CONTRACT_TYPES, true),
  status: codeOf(STAFF_STATUSES, false).default('01'),
  phone,
  email,
  partyMember: z.boolean().default(false),
  unionMember: z.boolean().default(false),
  hasSignatureCert: z.boolean().default(false),
  /** The account this person signs in with, if any. */
  userId: id.nullable().default(null),
};
export const staffInput = z.strictObject(staffFields);

export const staffView = z.object({
  id,
  fullName: z.string(),
  givenName: z.string(),
  sex,
  birthDate: z.string().nullable(),
  ethnicity: z.string(),
  sectorId: z.string().nullable(),
  personalId: z.string().nullable(),
  staffGroup: z.enum(STAFF_GROUPS),
  position: z.string(),
  mainSubject: z.string(),
  qualification: z.string(),
  contractType: z.string(),
  status: z.string(),
  phone: z.string(),
  email: z.string(),
  partyMember: z.boolean(),
  unionMember: z.boolean(),
  hasSignatureCert: z.boolean(),
  userId: id.nullable(),
  username: z.string().nullable(),
  homeroomOf: z.array(z.string()),
  version,
});
export type StaffView = z.infer<typeof staffView>;

// ------------------------------------------------------------------------------------------------- rooms

export const roomInput = z.strictObject({
  code: z.string().trim().min(1).max(20),
  name: requiredText(100),
  type: z.enum(ROOM_TYPES),
  construction: z.enum(CONSTRUCTIONS),
  areaM2: z.number().positive().max(10_000).nullable().default(null),
  seats: z.number().int().positive().max(1000).nullable().default(null),
  hasProjector: z.boolean().default(false),
  hasInternet: z.boolean().default(false),
  notes: optionalText(500),
});

export const roomView = roomInput.extend({
  code: z.string(),
  name: z.string(),
  notes: z.string(),
  areaM2: z.number().nullable(),
  seats: z.number().int().nullable(),
  id,
  classes: z.array(z.string()),
  version,
});
export type RoomView = z.infer<typeof roomView>;

/** Deleting something others depend on needs the user's explicit consent to the cascade. */
const deleteInput = z.strictObject({ id, cascade: z.boolean().default(false) });

export const assignmentView = z.object({
  id,
  classId: id,
  className: z.string(),
  subject: z.string(),
  staffId: id,
  staffName: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

// ---------------------------------------------------------------------------------- import and export

export const IMPORT_KINDS = ['pupils', 'staff'] as const;

export const importColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  field: z.string().nullable(),
});
export const importPreview = z.object({
  sheets: z.array(
    z.object({ name: z.string(), hidden: z.boolean(), rows: z.number().int(), columns: z.number().int() }),
  ),
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: z.array(importColumn),
  sampleRows: z.array(z.array(z.string())),
  dataRows: z.number().int(),
  /** The fields a column can map to, with their Vietnamese labels. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
});
export type ImportPreviewView = z.infer<typeof importPreview>;

export const importMapping = z.strictObject({
  sheet: z.string().min(1).max(100),
  headerRow: z.number().int().min(1).max(1000),
  /** Field key → 1-based column index. */
  fields: z.record(z.string().max(40), z.number().int().min(1).max(500)),
});

export const rowError = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.string().nullable(),
  message: z.string(),
});
export type RowErrorView = z.infer<typeof rowError>;

/** What an import job returns (jobs.get → result). All or nothing: with errors, nothing was written. */
export const importResult = z.object({
  dryRun: z.boolean(),
  /** Data rows read from the file, with or without errors. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** The first errors (at most 1,000); errorCount says how many there are in all. */
  errors: z.array(rowError),
  errorCount: z.number().int(),
  /** An xlsx listing every error (row, column, reason), when there are errors. */
  errorReportFileId: id.nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

/** What an export job returns: the file, downloaded with GET /files/<id>. */
export const exportResult = z.object({ fileId: id, name: z.string(), rows: z.number().int() });
export type ExportResult = z.infer<typeof exportResult>;

const fileId = z.strictObject({ fileId: id });

export const recordsApi = {
  'records.pupils.list': procedure({
    summary: 'Pupils of a school year, filtered and sorted as a class list; a teacher sees only their classes.',
    input: pupilFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(2000).default(100),
    }),
    output: z.object({ rows: z.array(pupilRow), total: z.number().int() }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.pupils.get': procedure({
    summary: 'A pupil’s profile with guardians and history; a sensitive read, audited.',
    input: z.strictObject({ id }),
    output: pupilView,
    permission: 'records.read',
    audit: 'sensitive',
  }),
  'records.pupils.create': procedure({
    summary: 'Add a pupil, optionally enrolling them in a class of the current year.',
    input: pupilInput,
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.pupils.update': procedure({
    summary: 'Change a pupil’s details and guardians (the sector ID, once set, never changes).',
    input: z.strictObject({ id, version, ...pupilFields }),
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.pupils.moveClass': procedure({
    summary: 'Move pupils to another class of the same year from a date.',
    input: z.strictObject({ pupilIds: z.array(id).min(1).max(200), classId: id, date: isoDate }),
    output: z.object({ moved: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.pupils.transferOut': procedure({
    summary: 'Record a pupil leaving for another school (chuyển đi).',
    input: z.strictObject({
      id,
      version,
      date: isoDate,
      /** NoiChuyenDi: 01 trong tỉnh, 02 ngoài tỉnh, 03 nước ngoài. */
      destination: z.enum(['01', '02', '03']),
      toSchool: optionalText(200),
      note: optionalText(500),
    }),
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.pupils.dropOut': procedure({
    summary: 'Record a pupil leaving school (thôi học) with the reason.',
    input: z.strictObject({
      id,
      version,
      date: isoDate,
      reason: codeOf(DROPOUT_REASONS, false),
      note: optionalText(500),
    }),
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.pupils.readmit': procedure({
    summary: 'Take a pupil back (chuyển đến lại, học lại) into a class of the current year.',
    input: z.strictObject({
      id,
      version,
      date: isoDate,
      classId: id,
      fromSchool: optionalText(200),
      note: optionalText(500),
    }),
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.classes.list': procedure({
    summary: 'Classes of a school year with their homeroom teacher, room and pupil counts.',
    input: z.strictObject({ schoolYearId: id.optional() }),
    output: z.object({ rows: z.array(classRow) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.classes.create': procedure({
    summary: 'Add a class to a school year.',
    input: classInput,
    output: classRow,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.classes.update': procedure({
    summary: 'Change a class’s name, GVCN, room or sessions per day.',
    input: classInput.omit({ schoolYearId: true }).extend({ id, version }),
    output: classRow,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.classes.delete': procedure({
    summary: 'Delete a class; with pupils, only with cascade (their enrolment in it is removed).',
    input: deleteInput,
    output: z.object({ removedEnrolments: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.staff.list': procedure({
    summary: 'Staff, filtered by group, status and a name search.',
    input: z.strictObject({
      staffGroup: z.enum(STAFF_GROUPS).optional(),
      status: z.enum(['working', 'all']).default('working'),
      search: z.string().max(100).optional(),
    }),
    output: z.object({ rows: z.array(staffView) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.staff.create': procedure({
    summary: 'Add a staff member.',
    input: staffInput,
    output: staffView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.staff.update': procedure({
    summary: 'Change a staff member’s profile.',
    input: staffInput.extend({ id, version }),
    output: staffView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.staff.delete': procedure({
    summary: 'Delete a staff member; a homeroom teacher only with cascade (their classes lose the GVCN).',
    input: deleteInput,
    output: z.object({ clearedClasses: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.assignments.list': procedure({
    summary: 'Teaching assignments (class × subject → teacher) of a school year.',
    input: z.strictObject({ schoolYearId: id.optional(), classId: id.optional(), staffId: id.optional() }),
    output: z.object({ rows: z.array(assignmentView) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.assignments.set': procedure({
    summary: 'Assign a teacher to a subject in a class, or clear it with staffId null.',
    input: z.strictObject({ classId: id, subject: z.enum(SUBJECT_KEYS), staffId: id.nullable() }),
    output: z.object({ assignment: assignmentView.nullable() }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.rooms.list': procedure({
    summary: 'Rooms with the classes that use them.',
    input: empty,
    output: z.object({ rows: z.array(roomView) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.rooms.create': procedure({
    summary: 'Add a room.',
    input: roomInput,
    output: roomView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.rooms.update': procedure({
    summary: 'Change a room.',
    input: roomInput.extend({ id, version }),
    output: roomView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.rooms.delete': procedure({
    summary: 'Delete a room; one used by classes only with cascade (the classes lose the room).',
    input: deleteInput,
    output: z.object({ clearedClasses: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.import.preview': procedure({
    summary: 'Read an uploaded xlsx: its sheets, the header row found and the suggested column mapping.',
    input: fileId.extend({
      kind: z.enum(IMPORT_KINDS),
      sheet: z.string().max(100).optional(),
      headerRow: z.number().int().min(1).max(1000).optional(),
    }),
    output: importPreview,
    permission: 'records.manage',
    audit: 'none',
  }),
  'records.import.run': procedure({
    summary:
      'Import (or, with dryRun, only check) pupils or staff from an uploaded xlsx, as a job; all or nothing; re-import updates by mã định danh.',
    input: fileId.extend({ kind: z.enum(IMPORT_KINDS), mapping: importMapping, dryRun: z.boolean().default(false) }),
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.export.pupils': procedure({
    summary: 'The pupil list as shown (filters, sort) as xlsx, as a job.',
    input: pupilFilter,
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.read',
    audit: 'write',
  }),
  'records.export.classList': procedure({
    summary: 'The class list form (danh sách lớp) of one class as xlsx, as a job.',
    input: z.strictObject({ classId: id }),
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.read',
    audit: 'write',
  }),
  'records.export.staff': procedure({
    summary: 'The staff list as shown as xlsx, as a job.',
    input: z.strictObject({
      staffGroup: z.enum(STAFF_GROUPS).optional(),
      status: z.enum(['working', 'all']).default('working'),
      search: z.string().max(100).optional(),
    }),
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.read',
    audit: 'write',
  }),
  'records.export.classes': procedure({
    summary: 'The classes of a school year with GVCN, room and counts as xlsx, as a job.',
    input: z.strictObject({ schoolYearId: id.optional() }),
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.read',
    audit: 'write',
  }),
};

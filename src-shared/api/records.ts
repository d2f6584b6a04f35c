/**
 * Records (hồ sơ): pupils, classes, staff, rooms. Codes are those of the sector database
 * (src-shared/domain/codeLists.ts); dates are yyyy-MM-dd. Every editable row carries a `version`:
 * an update with a stale version is refused with `conflict`.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import {
  email,
  empty,
  id,
  isoDate,
  isoDateTime,
  optionalText,
  personName,
  phone,
  requiredText,
  version,
} from './common';
import { msg, type MessageKey } from '../i18n';
import { isValidIsoDate, todayIso } from '../domain/dates';
import { pupilBirthDateProblem, staffBirthDateProblem, type BirthDateProblem } from '../domain/birthDates';
import { DEFAULT_COUNTRY, isCountryCode } from '../domain/countries';
import { isSectorId } from '../domain/sectorId';
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

export const sex = z.enum(['male', 'female'], { error: msg('validation.sex') });
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

/** Mã định danh (Bộ GD&ĐT): the sector ID; its rule and what it rests on are in domain/sectorId.ts. */
export const sectorId = z
  .string()
  .trim()
  .refine((v) => v === '' || isSectorId(v), { error: msg('validation.sectorId') })
  .default('');
/** Số định danh cá nhân: checked in full (province, sex, year) by the service, which knows the holder. */
export const personalId = z
  .string()
  .trim()
  .regex(/^(\d{12})?$/, { error: msg('validation.personalId') })
  .default('');
/** A real date that is believable for the person (domain/birthDates.ts); a wrong date says why. */
function birthDateOf(problem: (date: string) => BirthDateProblem | null, ageError: MessageKey) {
  return isoDate
    .refine((v) => !isValidIsoDate(v) || problem(v) !== 'future', { error: msg('validation.birthDateFuture') })
    .refine((v) => !isValidIsoDate(v) || problem(v) === null || problem(v) === 'future', {
      error: msg(ageError),
    });
}
export const pupilBirthDate = birthDateOf(pupilBirthDateProblem, 'validation.pupilAge');
export const staffBirthDate = birthDateOf(staffBirthDateProblem, 'validation.staffAge');
/** Quốc tịch: an ISO 3166-1 alpha-2 code from the list people choose from (domain/countries.ts). */
export const nationality = z
  .string()
  .trim()
  .refine(isCountryCode, { error: msg('validation.country') })
  .default(DEFAULT_COUNTRY);

// ---------------------------------------------------------------------------------------------- pupils

export const guardianInput = z.strictObject({
  relation: z.enum(GUARDIAN_RELATIONS),
  fullName: personName(100),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  occupation: optionalText(100),
  phone,
});

export const pupilFields = {
  fullName: personName(100),
  sex,
  birthDate: pupilBirthDate,
  birthPlace: optionalText(200),
  ethnicity: codeOf(ETHNICITIES, false).default('01'),
  religion: codeOf(RELIGIONS, true),
  nationality,
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
  /** A leaving taken back by a later 'leaving_undone' event (whose `reason` is the kind it took back). */
  undone: z.boolean(),
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
  /** The leaving event that records.pupils.undoLeaving would take back now, if any. */
  undoableLeaving: id.nullable(),
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
  fullName: personName(100),
  sex,
  birthDate: staffBirthDate.nullable().default(null),
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

// ---------------------------------------------------------------------------------------------- facilities

export const EQUIPMENT_CATEGORIES = [
  'projector',
  'tv',
  'interactive_board',
  'printer',
  'network',
  'teaching_kit',
  'furniture',
  'water',
  'sanitation',
  'other',
] as const;
export const EQUIPMENT_CONDITIONS = ['good', 'needs_repair', 'broken'] as const;
export const COMPUTER_KINDS = ['desktop', 'laptop', 'tablet'] as const;
export const COMPUTER_PURPOSES = ['teaching', 'office'] as const;
/** Equipment that shows pictures to a class: a classroom with one that works counts as equipped. */
export const DISPLAY_CATEGORIES = ['projector', 'tv', 'interactive_board'] as const;
export const FIRST_ACQUISITION_YEAR = 1990;

/** The latest year an item can have been acquired in: next year, for deliveries booked ahead. */
export function lastAcquisitionYear(): number {
  return Number(todayIso().slice(0, 4)) + 1;
}

const yearAcquired = z
  .number()
  .int({ error: msg('facilities.validation.year') })
  .min(FIRST_ACQUISITION_YEAR, { error: msg('facilities.validation.year') })
  // Checked at each call, not when the module loads: a server runs across New Year.
  .refine((y) => y <= lastAcquisitionYear(), { error: msg('facilities.validation.year') })
  .nullable()
  .default(null);

/** The school's asset tag (mã tài sản), e.g. TH01-07: compared without regard to case. */
export const ASSET_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._/-]{0,29}$/;
export const assetCode = z
  .string()
  .trim()
  .regex(ASSET_CODE_PATTERN, { error: msg('facilities.validation.code') });

export const equipmentInput = z.strictObject({
  /** null: held centrally, not in a room. */
  roomId: id.nullable().default(null),
  category: z.enum(EQUIPMENT_CATEGORIES),
  name: requiredText(150),
  quantity: z
    .number({ error: msg('facilities.validation.quantity') })
    .int({ error: msg('facilities.validation.quantity') })
    .min(0, { error: msg('facilities.validation.quantity') })
    .max(100_000, { error: msg('facilities.validation.quantity') }),
  condition: z.enum(EQUIPMENT_CONDITIONS).default('good'),
  yearAcquired,
  notes: optionalText(500),
});

export const equipmentView = z.object({
  id,
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  roomName: z.string().nullable(),
  category: z.enum(EQUIPMENT_CATEGORIES),
  name: z.string(),
  quantity: z.number().int(),
  condition: z.enum(EQUIPMENT_CONDITIONS),
  yearAcquired: z.number().int().nullable(),
  notes: z.string(),
  version,
});
export type EquipmentView = z.infer<typeof equipmentView>;

export const equipmentFilter = z.strictObject({
  /** null: only what is in no room. */
  roomId: id.nullable().optional(),
  category: z.enum(EQUIPMENT_CATEGORIES).optional(),
  condition: z.enum(EQUIPMENT_CONDITIONS).optional(),
});

const computerFields = {
  roomId: id.nullable().default(null),
  kind: z.enum(COMPUTER_KINDS).default('desktop'),
  purpose: z.enum(COMPUTER_PURPOSES),
  working: z.boolean().default(true),
  hasInternet: z.boolean().default(true),
  yearAcquired,
  notes: optionalText(500),
};
export const computerInput = z.strictObject({ code: assetCode, ...computerFields });

export const computerView = z.object({
  id,
  code: z.string(),
  roomId: id.nullable(),
  roomCode: z.string().nullable(),
  roomName: z.string().nullable(),
  kind: z.enum(COMPUTER_KINDS),
  purpose: z.enum(COMPUTER_PURPOSES),
  working: z.boolean(),
  hasInternet: z.boolean(),
  yearAcquired: z.number().int().nullable(),
  notes: z.string(),
  version,
});
export type ComputerView = z.infer<typeof computerView>;

export const computerFilter = z.strictObject({
  /** null: only computers in no room. */
  roomId: id.nullable().optional(),
  purpose: z.enum(COMPUTER_PURPOSES).optional(),
  working: z.boolean().optional(),
});

/** A delivery of identical computers to one room, tagged <prefix>-01, <prefix>-02, ... */
export const computerBulkInput = z.strictObject({
  roomId: id,
  count: z
    .number()
    .int({ error: msg('facilities.validation.count') })
    .min(1, { error: msg('facilities.validation.count') })
    .max(200, { error: msg('facilities.validation.count') }),
  /** Defaults to the room's code. */
  prefix: z
    .string()
    .trim()
    .regex(/^([0-9A-Za-z][0-9A-Za-z._/-]{0,23})?$/, { error: msg('facilities.validation.prefix') })
    .default(''),
  /** The first number; by default the one after the highest already used with this prefix. */
  start: z
    .number()
    .int({ error: msg('facilities.validation.start') })
    .min(1, { error: msg('facilities.validation.start') })
    .max(9999, { error: msg('facilities.validation.start') })
    .optional(),
  kind: computerFields.kind,
  purpose: z.enum(COMPUTER_PURPOSES).default('teaching'),
  hasInternet: computerFields.hasInternet,
  yearAcquired,
  notes: computerFields.notes,
});

const byConstruction = z.object({
  permanent: z.number().int(),
  semi_permanent: z.number().int(),
  temporary: z.number().int(),
});
/** A share of a whole in percent, one decimal; 0 when the whole is 0. */
const percent = z.number().min(0).max(100);

/**
 * The figures of the statistics form (Biểu 02-TH-ĐN) and the DX indicators, computed from the rooms,
 * computers and equipment. A classroom "has a projector" when the room says so or when a projector,
 * TV or interactive board that is not broken is in it.
 */
export const facilitiesSummary = z.object({
  schoolYearName: z.string().nullable(),
  /** Pupils studying in the current school year. */
  pupils: z.number().int(),
  computers: z.object({
    total: z.number().int(),
    working: z.number().int(),
    workingPercent: percent,
    broken: z.number().int(),
    withInternet: z.number().int(),
    teaching: z.number().int(),
    teachingWorking: z.number().int(),
    office: z.number().int(),
    officeWorking: z.number().int(),
  }),
  /** Studying pupils ÷ working teaching computers, one decimal; null without such a computer. */
  pupilsPerTeachingComputer: z.number().nullable(),
  classrooms: z.object({
    total: z.number().int(),
    withProjector: z.number().int(),
    withProjectorPercent: percent,
    withInternet: z.number().int(),
    withInternetPercent: percent,
    byConstruction,
  }),
  rooms: z.object({
    total: z.number().int(),
    computerRooms: z.number().int(),
    byConstruction,
    byConstructionPercent: z.object({ permanent: percent, semi_permanent: percent, temporary: percent }),
  }),
  /** Counted in items (the sum of quantities), not in lines of the inventory. */
  equipment: z.object({
    items: z.number().int(),
    needsRepair: z.number().int(),
    broken: z.number().int(),
  }),
});
export type FacilitiesSummary = z.infer<typeof facilitiesSummary>;

export const FACILITIES_EXPORT_KINDS = ['computers', 'equipment'] as const;

// ------------------------------------------------------------------------------------- year-end promotion

/** Summer departures are not among these: they are transfers out dated in the summer. */
export const PROMOTION_DECISIONS = ['promote', 'repeat', 'complete'] as const;
export type PromotionDecision = (typeof PROMOTION_DECISIONS)[number];

export const promotionPreview = z.object({
  fromYear: z.object({ id, name: z.string() }),
  toYear: z.object({ id, name: z.string() }),
  classes: z.array(
    z.object({
      classId: id,
      name: z.string(),
      grade: z.number().int(),
      /** Where promoted pupils go ('' in grade 5: they complete primary school). */
      nextName: z.string(),
      pupils: z.array(z.object({ pupilId: id, fullName: z.string(), sex, decision: z.enum(PROMOTION_DECISIONS) })),
    }),
  ),
  alreadyPlaced: z.number().int(),
});
export type PromotionPreviewView = z.infer<typeof promotionPreview>;

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
    auditInput: 'keys',
  }),
  'records.pupils.update': procedure({
    summary: 'Change a pupil’s details and guardians (the sector ID, once set, never changes).',
    input: z.strictObject({ id, version, ...pupilFields }),
    output: pupilView,
    permission: 'records.manage',
    audit: 'write',
    auditInput: 'keys',
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
    auditInput: 'keys',
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
    auditInput: 'keys',
  }),
  'records.pupils.undoLeaving': procedure({
    summary:
      'Take back a transfer out or drop-out recorded by mistake, on the day it was recorded and if nothing happened to the pupil since; the history keeps both events.',
    input: z.strictObject({ id, version }),
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
    auditInput: 'keys',
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
    auditInput: 'keys',
  }),
  'records.staff.update': procedure({
    summary: 'Change a staff member’s profile.',
    input: staffInput.extend({ id, version }),
    output: staffView,
    permission: 'records.manage',
    audit: 'write',
    auditInput: 'keys',
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
  'records.import.template': procedure({
    summary:
      'The Excel template of an import (“Tải file mẫu”): the headers the importer recognises, a sample row, the CSDL code lists as dropdowns; as a job like the exports.',
    input: z.strictObject({ kind: z.enum(IMPORT_KINDS) }),
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

  'records.equipment.list': procedure({
    summary: 'Equipment inventory (thiết bị), filtered by room, category and condition.',
    input: equipmentFilter,
    output: z.object({ rows: z.array(equipmentView) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.equipment.create': procedure({
    summary: 'Add an equipment line (name, category, quantity, condition) to a room or to the central stock.',
    input: equipmentInput,
    output: equipmentView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.equipment.update': procedure({
    summary: 'Change an equipment line.',
    input: equipmentInput.extend({ id, version }),
    output: equipmentView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.equipment.delete': procedure({
    summary: 'Delete an equipment line.',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.computers.list': procedure({
    summary: 'Computers one by one, filtered by room, purpose and whether they work.',
    input: computerFilter,
    output: z.object({ rows: z.array(computerView) }),
    permission: 'records.read',
    audit: 'none',
  }),
  'records.computers.create': procedure({
    summary: 'Add a computer with its asset code (unique, whatever the case).',
    input: computerInput,
    output: computerView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.computers.update': procedure({
    summary: 'Change a computer: room, purpose, working or broken, Internet.',
    input: computerInput.extend({ id, version }),
    output: computerView,
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.computers.delete': procedure({
    summary: 'Delete a computer (written off).',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.number().int() }),
    permission: 'records.manage',
    audit: 'write',
  }),
  'records.computers.bulkCreate': procedure({
    summary: 'Add N computers to a room at once, tagged <room>-01…; refused whole if a code is taken.',
    input: computerBulkInput,
    output: z.object({ rows: z.array(computerView) }),
    permission: 'records.manage',
    audit: 'write',
  }),

  'records.facilities.summary': procedure({
    summary: 'Computers, projectors, Internet and construction figures for the statistics form and DX.',
    input: empty,
    output: facilitiesSummary,
    permission: 'records.read',
    audit: 'none',
  }),
  'records.export.facilities': procedure({
    summary: 'The computers or the equipment list, as filtered, as xlsx, as a job.',
    input: z.discriminatedUnion('kind', [
      computerFilter.extend({ kind: z.literal('computers') }),
      equipmentFilter.extend({ kind: z.literal('equipment') }),
    ]),
    output: z.strictObject({ jobId: z.string() }),
    permission: 'records.read',
    audit: 'write',
  }),

  'records.promotion.preview': procedure({
    summary:
      'Year-end promotion: every pupil at the school at the end of a year, by class, with the proposed decision.',
    input: z.strictObject({ fromYearId: id, toYearId: id }),
    output: promotionPreview,
    permission: 'records.manage',
    audit: 'none',
  }),
  'records.promotion.run': procedure({
    summary:
      'Promote, keep back or graduate every pupil of a year into the next, creating its classes; all or nothing.',
    input: z.strictObject({
      fromYearId: id,
      toYearId: id,
      decisions: z.array(z.strictObject({ pupilId: id, decision: z.enum(PROMOTION_DECISIONS) })).max(20_000),
    }),
    output: z.object({
      promoted: z.number().int(),
      repeated: z.number().int(),
      completed: z.number().int(),
      classesCreated: z.array(z.string()),
    }),
    permission: 'records.manage',
    audit: 'write',
    auditInput: 'keys',
  }),
};

/**
 * Records (hồ sơ): rooms, staff, classes, pupils and their class history. Codes follow the sector
 * database's code lists (CSDL ngành, see shared/reference/domain-vn.md §3.4) so that exports map 1:1.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';
import { schoolYears } from '../school/schema';

const timestamps = {
  version: integer('version').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
};

export const rooms = sqliteTable('rooms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type', {
    enum: ['classroom', 'computer_room', 'library', 'science', 'english', 'music', 'art', 'office', 'medical', 'other'],
  }).notNull(),
  /** kiên cố / bán kiên cố / tạm */
  construction: text('construction', { enum: ['permanent', 'semi_permanent', 'temporary'] }).notNull(),
  areaM2: real('area_m2'),
  seats: integer('seats'),
  hasProjector: integer('has_projector', { mode: 'boolean' }).notNull().default(false),
  hasInternet: integer('has_internet', { mode: 'boolean' }).notNull().default(false),
  notes: text('notes').notNull().default(''),
  ...timestamps,
});

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Mã định danh (Bộ GD&ĐT): issued by the sector database, never changes. */
    sectorId: text('sector_id').unique(),
    /** Số định danh cá nhân: the 12-digit citizen ID. */
    personalId: text('personal_id').unique(),
    fullName: text('full_name').notNull(),
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull(),
    givenName: text('given_name').notNull(),
    /** fullName folded for search: lowercase, no diacritics. */
    searchName: text('search_name').notNull(),
    /** nameSortKey(fullName): binary order = Vietnamese list order (tên, then họ đệm). */
    sortKey: text('sort_key').notNull().default(''),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date'),
    /** DM_DAN_TOC code, '01' Kinh. */
    ethnicity: text('ethnicity').notNull().default('01'),
    /** CBQL / GV / NV */
    staffGroup: text('staff_group', { enum: ['manager', 'teacher', 'support'] }).notNull(),
    /** DM_LOAI_CAN_BO code (01 Hiệu trưởng, 02 Phó HT, 16 Văn thư, ...), '' when none. */
    position: text('position').notNull().default(''),
    mainSubject: text('main_subject').notNull().default(''),
    /** DM_TRINH_DO_CHUYEN_MON code (03 Đại học, 16 ĐHSP, ...). */
    qualification: text('qualification').notNull().default(''),
    /** DM_HINH_THUC_HOP_DONG code. */
    contractType: text('contract_type').notNull().default(''),
    /** DM_TRANG_THAI_CAN_BO code, '01' Đang làm việc. */
    status: text('status').notNull().default('01'),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    partyMember: integer('party_member', { mode: 'boolean' }).notNull().default(false),
    unionMember: integer('union_member', { mode: 'boolean' }).notNull().default(false),
    /** Holds a personal digital-signature certificate (a DX indicator). */
    hasSignatureCert: integer('has_signature_cert', { mode: 'boolean' }).notNull().default(false),
    userId: integer('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('staff_sort_idx').on(t.sortKey)],
);

export const classes = sqliteTable(
  'classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    grade: integer('grade').notNull(),
    name: text('name').notNull(),
    /** GVCN: the homeroom teacher. */
    homeroomStaffId: integer('homeroom_staff_id').references(() => staff.id, { onDelete: 'restrict' }),
    roomId: integer('room_id').references(() => rooms.id, { onDelete: 'restrict' }),
    sessionsPerDay: integer('sessions_per_day').notNull().default(2),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('classes_year_name_idx').on(t.schoolYearId, t.name),
    check('classes_grade_range', sql`grade BETWEEN 1 AND 5`),
    check('classes_sessions', sql`sessions_per_day IN (1, 2)`),
  ],
);

export const pupils = sqliteTable(
  'pupils',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Mã định danh (Bộ GD&ĐT): issued by the sector database, never changes. */
    sectorId: text('sector_id').unique(),
    /** Số định danh cá nhân: the 12-digit citizen ID. */
    personalId: text('personal_id').unique(),
    fullName: text('full_name').notNull(),
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull(),
    givenName: text('given_name').notNull(),
    searchName: text('search_name').notNull(),
    sortKey: text('sort_key').notNull().default(''),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    birthPlace: text('birth_place').notNull().default(''),
    ethnicity: text('ethnicity').notNull().default('01'),
    /** DM_TON_GIAO code, '' when not given. Sensitive. */
    religion: text('religion').notNull().default(''),
    nationality: text('nationality').notNull().default('VN'),
    address: text('address').notNull().default(''),
    /** DM_LOAI_KHUYET_TAT code, '' when none. Sensitive: reads are audited. */
    disabilityType: text('disability_type').notNull().default(''),
    /** DM_DIEN_CHINH_SACH code, '' when none. */
    policyGroup: text('policy_group').notNull().default(''),
    /** DM_TRANG_THAI_HOC_SINH code, '01' Đang học. */
    status: text('status').notNull().default('01'),
    statusDate: text('status_date'),
    ...timestamps,
  },
  // Name search goes through the pupils_fts full-text table (migration 0003), not an index here.
  (t) => [index('pupils_sort_idx').on(t.sortKey)],
);

/** A pupil's place in a class for part or all of a school year: the history of moves and transfers. */
export const enrolments = sqliteTable(
  'enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id, { onDelete: 'cascade' }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'restrict' }),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'restrict' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** How the pupil came into this class (LoaiNhapHoc). */
    entry: text('entry', { enum: ['new', 'promoted', 'repeat', 'transfer_in', 'moved_class'] }).notNull(),
    /** Why the pupil left it, when they did. */
    exit: text('exit', { enum: ['moved_class', 'transfer_out', 'dropout', 'completed'] }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('enrolments_class_idx').on(t.classId),
    index('enrolments_pupil_idx').on(t.pupilId),
    uniqueIndex('enrolments_one_open')
      .on(t.pupilId, t.schoolYearId)
      .where(sql`end_date IS NULL`),
  ],
);

export const guardians = sqliteTable(
  'guardians',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id, { onDelete: 'cascade' }),
    relation: text('relation', { enum: ['father', 'mother', 'guardian'] }).notNull(),
    fullName: text('full_name').notNull(),
    birthYear: integer('birth_year'),
    occupation: text('occupation').notNull().default(''),
    phone: text('phone').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('guardians_pupil_idx').on(t.pupilId)],
);

/** What happened to a pupil and when: the history behind their status and enrolments. */
export const pupilEvents = sqliteTable(
  'pupil_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id, { onDelete: 'cascade' }),
    schoolYearId: integer('school_year_id').references(() => schoolYears.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    kind: text('kind', {
      enum: [
        'enrolled',
        'moved_class',
        'transfer_in',
        'transfer_out',
        'dropout',
        'readmitted',
        'promoted',
        'repeated',
        'completed',
        'leaving_undone',
      ],
    }).notNull(),
    /** The DM_TRANG_THAI_HOC_SINH code the pupil had after the event. */
    status: text('status').notNull(),
    /**
     * A DM_LY_DO_THOI_HOC code (drop-out), NoiChuyenDi code (transfer out), the kind taken back (undo),
     * '' otherwise.
     */
    reason: text('reason').notNull().default(''),
    /** The other school, or the class moved to. */
    place: text('place').notNull().default(''),
    note: text('note').notNull().default(''),
    /** A leaving keeps the status (and its date) it replaced, so that a same-day undo restores them exactly. */
    previousStatus: text('previous_status'),
    previousStatusDate: text('previous_status_date'),
    /** The leaving event a 'leaving_undone' event takes back; the leaving row itself is never changed. */
    undoesEventId: integer('undoes_event_id'),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('pupil_events_pupil_idx').on(t.pupilId, t.date)],
);

/** Who teaches which subject in which class: drives a teacher's permissions on the gradebook and lists. */
export const teachingAssignments = sqliteTable(
  'teaching_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    /** A subject key of src-shared/domain/subjects.ts. */
    subject: text('subject').notNull(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('assignments_class_subject_idx').on(t.classId, t.subject),
    index('assignments_staff_idx').on(t.staffId),
  ],
);

/**
 * Equipment inventory (thiết bị): counted items with their condition, in a room or held centrally.
 * Projectors, TVs, water and sanitation items feed the statistics form and the DX indicators.
 */
export const equipment = sqliteTable(
  'equipment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').references(() => rooms.id, { onDelete: 'restrict' }),
    category: text('category', {
      enum: [
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
      ],
    }).notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    condition: text('condition', { enum: ['good', 'needs_repair', 'broken'] }).notNull(),
    yearAcquired: integer('year_acquired'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('equipment_room_idx').on(t.roomId), check('equipment_quantity', sql`quantity >= 0`)],
);

/** Computers one by one: where they are, what they are for, whether they work. */
export const computers = sqliteTable(
  'computers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The school's asset tag, written on the machine. */
    code: text('code').notNull().unique(),
    roomId: integer('room_id').references(() => rooms.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['desktop', 'laptop', 'tablet'] }).notNull(),
    purpose: text('purpose', { enum: ['teaching', 'office'] }).notNull(),
    working: integer('working', { mode: 'boolean' }).notNull().default(true),
    hasInternet: integer('has_internet', { mode: 'boolean' }).notNull().default(true),
    yearAcquired: integer('year_acquired'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('computers_room_idx').on(t.roomId)],
);

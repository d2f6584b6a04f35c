/**
 * Assessment under TT27/2020: one row per pupil × subject × periodic point (the subject teacher's entry),
 * per pupil × quality/competence × point (the GVCN's), per pupil × year (the year's result), and the
 * locks of the periodic points. Each row carries a version: two teachers saving the same cell get
 * `conflict`, never a silent overwrite. The class is stored with the result because a pupil who moves
 * class mid-year has each point's result in the class they were in at that point.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, check, primaryKey } from 'drizzle-orm/sqlite-core';
import { classes, pupils } from '../records/schema';
import { schoolYears } from '../school/schema';
import { users } from '../auth/schema';
import { PERIODIC_POINTS, PROMOTION_DECISIONS, YEAR_LEVELS } from '../../../src-shared/domain/tt27';

const keys = {
  id: integer('id').primaryKey({ autoIncrement: true }),
  pupilId: integer('pupil_id')
    .notNull()
    .references(() => pupils.id, { onDelete: 'cascade' }),
  schoolYearId: integer('school_year_id')
    .notNull()
    .references(() => schoolYears.id, { onDelete: 'restrict' }),
  /** Deleting a class (a cascade the user confirms) takes the results entered in it along. */
  classId: integer('class_id')
    .notNull()
    .references(() => classes.id, { onDelete: 'cascade' }),
};

const stamps = {
  version: integer('version').notNull().default(0),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
};

export const subjectResults = sqliteTable(
  'subject_results',
  {
    ...keys,
    /** A subject key of src-shared/domain/subjects.ts. */
    subject: text('subject').notNull(),
    point: text('point', { enum: PERIODIC_POINTS }).notNull(),
    level: text('level', { enum: ['T', 'H', 'C'] }),
    score: integer('score'),
    /** Bài kiểm tra khác: when the periodic test was out of line with the ongoing assessment. */
    retestScore: integer('retest_score'),
    comment: text('comment').notNull().default(''),
    ...stamps,
  },
  (t) => [
    uniqueIndex('subject_results_cell_idx').on(t.pupilId, t.schoolYearId, t.subject, t.point),
    index('subject_results_class_idx').on(t.classId, t.subject, t.point),
    check('subject_results_score', sql`score IS NULL OR score BETWEEN 0 AND 10`),
    check('subject_results_retest', sql`retest_score IS NULL OR retest_score BETWEEN 0 AND 10`),
  ],
);

export const qualityResults = sqliteTable(
  'quality_results',
  {
    ...keys,
    point: text('point', { enum: PERIODIC_POINTS }).notNull(),
    /** A key of QUALITY_ITEMS (5 phẩm chất, 3 năng lực chung, 7 năng lực đặc thù). */
    item: text('item').notNull(),
    level: text('level', { enum: ['T', 'D', 'C'] }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('quality_results_cell_idx').on(t.pupilId, t.schoolYearId, t.point, t.item),
    index('quality_results_class_idx').on(t.classId, t.point),
  ],
);

export const yearResults = sqliteTable(
  'year_results',
  {
    ...keys,
    /** What the GVCN confirmed; the proposal by the rules is computed, never stored. */
    result: text('result', { enum: YEAR_LEVELS }),
    /** Award keys (AWARDS), as a JSON array. */
    awards: text('awards', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    promotion: text('promotion', { enum: PROMOTION_DECISIONS }),
    supplementary: text('supplementary').notNull().default(''),
    comment: text('comment').notNull().default(''),
    ...stamps,
  },
  (t) => [
    uniqueIndex('year_results_pupil_idx').on(t.pupilId, t.schoolYearId),
    index('year_results_class_idx').on(t.classId),
  ],
);

/** A locked periodic point takes no more edits until the principal unlocks it (both audited). */
export const assessmentLocks = sqliteTable(
  'assessment_locks',
  {
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    point: text('point', { enum: PERIODIC_POINTS }).notNull(),
    lockedBy: integer('locked_by').references(() => users.id, { onDelete: 'set null' }),
    lockedAt: integer('locked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolYearId, t.point] })],
);

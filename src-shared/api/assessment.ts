/**
 * Assessment under TT27/2020 (đánh giá): the subject gradebook per class, subject and periodic point;
 * the GVCN's qualities and competences; the end-of-year result with awards and promotion; locks per
 * point; progress and statistics; the class summary sheet and the học bạ as files.
 * The rules themselves live in src-shared/domain/tt27.ts.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { id, isoDateTime, jobStarted, optionalText, version } from './common';
import {
  AWARDS,
  PERIODIC_POINTS,
  PROMOTION_DECISIONS,
  QUALITY_KEYS,
  QUALITY_LEVELS,
  SUBJECT_LEVELS,
  YEAR_LEVELS,
} from '../domain/tt27';
import { SUBJECT_KEYS } from '../domain/subjects';

export const point = z.enum(PERIODIC_POINTS);
export const subjectKey = z.enum(SUBJECT_KEYS);
export const subjectLevel = z.enum(SUBJECT_LEVELS);
export const qualityLevel = z.enum(QUALITY_LEVELS);
export const qualityKey = z.enum(QUALITY_KEYS);
export const yearLevel = z.enum(YEAR_LEVELS);
export const award = z.enum(AWARDS);
export const promotionDecision = z.enum(PROMOTION_DECISIONS);

/** A test score as typed: the server checks it is an integer in range and prescribed for the point. */
const score = z.number().nullable().default(null);
const comment = optionalText(500);

export const rulesView = z.object({
  minScore: z.union([z.literal(0), z.literal(1)]),
  electivesTested: z.boolean(),
});

const pupilRef = z.object({
  pupilId: id,
  fullName: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  /** Still in the class at the point's date; false for those who left (shown greyed, read-only). */
  enrolled: z.boolean(),
});

// ------------------------------------------------------------------------------------------ classes

export const assessmentClass = z.object({
  classId: id,
  name: z.string(),
  grade: z.number().int(),
  schoolYearId: id,
  homeroomTeacher: z.string().nullable(),
  pupils: z.number().int(),
  /** The user is the class's GVCN (qualities, year results, học bạ). */
  isHomeroom: z.boolean(),
  subjects: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      teacher: z.string().nullable(),
      /** The user may enter this subject (their assignment, or GVCN of a subject nobody holds). */
      canEdit: z.boolean(),
    }),
  ),
});
export type AssessmentClass = z.infer<typeof assessmentClass>;

// ------------------------------------------------------------------------------------------ gradebook

export const gradebookRow = pupilRef.extend({
  level: subjectLevel.nullable(),
  score: z.number().int().nullable(),
  /** Bài kiểm tra khác: the re-test score, which then counts. */
  retestScore: z.number().int().nullable(),
  comment: z.string(),
  /** 0 before the first save. */
  version,
  updatedAt: isoDateTime.nullable(),
});
export type GradebookRow = z.infer<typeof gradebookRow>;

export const gradebookView = z.object({
  classId: id,
  className: z.string(),
  grade: z.number().int(),
  subject: z.string(),
  subjectName: z.string(),
  point,
  /** TT27 prescribes a scored test here: the score column is open and required before the level. */
  tested: z.boolean(),
  locked: z.boolean(),
  canEdit: z.boolean(),
  rules: rulesView,
  rows: z.array(gradebookRow),
});
export type GradebookView = z.infer<typeof gradebookView>;

export const gradebookSave = z.strictObject({
  classId: id,
  subject: subjectKey,
  point,
  pupilId: id,
  level: subjectLevel.nullable().default(null),
  score,
  retestScore: score,
  comment,
  version,
});

// ------------------------------------------------------------------------------------------ qualities

export const qualityCell = z.object({ level: qualityLevel.nullable(), version });

export const qualitiesRow = pupilRef.extend({
  /** By quality key; a missing key has not been rated. */
  cells: z.record(z.string(), qualityCell),
});

export const qualitiesView = z.object({
  classId: id,
  className: z.string(),
  grade: z.number().int(),
  point,
  locked: z.boolean(),
  canEdit: z.boolean(),
  rows: z.array(qualitiesRow),
});
export type QualitiesView = z.infer<typeof qualitiesView>;

export const qualitySave = z.strictObject({
  classId: id,
  point,
  pupilId: id,
  item: qualityKey,
  level: qualityLevel.nullable(),
  version,
});

// ------------------------------------------------------------------------------------------ year results

const shortfall = z.union([
  z.object({ kind: z.literal('subject'), subject: z.string(), level: subjectLevel, needed: z.array(subjectLevel) }),
  z.object({ kind: z.literal('score'), subject: z.string(), score: z.number(), needed: z.number() }),
  z.object({ kind: z.literal('quality'), item: z.string(), level: qualityLevel, needed: z.array(qualityLevel) }),
]);
const missing = z.object({
  kind: z.enum(['subject', 'score', 'quality']),
  subject: z.string().optional(),
  item: z.string().optional(),
});

export const yearRow = pupilRef.extend({
  proposed: yearLevel.nullable(),
  missing: z.array(missing),
  shortfalls: z.array(shortfall),
  /** The reasons in words, in Vietnamese: "Toán: điểm KTĐK 6 < 7". */
  reasons: z.array(z.string()),
  result: yearLevel.nullable(),
  awards: z.array(award),
  promotion: promotionDecision.nullable(),
  supplementary: z.string(),
  comment: z.string(),
  version,
});
export type YearRow = z.infer<typeof yearRow>;

export const yearView = z.object({
  classId: id,
  className: z.string(),
  grade: z.number().int(),
  locked: z.boolean(),
  canEdit: z.boolean(),
  rows: z.array(yearRow),
});

export const yearSave = z.strictObject({
  classId: id,
  pupilId: id,
  result: yearLevel.nullable(),
  awards: z.array(award).max(5).default([]),
  promotion: promotionDecision.nullable().default(null),
  /** Result of the supplementary assessment (đánh giá bổ sung) for a pupil not yet completing. */
  supplementary: optionalText(500),
  comment: optionalText(1000),
  version,
});

// ------------------------------------------------------------------------------------------ locks, progress

export const lockView = z.object({
  point,
  locked: z.boolean(),
  lockedAt: isoDateTime.nullable(),
  lockedBy: z.string().nullable(),
});

export const progressView = z.object({
  point,
  locked: z.boolean(),
  classes: z.array(
    z.object({
      classId: id,
      name: z.string(),
      grade: z.number().int(),
      pupils: z.number().int(),
      subjects: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          teacher: z.string().nullable(),
          done: z.number().int(),
          expected: z.number().int(),
        }),
      ),
      qualities: z.object({ done: z.number().int(), expected: z.number().int() }),
    }),
  ),
});
export type ProgressView = z.infer<typeof progressView>;

export const statsView = z.object({
  point,
  /** One line per subject × class: counts of T/H/C and the score distribution where tested. */
  rows: z.array(
    z.object({
      subject: z.string(),
      subjectName: z.string(),
      classId: id,
      className: z.string(),
      grade: z.number().int(),
      T: z.number().int(),
      H: z.number().int(),
      C: z.number().int(),
      missing: z.number().int(),
      /** Count of scores 0..10 by value; empty where the subject has no test. */
      scores: z.array(z.number().int()),
    }),
  ),
  /** The points of the year at which these classes have any level entered, so a page opens on one. */
  withResults: z.array(point),
});
export type StatsView = z.infer<typeof statsView>;

/** What the summary-sheet and single học bạ jobs end with. */
export const fileResult = z.object({ fileId: id, name: z.string(), pages: z.number().int().optional() });
export type FileResult = z.infer<typeof fileResult>;
/** What the batch học bạ job ends with: one combined file per class. */
export const hocbaBatchResult = z.object({
  files: z.array(fileResult.extend({ className: z.string(), pupils: z.number().int() })),
  pupils: z.number().int(),
});
export type HocbaBatchResult = z.infer<typeof hocbaBatchResult>;

// ------------------------------------------------------------------------------------------ table

export const assessmentApi = {
  'assessment.classes.list': procedure({
    summary: 'The classes of a school year the user may open in the gradebook, with their subjects and rights.',
    input: z.strictObject({ schoolYearId: id.optional() }),
    output: z.object({ schoolYearId: id, classes: z.array(assessmentClass) }),
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.gradebook.get': procedure({
    summary: 'One class × subject × periodic point: level, score and comment of each pupil.',
    input: z.strictObject({ classId: id, subject: subjectKey, point }),
    output: gradebookView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.gradebook.save': procedure({
    summary: 'Save one pupil’s cell group (level, score, re-test, comment); `conflict` if someone saved first.',
    input: gradebookSave,
    output: gradebookRow,
    permission: 'assessment.enter',
    audit: 'write',
  }),
  'assessment.qualities.get': procedure({
    summary: 'One class × periodic point: the GVCN’s T/Đ/C for the 5 qualities and 10 competences.',
    input: z.strictObject({ classId: id, point }),
    output: qualitiesView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.qualities.save': procedure({
    summary: 'Save one quality or competence level of one pupil; `conflict` if someone saved first.',
    input: qualitySave,
    output: z.object({ pupilId: id, item: z.string(), cell: qualityCell }),
    permission: 'assessment.enter',
    audit: 'write',
  }),
  'assessment.year.get': procedure({
    summary:
      'End of year for a class: the proposed result by the TT27 rules with the reasons, and what the GVCN confirmed.',
    input: z.strictObject({ classId: id }),
    output: yearView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.year.save': procedure({
    summary: 'The GVCN confirms a pupil’s result, awards, completion/promotion decision and comment.',
    input: yearSave,
    output: yearRow,
    permission: 'assessment.enter',
    audit: 'write',
  }),
  'assessment.locks.list': procedure({
    summary: 'Which periodic points of a year are locked, by whom and when.',
    input: z.strictObject({ schoolYearId: id.optional() }),
    output: z.object({ schoolYearId: id, points: z.array(lockView) }),
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.locks.set': procedure({
    summary: 'Lock a periodic point (no more edits) or unlock it with a reason; both are audited.',
    input: z.strictObject({ schoolYearId: id, point, locked: z.boolean(), reason: optionalText(300) }),
    output: lockView,
    permission: 'assessment.lock',
    audit: 'write',
  }),
  'assessment.progress': procedure({
    summary: 'Which classes and subjects still miss entries at a periodic point.',
    input: z.strictObject({ schoolYearId: id.optional(), point }),
    output: progressView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.stats': procedure({
    summary: 'Counts per level per subject per class at a periodic point, and the score distribution.',
    input: z.strictObject({ schoolYearId: id.optional(), point, grade: z.number().int().min(1).max(5).optional() }),
    output: statsView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.rules.get': procedure({
    summary: 'The school’s choices on the points TT27 leaves open (lowest score, tests for electives).',
    input: z.strictObject({}),
    output: rulesView,
    permission: 'assessment.read',
    audit: 'none',
  }),
  'assessment.rules.update': procedure({
    summary: 'Change those choices.',
    input: z.strictObject({ minScore: z.union([z.literal(0), z.literal(1)]), electivesTested: z.boolean() }),
    output: rulesView,
    permission: 'assessment.lock',
    audit: 'write',
  }),
  'assessment.summary.export': procedure({
    summary: 'The class summary sheet (Bảng tổng hợp kết quả đánh giá giáo dục của lớp) as xlsx or PDF, as a job.',
    input: z.strictObject({ classId: id, point, format: z.enum(['xlsx', 'pdf']) }),
    output: jobStarted,
    permission: 'assessment.read',
    audit: 'write',
  }),
  'assessment.hocba.pupil': procedure({
    summary: 'The học bạ of one pupil for a school year as PDF, as a job.',
    input: z.strictObject({ pupilId: id, schoolYearId: id.optional() }),
    output: jobStarted,
    permission: 'assessment.read',
    audit: 'sensitive',
  }),
  'assessment.hocba.batch': procedure({
    summary: 'The học bạ of a class or the whole school as one PDF per pupil plus one combined file, as a job.',
    input: z.strictObject({ schoolYearId: id.optional(), classId: id.optional() }),
    output: jobStarted,
    permission: 'assessment.read',
    audit: 'sensitive',
  }),
};

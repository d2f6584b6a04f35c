/**
 * The subject gradebook (sổ theo dõi chất lượng giáo dục): a pupil's level, test score, re-test score and
 * comment for one subject at one periodic point. Saved one pupil at a time as the teacher types; the
 * row's version turns a concurrent save into `conflict`, with the current row in the error for the grid.
 */
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import { subjectName } from '../../../src-shared/domain/subjects';
import {
  isSubjectTaught,
  POINT_LABELS,
  requiresTest,
  scoreProblem,
  type PeriodicPoint,
} from '../../../src-shared/domain/tt27';
import type { GradebookRow, GradebookView } from '../../../src-shared/api/assessment';
import {
  assertCanEditSubject,
  assertCanSeeClass,
  assignmentsOf,
  canEditSubject,
  loadClass,
  type AssessmentAccess,
  type ClassInfo,
} from './scope';
import { assertUnlocked, isLocked, readRules } from './points';
import { enrolledAt, rosterAt, type RosterPupil } from './roster';

interface ResultDb {
  pupilId: number;
  level: 'T' | 'H' | 'C' | null;
  score: number | null;
  retestScore: number | null;
  comment: string;
  version: number;
  updatedAt: number;
}

const RESULT_COLUMNS = `pupil_id AS pupilId, level, score, retest_score AS retestScore, comment, version,
  updated_at AS updatedAt`;

function toRow(pupil: RosterPupil, r: ResultDb | undefined): GradebookRow {
  return {
    ...pupil,
    level: r?.level ?? null,
    score: r?.score ?? null,
    retestScore: r?.retestScore ?? null,
    comment: r?.comment ?? '',
    version: r?.version ?? 0,
    updatedAt: r ? new Date(r.updatedAt).toISOString() : null,
  };
}

export function assertSubjectTaught(cls: ClassInfo, subject: string): void {
  if (!isSubjectTaught(cls.grade, subject)) {
    throw new AppError(
      'rule_violation',
      'assessment.subjectNotTaught',
      { grade: cls.grade, subject: subjectName(subject) },
      { field: 'subject' },
    );
  }
}

export function getGradebook(
  store: Store,
  access: AssessmentAccess,
  classId: number,
  subject: string,
  point: PeriodicPoint,
): GradebookView {
  const cls = loadClass(store, classId);
  assertCanSeeClass(store, access, cls);
  assertSubjectTaught(cls, subject);
  const year = resolveYear(store, cls.schoolYearId);
  const rules = readRules(store);
  const results = store
    .statement(
      `SELECT ${RESULT_COLUMNS} FROM subject_results WHERE school_year_id = ? AND subject = ? AND point = ?
         AND pupil_id IN (SELECT pupil_id FROM enrolments WHERE class_id = ?)`,
    )
    .all(year.id, subject, point, cls.id) as ResultDb[];
  const byPupil = new Map(results.map((r) => [r.pupilId, r]));
  const locked = isLocked(store, year.id, point);
  return {
    classId: cls.id,
    className: cls.name,
    grade: cls.grade,
    subject,
    subjectName: subjectName(subject),
    point,
    tested: requiresTest(cls.grade, subject, point, rules),
    locked,
    canEdit: !locked && canEditSubject(access, cls, assignmentsOf(store, cls.id), subject),
    rules,
    rows: rosterAt(store, cls, year, point).map((p) => toRow(p, byPupil.get(p.pupilId))),
  };
}

export interface GradebookEntry {
  classId: number;
  subject: string;
  point: PeriodicPoint;
  pupilId: number;
  level: 'T' | 'H' | 'C' | null;
  score: number | null;
  retestScore: number | null;
  comment: string;
  version: number;
}

function assertEntryValid(store: Store, cls: ClassInfo, entry: GradebookEntry): void {
  const rules = readRules(store);
  const check = (field: 'score' | 'retestScore', value: number | null) => {
    if (value === null) return;
    const problem = scoreProblem(cls.grade, entry.subject, entry.point, value, rules);
    if (problem) throw new AppError('rule_violation', problem, { min: rules.minScore }, { field });
  };
  check('score', entry.score);
  check('retestScore', entry.retestScore);
  if (entry.retestScore !== null && entry.score === null) {
    throw new AppError('rule_violation', 'assessment.retest.needsScore', {}, { field: 'retestScore' });
  }
  if (entry.level !== null && entry.score === null && requiresTest(cls.grade, entry.subject, entry.point, rules)) {
    throw new AppError(
      'rule_violation',
      'assessment.level.needsScore',
      { subject: subjectName(entry.subject) },
      { field: 'level' },
    );
  }
}

function pupilName(store: Store, pupilId: number): string {
  const name = store.statement('SELECT full_name FROM pupils WHERE id = ?').pluck().get(pupilId) as string | undefined;
  if (name === undefined) throw new AppError('not_found', 'assessment.pupilNotFound', {}, { field: 'pupilId' });
  return name;
}

/** Raises `conflict` carrying the row as it now stands, so the grid can show it. */
export function conflictWith(store: Store, pupilId: number, current: unknown): AppError {
  return new AppError('conflict', 'assessment.conflict', { name: pupilName(store, pupilId) }, { current });
}

export function saveGradebookEntry(store: Store, access: AssessmentAccess, entry: GradebookEntry): GradebookRow {
  const cls = loadClass(store, entry.classId);
  assertCanSeeClass(store, access, cls);
  assertSubjectTaught(cls, entry.subject);
  assertCanEditSubject(store, access, cls, entry.subject);
  const year = resolveYear(store, cls.schoolYearId);
  assertUnlocked(store, year, entry.point);
  pupilName(store, entry.pupilId);
  if (!enrolledAt(store, cls, year, entry.point, entry.pupilId)) {
    throw new AppError(
      'rule_violation',
      'assessment.pupilNotInClass',
      { class: cls.name, point: POINT_LABELS[entry.point] },
      {
        field: 'pupilId',
      },
    );
  }
  assertEntryValid(store, cls, entry);

  return store.transaction(() => {
    const existing = store
      .statement(
        `SELECT id, ${RESULT_COLUMNS} FROM subject_results
         WHERE pupil_id = ? AND school_year_id = ? AND subject = ? AND point = ?`,
      )
      .get(entry.pupilId, year.id, entry.subject, entry.point) as (ResultDb & { id: number }) | undefined;
    const pupil = rosterAt(store, cls, year, entry.point).find((p) => p.pupilId === entry.pupilId)!;
    if ((existing?.version ?? 0) !== entry.version) throw conflictWith(store, entry.pupilId, toRow(pupil, existing));
    const now = Date.now();
    if (existing) {
      store
        .statement(
          `UPDATE subject_results SET level = ?, score = ?, retest_score = ?, comment = ?, class_id = ?,
             version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?`,
        )
        .run(entry.level, entry.score, entry.retestScore, entry.comment, cls.id, access.user.id, now, existing.id);
    } else {
      store
        .statement(
          `INSERT INTO subject_results (pupil_id, school_year_id, class_id, subject, point, level, score,
             retest_score, comment, version, updated_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(
          entry.pupilId,
          year.id,
          cls.id,
          entry.subject,
          entry.point,
          entry.level,
          entry.score,
          entry.retestScore,
          entry.comment,
          access.user.id,
          now,
          now,
        );
    }
    const saved = store
      .statement(
        `SELECT ${RESULT_COLUMNS} FROM subject_results WHERE pupil_id = ? AND school_year_id = ? AND subject = ? AND point = ?`,
      )
      .get(entry.pupilId, year.id, entry.subject, entry.point) as ResultDb;
    return toRow(pupil, saved);
  });
}

/**
 * What the principal watches: which classes and subjects still miss entries at a point, and how the
 * levels and scores are spread across subjects and classes.
 */
import type { Store } from '../../store/open';
import { resolveYear } from '../records/years';
import { subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  MAX_SCORE,
  PERIODIC_POINTS,
  QUALITY_ITEMS,
  requiresTest,
  type PeriodicPoint,
} from '../../../src-shared/domain/tt27';
import type { ProgressView, StatsView } from '../../../src-shared/api/assessment';
import { assignmentsOf, canSeeClass, classesOfYear, type AssessmentAccess } from './scope';
import { isLocked, readRules } from './points';
import { rosterAt } from './roster';

interface CellDb {
  pupilId: number;
  subject: string;
  level: 'T' | 'H' | 'C' | null;
  score: number | null;
}

function classEntries(store: Store, classId: number, schoolYearId: number, point: PeriodicPoint): CellDb[] {
  return store
    .statement(
      `SELECT pupil_id AS pupilId, subject, level, COALESCE(retest_score, score) AS score FROM subject_results
       WHERE school_year_id = ? AND point = ? AND pupil_id IN (SELECT pupil_id FROM enrolments WHERE class_id = ?)`,
    )
    .all(schoolYearId, point, classId) as CellDb[];
}

export function assessmentProgress(
  store: Store,
  access: AssessmentAccess,
  point: PeriodicPoint,
  schoolYearId?: number,
): ProgressView {
  const year = resolveYear(store, schoolYearId);
  const rules = readRules(store);
  const classes = classesOfYear(store, year.id).filter((c) => canSeeClass(store, access, c));
  return {
    point,
    locked: isLocked(store, year.id, point),
    classes: classes.map((cls) => {
      const enrolled = new Set(
        rosterAt(store, cls, year, point)
          .filter((p) => p.enrolled)
          .map((p) => p.pupilId),
      );
      const entries = classEntries(store, cls.id, year.id, point).filter((e) => enrolled.has(e.pupilId));
      const assignments = assignmentsOf(store, cls.id);
      const subjects = subjectsForGrade(cls.grade)
        .filter((s) => !s.elective)
        .map((s) => {
          const tested = requiresTest(cls.grade, s.key, point, rules);
          const done = entries.filter(
            (e) => e.subject === s.key && e.level !== null && (!tested || e.score !== null),
          ).length;
          return {
            key: s.key,
            name: s.name,
            teacher: assignments.get(s.key)?.name ?? cls.homeroomName,
            done,
            expected: enrolled.size,
          };
        });
      const qualitiesDone = store
        .statement(
          `SELECT pupil_id AS pupilId FROM quality_results
           WHERE school_year_id = ? AND point = ? AND level IS NOT NULL AND pupil_id IN (SELECT value FROM json_each(?))`,
        )
        .pluck()
        .all(year.id, point, JSON.stringify([...enrolled])).length;
      return {
        classId: cls.id,
        name: cls.name,
        grade: cls.grade,
        pupils: enrolled.size,
        subjects,
        qualities: { done: qualitiesDone, expected: enrolled.size * QUALITY_ITEMS.length },
      };
    }),
  };
}

export function assessmentStats(
  store: Store,
  access: AssessmentAccess,
  point: PeriodicPoint,
  schoolYearId?: number,
  grade?: number,
): StatsView {
  const year = resolveYear(store, schoolYearId);
  const rules = readRules(store);
  const classes = classesOfYear(store, year.id)
    .filter((c) => grade === undefined || c.grade === grade)
    .filter((c) => canSeeClass(store, access, c));
  const rows: StatsView['rows'] = [];
  for (const cls of classes) {
    const enrolled = new Set(
      rosterAt(store, cls, year, point)
        .filter((p) => p.enrolled)
        .map((p) => p.pupilId),
    );
    const entries = classEntries(store, cls.id, year.id, point).filter((e) => enrolled.has(e.pupilId));
    for (const s of subjectsForGrade(cls.grade).filter((x) => !x.elective)) {
      const mine = entries.filter((e) => e.subject === s.key);
      const count = (level: 'T' | 'H' | 'C') => mine.filter((e) => e.level === level).length;
      const tested = requiresTest(cls.grade, s.key, point, rules);
      const scores = tested ? Array.from({ length: MAX_SCORE + 1 }, () => 0) : [];
      if (tested) for (const e of mine) if (e.score !== null) scores[e.score] = (scores[e.score] ?? 0) + 1;
      const T = count('T');
      const H = count('H');
      const C = count('C');
      rows.push({
        subject: s.key,
        subjectName: s.name,
        classId: cls.id,
        className: cls.name,
        grade: cls.grade,
        T,
        H,
        C,
        missing: enrolled.size - T - H - C,
        scores,
      });
    }
  }
  return {
    point,
    rows,
    withResults: pointsWithResults(
      store,
      year.id,
      classes.map((c) => c.id),
    ),
  };
}

/** The points at which these classes have at least one level entered, in the year's order. */
function pointsWithResults(store: Store, schoolYearId: number, classIds: readonly number[]): PeriodicPoint[] {
  const found = new Set(
    store
      .statement(
        `SELECT DISTINCT point FROM subject_results
         WHERE school_year_id = ? AND level IS NOT NULL AND class_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(schoolYearId, JSON.stringify(classIds)) as PeriodicPoint[],
  );
  return PERIODIC_POINTS.filter((p) => found.has(p));
}

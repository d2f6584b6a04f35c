/**
 * The periodic points in time: the date each falls on in a school year (who was in a class then),
 * their locks, and the school's choices on the rules TT27 leaves open.
 */
import { z } from 'zod';
import dayjs from 'dayjs';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import type { YearRow } from '../records/years';
import { readSetting, writeSetting } from '../../store/settings';
import { DEFAULT_RULES, POINT_LABELS, type AssessmentRules, type PeriodicPoint } from '../../../src-shared/domain/tt27';

function midpoint(from: string, to: string): string {
  const a = dayjs(from);
  return a.add(Math.floor(dayjs(to).diff(a, 'day') / 2), 'day').format('YYYY-MM-DD');
}

/**
 * The date a point's assessment refers to: the middle and the end of each term. A pupil belongs to a
 * class's list at a point when their enrolment there covers this date.
 */
export function pointDate(year: YearRow, point: PeriodicPoint): string {
  switch (point) {
    case 'GIUA_HK1':
      return midpoint(year.startDate, year.term1End);
    case 'CUOI_HK1':
      return year.term1End;
    case 'GIUA_HK2':
      return midpoint(year.term2Start, year.endDate);
    case 'CUOI_NAM':
      return year.endDate;
  }
}

export interface LockRow {
  point: PeriodicPoint;
  lockedAt: number;
  lockedBy: string | null;
}

export function locksOf(store: Store, schoolYearId: number): Map<PeriodicPoint, LockRow> {
  const rows = store
    .statement(
      `SELECT l.point, l.locked_at AS lockedAt, u.full_name AS lockedBy
       FROM assessment_locks l LEFT JOIN users u ON u.id = l.locked_by WHERE l.school_year_id = ?`,
    )
    .all(schoolYearId) as LockRow[];
  return new Map(rows.map((r) => [r.point, r]));
}

export function isLocked(store: Store, schoolYearId: number, point: PeriodicPoint): boolean {
  return (
    store
      .statement('SELECT 1 FROM assessment_locks WHERE school_year_id = ? AND point = ?')
      .get(schoolYearId, point) !== undefined
  );
}

export function assertUnlocked(store: Store, year: YearRow, point: PeriodicPoint): void {
  if (isLocked(store, year.id, point)) {
    throw new AppError(
      'rule_violation',
      'assessment.locked',
      { point: POINT_LABELS[point], year: year.name },
      { reason: 'locked' },
    );
  }
}

export function setLock(
  store: Store,
  schoolYearId: number,
  point: PeriodicPoint,
  locked: boolean,
  userId: number,
): void {
  store.transaction(() => {
    if (locked) {
      store
        .statement(
          `INSERT INTO assessment_locks (school_year_id, point, locked_by, locked_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .run(schoolYearId, point, userId, Date.now());
    } else {
      store.statement('DELETE FROM assessment_locks WHERE school_year_id = ? AND point = ?').run(schoolYearId, point);
    }
  });
}

const RULES_KEY = 'assessment.rules';
const rulesSchema = z.object({ minScore: z.union([z.literal(0), z.literal(1)]), electivesTested: z.boolean() });

export function readRules(store: Store): AssessmentRules {
  return readSetting(store, RULES_KEY, rulesSchema, DEFAULT_RULES);
}

export function writeRules(store: Store, rules: AssessmentRules): void {
  writeSetting(store, RULES_KEY, rules);
}

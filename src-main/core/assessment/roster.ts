/**
 * Who is on a class's list at a periodic point: the pupils whose enrolment in the class covers the
 * point's date (end dates are exclusive, as in the records; a pupil who moved or transferred mid-year is listed in each class, and each school, for
 * the points they were there), plus anyone who already has results here from before they left, shown
 * as no longer enrolled. Class-list order: tên, then họ đệm, Vietnamese collation.
 */
import type { Store } from '../../store/open';
import type { PeriodicPoint } from '../../../src-shared/domain/tt27';
import type { YearRow } from '../records/years';
import type { ClassInfo } from './scope';
import { pointDate } from './points';

export interface RosterPupil {
  pupilId: number;
  fullName: string;
  sex: 'male' | 'female';
  birthDate: string;
  enrolled: boolean;
}

const ROSTER_SQL = `
  SELECT p.id AS pupilId, p.full_name AS fullName, p.sex, p.birth_date AS birthDate,
         MAX(CASE WHEN e.class_id = :classId AND e.start_date <= :date
                   AND (e.end_date IS NULL OR e.end_date > :date OR e.exit = 'completed') THEN 1 ELSE 0 END) AS enrolled
  FROM pupils p
  JOIN enrolments e ON e.pupil_id = p.id AND e.class_id = :classId
  GROUP BY p.id
  HAVING enrolled = 1 OR EXISTS (
    SELECT 1 FROM subject_results r WHERE r.pupil_id = p.id AND r.class_id = :classId AND r.point = :point
    UNION ALL
    SELECT 1 FROM quality_results q WHERE q.pupil_id = p.id AND q.class_id = :classId AND q.point = :point)
  ORDER BY p.sort_key`;

export function rosterAt(store: Store, cls: ClassInfo, year: YearRow, point: PeriodicPoint): RosterPupil[] {
  const rows = store.statement(ROSTER_SQL).all({ classId: cls.id, date: pointDate(year, point), point }) as (Omit<
    RosterPupil,
    'enrolled'
  > & {
    enrolled: number;
  })[];
  return rows.map((r) => ({ ...r, enrolled: r.enrolled === 1 }));
}

export function enrolledAt(
  store: Store,
  cls: ClassInfo,
  year: YearRow,
  point: PeriodicPoint,
  pupilId: number,
): boolean {
  const date = pointDate(year, point);
  return (
    store
      .statement(
        `SELECT 1 FROM enrolments WHERE pupil_id = ? AND class_id = ? AND start_date <= ?
           AND (end_date IS NULL OR end_date > ? OR exit = 'completed')`,
      )
      .get(pupilId, cls.id, date, date) !== undefined
  );
}

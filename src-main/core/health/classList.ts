/**
 * A class's pupils with their latest check of the school year: what the nurse's entry grid shows,
 * one row a pupil, in class-list order.
 */
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import type { ClassCheckRow } from '../../../src-shared/api/health';
import type { Sex } from '../../../src-shared/domain/growth';
import { checksInYear, toCheckView } from './checks';
import { assertClassVisible, type HealthScope } from './scope';

interface ClassDb {
  id: number;
  name: string;
  grade: number;
  schoolYearId: number;
}

interface MemberDb {
  id: number;
  fullName: string;
  sex: Sex;
  birthDate: string;
}

/**
 * The pupils who belong to a class for its year: in it now, or in it when the year ended (the same
 * rule as the records' class lists), each once.
 */
const CLASS_MEMBERS_SQL = `
  SELECT DISTINCT p.id, p.full_name AS fullName, p.sex, p.birth_date AS birthDate
  FROM enrolments e JOIN pupils p ON p.id = e.pupil_id
  WHERE e.class_id = ? AND (e.end_date IS NULL OR e.exit = 'completed')
  ORDER BY p.sort_key`;

export function classChecks(store: Store, scope: HealthScope, classId: number, schoolYearId?: number) {
  const cls = store
    .statement('SELECT id, name, grade, school_year_id AS schoolYearId FROM classes WHERE id = ?')
    .get(classId) as ClassDb | undefined;
  if (!cls) throw new AppError('not_found', 'health.class_not_found', {}, { field: 'classId' });
  assertClassVisible(scope, classId);
  const yearId = schoolYearId ?? cls.schoolYearId;
  const yearName = store.statement('SELECT name FROM school_years WHERE id = ?').pluck().get(yearId) as
    string | undefined;
  if (yearName === undefined) throw new AppError('not_found', 'school.year_not_found', {}, { field: 'schoolYearId' });

  const members = store.statement(CLASS_MEMBERS_SQL).all(classId) as MemberDb[];
  const byPupil = new Map<number, ReturnType<typeof checksInYear>>();
  const pupilIds = members.map((m) => m.id);
  for (const found of checksInYear(store, pupilIds, yearId)) {
    const list = byPupil.get(found.check.pupilId) ?? [];
    list.push(found);
    byPupil.set(found.check.pupilId, list);
  }
  const rows: ClassCheckRow[] = members.map((pupil) => {
    const checks = byPupil.get(pupil.id) ?? [];
    const newest = checks[0];
    return {
      pupil,
      latest: newest ? toCheckView(newest.check, pupil.birthDate, newest.by) : null,
      checks: checks.length,
    };
  });
  return {
    class: { id: cls.id, name: cls.name, grade: cls.grade, schoolYearId: cls.schoolYearId },
    schoolYear: { id: yearId, name: yearName },
    rows,
  };
}

/** The classes of a year the scope may see, with their pupil counts: the class picker's options. */
export function healthClasses(store: Store, scope: HealthScope, schoolYearId?: number) {
  const year = resolveYear(store, schoolYearId);
  const rows = store
    .statement(
      `SELECT c.id, c.name, c.grade,
         (SELECT count(DISTINCT e.pupil_id) FROM enrolments e
            WHERE e.class_id = c.id AND (e.end_date IS NULL OR e.exit = 'completed')) AS pupils
       FROM classes c WHERE c.school_year_id = ? ORDER BY c.grade, c.name`,
    )
    .all(year.id) as { id: number; name: string; grade: number; pupils: number }[];
  return {
    schoolYear: { id: year.id, name: year.name },
    rows: scope.classIds === null ? rows : rows.filter((r) => scope.classIds!.has(r.id)),
  };
}

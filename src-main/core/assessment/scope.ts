/**
 * Who may see and enter which results. The principal and the clerk see every class; a teacher the
 * classes they are GVCN of or teach a subject in. A subject's results are entered by the teacher
 * assigned to it in that class (or by the GVCN when nobody is assigned); qualities, competences and
 * the year's result by the GVCN. The principal may enter anything; the clerk nothing.
 */
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { AppError } from '../../errors';
import { roleHas } from '../../../src-shared/domain/roles';
import { subjectName } from '../../../src-shared/domain/subjects';

export interface AssessmentAccess {
  readonly user: SessionUser;
  /** The staff record of a teacher; null for other roles or an unlinked account. */
  readonly staffId: number | null;
  readonly seesAll: boolean;
  readonly entersAll: boolean;
}

export interface ClassInfo {
  id: number;
  name: string;
  grade: number;
  schoolYearId: number;
  homeroomStaffId: number | null;
  homeroomName: string | null;
}

export function accessFor(store: Store, user: SessionUser): AssessmentAccess {
  const teacher = user.role === 'teacher';
  const staffId = teacher
    ? ((store.statement('SELECT id FROM staff WHERE user_id = ?').pluck().get(user.id) as number | undefined) ?? null)
    : null;
  return {
    user,
    staffId,
    seesAll: !teacher,
    entersAll: !teacher && roleHas(user.role, 'assessment.enter'),
  };
}

const CLASS_SQL = `
  SELECT c.id, c.name, c.grade, c.school_year_id AS schoolYearId, c.homeroom_staff_id AS homeroomStaffId,
         s.full_name AS homeroomName
  FROM classes c LEFT JOIN staff s ON s.id = c.homeroom_staff_id`;

export function loadClass(store: Store, classId: number): ClassInfo {
  const row = store.statement(`${CLASS_SQL} WHERE c.id = ?`).get(classId) as ClassInfo | undefined;
  if (!row) throw new AppError('not_found', 'assessment.classNotFound', {}, { field: 'classId' });
  return row;
}

export function classesOfYear(store: Store, schoolYearId: number): ClassInfo[] {
  return store
    .statement(`${CLASS_SQL} WHERE c.school_year_id = ? ORDER BY c.grade, c.name`)
    .all(schoolYearId) as ClassInfo[];
}

/** Subject key → staff id of the teacher assigned in this class. */
export function assignmentsOf(store: Store, classId: number): Map<string, { staffId: number; name: string }> {
  const rows = store
    .statement(
      `SELECT a.subject, a.staff_id AS staffId, s.full_name AS name
       FROM teaching_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.class_id = ?`,
    )
    .all(classId) as { subject: string; staffId: number; name: string }[];
  return new Map(rows.map((r) => [r.subject, { staffId: r.staffId, name: r.name }]));
}

export function isHomeroom(access: AssessmentAccess, cls: ClassInfo): boolean {
  return access.staffId !== null && cls.homeroomStaffId === access.staffId;
}

export function canSeeClass(store: Store, access: AssessmentAccess, cls: ClassInfo): boolean {
  if (access.seesAll) return true;
  if (access.staffId === null) return false;
  if (isHomeroom(access, cls)) return true;
  return [...assignmentsOf(store, cls.id).values()].some((a) => a.staffId === access.staffId);
}

export function assertCanSeeClass(store: Store, access: AssessmentAccess, cls: ClassInfo): void {
  if (!canSeeClass(store, access, cls)) {
    throw new AppError('forbidden', 'assessment.notVisible', { class: cls.name }, { field: 'classId' });
  }
}

export function canEditSubject(
  access: AssessmentAccess,
  cls: ClassInfo,
  assignments: Map<string, { staffId: number }>,
  subject: string,
): boolean {
  if (access.entersAll) return true;
  if (access.staffId === null) return false;
  const assigned = assignments.get(subject);
  return assigned ? assigned.staffId === access.staffId : isHomeroom(access, cls);
}

export function assertCanEditSubject(store: Store, access: AssessmentAccess, cls: ClassInfo, subject: string): void {
  if (!canEditSubject(access, cls, assignmentsOf(store, cls.id), subject)) {
    throw new AppError(
      'forbidden',
      'assessment.notTeacher',
      { subject: subjectName(subject), class: cls.name },
      { field: 'subject' },
    );
  }
}

/** Qualities, competences and the year's result: the GVCN (or the principal). */
export function canEditHomeroom(access: AssessmentAccess, cls: ClassInfo): boolean {
  return access.entersAll || isHomeroom(access, cls);
}

export function assertCanEditHomeroom(access: AssessmentAccess, cls: ClassInfo): void {
  if (!canEditHomeroom(access, cls)) {
    throw new AppError('forbidden', 'assessment.notHomeroom', { class: cls.name }, { field: 'classId' });
  }
}

/** Teaching assignments: which teacher teaches which subject in which class. */
import { and, eq } from 'drizzle-orm';
import { classes, staff, teachingAssignments } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from './years';
import type { AssignmentView } from '../../../src-shared/api/records';
import { subjectName, subjectsForGrade } from '../../../src-shared/domain/subjects';
import type { RecordsScope } from './scope';

export function listAssignments(
  store: Store,
  scope: RecordsScope,
  filter: { schoolYearId?: number; classId?: number; staffId?: number },
): AssignmentView[] {
  const year = resolveYear(store, filter.schoolYearId);
  return store.orm
    .select({
      id: teachingAssignments.id,
      classId: classes.id,
      className: classes.name,
      subject: teachingAssignments.subject,
      staffId: staff.id,
      staffName: staff.fullName,
    })
    .from(teachingAssignments)
    .innerJoin(classes, eq(classes.id, teachingAssignments.classId))
    .innerJoin(staff, eq(staff.id, teachingAssignments.staffId))
    .where(
      and(
        eq(classes.schoolYearId, year.id),
        filter.classId !== undefined ? eq(classes.id, filter.classId) : undefined,
        filter.staffId !== undefined ? eq(staff.id, filter.staffId) : undefined,
      ),
    )
    .orderBy(classes.grade, classes.name, teachingAssignments.subject)
    .all()
    .filter((a) => scope.classIds === null || scope.classIds.has(a.classId));
}

export function setAssignment(
  store: Store,
  classId: number,
  subject: string,
  staffId: number | null,
): AssignmentView | null {
  return store.transaction(() => {
    const cls = store.orm.select().from(classes).where(eq(classes.id, classId)).get();
    if (!cls) throw new AppError('not_found', 'records.class_not_found', {}, { field: 'classId' });
    if (!subjectsForGrade(cls.grade).some((s) => s.key === subject)) {
      throw new AppError(
        'rule_violation',
        'records.subject_not_in_grade',
        { subject: subjectName(subject), grade: cls.grade },
        { field: 'subject' },
      );
    }
    store.orm
      .delete(teachingAssignments)
      .where(and(eq(teachingAssignments.classId, classId), eq(teachingAssignments.subject, subject)))
      .run();
    if (staffId === null) return null;
    const teacher = store.orm.select().from(staff).where(eq(staff.id, staffId)).get();
    if (!teacher) throw new AppError('not_found', 'records.staff_not_found', {}, { field: 'staffId' });
    const row = store.orm
      .insert(teachingAssignments)
      .values({ classId, subject, staffId, createdAt: Date.now() })
      .returning()
      .get();
    return { id: row.id, classId, className: cls.name, subject, staffId, staffName: teacher.fullName };
  });
}

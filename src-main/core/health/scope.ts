/**
 * Who sees whose health data. The medical role and the principal see every pupil; a teacher only the
 * pupils of classes they are (or were) homeroom teacher (GVCN) of — not the classes they merely teach
 * a subject in, which is wider than the records scope. Anything outside the scope is "not found", so a
 * teacher cannot even learn whether a pupil has health data.
 */
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { AppError } from '../../errors';

export interface HealthScope {
  /** null: every class. */
  classIds: Set<number> | null;
}

export function healthScope(store: Store, user: SessionUser): HealthScope {
  if (user.role !== 'teacher') return { classIds: null };
  const ids = store
    .statement(`SELECT c.id FROM classes c JOIN staff s ON s.id = c.homeroom_staff_id WHERE s.user_id = ?`)
    .pluck()
    .all(user.id) as number[];
  return { classIds: new Set(ids) };
}

export function assertClassVisible(scope: HealthScope, classId: number): void {
  if (scope.classIds !== null && !scope.classIds.has(classId)) {
    throw new AppError('not_found', 'health.class_not_found', {}, { field: 'classId' });
  }
}

/** The pupil exists and the scope may see them: an enrolment, current or past, in a class of theirs. */
export function assertPupilVisible(store: Store, scope: HealthScope, pupilId: number): void {
  const exists = store.statement('SELECT 1 FROM pupils WHERE id = ?').get(pupilId);
  if (!exists) throw new AppError('not_found', 'health.pupil_not_found', {}, { field: 'pupilId' });
  if (scope.classIds === null) return;
  const classIds = store
    .statement('SELECT class_id FROM enrolments WHERE pupil_id = ?')
    .pluck()
    .all(pupilId) as number[];
  if (!classIds.some((c) => scope.classIds!.has(c))) {
    throw new AppError('not_found', 'health.pupil_not_found', {}, { field: 'pupilId' });
  }
}

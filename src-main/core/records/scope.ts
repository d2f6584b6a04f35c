/**
 * Who sees which records. A teacher sees the classes they are homeroom teacher (GVCN) of or teach a
 * subject in; everyone else with records.read sees the whole school. Personal ID numbers are shown only
 * to those who manage records.
 */
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { roleHas } from '../../../src-shared/domain/roles';

export interface RecordsScope {
  /** null: every class. */
  classIds: Set<number> | null;
  /** May see số định danh cá nhân and other identity numbers. */
  seesPersonalIds: boolean;
}

export function recordsScope(store: Store, user: SessionUser): RecordsScope {
  const seesPersonalIds = roleHas(user.role, 'records.manage');
  if (user.role !== 'teacher') return { classIds: null, seesPersonalIds };
  const ids = store.db
    .prepare(
      `SELECT c.id FROM classes c JOIN staff s ON s.id = c.homeroom_staff_id WHERE s.user_id = ?
       UNION
       SELECT a.class_id FROM teaching_assignments a JOIN staff s ON s.id = a.staff_id WHERE s.user_id = ?`,
    )
    .pluck()
    .all(user.id, user.id) as number[];
  return { classIds: new Set(ids), seesPersonalIds };
}

export function canSeeClass(scope: RecordsScope, classId: number): boolean {
  return scope.classIds === null || scope.classIds.has(classId);
}

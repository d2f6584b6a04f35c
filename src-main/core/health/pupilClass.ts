import type { Store } from '../../store/open';

/** The class a pupil is in now, or was last in: the heading of their health page. */
export function currentClassName(store: Store, pupilId: number): string | null {
  const name = store
    .statement(
      `SELECT c.name FROM enrolments e JOIN classes c ON c.id = e.class_id
       WHERE e.pupil_id = ? ORDER BY e.end_date IS NULL DESC, e.start_date DESC, e.id DESC LIMIT 1`,
    )
    .pluck()
    .get(pupilId) as string | undefined;
  return name ?? null;
}

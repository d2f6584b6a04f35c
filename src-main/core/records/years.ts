import { eq } from 'drizzle-orm';
import { schoolYears } from '../school/schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';

export type YearRow = typeof schoolYears.$inferSelect;

/** The given school year, or the current one; records always live in a year. */
export function resolveYear(store: Store, schoolYearId?: number): YearRow {
  const row =
    schoolYearId === undefined
      ? store.orm.select().from(schoolYears).where(eq(schoolYears.isCurrent, true)).get()
      : store.orm.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId)).get();
  if (!row) {
    throw schoolYearId === undefined
      ? new AppError('rule_violation', 'records.no_current_year')
      : new AppError('not_found', 'school.year_not_found');
  }
  return row;
}

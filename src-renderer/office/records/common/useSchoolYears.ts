/** The school's years, for the year selectors; the current one is the default everywhere. */
import type { SchoolYear } from '../../../../src-shared/api/school';
import { useProcedure } from '../../../lib/useProcedure';

export interface SchoolYears {
  years: SchoolYear[];
  current: SchoolYear | null;
  loaded: boolean;
}

export function useSchoolYears(): SchoolYears {
  const list = useProcedure('school.years.list', {});
  const years = list.data?.years ?? [];
  return { years, current: years.find((y) => y.isCurrent) ?? null, loaded: list.data !== undefined };
}

/**
 * A school year (năm học) runs from early September to late May: học kỳ I, then học kỳ II.
 * The name is the two calendar years it spans, '2024-2025'.
 */
import type { MessageKey } from '../i18n';

export interface SchoolYearDates {
  name: string;
  startDate: string;
  term1End: string;
  term2Start: string;
  endDate: string;
}

export const SCHOOL_YEAR_NAME = /^(\d{4})-(\d{4})$/;

export function isSchoolYearName(name: string): boolean {
  const m = SCHOOL_YEAR_NAME.exec(name);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}

/** The first problem with a year's dates, or null when they are consistent. ISO dates compare as text. */
export function schoolYearProblem(y: SchoolYearDates): MessageKey | null {
  if (!(y.startDate <= y.term1End && y.term1End < y.term2Start && y.term2Start <= y.endDate)) {
    return 'school.year_dates_order';
  }
  const m = SCHOOL_YEAR_NAME.exec(y.name);
  if (m && (y.startDate.slice(0, 4) !== m[1] || y.endDate.slice(0, 4) !== m[2])) {
    return 'school.year_dates_in_name';
  }
  return null;
}

/** Usual dates for a year starting in `startYear` (the calendar the Ministry publishes each summer). */
export function defaultSchoolYear(startYear: number): SchoolYearDates {
  return {
    name: `${startYear}-${startYear + 1}`,
    startDate: `${startYear}-09-05`,
    term1End: `${startYear + 1}-01-15`,
    term2Start: `${startYear + 1}-01-16`,
    endDate: `${startYear + 1}-05-31`,
  };
}

/** The school year a date falls in: years turn over in August. */
export function schoolYearStartFor(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 8 ? year : year - 1;
}

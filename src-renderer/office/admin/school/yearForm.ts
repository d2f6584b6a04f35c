/**
 * A school year as a form holds it (dayjs values for the date pickers) and as the server takes it
 * (yyyy-MM-dd strings). Shown and typed as dd/MM/yyyy.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { ISO_DATE, VN_DATE } from '../../../../src-shared/domain/dates';
import { schoolYearProblem, type SchoolYearDates } from '../../../../src-shared/domain/schoolYear';
import type { MessageKey } from '../../../../src-shared/i18n';

export const DATE_FORMAT = VN_DATE;

export const YEAR_DATE_FIELDS = ['startDate', 'term1End', 'term2Start', 'endDate'] as const;
export type YearDateField = (typeof YEAR_DATE_FIELDS)[number];

export type YearFormValues = { name: string } & Record<YearDateField, Dayjs | null | undefined>;

/** A field's date, or null while it is empty or its text cannot be read (the date field's UnreadDate). */
export function yearFormDate(value: unknown): Dayjs | null {
  return dayjs.isDayjs(value) && value.isValid() ? value : null;
}

export function yearToForm(year: SchoolYearDates): YearFormValues {
  return {
    name: year.name,
    startDate: dayjs(year.startDate, ISO_DATE),
    term1End: dayjs(year.term1End, ISO_DATE),
    term2Start: dayjs(year.term2Start, ISO_DATE),
    endDate: dayjs(year.endDate, ISO_DATE),
  };
}

/** null while a date is missing. */
export function formToYear(values: Partial<YearFormValues> | undefined): SchoolYearDates | null {
  if (!values) return null;
  const dates: Partial<Record<YearDateField, string>> = {};
  for (const field of YEAR_DATE_FIELDS) {
    const value = yearFormDate(values[field]);
    if (!value) return null;
    dates[field] = value.format(ISO_DATE);
  }
  return { name: (values.name ?? '').trim(), ...(dates as Record<YearDateField, string>) };
}

/** The first thing wrong with the dates, for feedback while the user types; null when fine or incomplete. */
export function yearFormProblem(values: Partial<YearFormValues> | undefined): { key: MessageKey; name: string } | null {
  const year = formToYear(values);
  if (!year) return null;
  const key = schoolYearProblem(year);
  return key ? { key, name: year.name } : null;
}

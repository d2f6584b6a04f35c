/**
 * Calendar dates travel as 'yyyy-MM-dd' strings (no time zone to get wrong); screens show dd/MM/yyyy.
 * Instants travel as ISO strings and are shown in the school's time zone, Asia/Ho_Chi_Minh.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

export const SCHOOL_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const ISO_DATE = 'YYYY-MM-DD';
export const VN_DATE = 'DD/MM/YYYY';

export function isValidIsoDate(value: string): boolean {
  return dayjs(value, ISO_DATE, true).isValid();
}

/** 'yyyy-MM-dd' → 'dd/MM/yyyy'; anything else is returned unchanged. */
export function formatIsoDateVn(value: string): string {
  const d = dayjs(value, ISO_DATE, true);
  return d.isValid() ? d.format(VN_DATE) : value;
}

/** An instant as 'dd/MM/yyyy HH:mm:ss' in the school's time zone. */
export function formatInstantVn(value: string | number | Date): string {
  return dayjs(value).tz(SCHOOL_TIME_ZONE).format(`${VN_DATE} HH:mm:ss`);
}

/** Today's date in the school's time zone as 'yyyy-MM-dd'. */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).tz(SCHOOL_TIME_ZONE).format(ISO_DATE);
}

/** The start of a calendar day in the school's time zone, as an epoch in milliseconds. */
export function startOfSchoolDay(isoDate: string): number {
  return dayjs.tz(isoDate, ISO_DATE, SCHOOL_TIME_ZONE).valueOf();
}

/**
 * The ways people type a date into a date field: day first as on every Vietnamese form, with or without
 * separators and leading zeros, or the ISO form pasted from elsewhere. The shape is checked first so
 * that a date in a known shape that does not exist (31/02/2020) is told apart from text that is no date.
 */
const TYPED_DATE_FORMATS: readonly { shape: RegExp; formats: readonly string[] }[] = [
  { shape: /^\d{1,2}\/\d{1,2}\/\d{4}$/, formats: ['D/M/YYYY', 'DD/MM/YYYY', 'D/MM/YYYY', 'DD/M/YYYY'] },
  { shape: /^\d{1,2}-\d{1,2}-\d{4}$/, formats: ['D-M-YYYY', 'DD-MM-YYYY', 'D-MM-YYYY', 'DD-M-YYYY'] },
  { shape: /^\d{1,2}\.\d{1,2}\.\d{4}$/, formats: ['D.M.YYYY', 'DD.MM.YYYY', 'D.MM.YYYY', 'DD.M.YYYY'] },
  { shape: /^\d{8}$/, formats: ['DDMMYYYY'] },
  { shape: /^\d{4}-\d{2}-\d{2}$/, formats: [ISO_DATE] },
];
/** Years outside this range are typing mistakes (20200 for 2020), whatever the field. */
const TYPED_YEARS = { min: 1900, max: 2100 };

export type TypedDate = { ok: true; iso: string } | { ok: false; problem: 'format' | 'impossible' };

/** A date as typed ('1/1/2020', '01012020', '2020-01-01', ...) as 'yyyy-MM-dd', or why it is none. */
export function parseTypedDate(text: string): TypedDate {
  const value = text.trim();
  const known = TYPED_DATE_FORMATS.find((f) => f.shape.test(value));
  if (!known) return { ok: false, problem: 'format' };
  // Strict parsing refuses a day the month does not have instead of rolling it into the next month.
  const date = known.formats.map((f) => dayjs(value, f, true)).find((d) => d.isValid());
  if (!date || date.year() < TYPED_YEARS.min || date.year() > TYPED_YEARS.max) {
    return { ok: false, problem: 'impossible' };
  }
  return { ok: true, iso: date.format(ISO_DATE) };
}

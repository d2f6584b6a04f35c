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

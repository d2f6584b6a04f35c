/** Calendar dates as the forms hold them (dayjs, typed dd/MM/yyyy) and as the server takes them (yyyy-MM-dd). */
import dayjs, { type Dayjs } from 'dayjs';
import { ISO_DATE, todayIso, VN_DATE } from '../../../../src-shared/domain/dates';

export const DATE_FORMAT = VN_DATE;

export function toIso(value: Dayjs): string {
  return value.format(ISO_DATE);
}

export function toIsoOrNull(value: Dayjs | null | undefined): string | null {
  return value && value.isValid() ? value.format(ISO_DATE) : null;
}

export function fromIso(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value, ISO_DATE, true);
  return d.isValid() ? d : undefined;
}

/** Today in the school's time zone, for the date fields of moves and departures. */
export function today(): Dayjs {
  return dayjs(todayIso(), ISO_DATE);
}

/**
 * The date a move or departure defaults to: today, but not before the current school year starts
 * (in August the clerk is already preparing the new year, whose dates are the only ones accepted).
 */
export function defaultEventDate(yearStart: string | undefined): Dayjs {
  const start = fromIso(yearStart);
  const now = today();
  return start && now.isBefore(start) ? start : now;
}

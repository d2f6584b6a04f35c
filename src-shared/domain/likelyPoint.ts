/** Which periodic point a school is most likely entering results for on a given day. */
import { PERIODIC_POINTS, type PeriodicPoint } from './tt27';

export interface YearDates {
  startDate: string;
  term1End: string;
  term2Start: string;
  endDate: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function midpoint(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date((a + b) / 2).toISOString().slice(0, 10);
}

/**
 * The point teachers are most likely entering on `today`: each one until about three weeks after its
 * date (the middle of a term, the end of a term), when the results are in.
 */
export function likelyPoint(year: YearDates | undefined, today: string): PeriodicPoint {
  if (!year) return PERIODIC_POINTS[0];
  const limits: [PeriodicPoint, string][] = [
    ['GIUA_HK1', addDays(midpoint(year.startDate, year.term1End), 21)],
    ['CUOI_HK1', addDays(year.term1End, 21)],
    ['GIUA_HK2', addDays(midpoint(year.term2Start, year.endDate), 21)],
  ];
  return limits.find(([, until]) => today <= until)?.[0] ?? 'CUOI_NAM';
}

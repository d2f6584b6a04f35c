/**
 * A pupil's status in the sector database's terms (DM_TRANG_THAI_HOC_SINH): the code depends on what
 * happened and when — in học kỳ I, học kỳ II or the summer.
 */
import type { SchoolYearDates } from './schoolYear';

export type StatusEvent = 'transfer_in' | 'transfer_out' | 'dropout' | 'readmit';

const CODES: Record<StatusEvent, Record<'term1' | 'term2' | 'summer', string>> = {
  transfer_in: { term1: '02', term2: '06', summer: '10' },
  readmit: { term1: '03', term2: '07', summer: '10' },
  transfer_out: { term1: '04', term2: '08', summer: '11' },
  dropout: { term1: '05', term2: '09', summer: '12' },
};

export const STUDYING = '01';
/** Codes of pupils still at the school: studying, arrived, or back after a break. */
const PRESENT = new Set(['01', '02', '03', '06', '07', '10']);

export function isPresent(status: string): boolean {
  return PRESENT.has(status);
}

export function termOf(date: string, year: SchoolYearDates): 'term1' | 'term2' | 'summer' {
  if (date >= year.startDate && date <= year.term1End) return 'term1';
  if (date >= year.term2Start && date <= year.endDate) return 'term2';
  return 'summer';
}

export function statusAfter(event: StatusEvent, date: string, year: SchoolYearDates): string {
  return CODES[event][termOf(date, year)];
}

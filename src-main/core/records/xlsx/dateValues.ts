/**
 * Dates as Vietnamese spreadsheets hold them: real Excel dates, bare serial numbers (a date column whose
 * format was lost), and text typed day first — 05/09/2018, 5/9/2018, 05-09-2018, 05.09.2018 — or the
 * sector database's 2018-09-05(T00:00:00). Month-first text is never guessed: 12/25/2018 is refused.
 */
import dayjs from 'dayjs';
import { ISO_DATE } from '../../../../src-shared/domain/dates';
import { type CellValue, numberText } from './cells';

export type DateProblem = 'format' | 'impossible' | 'yearOnly' | 'serialRange';
export type DateResult = { ok: true; iso: string } | { ok: false; problem: DateProblem; shown: string };

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YEAR_ONLY = /^\d{4}$/;

/** The largest serial Excel accepts (31/12/9999). */
const MAX_SERIAL = 2958465;

const pad2 = (s: string) => s.padStart(2, '0');

/** The regular expressions above only pass on what looks like a date; dayjs decides whether it is one. */
function strict(text: string, format: string, shown: string): DateResult {
  const d = dayjs(text, format, true);
  return d.isValid() ? { ok: true, iso: d.format(ISO_DATE) } : { ok: false, problem: 'impossible', shown };
}

export function dateFromText(text: string): DateResult {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, , m, y] = dayFirst as unknown as [string, string, string, string, string];
    return strict(`${pad2(d)}/${pad2(m)}/${y}`, 'DD/MM/YYYY', text);
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const [, y, m, d] = yearFirst as unknown as [string, string, string, string];
    return strict(`${y}-${pad2(m)}-${pad2(d)}`, ISO_DATE, text);
  }
  if (YEAR_ONLY.test(text)) return { ok: false, problem: 'yearOnly', shown: text };
  return { ok: false, problem: 'format', shown: text };
}

/** An Excel serial day number in the workbook's date system. */
export function dateFromSerial(serial: number, date1904: boolean): DateResult {
  const shown = numberText(serial);
  const whole = Math.floor(serial);
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) {
    return { ok: false, problem: 'yearOnly', shown };
  }
  // Serials up to 60 fall before 1 March 1900, where Excel counts a 29 February that never was.
  if (whole > MAX_SERIAL || whole < (date1904 ? 0 : 61)) return { ok: false, problem: 'serialRange', shown };
  const base = date1904 ? '1904-01-01' : '1899-12-30';
  return { ok: true, iso: dayjs.utc(base).add(whole, 'day').format(ISO_DATE) };
}

/** A date from a cell that is not blank and holds no error (the caller reports those). */
export function dateFromCell(value: CellValue, date1904: boolean): DateResult {
  switch (value.kind) {
    case 'date':
      return { ok: true, iso: value.iso };
    case 'number':
      return dateFromSerial(value.value, date1904);
    case 'text':
      return dateFromText(value.text);
    default:
      return { ok: false, problem: 'format', shown: '' };
  }
}

/**
 * One cell as the import sees it: a small union the field readers can switch on (workbook.ts makes it
 * of plain values, shared and inline strings, formulas with or without a cached result, error values
 * and merged-cell slaves), and the text a person would see in Excel.
 */
import dayjs from 'dayjs';
import { ISO_DATE, VN_DATE } from '../../../../src-shared/domain/dates';
import { cleanText } from './text';

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A real Excel date (a number with a date format), as yyyy-MM-dd. */
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'noResult'; formula: string }
  /** A slave of a merged range whose top-left cell is on another row. */
  | { kind: 'mergedFrom'; master: string; masterRow: number; masterCol: number };

export const EMPTY: CellValue = { kind: 'empty' };

export function textValue(raw: string): CellValue {
  const text = cleanText(raw);
  return text ? { kind: 'text', text } : EMPTY;
}

/** Dates are built at UTC midnight; a float serial can land a few milliseconds off. */
export function isoFromJsDate(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return dayjs.utc(Math.round(ms / 1000) * 1000).format(ISO_DATE);
}

/** Numbers as Excel's "General" format shows them, without float noise such as 0.30000000000000004. */
export function numberText(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  return String(Number(value.toPrecision(15)));
}

/** What a person would read in the cell. */
export function displayText(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
    case 'mergedFrom':
      return '';
    case 'text':
      return value.text;
    case 'number':
      return numberText(value.value);
    case 'date':
      return dayjs(value.iso, ISO_DATE).format(VN_DATE);
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'error':
      return value.code;
    case 'noResult':
      return value.formula;
  }
}

/**
 * True when the cell holds no value a person entered. Formulas without a result and error values count
 * as blank here: templates carry =IF(…;"";…) and =VLOOKUP(…) down hundreds of empty rows, and those
 * rows are not records. In a row that is a record they are still reported.
 */
export function isBlank(value: CellValue): boolean {
  return value.kind === 'empty' || value.kind === 'mergedFrom' || value.kind === 'noResult' || value.kind === 'error';
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

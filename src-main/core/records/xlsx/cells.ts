/**
 * One cell as the import sees it. exceljs hands out plain values, rich text, hyperlinks, formulas with or
 * without a cached result, error values and merged-cell slaves; this turns them into a small union the
 * field readers can switch on, and into the text a person would see in Excel.
 */
import ExcelJS from 'exceljs';
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
  | { kind: 'mergedFrom'; master: string; masterRow: number };

export const EMPTY: CellValue = { kind: 'empty' };

type RawValue = ExcelJS.CellValue | undefined;

function richText(value: { richText: { text: string }[] }): string {
  let text = '';
  for (const run of value.richText) text += run.text;
  return text;
}

function textValue(raw: string): CellValue {
  const text = cleanText(raw);
  return text ? { kind: 'text', text } : EMPTY;
}

/** exceljs builds dates at UTC midnight; a float serial can land a few milliseconds off. */
export function isoFromJsDate(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return dayjs.utc(Math.round(ms / 1000) * 1000).format(ISO_DATE);
}

function fromRaw(value: RawValue): CellValue {
  if (value === null || value === undefined) return EMPTY;
  switch (typeof value) {
    case 'string':
      return textValue(value);
    case 'number':
      return Number.isFinite(value) ? { kind: 'number', value } : EMPTY;
    case 'boolean':
      return { kind: 'boolean', value };
  }
  if (value instanceof Date) {
    const iso = isoFromJsDate(value);
    return iso ? { kind: 'date', iso } : { kind: 'error', code: '#VALUE!' };
  }
  if ('richText' in value) return textValue(richText(value));
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return textValue(text);
    if (text && typeof text === 'object' && 'richText' in text) {
      return textValue(richText(text as { richText: { text: string }[] }));
    }
    return EMPTY;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: RawValue }).result;
    if (result === undefined || result === null) {
      const formula = 'formula' in value ? value.formula : (value as { sharedFormula: string }).sharedFormula;
      return { kind: 'noResult', formula: `=${formula}` };
    }
    return fromRaw(result);
  }
  if ('error' in value) return { kind: 'error', code: String(value.error) };
  return EMPTY;
}

/** The value of a cell that may not exist; a merged slave is empty on its master's row. */
export function readCell(cell: ExcelJS.Cell | undefined, row: number): CellValue {
  if (!cell) return EMPTY;
  switch (cell.type) {
    case ExcelJS.ValueType.Merge: {
      const master = cell.master;
      const masterRow = Number(master.row);
      return masterRow === row ? EMPTY : { kind: 'mergedFrom', master: master.address, masterRow };
    }
    case ExcelJS.ValueType.Formula: {
      // cell.value drops a cached result of 0, '' or FALSE; cell.result keeps it.
      const result = cell.result as RawValue;
      return result === undefined || result === null
        ? { kind: 'noResult', formula: `=${cell.formula}` }
        : fromRaw(result);
    }
    default:
      return fromRaw(cell.value);
  }
}

export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): CellValue {
  return readCell(ws.findRow(row)?.findCell(col), row);
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

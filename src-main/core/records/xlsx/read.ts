/**
 * Opening an uploaded file: refuse what is not an .xlsx before exceljs sees it (by content, never by
 * name: schools rename .xls, CSV and HTML exports to .xlsx), load it, and choose the worksheet.
 */
import ExcelJS from 'exceljs';
import { XlsxError } from './errors';
import type { SheetInfo } from './types';
import { matchKey } from './text';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/**
 * exceljs keeps every row in memory; beyond this many rows in any sheet the file cannot be an import
 * of at most MAX_DATA_ROWS records plus titles and blank formatted rows, so loading stops there.
 */
const MAX_LOADED_ROWS = 200_000;
/**
 * Parts of a sheet the import never reads. Data validations in particular: templates put dropdowns on
 * whole columns, and exceljs expands such a range into one entry per cell.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'headerFooter'];

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
/** OLE2 compound file: .xls, and also an encrypted (password-protected) .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Buffer, signature: number[]): boolean {
  return data.length >= signature.length && signature.every((b, i) => data[i] === b);
}

function looksLikeText(sample: Buffer): boolean {
  for (const byte of sample) {
    // Control characters other than tab, line feed, carriage return, form feed and escape.
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  return true;
}

/** Throws the XlsxError that says what the file is, unless it is a zip archive. */
export function checkFileBytes(data: Buffer): void {
  if (data.length > MAX_IMPORT_BYTES) {
    throw new XlsxError('file.tooLarge', {
      sizeMb: (data.length / 1024 / 1024).toFixed(1),
      maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
    });
  }
  if (data.length === 0) throw new XlsxError('file.empty');
  if (ZIP_SIGNATURES.some((s) => startsWith(data, s))) return;
  if (startsWith(data, OLE_SIGNATURE)) throw new XlsxError('file.oldXls');
  const sample = data.subarray(0, 4096);
  const utf16 = startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]);
  const head = sample
    .toString(utf16 ? 'utf16le' : 'utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  // Blank lines or spaces only: as good as empty.
  if (head.length === 0 && data.length <= sample.length) throw new XlsxError('file.empty');
  if (head.startsWith('<') && /<(html|table|!doctype html|meta)\b/.test(head)) throw new XlsxError('file.html');
  if (utf16 || looksLikeText(sample)) {
    if (head.startsWith('<')) throw new XlsxError('file.notXlsx');
    throw new XlsxError('file.text');
  }
  throw new XlsxError('file.notXlsx');
}

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  checkFileBytes(data);
  const workbook = new ExcelJS.Workbook();
  try {
    // The typings know ignoreNodes but not maxRows, which WorksheetXform takes too; and they declare
    // their own Buffer (an ArrayBuffer), which a Node Buffer does not match although load() takes it.
    const options = { maxRows: MAX_LOADED_ROWS, ignoreNodes: IGNORED_NODES };
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0], options);
  } catch (e) {
    if (e instanceof Error && /Max row count/.test(e.message)) {
      throw new XlsxError('file.tooManyRowsUnknown', { max: MAX_DATA_ROWS });
    }
    throw new XlsxError('file.corrupt');
  }
  if (workbook.worksheets.length === 0) throw new XlsxError('file.zipNotXlsx');
  return workbook;
}

export function isHidden(ws: ExcelJS.Worksheet): boolean {
  return ws.state === 'hidden' || ws.state === 'veryHidden';
}

export function sheetInfos(workbook: ExcelJS.Workbook): SheetInfo[] {
  return workbook.worksheets.map((ws) => ({
    name: ws.name,
    hidden: isHidden(ws),
    rows: ws.actualRowCount > 0 ? ws.rowCount : 0,
    columns: ws.actualRowCount > 0 ? ws.columnCount : 0,
  }));
}

export function hasData(ws: ExcelJS.Worksheet): boolean {
  return ws.actualRowCount > 0;
}

/** The sheet the caller named: exactly, or failing that ignoring case, diacritics and spaces. */
export function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const exact = workbook.worksheets.find((ws) => ws.name === name);
  const folded = exact ?? workbook.worksheets.find((ws) => matchKey(ws.name) === matchKey(name));
  if (!folded) {
    throw new XlsxError('file.sheetNotFound', {
      sheet: name,
      sheets: workbook.worksheets.map((ws) => `“${ws.name}”`).join(', '),
    });
  }
  return folded;
}

/** Visible sheets with data, in workbook order: the ones an import may pick by itself. */
export function candidateSheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const sheets = workbook.worksheets.filter((ws) => !isHidden(ws) && hasData(ws));
  if (sheets.length === 0) throw new XlsxError('file.noVisibleSheet');
  return sheets;
}

export function checkHeaderRow(ws: ExcelJS.Worksheet, headerRow: number): void {
  if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > ws.rowCount) {
    throw new XlsxError('file.headerRowOutOfRange', { row: headerRow, sheet: ws.name, rows: ws.rowCount });
  }
}

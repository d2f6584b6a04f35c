/**
 * Opening an uploaded file: refuse what is not an .xlsx or an .xls before reading it (by content,
 * never by name: schools rename .xls, CSV and HTML exports to .xlsx), open it, and choose the worksheet.
 */
import { UPLOAD_LIMITS } from '../../../../src-shared/domain/uploads';
import { XlsxError } from './errors';
import type { SheetInfo } from './types';
import { matchKey } from './text';
import { type Sheet, TooManyRowsError, Workbook } from './workbook';
import { InflateLimitError, ZipArchive } from './zip';
import { type SheetSource, XlsWorkbook } from './xls';

/** The largest list taken, the same as an upload for an import may be (CLI imports read from disk). */
export const MAX_IMPORT_BYTES = UPLOAD_LIMITS.import;
export const MAX_DATA_ROWS = 20_000;
/**
 * Every row of a sheet is kept in memory; beyond this many rows in any sheet the file cannot be an
 * import of at most MAX_DATA_ROWS records plus titles and blank formatted rows, so reading stops there.
 */
const MAX_LOADED_ROWS = 200_000;

/**
 * What the parts read from one file may inflate to, together. A real list's XML compresses 10 to 15
 * times (20,000 pupils: 1.4 MB inflating to 15 MB; thousands of blank formatted rows somewhat more), so
 * a hundred times the file, never under 16 MB and never over 200 MB, refuses a zip bomb (1.5 MB
 * inflating to 1.5 GB) before it is inflated and passes every real list with a wide margin.
 */
const INFLATE_RATIO = 100;
const MIN_INFLATED_BYTES = 16 * 1024 * 1024;
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

export function inflateBudget(fileBytes: number): number {
  return Math.min(MAX_INFLATED_BYTES, Math.max(MIN_INFLATED_BYTES, fileBytes * INFLATE_RATIO));
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

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

/** Throws the XlsxError that says what the file is, unless it is a zip archive or an OLE2 file. */
export function checkFileBytes(data: Buffer): 'zip' | 'ole' {
  if (data.length > MAX_IMPORT_BYTES) {
    throw new XlsxError('file.tooLarge', {
      sizeMb: (data.length / 1024 / 1024).toFixed(1),
      maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
    });
  }
  if (data.length === 0) throw new XlsxError('file.empty');
  if (ZIP_SIGNATURES.some((s) => startsWith(data, s))) return 'zip';
  // An .xls, or an encrypted .xlsx (XlsWorkbook tells them apart).
  if (startsWith(data, OLE_SIGNATURE)) return 'ole';
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

/** A sheet's problems while it is read, as the whole-file errors they are. */
function readFailure(e: unknown, fileBytes: number): XlsxError {
  if (e instanceof XlsxError) return e;
  if (e instanceof InflateLimitError) {
    return new XlsxError('file.inflatesTooMuch', { maxMb: megabytes(e.limit), fileMb: megabytes(fileBytes) });
  }
  if (e instanceof TooManyRowsError) return new XlsxError('file.tooManyRowsUnknown', { max: MAX_DATA_ROWS });
  return new XlsxError('file.corrupt');
}

/**
 * An opened workbook. Sheets are read when first asked for, so an import reads only its own sheet;
 * a sheet that cannot be read fails with the same errors as the file.
 */
export class Book {
  readonly #workbook: SheetSource;
  readonly #fileBytes: number;

  constructor(workbook: SheetSource, fileBytes: number) {
    this.#workbook = workbook;
    this.#fileBytes = fileBytes;
  }

  get date1904(): boolean {
    return this.#workbook.date1904;
  }

  get sheetNames(): string[] {
    return this.#workbook.sheetNames;
  }

  async sheet(index: number): Promise<Sheet> {
    try {
      return await this.#workbook.sheet(index);
    } catch (e) {
      throw readFailure(e, this.#fileBytes);
    }
  }

  /** Every sheet, read one after the other so that only one part's text is held at a time. */
  async sheets(): Promise<Sheet[]> {
    const sheets: Sheet[] = [];
    for (let i = 0; i < this.#workbook.sheetCount; i++) sheets.push(await this.sheet(i));
    return sheets;
  }
}

export async function loadWorkbook(data: Buffer): Promise<Book> {
  const container = checkFileBytes(data);
  let workbook: SheetSource;
  try {
    if (container === 'ole') workbook = XlsWorkbook.open(data, { maxRows: MAX_LOADED_ROWS });
    else {
      const zip = await ZipArchive.open(data, { maxInflated: inflateBudget(data.length) });
      workbook = await Workbook.open(zip, { maxRows: MAX_LOADED_ROWS });
    }
  } catch (e) {
    throw readFailure(e, data.length);
  }
  if (workbook.sheetCount === 0) throw new XlsxError('file.zipNotXlsx');
  return new Book(workbook, data.length);
}

export function isHidden(ws: Sheet): boolean {
  return ws.hidden;
}

export async function sheetInfos(book: Book): Promise<SheetInfo[]> {
  return (await book.sheets()).map((ws) => ({
    name: ws.name,
    hidden: isHidden(ws),
    rows: ws.actualRowCount > 0 ? ws.rowCount : 0,
    columns: ws.actualRowCount > 0 ? ws.columnCount : 0,
  }));
}

export function hasData(ws: Sheet): boolean {
  return ws.actualRowCount > 0;
}

/** The sheet the caller named: exactly, or failing that ignoring case, diacritics and spaces. */
export async function findSheet(book: Book, name: string): Promise<Sheet> {
  const names = book.sheetNames;
  let index = names.indexOf(name);
  if (index < 0) index = names.findIndex((n) => matchKey(n) === matchKey(name));
  if (index < 0) {
    throw new XlsxError('file.sheetNotFound', {
      sheet: name,
      sheets: names.map((n) => `“${n}”`).join(', '),
    });
  }
  return book.sheet(index);
}

/** Visible sheets with data, in workbook order: the ones an import may pick by itself. */
export async function candidateSheets(book: Book): Promise<Sheet[]> {
  const sheets = (await book.sheets()).filter((ws) => !isHidden(ws) && hasData(ws));
  if (sheets.length === 0) throw new XlsxError('file.noVisibleSheet');
  return sheets;
}

export function checkHeaderRow(ws: Sheet, headerRow: number): void {
  if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > ws.rowCount) {
    throw new XlsxError('file.headerRowOutOfRange', { row: headerRow, sheet: ws.name, rows: ws.rowCount });
  }
}

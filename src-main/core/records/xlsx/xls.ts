/**
 * Reading an Excel 97–2003 workbook (.xls, BIFF8 inside an OLE2 compound file) into the same Sheet
 * model workbook.ts makes of an .xlsx, so that everything after (header detection, mapping, rows)
 * neither knows nor cares which format the clerk had. SheetJS (@e965/xlsx, the current SheetJS
 * republished on npm) parses the BIFF records; only what workbook.ts keeps is taken from it.
 *
 * Budgets: an .xls is not compressed, so its size (at most MAX_IMPORT_BYTES, checked before) bounds
 * what it holds, apart from rows, which SheetJS is told to stop reading past `maxRows`. An OLE2 file
 * that holds an encrypted .xlsx (a password), or no workbook at all (a Word document), is refused
 * before SheetJS is asked to parse it.
 */
import * as XLSX from '@e965/xlsx';
import { type CellValue, EMPTY, textValue } from './cells';
import { XlsxError } from './errors';
import { type SheetRow, type SheetState, Sheet, TooManyRowsError, applyMerges } from './workbook';

/** What an .xlsx Workbook and an .xls workbook both offer the reader. */
export interface SheetSource {
  readonly date1904: boolean;
  readonly sheetNames: string[];
  readonly sheetCount: number;
  sheet(index: number): Promise<Sheet>;
}

function streamNames(data: Buffer): string[] {
  const container = XLSX.CFB.read(data, { type: 'buffer' });
  return container.FullPaths.map((p: string) => p.replace(/\/$/, '').split('/').pop() ?? '');
}

/** ISO date of a serial in the workbook's date system, as a date-formatted number cell reads. */
function isoFromSerial(serial: number, date1904: boolean): string | null {
  const parsed = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parsed || parsed.y < 1 || parsed.y > 9999) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(parsed.y, 4)}-${pad(parsed.m)}-${pad(parsed.d)}`;
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 's':
      return textValue(String(cell.v ?? ''));
    case 'n': {
      const value = Number(cell.v);
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
        const iso = isoFromSerial(value, date1904);
        if (iso) return { kind: 'date', iso };
      }
      return { kind: 'number', value };
    }
    case 'b':
      return { kind: 'boolean', value: Boolean(cell.v) };
    case 'e':
      return { kind: 'error', code: cell.w ?? XLSX.utils.format_cell(cell) };
    case 'd': {
      const iso = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
      return iso ? { kind: 'date', iso } : EMPTY;
    }
    default:
      // 'z': a cell with only a format, which exists as an .xlsx styled empty cell does.
      return EMPTY;
  }
}

function sheetState(hidden: number | undefined): SheetState {
  return hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible';
}

function toSheet(name: string, state: SheetState, ws: XLSX.WorkSheet, date1904: boolean): Sheet {
  const rows: (SheetRow | undefined)[] = [];
  for (const address of Object.keys(ws)) {
    if (address.startsWith('!')) continue;
    const cell = ws[address] as XLSX.CellObject;
    const { r, c } = XLSX.utils.decode_cell(address);
    const value = cellValue(cell, date1904);
    let row = rows[r + 1];
    if (!row) {
      row = { cells: [], hasValues: false };
      rows[r + 1] = row;
    }
    row.cells[c] = value;
    if (value.kind !== 'empty') row.hasValues = true;
  }
  // Cells between two existing ones exist in an .xlsx row model only as holes; keep them holes.
  const masters = new Set<number>();
  const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
  if (merges.length > 0) applyMerges(rows, merges, masters);
  return new Sheet(name, state, rows, masters);
}

export class XlsWorkbook implements SheetSource {
  readonly date1904: boolean;
  readonly sheetNames: string[];
  readonly #sheets: Sheet[];

  private constructor(date1904: boolean, sheets: Sheet[]) {
    this.date1904 = date1904;
    this.#sheets = sheets;
    this.sheetNames = sheets.map((s) => s.name);
  }

  /** Parses the whole workbook at once: BIFF keeps every sheet in one stream, read in one pass. */
  static open(data: Buffer, options: { maxRows: number }): XlsWorkbook {
    let streams: string[];
    try {
      streams = streamNames(data);
    } catch {
      throw new XlsxError('file.corrupt');
    }
    if (streams.includes('EncryptedPackage')) throw new XlsxError('file.oldXls');
    if (!streams.includes('Workbook') && !streams.includes('Book')) throw new XlsxError('file.notXlsx');
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(data, {
        type: 'buffer',
        cellNF: true,
        cellDates: false,
        cellHTML: false,
        cellFormula: false,
        sheetStubs: true,
        // One past the limit, so that a sheet cut short says so in '!fullref'.
        sheetRows: options.maxRows + 1,
      });
    } catch (e) {
      if (e instanceof Error && /password|encrypt/i.test(e.message)) throw new XlsxError('file.oldXls');
      throw new XlsxError('file.corrupt');
    }
    const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
    const sheets: Sheet[] = [];
    wb.SheetNames.forEach((name, i) => {
      const ws = wb.Sheets[name];
      // Chart and macro sheets hold no cells.
      if (!ws || (ws['!type'] !== undefined && ws['!type'] !== 'sheet')) return;
      const extent = ws['!fullref'] ?? ws['!ref'];
      if (extent && XLSX.utils.decode_range(extent).e.r + 1 > options.maxRows) {
        throw new TooManyRowsError();
      }
      sheets.push(toSheet(name, sheetState(wb.Workbook?.Sheets?.[i]?.Hidden), ws, date1904));
    });
    return new XlsWorkbook(date1904, sheets);
  }

  get sheetCount(): number {
    return this.#sheets.length;
  }

  sheet(index: number): Promise<Sheet> {
    const sheet = this.#sheets[index];
    if (!sheet) throw new RangeError(`no sheet ${index}`);
    return Promise.resolve(sheet);
  }
}

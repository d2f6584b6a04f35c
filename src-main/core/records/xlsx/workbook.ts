/**
 * Reading a workbook for an import: the sheets, and in a sheet the value of each cell and its merges,
 * straight from the package's XML. exceljs built its whole document model (styles, column objects, a
 * Cell object per cell) to hand back values; for a 10,000-pupil list that was most of an import's time.
 *
 * What a cell reads as follows exceljs 4.4 as the import used it, quirks included, so that files read
 * as they did: a cell without a value and without a style does not exist; a number whose format is a
 * date format is a date; a formula keeps its cached result (converted to a date in a date format); a
 * shared formula's slaves translate the master's formula; a merge makes every other cell of its range a
 * slave of the top-left one, creating the rows and cells it covers; overlapping merges and cells that
 * cannot be placed make the file unreadable. It departs from exceljs where exceljs lost data: a cell
 * with a hyperlink reads as its own value (exceljs read a hyperlinked number or date as empty), and
 * date1904="true", as LibreOffice writes it, selects the 1904 date system as "1" does.
 */
import { type CellValue, EMPTY, isoFromJsDate, textValue } from './cells';
import { XmlFormatError, readXml } from './xml';
import type { ZipArchive } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface MergeMaster {
  row: number;
  col: number;
  address: string;
}

/** More `<row>` elements in one sheet than an import of any size can need. */
export class TooManyRowsError extends Error {}

const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;
/** Cells made merge slaves in one sheet; past this a sheet is not a list but a trap. */
const MAX_MERGED_CELLS = 4_000_000;

const cellKey = (row: number, col: number) => row * (MAX_COLUMN + 1) + col;

/** 'AB12' → its row and column; '$' signs are allowed, anything else is not an address. */
function decodeAddress(address: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  let i = 0;
  const length = address.length;
  if (address.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (i === colStart) throw new XmlFormatError(`address ${address}`);
  if (address.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) throw new XmlFormatError(`address ${address}`);
    row = row * 10 + code - 48;
  }
  if (i === rowStart || col > MAX_COLUMN || row < 1 || row > MAX_ROW) throw new XmlFormatError(`address ${address}`);
  return { row, col };
}

function columnName(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const address = (row: number, col: number) => `${columnName(col)}${row}`;

/** Excel's escape of characters XML cannot hold, _x000D_, which exceljs undid in shared strings. */
function unescapeX(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** exceljs decoded the text of t="str" cells a second time. */
function decodeAgain(text: string): string {
  return text.indexOf('&') < 0
    ? text
    : text.replace(/&([a-z]*);/g, (entity) => {
        switch (entity) {
          case '&lt;':
            return '<';
          case '&gt;':
            return '>';
          case '&amp;':
            return '&';
          case '&apos;':
            return "'";
          case '&quot;':
            return '"';
          default:
            return entity;
        }
      });
}

// ------------------------------------------------------------------------------------------ formulas

// Moving a shared formula from its master to a slave, as exceljs's slideFormula does.
const REFERENCE_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(
    REFERENCE_CANDIDATE,
    (match: string, sheet: string | undefined, _name, part: string, paren: string | undefined) => {
      if (paren) return match;
      const ref = CELL_REFERENCE.exec(part);
      if (!ref) return match;
      const [, colDollar, letters, rowDollar, digits] = ref as unknown as [string, string, string, string, string];
      const colText = letters.toUpperCase();
      if (colText.length > 3 || (colText.length === 3 && colText > 'XFD')) return match;
      let col = 0;
      for (let i = 0; i < colText.length; i++) col = col * 26 + colText.charCodeAt(i) - 64;
      let row = Number.parseInt(digits, 10);
      if (!colDollar) col += to.col - from.col;
      if (!rowDollar) row += to.row - from.row;
      return `${sheet ?? ''}${colDollar ?? ''}${columnName(col)}${rowDollar ?? ''}${row}`;
    },
  );
}

// ------------------------------------------------------------------------------------------ dates

/** exceljs's test of a number format: any of y m d h s b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** The built-in formats exceljs knows by id (the others it treats as having no format). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A serial day number as the date exceljs made of it; NaN (text, an error) is no date. */
function serialDate(value: number, date1904: boolean): CellValue {
  const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(Math.round(ms / 1000) * 1000);
  const year = date.getUTCFullYear();
  // isoFromJsDate's answer, without dayjs for the thousands of dates in a list.
  const iso = year >= 0 && year <= 9999 ? date.toISOString().slice(0, 10) : isoFromJsDate(date);
  return iso ? { kind: 'date', iso } : { kind: 'error', code: '#VALUE!' };
}

/** Which cell styles (cellXfs indexes) have a date format. */
function parseDateStyles(xml: string | null): boolean[] {
  const dates: boolean[] = [];
  if (!xml) return dates;
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let depth = 0;
  let formatsDepth = 0;
  let cellXfsDepth = 0;
  /** The numFmt or xf whose attributes come next. */
  let element = '';
  let formatId = '';
  let formatCode = '';
  readXml(xml, {
    open(name) {
      depth++;
      element = '';
      if (name === 'numFmts') formatsDepth = depth;
      else if (name === 'cellXfs') cellXfsDepth = depth;
      else if (formatsDepth && name === 'numFmt') {
        element = name;
        formatId = '';
        formatCode = '';
      } else if (cellXfsDepth && depth === cellXfsDepth + 1 && name === 'xf') {
        element = name;
        styleFormats.push(Number.NaN);
      }
    },
    attribute(name, value) {
      if (element === 'numFmt') {
        if (name === 'numFmtId') formatId = value;
        else if (name === 'formatCode') formatCode = value;
      } else if (element === 'xf' && name === 'numFmtId') {
        styleFormats[styleFormats.length - 1] = Number.parseInt(value, 10);
      }
    },
    text() {},
    close(name) {
      if (depth === formatsDepth) formatsDepth = 0;
      else if (depth === cellXfsDepth) cellXfsDepth = 0;
      else if (formatsDepth && name === 'numFmt') formats.set(Number.parseInt(formatId, 10), formatCode);
      depth--;
      element = '';
    },
  });
  styleFormats.forEach((id, i) => {
    dates[i] = Boolean(id) && isDateFormat(formats.get(id) ?? BUILT_IN_FORMATS[id]);
  });
  return dates;
}

// ------------------------------------------------------------------------------------ shared strings

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let runs: string | null = null;
  let inText = false;
  let text = '';
  /** Inside a phonetic guide (furigana), which is not part of the text: its depth. */
  let skipped = 0;
  readXml(xml, {
    open(name) {
      if (skipped) {
        skipped++;
        return;
      }
      switch (name) {
        case 'si':
          current = '';
          runs = null;
          break;
        case 'r':
          runs ??= '';
          break;
        case 't':
          inText = true;
          text = '';
          break;
        case 'rPh':
        case 'phoneticPr':
          skipped = 1;
          break;
      }
    },
    attribute() {},
    text(piece) {
      if (inText && !skipped) text += piece;
    },
    close(name) {
      if (skipped) {
        skipped--;
        return;
      }
      switch (name) {
        case 't':
          if (runs !== null) runs += unescapeX(text);
          else if (current !== null) current = unescapeX(text);
          inText = false;
          text = '';
          break;
        case 'si':
          strings.push(runs ?? current ?? '');
          current = null;
          runs = null;
          break;
      }
    },
  });
  return strings;
}

// -------------------------------------------------------------------------------------------- sheets

export interface SheetRow {
  /** By column - 1: a value, EMPTY for a cell with only a style, or a merge slave. */
  cells: (CellValue | undefined)[];
  /** Holds a cell other than a styled empty one: what exceljs counted as a row with values. */
  hasValues: boolean;
}

interface SheetContext {
  /** The shared strings, or null when the package has none. */
  strings: string[] | null;
  dateStyles: boolean[];
  date1904: boolean;
  maxRows: number;
}

export class Sheet {
  readonly #rows: (SheetRow | undefined)[];
  readonly #masters: Set<number>;
  /** The last row that exists, with or without values. */
  readonly rowCount: number;
  /** Rows holding any value. */
  readonly actualRowCount: number;
  /** The widest row holding any value, counting every cell that exists in it. */
  readonly columnCount: number;

  constructor(
    readonly name: string,
    readonly state: SheetState,
    rows: (SheetRow | undefined)[],
    masters: Set<number>,
  ) {
    this.#rows = rows;
    this.#masters = masters;
    let last = 0;
    let actual = 0;
    let columns = 0;
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      last = r;
      if (row.hasValues) {
        actual++;
        columns = Math.max(columns, row.cells.length);
      }
    }
    this.rowCount = last;
    this.actualRowCount = actual;
    this.columnCount = columns;
  }

  get hidden(): boolean {
    return this.state === 'hidden' || this.state === 'veryHidden';
  }

  hasRow(row: number): boolean {
    return this.#rows[row] !== undefined;
  }

  /** Cells that exist in the row, up to the last one: a styled empty cell counts. */
  rowWidth(row: number): number {
    return this.#rows[row]?.cells.length ?? 0;
  }

  /** The cell's value; a merge slave reads as empty on its master's row, as 'mergedFrom' below it. */
  value(row: number, col: number): CellValue {
    const cell = this.#rows[row]?.cells[col - 1];
    if (cell === undefined) return EMPTY;
    if (cell.kind === 'mergedFrom' && cell.masterRow === row) return EMPTY;
    return cell;
  }

  /** The top-left cell of the merge the cell is a slave of, or null. */
  mergeMaster(row: number, col: number): MergeMaster | null {
    const cell = this.#rows[row]?.cells[col - 1];
    return cell?.kind === 'mergedFrom' ? { row: cell.masterRow, col: cell.masterCol, address: cell.master } : null;
  }

  /** Part of a merge: its top-left cell or a slave. */
  isMerged(row: number, col: number): boolean {
    return this.mergeMaster(row, col) !== null || this.#masters.has(cellKey(row, col));
  }
}

interface SharedFormula {
  row: number;
  col: number;
  formula: string;
}

/** What the text inside a cell is: 1 formula, 2 value or inline text, 3 text of a rich-text run. */
const NOT_KEPT = 0;
const FORMULA_TEXT = 1;
const VALUE_TEXT = 2;
const RUN_TEXT = 3;

/** The element whose attributes come next. */
const OTHER = 0;
const ROW = 1;
const CELL = 2;
const FORMULA = 3;
const MERGE = 4;

function parseSheet(xml: string, name: string, state: SheetState, ctx: SheetContext): Sheet {
  const rows: (SheetRow | undefined)[] = [];
  const shared = new Map<string, SharedFormula>();
  const merges: string[] = [];
  const cleaned: (CellValue | undefined)[] = [];
  const strings = ctx.strings;
  let inSheetData = false;
  let inMerges = false;
  let attributesOf = OTHER;
  let rowElements = 0;
  let row: SheetRow = { cells: [], hasValues: false };
  let rowNumber = 0;
  let previousCol = 0;
  let mergeRef: string | undefined;
  /** Inside a phonetic guide (furigana) in a cell, which is not part of its text: its depth. */
  let skipped = 0;

  // The cell being read: its attributes, then what its child elements hold.
  let inCell = false;
  let ref: string | undefined;
  let styleText: string | undefined;
  let type: string | undefined;
  let value: string | undefined;
  let runs: string | undefined;
  let formula: string | undefined;
  let shareType: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRef: string | undefined;
  let into = NOT_KEPT;
  let inRun = false;
  let runText = '';

  const sharedString = (index: number): CellValue => {
    let cell = cleaned[index];
    if (cell === undefined) {
      if (strings === null) return Number.isFinite(index) ? { kind: 'number', value: index } : EMPTY;
      const raw = strings[index];
      if (raw === undefined) throw new XmlFormatError(`shared string ${index}`);
      cell = textValue(raw);
      cleaned[index] = cell;
    }
    return cell;
  };

  // exceljs could not place a row without a number, and lost row 0 and below.
  const checkRowNumber = () => {
    if (Number.isNaN(rowNumber)) throw new XmlFormatError('a row without a number');
  };

  const startCell = () => {
    inCell = true;
    ref = styleText = type = value = runs = formula = shareType = sharedIndex = sharedRef = undefined;
    into = NOT_KEPT;
    inRun = false;
    runText = '';
  };

  const endCell = (): void => {
    inCell = false;
    const styleId = styleText ? Number.parseInt(styleText, 10) : 0;
    const isFormula = Boolean(formula) || Boolean(shareType);
    const hasValue = value !== undefined || runs !== undefined;
    // A cell with neither value nor style is how exceljs saw merge slaves: not a cell at all.
    if (!isFormula && !hasValue && !styleId) return;

    let col: number;
    let refRow = rowNumber;
    if (ref !== undefined) {
      const decoded = decodeAddress(ref);
      col = decoded.col;
      refRow = decoded.row;
    } else if (previousCol > 0) col = previousCol + 1;
    else throw new XmlFormatError('a cell without an address');
    if (col > MAX_COLUMN) throw new XmlFormatError('column out of range');
    previousCol = col;

    const isDate = styleId > 0 && ctx.dateStyles[styleId] === true;
    let cell: CellValue;
    if (isFormula) {
      const resultText = value ?? runs;
      let result: string | number | boolean | { error: string } | undefined;
      if (resultText) {
        if (type === 'str') result = decodeAgain(resultText);
        else if (type === 'b') result = Number.parseInt(resultText, 10) !== 0;
        else if (type === 'e') result = { error: resultText };
        else result = Number.parseFloat(resultText);
      }
      if (shareType === 'shared' && sharedIndex !== undefined && sharedRef && formula) {
        shared.set(sharedIndex, { row: refRow, col, formula });
      }
      if (result === undefined) {
        let text = formula;
        if (!text && shareType === 'shared' && !sharedRef) {
          const master = sharedIndex === undefined ? undefined : shared.get(sharedIndex);
          text = master ? slideFormula(master.formula, master, { row: refRow, col }) : '';
        }
        cell = { kind: 'noResult', formula: `=${text ?? ''}` };
      } else if (isDate) {
        cell = serialDate(typeof result === 'object' ? Number.NaN : Number(result), ctx.date1904);
      } else if (typeof result === 'string') cell = textValue(result);
      else if (typeof result === 'boolean') cell = { kind: 'boolean', value: result };
      else if (typeof result === 'number') cell = Number.isFinite(result) ? { kind: 'number', value: result } : EMPTY;
      else cell = { kind: 'error', code: result.error };
    } else if (hasValue) {
      const text = value ?? '';
      switch (type) {
        case 's':
          cell = sharedString(Number.parseInt(text, 10));
          break;
        case 'str':
          cell = textValue(decodeAgain(text));
          break;
        case 'inlineStr':
          cell = textValue(runs ?? text);
          break;
        case 'b':
          cell = { kind: 'boolean', value: Number.parseInt(text, 10) !== 0 };
          break;
        case 'e':
          cell = { kind: 'error', code: text };
          break;
        default: {
          const number = runs === undefined ? Number.parseFloat(text) : Number.NaN;
          if (isDate) cell = serialDate(number, ctx.date1904);
          else cell = Number.isFinite(number) ? { kind: 'number', value: number } : EMPTY;
        }
      }
    } else cell = EMPTY;
    row.cells[col - 1] = cell;
    if (isFormula || hasValue) row.hasValues = true;
  };

  readXml(xml, {
    open(tag) {
      attributesOf = OTHER;
      if (skipped) {
        skipped++;
      } else if (inCell) {
        if (tag === 'v') into = VALUE_TEXT;
        else if (tag === 't') into = inRun ? RUN_TEXT : VALUE_TEXT;
        else if (tag === 'f') {
          attributesOf = FORMULA;
          into = FORMULA_TEXT;
        } else if (tag === 'r') {
          runs ??= '';
          inRun = true;
          runText = '';
        } else if (tag === 'rPh') skipped = 1;
      } else if (inSheetData) {
        if (tag === 'c') {
          checkRowNumber();
          startCell();
          attributesOf = CELL;
        } else if (tag === 'row') {
          if (++rowElements > ctx.maxRows) throw new TooManyRowsError();
          attributesOf = ROW;
          row = { cells: [], hasValues: false };
          rowNumber = Number.NaN;
          previousCol = 0;
        }
      } else if (tag === 'sheetData') inSheetData = true;
      else if (tag === 'mergeCells') inMerges = true;
      else if (inMerges && tag === 'mergeCell') {
        attributesOf = MERGE;
        mergeRef = undefined;
      }
    },
    attribute(key, text) {
      switch (attributesOf) {
        case CELL:
          if (key === 'r') ref = text;
          else if (key === 's') styleText = text;
          else if (key === 't') type = text;
          break;
        case ROW:
          if (key === 'r') {
            rowNumber = Number.parseInt(text, 10);
            if (rowNumber > MAX_ROW) throw new XmlFormatError('row out of range');
            if (rowNumber >= 1) rows[rowNumber] = row;
          }
          break;
        case FORMULA:
          if (key === 't') shareType = text;
          else if (key === 'si') sharedIndex = text;
          else if (key === 'ref') sharedRef = text;
          break;
        case MERGE:
          if (key === 'ref') mergeRef = text;
          break;
      }
    },
    text(piece) {
      if (skipped || !inCell) return;
      if (into === VALUE_TEXT) value = (value ?? '') + piece;
      else if (into === FORMULA_TEXT) formula = (formula ?? '') + piece;
      else if (into === RUN_TEXT) runText += piece;
    },
    close(tag) {
      attributesOf = OTHER;
      if (skipped) {
        skipped--;
      } else if (inCell) {
        if (tag === 'c') endCell();
        else {
          if (tag === 'r') {
            runs = (runs ?? '') + unescapeX(runText);
            inRun = false;
          }
          into = NOT_KEPT;
        }
      } else if (tag === 'row') {
        if (inSheetData) checkRowNumber();
      } else if (tag === 'sheetData') inSheetData = false;
      else if (tag === 'mergeCells') inMerges = false;
      else if (inMerges && tag === 'mergeCell') {
        if (mergeRef === undefined) throw new XmlFormatError('merge without a range');
        merges.push(mergeRef);
      }
    },
  });

  const masters = new Set<number>();
  if (merges.length > 0) applyMerges(rows, merges, masters);
  return new Sheet(name, state, rows, masters);
}

export function applyMerges(rows: (SheetRow | undefined)[], merges: string[], masters: Set<number>): void {
  const covered = new Set<number>();
  const rowAt = (r: number): SheetRow => {
    let row = rows[r];
    if (!row) {
      row = { cells: [], hasValues: false };
      rows[r] = row;
    }
    return row;
  };
  for (const range of merges) {
    const [first, second] = range.split(':') as [string, string | undefined];
    const a = decodeAddress(first);
    const b = second === undefined ? a : decodeAddress(second);
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if ((bottom - top + 1) * (right - left + 1) + covered.size > MAX_MERGED_CELLS) {
      throw new TooManyRowsError();
    }
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (covered.has(cellKey(r, c))) throw new XmlFormatError('overlapping merges');
      }
    }
    const masterRow = rowAt(top);
    if (masterRow.cells[left - 1] === undefined) masterRow.cells[left - 1] = EMPTY;
    const slave: CellValue = { kind: 'mergedFrom', master: address(top, left), masterRow: top, masterCol: left };
    for (let r = top; r <= bottom; r++) {
      const row = rowAt(r);
      for (let c = left; c <= right; c++) {
        covered.add(cellKey(r, c));
        if (r === top && c === left) continue;
        row.cells[c - 1] = slave;
        row.hasValues = true;
      }
    }
    if (bottom > top || right > left) masters.add(cellKey(top, left));
  }
}

// ------------------------------------------------------------------------------------------ workbook

interface SheetEntry {
  name: string;
  state: SheetState;
  part: string;
  sheet?: Promise<Sheet>;
}

const REL_WORKSHEET = '/worksheet';

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | null): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!xml) return rels;
  let inRelationship = false;
  let id: string | undefined;
  let target: string | undefined;
  let type: string | undefined;
  readXml(xml, {
    open(name) {
      inRelationship = name === 'Relationship';
      id = target = type = undefined;
    },
    attribute(name, value) {
      if (!inRelationship) return;
      if (name === 'Id') id = value;
      else if (name === 'Target') target = value;
      else if (name === 'Type') type = value;
    },
    text() {},
    close(name) {
      if (name === 'Relationship' && id !== undefined && target !== undefined)
        rels.set(id, { type: type ?? '', target });
      inRelationship = false;
      id = target = type = undefined;
    },
  });
  return rels;
}

interface WorkbookPart {
  date1904: boolean;
  /** Each sheet element: its name, state and relationship. */
  sheets: { name: string; state: string | undefined; relationship: string }[];
}

function parseWorkbook(xml: string | null): WorkbookPart {
  const part: WorkbookPart = { date1904: false, sheets: [] };
  if (!xml) return part;
  let element = '';
  let name: string | undefined;
  let state: string | undefined;
  let relationship: string | undefined;
  readXml(xml, {
    open(tag) {
      element = tag;
      if (tag === 'sheet') name = state = relationship = undefined;
      else if (tag === 'workbookPr') part.date1904 = false;
    },
    attribute(key, value) {
      if (element === 'workbookPr') {
        if (key === 'date1904') part.date1904 = value === '1' || value === 'true';
      } else if (element === 'sheet') {
        if (key === 'name') name = value;
        else if (key === 'state') state = value;
        else if (key === 'r:id') relationship = value;
      }
    },
    text() {},
    close(tag) {
      if (tag === 'sheet') part.sheets.push({ name: name ?? '', state, relationship: relationship ?? '' });
      element = '';
    },
  });
  return part;
}

/** A workbook part named from xl/: 'worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml'. */
function partName(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
}

export class Workbook {
  readonly #zip: ZipArchive;
  readonly #entries: SheetEntry[];
  readonly #stringsPart: string;
  #strings: Promise<string[] | null> | undefined;
  readonly #dateStyles: boolean[];
  readonly #maxRows: number;
  readonly date1904: boolean;

  private constructor(
    zip: ZipArchive,
    parts: { entries: SheetEntry[]; stringsPart: string; dateStyles: boolean[]; date1904: boolean; maxRows: number },
  ) {
    this.#zip = zip;
    this.#entries = parts.entries;
    this.#stringsPart = parts.stringsPart;
    this.#dateStyles = parts.dateStyles;
    this.#maxRows = parts.maxRows;
    this.date1904 = parts.date1904;
  }

  /** Reads the workbook's list of sheets and its styles; sheets themselves are read when asked for. */
  static async open(zip: ZipArchive, options: { maxRows: number }): Promise<Workbook> {
    const rels = relationships(await zip.text('xl/_rels/workbook.xml.rels'));
    const workbook = parseWorkbook(await zip.text('xl/workbook.xml'));
    const entries: SheetEntry[] = [];
    for (const sheet of workbook.sheets) {
      const rel = rels.get(sheet.relationship);
      // Chart sheets and macro sheets hold no cells.
      if (!rel || !rel.type.endsWith(REL_WORKSHEET)) continue;
      const part = partName(rel.target);
      if (!zip.has(part)) continue;
      const state = sheet.state === 'hidden' || sheet.state === 'veryHidden' ? sheet.state : 'visible';
      entries.push({ name: sheet.name, state, part });
    }
    const partOf = (type: string, fallback: string) => {
      for (const rel of rels.values()) if (rel.type.endsWith(type)) return partName(rel.target);
      return fallback;
    };
    return new Workbook(zip, {
      entries,
      stringsPart: partOf('/sharedStrings', 'xl/sharedStrings.xml'),
      dateStyles: parseDateStyles(await zip.text(partOf('/styles', 'xl/styles.xml'))),
      date1904: workbook.date1904,
      maxRows: options.maxRows,
    });
  }

  get sheetNames(): string[] {
    return this.#entries.map((e) => e.name);
  }

  get sheetCount(): number {
    return this.#entries.length;
  }

  /** The sheet at the index, read from the package the first time it is asked for. */
  sheet(index: number): Promise<Sheet> {
    const entry = this.#entries[index];
    if (!entry) throw new RangeError(`no sheet ${index}`);
    entry.sheet ??= this.#readSheet(entry);
    return entry.sheet;
  }

  async #readSheet(entry: SheetEntry): Promise<Sheet> {
    const xml = (await this.#zip.text(entry.part)) ?? '';
    // Read once for all sheets, and only when a sheet is: an import reads one sheet of the workbook.
    this.#strings ??= this.#zip
      .text(this.#stringsPart)
      .then((text) => (text === null ? null : parseSharedStrings(text)));
    const context: SheetContext = {
      strings: await this.#strings,
      dateStyles: this.#dateStyles,
      date1904: this.date1904,
      maxRows: this.#maxRows,
    };
    return parseSheet(xml, entry.name, entry.state, context);
  }
}

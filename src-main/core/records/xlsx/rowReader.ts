/**
 * Reading the fields of one Excel row. Every reader records its own problems, in Vietnamese, against the
 * row and the column they came from, and carries on: a clerk fixes a file faster from the full list of
 * what is wrong than from the first problem only.
 */
import { cleanName } from '../../../../src-shared/domain/vnName';
import { isSectorId } from '../../../../src-shared/domain/sectorId';
import { personalIdProblem } from '../../../../src-shared/domain/personalId';
import { type CellValue, EMPTY, displayText, numberText } from './cells';
import { findCode, findNationality, type CodeLookup } from './codes';
import { dateFromCell, dateFromText, type DateProblem } from './dateValues';
import { type XlsxMessageKey, type XlsxParams, xlsxMessage } from './messages';
import { matchKey } from './text';
import type { RowError } from './types';

export interface MappedColumn {
  index: number;
  /** 'D (Ngày sinh)': the column letter and the header the file gives it. */
  label: string;
  femaleMark: boolean;
}

export interface SheetContext {
  columns: ReadonlyMap<string, MappedColumn>;
  labels: ReadonlyMap<string, string>;
  date1904: boolean;
  currentYear: number;
}

/** A RowError with the column index it came from, to sort the report by row and then column. */
export interface OrderedRowError extends RowError {
  order: number;
}

const DATE_MESSAGES: Record<DateProblem, XlsxMessageKey> = {
  format: 'row.dateFormat',
  impossible: 'row.dateImpossible',
  yearOnly: 'row.dateYearOnly',
  serialRange: 'row.dateSerialRange',
};

const TRUE_WORDS = new Set(['x', 'co', '1', 'true', 'yes']);
/** Tick marks forms use for "yes"; folding would erase them. */
const TICKS = /^[√✓✔☑]$/;
const FALSE_WORDS = new Set(['', '0', 'khong', 'false', 'no']);
/** Letters (with the apostrophe of "H'Hen", hyphens, dots), at least one, and no accent without its letter. */
const NAME_CHARACTERS = /^(?=.*\p{L})(?!(?:.*\s)?\p{M})[\p{L}\p{M}' .-]+$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The folded form of a yes/no cell: a tick reads as x, TRUE/FALSE as 1/0. */
function yesNoKey(v: CellValue): string {
  if (v.kind === 'boolean') return v.value ? '1' : '0';
  const shown = displayText(v);
  return TICKS.test(shown) ? 'x' : matchKey(shown);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export class RowReader {
  readonly errors: OrderedRowError[] = [];
  /** The well-formed IDs read from the row, kept even when another field fails, for the duplicate check. */
  readonly ids = { sectorId: '', personalId: '' };

  constructor(
    private readonly ctx: SheetContext,
    readonly row: number,
    private readonly cells: ReadonlyMap<string, CellValue>,
  ) {}

  label(field: string): string {
    return this.ctx.labels.get(field) ?? field;
  }

  get currentYear(): number {
    return this.ctx.currentYear;
  }

  fail(field: string | null, key: XlsxMessageKey, params: XlsxParams = {}): void {
    const column = field ? this.ctx.columns.get(field) : undefined;
    this.errors.push({
      row: this.row,
      column: column?.label ?? '',
      field,
      message: xlsxMessage('vi', key, params),
      order: column?.index ?? 0,
    });
  }

  /** True when the field's column is mapped and its cell holds anything, even an error. */
  has(field: string): boolean {
    const v = this.cells.get(field);
    return v !== undefined && v.kind !== 'empty' && v.kind !== 'mergedFrom';
  }

  /** The cell, or null when it is blank or after reporting why it cannot be used. */
  private usable(field: string, required = false): CellValue | null {
    const v = this.cells.get(field) ?? EMPTY;
    switch (v.kind) {
      case 'empty':
        if (required) this.fail(field, 'row.required', { field: lowerFirst(this.label(field)) });
        return null;
      case 'error':
        this.fail(field, 'row.cellError', { code: v.code });
        return null;
      case 'noResult':
        this.fail(field, 'row.formulaNoResult', { formula: v.formula });
        return null;
      case 'mergedFrom':
        this.fail(field, 'row.mergedCell', { master: v.master, masterRow: v.masterRow });
        return null;
      default:
        return v;
    }
  }

  /** Free text; numbers read as Excel shows them. A date in a text column is a mistake, not text. */
  text(field: string, max: number, required = false): string {
    const v = this.usable(field, required);
    if (!v) return '';
    if (v.kind === 'date') {
      this.fail(field, 'row.dateNotText', { value: displayText(v) });
      return '';
    }
    const text = displayText(v);
    if (text.length > max) {
      this.fail(field, 'row.tooLong', { field: this.label(field), max });
      return '';
    }
    return text;
  }

  /** A person's name: NFC, single spaces, letters only (with the apostrophe of "H'Hen", hyphens, dots). */
  name(field: string, required = false): string {
    const raw = this.text(field, 100, required);
    if (!raw) return '';
    const name = cleanName(raw);
    if (!NAME_CHARACTERS.test(name)) {
      this.fail(field, 'row.nameInvalid', { value: name });
      return '';
    }
    return name;
  }

  date(field: string, required = false): string | null {
    const v = this.usable(field, required);
    if (!v) return null;
    if (v.kind === 'boolean') {
      this.fail(field, 'row.dateFormat', { value: displayText(v) });
      return null;
    }
    const result = dateFromCell(v, this.ctx.date1904);
    if (result.ok) return result.iso;
    this.fail(field, DATE_MESSAGES[result.problem], { value: result.shown });
    return null;
  }

  /** Nam/Nữ, the sector database's 01/02, or 1/0; in a "Nữ" column an x marks a girl, a blank a boy. */
  sex(field: string): 'male' | 'female' | null {
    const femaleMark = this.ctx.columns.get(field)?.femaleMark ?? false;
    const v = this.usable(field, !femaleMark);
    if (!v) return femaleMark && !this.has(field) ? 'male' : null;
    const key = yesNoKey(v);
    if (femaleMark) {
      if (TRUE_WORDS.has(key) || key === 'nu') return 'female';
      if (FALSE_WORDS.has(key) || key === 'nam') return 'male';
      this.fail(field, 'row.femaleMarkUnknown', { value: displayText(v) });
      return null;
    }
    if (['nam', 'male', '1', '01'].includes(key)) return 'male';
    if (['nu', 'female', '0', '2', '02'].includes(key)) return 'female';
    this.fail(field, 'row.sexUnknown', { value: displayText(v) });
    return null;
  }

  /** A code of a CSDL list; `blank` when the cell is empty, undefined when the list does not know it. */
  code(field: string, table: CodeLookup, blank: string): string | undefined {
    const v = this.usable(field);
    if (!v) return this.has(field) ? undefined : blank;
    const shown = displayText(v);
    const code = v.kind === 'date' ? undefined : findCode(table, shown);
    if (code === undefined) this.fail(field, 'row.codeUnknown', { field: this.label(field), value: shown });
    return code;
  }

  bool(field: string): boolean {
    const v = this.usable(field);
    if (!v) return false;
    const key = yesNoKey(v);
    if (TRUE_WORDS.has(key)) return true;
    if (FALSE_WORDS.has(key)) return false;
    this.fail(field, 'row.boolUnknown', { value: displayText(v) });
    return false;
  }

  /** A whole number written as a number or as text ("2", "2.0"). */
  private integer(field: string, v: CellValue): number | null {
    if (v.kind === 'number' && Number.isInteger(v.value)) return v.value;
    if (v.kind === 'text' && /^\d+(\.0+)?$/.test(v.text)) return Number.parseInt(v.text, 10);
    this.fail(field, 'row.notNumber', { value: displayText(v) });
    return null;
  }

  /** Khối 1–5, as 1, "1", "Khối 1" or "Lớp 1". */
  grade(field: string): number | null {
    const v = this.usable(field);
    if (!v) return null;
    const prefixed = v.kind === 'text' ? /^(?:khoi|lop|k)\s*(\d+)$/.exec(matchKey(v.text)) : null;
    const n = prefixed ? Number(prefixed[1]) : this.integer(field, v);
    if (n === null) return null;
    if (n < 1 || n > 5) {
      this.fail(field, 'row.gradeRange', { value: displayText(v) });
      return null;
    }
    return n;
  }

  /** A parent's year of birth, written as a year or as a whole date (the sector database's NgaySinhMe). */
  birthYear(field: string): number | null {
    const v = this.usable(field);
    if (!v) return null;
    let year: number | null = null;
    if (v.kind === 'date') year = Number(v.iso.slice(0, 4));
    else if (v.kind === 'number' && Number.isInteger(v.value) && v.value >= 1000 && v.value <= 9999) year = v.value;
    else if (v.kind === 'text' && /^\d{4}$/.test(v.text)) year = Number(v.text);
    else if (v.kind === 'text') {
      const d = dateFromText(v.text);
      if (d.ok) year = Number(d.iso.slice(0, 4));
    }
    const from = this.ctx.currentYear - 100;
    const to = this.ctx.currentYear - 10;
    if (year === null || year < from || year > to) {
      this.fail(field, 'row.guardianYearRange', { value: displayText(v), from, to });
      return null;
    }
    return year;
  }

  /** Mã định danh: letters and digits; Excel may have made a number of it. */
  sectorId(field: string): string {
    const v = this.usable(field);
    if (!v) return '';
    const id = v.kind === 'number' ? numberText(v.value) : displayText(v);
    // The forms' rule (src-shared/domain/sectorId.ts): an import must not let in what a form refuses.
    if (!isSectorId(id)) {
      this.fail(field, 'row.sectorIdFormat', { value: id });
      return '';
    }
    this.ids.sectorId = id;
    return id;
  }

  /**
   * Số định danh cá nhân. Typed into a General cell, Excel keeps it as a number and drops the leading
   * zeros of province codes 001–096: 10 or 11 digits from a number cell are padded back to 12. Text
   * is never padded, and 9 digits (an old identity card number) are not an ID with lost zeros.
   */
  personalId(field: string, holder: { sex: 'male' | 'female'; birthYear: number } | null): string {
    const v = this.usable(field);
    if (!v) return '';
    let id: string;
    if (v.kind === 'number' && Number.isInteger(v.value) && v.value >= 0) {
      id = numberText(v.value);
      if (id.length === 10 || id.length === 11) id = id.padStart(12, '0');
    } else {
      id = displayText(v).replace(/[ .]/g, '');
    }
    const problem = personalIdProblem(id, holder ?? undefined);
    if (!problem) {
      this.ids.personalId = id;
      return id;
    }
    // A well-formed ID that disagrees with the row's sex or year is still compared with the others.
    if (problem === 'sex' || problem === 'year') this.ids.personalId = id;
    const params: XlsxParams = { value: id, code: id.slice(0, 3) };
    if (holder) {
      params.sex = xlsxMessage('vi', holder.sex === 'male' ? 'word.male' : 'word.female');
      params.year = holder.birthYear;
    }
    const key: Record<typeof problem, XlsxMessageKey> = {
      format: 'row.personalIdFormat',
      province: 'row.personalIdProvince',
      sex: 'row.personalIdSex',
      year: 'row.personalIdYear',
    };
    this.fail(field, key[problem], params);
    return '';
  }

  /**
   * A phone number with its separators removed. Excel turns 0912345678 typed into a General cell into
   * the number 912345678: a nine-digit number gets its zero back.
   */
  phone(field: string): string {
    const v = this.usable(field);
    if (!v) return '';
    let phone: string;
    if (v.kind === 'number' && Number.isInteger(v.value)) {
      phone = numberText(v.value);
      if (phone.length === 9) phone = `0${phone}`;
    } else {
      phone = displayText(v).replace(/[\s.\-()]/g, '');
    }
    if (!/^\+?\d{8,15}$/.test(phone)) {
      this.fail(field, 'row.phoneInvalid', { value: displayText(v) });
      return '';
    }
    return phone;
  }

  email(field: string): string {
    const email = this.text(field, 200);
    if (email && !EMAIL.test(email)) {
      this.fail(field, 'row.emailInvalid', { value: email });
      return '';
    }
    return email;
  }

  nationality(field: string): string {
    const v = this.usable(field);
    if (!v) return 'VN';
    const shown = displayText(v);
    const code = v.kind === 'date' ? undefined : findNationality(shown);
    if (!code) {
      this.fail(field, 'row.nationalityUnknown', { value: shown });
      return 'VN';
    }
    return code;
  }

  /** The first value of a code-like column, matched with a custom table. */
  lookup<T>(field: string, table: ReadonlyMap<string, T>, required: boolean): T | null {
    const v = this.usable(field, required);
    if (!v) return null;
    const shown = displayText(v);
    const found = table.get(matchKey(shown)) ?? table.get(matchKey(shown.split(/\s*[-–.:)]\s*/)[0] ?? ''));
    if (found === undefined) {
      this.fail(field, 'row.codeUnknown', { field: this.label(field), value: shown });
      return null;
    }
    return found;
  }
}

/**
 * Finding and reading the header row. Real exports put merged title rows above it ("SỞ GD&ĐT…",
 * "DANH SÁCH HỌC SINH…"), often use two header rows (a merged group "Thông tin mẹ" over "Họ tên",
 * "SĐT"; single columns merged down across both rows), and sometimes a row of column numbers
 * (1, 2, 3… or (1), (2)…) under the header.
 */
import { type CellValue, columnLetter, displayText, isBlank } from './cells';
import { aliasIndex } from './fields';
import { matchKey, withoutParentheses } from './text';
import type { ImportKind } from './types';
import type { Sheet } from './workbook';

export const HEADER_SEARCH_ROWS = 30;
/** Wider than any form of the sector database; guards against rows formatted out to column XFD. */
export const MAX_COLUMNS = 500;
/** A header row must name at least this many fields to be found without help. */
const MIN_HEADER_FIELDS = 2;

export interface HeaderColumn {
  index: number;
  letter: string;
  /** As shown to people: "Ngày sinh", or "Thông tin mẹ – Họ tên" for a two-row header. */
  header: string;
  field: string | null;
  /** A "Nữ" column: an x marks a girl, a blank a boy. */
  femaleMark: boolean;
}

export interface Header {
  row: number;
  columns: HeaderColumn[];
  /** How many fields the header names. */
  score: number;
}

function text(value: CellValue): string {
  return displayText(value);
}

export function rowWidth(ws: Sheet, row: number): number {
  return Math.min(ws.rowWidth(row), MAX_COLUMNS);
}

/** The text of a header cell: a cell merged down from the row above reads as its top cell. */
function subHeader(ws: Sheet, row: number, col: number): string {
  const master = ws.mergeMaster(row, col);
  if (master) return master.row < row ? text(ws.value(master.row, master.col)) : '';
  return text(ws.value(row, col));
}

interface Group {
  text: string;
  width: number;
}

/** A horizontal merge in the row above the header that does not reach down into it. */
function groupAt(ws: Sheet, row: number, col: number, width: number): Group | null {
  if (row <= 1 || !ws.isMerged(row - 1, col)) return null;
  const master = ws.mergeMaster(row - 1, col) ?? { row: row - 1, col, address: columnLetter(col) + (row - 1) };
  if (master.row !== row - 1) return null;
  if (ws.mergeMaster(row, master.col)?.address === master.address) return null;
  let span = 1;
  for (let c = master.col + 1; c <= width; c++) {
    if (ws.mergeMaster(row - 1, c)?.address !== master.address) break;
    span++;
  }
  const groupText = text(ws.value(row - 1, master.col));
  return span > 1 && groupText ? { text: groupText, width: span } : null;
}

/** "Thông tin của mẹ" → "me": the words a group header adds to its sub-headers. */
function qualifierKey(group: string): string {
  return matchKey(group).replace(/^(?:thongtin|hoso|ve|cua)+/, '');
}

/** Groups about a pupil's family: a sub-header under one of them is never a field of the pupil. */
const FAMILY_GROUPS = new Set([
  'bo',
  'cha',
  'me',
  'bocha',
  'chabo',
  'chame',
  'bome',
  'nguoigiamho',
  'giamho',
  'ngh',
  'phuhuynh',
  'giadinh',
  'chamehoacnguoigiamho',
]);
const GUARDIAN_FIELD = /^(?:father|mother|guardian)[A-Z]/;

function matchColumn(index: Map<string, string>, sub: string, group: string | null): string | null {
  const subKeys = [...new Set([matchKey(sub), matchKey(withoutParentheses(sub))])].filter(Boolean);
  if (group) {
    const q = qualifierKey(group);
    const g = matchKey(group);
    for (const k of subKeys) {
      const found = index.get(k + q) ?? index.get(g + k) ?? index.get(k + g);
      if (found) return found;
    }
  }
  // "Dân tộc" under "Thông tin mẹ" is the mother's, not the pupil's: under a family group only a
  // sub-header that names a parent's field by itself ("Họ tên bố") maps.
  const familyGroup = group !== null && FAMILY_GROUPS.has(qualifierKey(group));
  for (const k of subKeys) {
    const found = index.get(k);
    if (found && (!familyGroup || GUARDIAN_FIELD.test(found))) return found;
  }
  return null;
}

/** Reads row `row` as the header (with the group row above it, if there is one) and suggests fields. */
export function readHeader(ws: Sheet, row: number, kind: ImportKind): Header {
  const width = Math.max(rowWidth(ws, row), rowWidth(ws, row - 1));
  const subs: string[] = [];
  for (let c = 1; c <= width; c++) subs.push(subHeader(ws, row, c));
  const filled = subs.filter(Boolean).length;

  // A merge above that spans most of the header is a title, not a group; so is a lone merge when the
  // row above holds nothing else.
  const groups = new Map<number, Group>();
  let mastersAbove = 0;
  for (let c = 1; c <= width; c++) {
    const group = groupAt(ws, row, c, width);
    if (group) groups.set(c, group);
    if (row > 1 && !isBlank(ws.value(row - 1, c))) mastersAbove++;
  }
  for (const [c, group] of groups) {
    const isTitle = group.width >= filled || (group.width * 2 >= filled && mastersAbove < 2);
    if (isTitle) groups.delete(c);
  }

  const index = aliasIndex(kind);
  const used = new Set<string>();
  const columns: HeaderColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const sub = subs[c - 1]!;
    const group = sub ? (groups.get(c)?.text ?? null) : null;
    let field = sub ? matchColumn(index, sub, group) : null;
    if (field && used.has(field)) field = null;
    if (field) used.add(field);
    const subKey = matchKey(sub);
    columns.push({
      index: c,
      letter: columnLetter(c),
      header: group ? `${group} – ${sub}` : sub,
      field,
      femaleMark: subKey === 'nu' || subKey === 'gioitinhnu',
    });
  }
  while (columns.length > 0 && !columns[columns.length - 1]!.header) columns.pop();
  return { row, columns, score: used.size };
}

/** The first row among the first 30 that names the most fields, or null when none names enough. */
export function detectHeader(ws: Sheet, kind: ImportKind): Header | null {
  let best: Header | null = null;
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    if (!ws.hasRow(r)) continue;
    const header = readHeader(ws, r, kind);
    if (!best || header.score > best.score) best = header;
  }
  return best && best.score >= MIN_HEADER_FIELDS ? best : null;
}

const COLUMN_NUMBER = /^\(?(\d{1,3})\)?\.?$/;

/** A row of column numbers under the header: (1) (2) (3)… or 1 2 3…, at least three, increasing. */
export function isColumnNumberRow(ws: Sheet, row: number, width: number): boolean {
  let previous = -Infinity;
  let count = 0;
  for (let c = 1; c <= width; c++) {
    const value = ws.value(row, c);
    if (isBlank(value)) continue;
    let n: number;
    if (value.kind === 'number' && Number.isInteger(value.value)) n = value.value;
    else if (value.kind === 'text' && COLUMN_NUMBER.test(value.text)) n = Number(COLUMN_NUMBER.exec(value.text)![1]);
    else return false;
    if (n <= previous) return false;
    previous = n;
    count++;
  }
  return count >= 3;
}

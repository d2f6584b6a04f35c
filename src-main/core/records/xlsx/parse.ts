/**
 * Reading every record of a sheet with the mapping the clerk confirmed. Whole-file problems (a wrong
 * sheet, a mapping without the required fields, too many rows) throw XlsxError; everything wrong with a
 * row is collected, and only rows without any problem are returned as values.
 */
import { todayIso } from '../../../../src-shared/domain/dates';
import { columnLetter, displayText } from './cells';
import { scanDataRows } from './dataRows';
import { XlsxError } from './errors';
import { fieldsOf } from './fields';
import { readHeader } from './headers';
import { readPupil } from './pupils';
import { MAX_DATA_ROWS, checkHeaderRow, findSheet, hasData, loadWorkbook } from './read';
import { type MappedColumn, type OrderedRowError, RowReader, type SheetContext } from './rowReader';
import { readStaff } from './staff';
import { isTemplateSample } from './template';
import type { ImportKind, ImportMapping, ParsedImport, PupilImportRow, RowError, StaffImportRow } from './types';

/** Excel's last column, XFD. */
const MAX_COLUMN_INDEX = 16384;

/** The mapping's fields in the order the field list gives them, after checking it makes sense. */
function checkMapping(kind: ImportKind, fields: Record<string, number>): [string, number][] {
  const specs = fieldsOf(kind);
  const byColumn = new Map<number, string>();
  for (const [key, column] of Object.entries(fields)) {
    const spec = specs.find((f) => f.key === key);
    if (!spec) throw new XlsxError('mapping.unknownField', { field: key });
    if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMN_INDEX) {
      throw new XlsxError('mapping.badColumn', { field: spec.label, column: String(column) });
    }
    const other = byColumn.get(column);
    if (other !== undefined) {
      throw new XlsxError('mapping.duplicateColumn', {
        column: columnLetter(column),
        first: specs.find((f) => f.key === other)!.label,
        second: spec.label,
      });
    }
    byColumn.set(column, key);
  }
  const missing = specs.filter((f) => f.required && fields[f.key] === undefined);
  if (missing.length > 0) {
    throw new XlsxError('mapping.missingRequired', { fields: missing.map((f) => f.label).join(', ') });
  }
  return specs.filter((f) => fields[f.key] !== undefined).map((f) => [f.key, fields[f.key]!]);
}

/** Every row that shares an ID with another gets an error naming the other rows. */
function flagDuplicates(readers: RowReader[], id: 'sectorId' | 'personalId'): void {
  const byValue = new Map<string, RowReader[]>();
  for (const reader of readers) {
    const key = reader.ids[id].toUpperCase();
    if (!key) continue;
    const list = byValue.get(key);
    if (list) list.push(reader);
    else byValue.set(key, [reader]);
  }
  const message = id === 'sectorId' ? 'row.duplicateSectorId' : 'row.duplicatePersonalId';
  for (const list of byValue.values()) {
    if (list.length < 2) continue;
    for (const reader of list) {
      const others = list.filter((r) => r !== reader).map((r) => r.row);
      reader.fail(id, message, { value: reader.ids[id], rows: others.join(', ') });
    }
  }
}

function withoutOrder({ row, column, field, message }: OrderedRowError): RowError {
  return { row, column, field, message };
}

export async function parseImport(
  data: Buffer,
  kind: 'pupils',
  mapping: ImportMapping,
): Promise<ParsedImport<PupilImportRow>>;
export async function parseImport(
  data: Buffer,
  kind: 'staff',
  mapping: ImportMapping,
): Promise<ParsedImport<StaffImportRow>>;
export async function parseImport(
  data: Buffer,
  kind: ImportKind,
  mapping: ImportMapping,
): Promise<ParsedImport<PupilImportRow | StaffImportRow>> {
  const workbook = await loadWorkbook(data);
  const ws = await findSheet(workbook, mapping.sheet);
  if (!hasData(ws)) throw new XlsxError('file.sheetEmpty', { sheet: ws.name });
  checkHeaderRow(ws, mapping.headerRow);
  const mapped = checkMapping(kind, mapping.fields);
  const header = readHeader(ws, mapping.headerRow, kind);
  const specs = fieldsOf(kind);

  const columns = new Map<string, MappedColumn>();
  for (const [field, index] of mapped) {
    const h = header.columns[index - 1];
    const title = h?.header || specs.find((f) => f.key === field)!.label;
    columns.set(field, { index, label: `${columnLetter(index)} (${title})`, femaleMark: h?.femaleMark ?? false });
  }
  const ctx: SheetContext = {
    columns,
    labels: new Map(specs.map((f) => [f.key, f.label])),
    date1904: workbook.date1904,
    currentYear: Number(todayIso().slice(0, 4)),
  };

  const requiredPositions = mapped.flatMap(([field], i) => (specs.find((f) => f.key === field)!.required ? [i] : []));
  const dataRows = scanDataRows(
    ws,
    mapping.headerRow,
    mapped.map(([, index]) => index),
    requiredPositions,
  );
  if (dataRows.length > MAX_DATA_ROWS) {
    throw new XlsxError('file.tooManyRows', { rows: dataRows.length, max: MAX_DATA_ROWS });
  }

  const read = dataRows.map(({ row, values }) => {
    const cells = new Map(mapped.map(([field], i) => [field, values[i]!]));
    const reader = new RowReader(ctx, row, cells);
    const value = kind === 'pupils' ? readPupil(reader) : readStaff(reader);
    const shown = (field: string) => {
      const cell = cells.get(field);
      return cell ? displayText(cell) : '';
    };
    if (isTemplateSample(kind, shown)) reader.fail('fullName', 'row.templateSample');
    return { reader, value };
  });

  const readers = read.map(({ reader }) => reader);
  flagDuplicates(readers, 'sectorId');
  flagDuplicates(readers, 'personalId');

  const rows = read
    .filter(({ reader, value }) => value && reader.errors.length === 0)
    .map(({ reader, value }) => ({ row: reader.row, value: value! }));
  const errors = read
    .flatMap(({ reader }) => reader.errors)
    .sort((a, b) => a.row - b.row || a.order - b.order)
    .map(withoutOrder);
  return { rows, errors, sheet: ws.name };
}

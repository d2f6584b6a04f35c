/**
 * The first look at an uploaded file: its sheets, the header row found in it, a suggested field for
 * each column and a few rows as they read, for the clerk to confirm or correct the mapping.
 */
import { columnLetter, displayText } from './cells';
import { scanDataRows } from './dataRows';
import { XlsxError } from './errors';
import { fieldsOf, isRowNumberHeader } from './fields';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS, type Header, detectHeader, readHeader } from './headers';
import {
  type Book,
  MAX_DATA_ROWS,
  candidateSheets,
  checkHeaderRow,
  findSheet,
  hasData,
  loadWorkbook,
  sheetInfos,
} from './read';
import type { ColumnInfo, ImportKind, ImportPreview } from './types';
import type { Sheet } from './workbook';

const SAMPLE_ROWS = 10;

function headerNotFound(ws: Sheet): XlsxError {
  return new XlsxError('file.headerNotFound', { sheet: ws.name, maxRows: HEADER_SEARCH_ROWS });
}

/** The sheet and header the caller chose, or the visible sheet whose header names the most fields. */
async function chooseSheetAndHeader(
  workbook: Book,
  kind: ImportKind,
  options: { sheet?: string; headerRow?: number },
): Promise<{ ws: Sheet; header: Header }> {
  let ws: Sheet;
  let detected: Header | null = null;
  if (options.sheet !== undefined) {
    ws = await findSheet(workbook, options.sheet);
    if (!hasData(ws)) throw new XlsxError('file.sheetEmpty', { sheet: ws.name });
    if (options.headerRow === undefined) detected = detectHeader(ws, kind);
  } else {
    const sheets = await candidateSheets(workbook);
    ws = sheets[0]!;
    for (const sheet of sheets) {
      const header = detectHeader(sheet, kind);
      if (header && (!detected || header.score > detected.score)) {
        ws = sheet;
        detected = header;
      }
    }
  }
  if (options.headerRow !== undefined) {
    checkHeaderRow(ws, options.headerRow);
    return { ws, header: readHeader(ws, options.headerRow, kind) };
  }
  if (!detected) throw headerNotFound(ws);
  return { ws, header: detected };
}

export async function previewImport(
  data: Buffer,
  kind: ImportKind,
  options: { sheet?: string; headerRow?: number } = {},
): Promise<ImportPreview> {
  const workbook = await loadWorkbook(data);
  const { ws, header } = await chooseSheetAndHeader(workbook, kind, options);

  // Data may run past the last titled column; such columns are shown (untitled) so they can be mapped.
  const width = Math.max(header.columns.length, Math.min(ws.columnCount, MAX_COLUMNS));
  const all = Array.from({ length: width }, (_, i) => i + 1);
  const content = all.filter((c) => !isRowNumberHeader(header.columns[c - 1]?.header ?? ''));
  const required = new Set(
    fieldsOf(kind)
      .filter((f) => f.required)
      .map((f) => f.key),
  );
  const requiredPositions = header.columns
    .filter((c) => c.field && required.has(c.field))
    .map((c) => content.indexOf(c.index))
    .filter((i) => i >= 0);
  const rows = scanDataRows(ws, header.row, content, requiredPositions);
  if (rows.length > MAX_DATA_ROWS) throw new XlsxError('file.tooManyRows', { rows: rows.length, max: MAX_DATA_ROWS });

  const samples = rows.slice(0, SAMPLE_ROWS);
  let used = header.columns.length;
  for (const sample of samples) {
    sample.values.forEach((v, i) => {
      if (displayText(v)) used = Math.max(used, content[i]!);
    });
  }
  const columns: ColumnInfo[] = [];
  for (let c = 1; c <= used; c++) {
    const h = header.columns[c - 1];
    columns.push({ index: c, letter: columnLetter(c), header: h?.header ?? '', field: h?.field ?? null });
  }
  const sampleRows = samples.map((sample) => {
    const byColumn = new Map(content.map((c, i) => [c, displayText(sample.values[i]!)]));
    // The row-number column is not scanned for content but is still shown.
    return columns.map((col) => byColumn.get(col.index) ?? displayText(ws.value(sample.row, col.index)));
  });

  return {
    sheets: await sheetInfos(workbook),
    sheet: ws.name,
    headerRow: header.row,
    columns,
    sampleRows,
    dataRows: rows.length,
  };
}

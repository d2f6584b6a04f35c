/**
 * A plain list as clerks expect to receive one: the title merged across the table, a bold header with
 * borders that stays in view (frozen) and carries a filter, real dates shown dd/mm/yyyy, IDs kept as
 * text so Excel does not turn them into numbers, and widths that fit the content.
 */
import ExcelJS from 'exceljs';
import { numberText } from './cells';
import { BORDER_ALL, HEADER_FILL, PAPER_A4, VN_DATE_FORMAT, excelDate, font, safeSheetName, toBuffer } from './styles';
import type { TableColumn, TableSpec } from './types';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Column widths are estimated from this many rows; enough to see the usual lengths. */
const WIDTH_SAMPLE_ROWS = 2000;

type CellOut = string | number | Date | null;

function cellValue(column: TableColumn, raw: string | number | null | undefined): CellOut {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (column.kind ?? 'text') {
    case 'date':
      return typeof raw === 'string' ? (excelDate(raw) ?? raw) : raw;
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : String(raw);
    }
    case 'text':
      return typeof raw === 'number' ? numberText(raw) : raw;
  }
}

function shownLength(value: CellOut): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  return String(value).length;
}

function autoWidth(column: TableColumn, values: CellOut[]): number {
  let longest = column.header.length;
  for (let i = 0; i < values.length && i < WIDTH_SAMPLE_ROWS; i++) longest = Math.max(longest, shownLength(values[i]!));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

export async function writeTable(spec: TableSpec): Promise<Buffer> {
  const { columns } = spec;
  const count = Math.max(1, columns.length);
  const headerRow = spec.subtitle ? 4 : 3;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  workbook.created = new Date();
  const ws = workbook.addWorksheet(safeSheetName(spec.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: count > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });

  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = font(14, { bold: true });
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  if (count > 1) ws.mergeCells(1, 1, 1, count);
  if (spec.subtitle) {
    const subtitle = ws.getCell(2, 1);
    subtitle.value = spec.subtitle;
    subtitle.font = font(12, { italic: true });
    subtitle.alignment = { horizontal: 'center', vertical: 'middle' };
    if (count > 1) ws.mergeCells(2, 1, 2, count);
  }

  const header = ws.getRow(headerRow);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = font(12, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER_ALL;
    cell.fill = HEADER_FILL;
  });

  // One style object per column, shared by its cells: exceljs keeps a reference per cell.
  const styles = columns.map((column): Partial<ExcelJS.Style> => {
    const kind = column.kind ?? 'text';
    return {
      font: font(12),
      border: BORDER_ALL,
      alignment:
        kind === 'text'
          ? { vertical: 'middle', wrapText: true }
          : { vertical: 'middle', horizontal: kind === 'date' ? 'center' : 'right' },
      numFmt: kind === 'date' ? VN_DATE_FORMAT : kind === 'text' ? '@' : 'General',
    };
  });
  const values = columns.map((column) => spec.rows.map((row) => cellValue(column, row[column.key])));

  for (let r = 0; r < spec.rows.length; r++) {
    const row = ws.getRow(headerRow + 1 + r);
    for (let c = 0; c < columns.length; c++) {
      const cell = row.getCell(c + 1);
      cell.value = values[c]![r]!;
      cell.style = styles[c]!;
    }
  }

  columns.forEach((column, i) => {
    ws.getColumn(i + 1).width = column.width ?? autoWidth(column, values[i]!);
  });
  if (columns.length > 0) {
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + Math.max(spec.rows.length, 1), column: columns.length },
    };
  }
  return toBuffer(workbook);
}

/**
 * Which rows under the header hold records. Not a record: a blank row, a row with nothing in the
 * chosen columns (a lone row number in the STT column, which is never chosen), the row of column
 * numbers under a header, and the footer after the last record — "Tổng số: 35", "Người lập biểu",
 * a signature block — recognised as the trailing rows with nothing in any required column.
 */
import { type CellValue, isBlank } from './cells';
import { isColumnNumberRow } from './headers';
import type { Sheet } from './workbook';

export interface DataRow {
  row: number;
  /** One value per scanned column, in the order the columns were given. */
  values: CellValue[];
}

export function scanDataRows(
  ws: Sheet,
  headerRow: number,
  columns: readonly number[],
  requiredPositions: readonly number[],
): DataRow[] {
  const width = Math.max(0, ...columns);
  let start = headerRow + 1;
  if (isColumnNumberRow(ws, start, width)) start++;

  const rows: DataRow[] = [];
  let lastWithRequired = -1;
  const last = ws.rowCount;
  for (let r = start; r <= last; r++) {
    if (!ws.hasRow(r)) continue;
    let content = false;
    const values = new Array<CellValue>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = ws.value(r, columns[i]!);
      values[i] = value;
      if (!content && !isBlank(value)) content = true;
    }
    if (!content) continue;
    rows.push({ row: r, values });
    if (requiredPositions.some((i) => !isBlank(values[i]!))) lastWithRequired = rows.length - 1;
  }
  // With no required value anywhere, there is no record to end a footer: keep the rows and let the
  // row checks say what is missing.
  return lastWithRequired >= 0 ? rows.slice(0, lastWithRequired + 1) : rows;
}

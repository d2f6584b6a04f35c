/**
 * The look the office's forms share: Times New Roman (present wherever Excel or LibreOffice is, and
 * covering every Vietnamese letter), thin borders around table cells, a bold shaded header.
 */
import type ExcelJS from 'exceljs';

export const FONT_NAME = 'Times New Roman';
export const VN_DATE_FORMAT = 'dd/mm/yyyy';
/** A4 in the paperSize codes of the OOXML page setup. */
export const PAPER_A4 = 9;

export function font(size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size, ...extra };
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };

/** yyyy-MM-dd → the Date exceljs writes as that calendar day (it converts with UTC). */
export function excelDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[3]) ? null : date;
}

/** Excel refuses sheet names with \ / ? * [ ] : or longer than 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim()
    .replace(/^'+|'+$/g, '');
  return cleaned || 'Sheet1';
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(written) ? written : Buffer.from(written as ArrayBuffer);
}

/** A bold "label: value" line under a table: the label merged across columns 1..labelTo, right-aligned. */
export function writeTotalLine(
  ws: ExcelJS.Worksheet,
  row: number,
  label: string,
  value: ExcelJS.CellValue,
  layout: { labelTo: number; valueColumn: number; size: number },
): void {
  const labelCell = ws.getCell(row, 1);
  labelCell.value = label;
  labelCell.font = font(layout.size, { bold: true });
  labelCell.alignment = { horizontal: 'right', vertical: 'middle' };
  ws.mergeCells(row, 1, row, layout.labelTo);
  const valueCell = ws.getCell(row, layout.valueColumn);
  valueCell.value = value;
  valueCell.font = font(layout.size, { bold: true });
  valueCell.alignment = { horizontal: 'center', vertical: 'middle' };
}

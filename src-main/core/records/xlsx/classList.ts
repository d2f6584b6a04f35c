/**
 * Danh sách học sinh lớp: the layout schools print and file. Education office and school top left,
 * national motto top right, title, school year and homeroom teacher, the table in class-list order
 * (tên, then họ đệm), a totals block with live formulas, and a signature block. A4 portrait, the header
 * row repeated on each printed page.
 */
import ExcelJS from 'exceljs';
import { compareVietnameseNames } from '../../../../src-shared/domain/vnName';
import {
  BORDER_ALL,
  HEADER_FILL,
  PAPER_A4,
  VN_DATE_FORMAT,
  excelDate,
  font,
  safeSheetName,
  toBuffer,
  writeTotalLine,
} from './styles';
import type { ClassListSpec } from './types';

const COLUMNS = [
  { header: 'STT', width: 5 },
  { header: 'Mã định danh', width: 14 },
  { header: 'Họ và tên', width: 26 },
  { header: 'Ngày sinh', width: 12 },
  { header: 'Nữ', width: 5 },
  { header: 'Dân tộc', width: 10 },
  { header: 'Địa chỉ', width: 32 },
  { header: 'Ghi chú', width: 14 },
] as const;
const LAST = COLUMNS.length;
const HEADER_ROW = 8;
const FIRST_DATA_ROW = HEADER_ROW + 1;

function line(
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  value: string,
  style: Partial<ExcelJS.Font>,
): ExcelJS.Cell {
  const cell = ws.getCell(row, from);
  cell.value = value;
  cell.font = font(13, style);
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (to > from) ws.mergeCells(row, from, row, to);
  return cell;
}

export async function writeClassList(spec: ClassListSpec): Promise<Buffer> {
  const pupils = [...spec.pupils].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  workbook.created = new Date();
  // The totals are formulas with cached results; Excel and LibreOffice recompute them on opening.
  workbook.calcProperties.fullCalcOnLoad = true;
  const ws = workbook.addWorksheet(safeSheetName(`Lớp ${spec.className}`), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });

  line(ws, 1, 1, 3, spec.educationOffice.toLocaleUpperCase('vi'), {});
  line(ws, 2, 1, 3, spec.schoolName.toLocaleUpperCase('vi'), { bold: true });
  line(ws, 1, 4, LAST, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  line(ws, 2, 4, LAST, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  line(ws, 4, 1, LAST, `DANH SÁCH HỌC SINH LỚP ${spec.className.toLocaleUpperCase('vi')}`, { bold: true, size: 14 });
  line(ws, 5, 1, LAST, `Năm học ${spec.schoolYear}`, { bold: true });
  line(ws, 6, 1, LAST, `Giáo viên chủ nhiệm: ${spec.homeroomTeacher ?? '……………………………'}`, {});
  ws.getRow(4).height = 22;

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font(12, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER_ALL;
    cell.fill = HEADER_FILL;
  });

  const body: Partial<ExcelJS.Style> = { font: font(12), border: BORDER_ALL, alignment: { vertical: 'middle' } };
  const centred: Partial<ExcelJS.Style> = { ...body, alignment: { vertical: 'middle', horizontal: 'center' } };
  const date: Partial<ExcelJS.Style> = { ...centred, numFmt: VN_DATE_FORMAT };
  const text: Partial<ExcelJS.Style> = { ...body, numFmt: '@' };
  const wrapped: Partial<ExcelJS.Style> = { ...body, alignment: { vertical: 'middle', wrapText: true } };
  const styles = [centred, text, body, date, centred, centred, wrapped, wrapped];

  // An empty class still gets one bordered row, so the totals' ranges stay valid.
  const rowCount = Math.max(pupils.length, 1);
  const lastDataRow = FIRST_DATA_ROW + rowCount - 1;
  for (let i = 0; i < rowCount; i++) {
    const p = pupils[i];
    const values: (string | number | Date | null)[] = p
      ? [
          i + 1,
          p.sectorId || null,
          p.fullName,
          excelDate(p.birthDate) ?? (p.birthDate || null),
          p.sex === 'female' ? 'x' : null,
          p.ethnicityName || null,
          p.address || null,
          p.note || null,
        ]
      : new Array<null>(LAST).fill(null);
    const row = ws.getRow(FIRST_DATA_ROW + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.style = styles[c]!;
    });
  }

  const range = (col: string) => `${col}${FIRST_DATA_ROW}:${col}${lastDataRow}`;
  const girls = pupils.filter((p) => p.sex === 'female').length;
  const minority = pupils.filter((p) => p.ethnicityName && p.ethnicityName.trim().toLowerCase() !== 'kinh').length;
  // COUNTIF(…,"<>Kinh") also counts blank cells; the blanks are taken off so an unknown is not a minority.
  const totals: [string, ExcelJS.CellFormulaValue][] = [
    ['Tổng số học sinh:', { formula: `COUNTA(${range('C')})`, result: pupils.length, date1904: false }],
    ['Nữ:', { formula: `COUNTIF(${range('E')},"x")`, result: girls, date1904: false }],
    [
      'Dân tộc (không phải Kinh):',
      { formula: `COUNTIF(${range('F')},"<>Kinh")-COUNTBLANK(${range('F')})`, result: minority, date1904: false },
    ],
  ];
  // Labels span A:E and values sit under "Dân tộc", and the signature block starts there too: the
  // columns a re-import requires (name, date, sex) stay empty below the table, so importing this very
  // file back reads the pupils and passes over the blocks under them.
  totals.forEach(([label, formula], i) => {
    writeTotalLine(ws, lastDataRow + 2 + i, label, formula, { labelTo: 5, valueColumn: 6, size: 12 });
  });

  const sign = lastDataRow + 2 + totals.length + 1;
  line(ws, sign, 6, LAST, '……………, ngày …… tháng …… năm ……', { italic: true });
  line(ws, sign + 1, 1, 3, 'GIÁO VIÊN CHỦ NHIỆM', { bold: true });
  line(ws, sign + 1, 6, LAST, 'HIỆU TRƯỞNG', { bold: true });
  line(ws, sign + 2, 1, 3, '(Ký, ghi rõ họ tên)', { italic: true, size: 12 });
  line(ws, sign + 2, 6, LAST, '(Ký tên, đóng dấu)', { italic: true, size: 12 });
  if (spec.homeroomTeacher) line(ws, sign + 6, 1, 3, spec.homeroomTeacher, { bold: true });

  return toBuffer(workbook);
}

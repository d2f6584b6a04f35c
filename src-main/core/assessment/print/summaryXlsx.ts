/**
 * Bảng tổng hợp kết quả đánh giá giáo dục của lớp as an Excel sheet in the records forms' house style
 * (records/xlsx/styles.ts): headers of Nghị định 30 top left and right, the title merged across, a
 * three-row header (groups, subjects and qualities turned upright, Mức | Điểm) frozen with the names,
 * one row per pupil, totals per level with live COUNTIF formulas, and the signature blocks. A4 landscape,
 * one page wide, the header rows repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import { YEAR_LEVEL_LABELS, YEAR_LEVELS } from '../../../../src-shared/domain/tt27';
import {
  BORDER_ALL,
  HEADER_FILL,
  PAPER_A4,
  font,
  safeSheetName,
  toBuffer,
  writeTotalLine,
} from '../../records/xlsx/styles';
import type { ClassSummaryDoc } from './types';
import { creationDateOf, placeAndDate } from './pdfDocument';
import {
  abbreviations,
  TOTAL_LABELS,
  cellValue,
  countOf,
  qualityGroups,
  resultCounts,
  shortName,
  summaryColumns,
  totalLetters,
  type SummaryColumn,
} from './summaryModel';

/** The three header rows; pupils start below them. */
export const SUMMARY_HEADER_ROW = 8;
export const SUMMARY_FIRST_DATA_ROW = SUMMARY_HEADER_ROW + 3;

const WIDTHS: Record<SummaryColumn['kind'], number> = {
  no: 5,
  name: 26,
  female: 4,
  level: 4.6,
  score: 4.6,
  quality: 4.6,
  result: 7,
  awards: 26,
};

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function text(
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  value: string,
  style: Partial<ExcelJS.Font>,
  size = 12,
): ExcelJS.Cell {
  const cell = ws.getCell(row, from);
  cell.value = value;
  cell.font = font(size, style);
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (to > from) ws.mergeCells(row, from, row, to);
  return cell;
}

function headerCell(
  ws: ExcelJS.Worksheet,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  value: string,
  upright = false,
): void {
  if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
  // Every cell of a merge gets the border and fill, or Excel draws the merged box with gaps.
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER_ALL;
      cell.fill = HEADER_FILL;
    }
  }
  const cell = ws.getCell(r1, c1);
  cell.value = value;
  cell.font = font(upright ? 10 : 11, { bold: true });
  cell.alignment = {
    horizontal: 'center',
    vertical: 'middle',
    wrapText: true,
    ...(upright ? { textRotation: 90 } : {}),
  };
}

function writeHeader(ws: ExcelJS.Worksheet, doc: ClassSummaryDoc, columns: readonly SummaryColumn[]): void {
  const h0 = SUMMARY_HEADER_ROW;
  const h2 = h0 + 2;
  let subjectsStart = 0;
  let subjectsEnd = 0;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const col = i + 1;
    switch (c.kind) {
      case 'no':
        headerCell(ws, h0, col, h2, col, 'STT');
        break;
      case 'name':
        headerCell(ws, h0, col, h2, col, 'Họ và tên');
        break;
      case 'female':
        headerCell(ws, h0, col, h2, col, 'Nữ');
        break;
      case 'level':
        if (!subjectsStart) subjectsStart = col;
        subjectsEnd = col;
        if (c.subject.tested) {
          headerCell(ws, h0 + 1, col, h0 + 1, col + 1, shortName(c.subject.key, c.subject.name), true);
          headerCell(ws, h2, col, h2, col, 'Mức');
        } else {
          headerCell(ws, h0 + 1, col, h2, col, shortName(c.subject.key, c.subject.name), true);
        }
        break;
      case 'score':
        subjectsEnd = col;
        headerCell(ws, h2, col, h2, col, 'Điểm');
        break;
      case 'quality':
        headerCell(ws, h0 + 1, col, h2, col, shortName(c.item.key, c.item.name), true);
        break;
      case 'result':
        headerCell(ws, h0, col, h2, col, 'Kết quả giáo dục', true);
        break;
      case 'awards':
        headerCell(ws, h0, col, h2, col, 'Khen thưởng');
        break;
    }
  }
  if (subjectsStart) headerCell(ws, h0, subjectsStart, h0, subjectsEnd, 'Môn học và hoạt động giáo dục');
  const firstQuality = columns.findIndex((c) => c.kind === 'quality') + 1;
  if (firstQuality > 0) {
    let col = firstQuality;
    for (const group of qualityGroups(doc.qualityItems)) {
      headerCell(ws, h0, col, h0, col + group.count - 1, group.label);
      col += group.count;
    }
  }
  ws.getRow(h0).height = 30;
  ws.getRow(h0 + 1).height = 96;
  ws.getRow(h2).height = 18;
  for (let r = h0 + 1; r <= h2; r++) {
    for (let col = 1; col <= columns.length; col++) {
      const cell = ws.getCell(r, col);
      if (cell.value === null && !cell.isMerged) cell.border = BORDER_ALL;
    }
  }
}

export async function writeClassSummaryXlsx(doc: ClassSummaryDoc): Promise<Buffer> {
  const columns = summaryColumns(doc);
  const last = columns.length;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  workbook.created = creationDateOf(doc.date);
  workbook.modified = workbook.created;
  workbook.title = `Bảng tổng hợp kết quả đánh giá giáo dục lớp ${doc.className} – ${doc.pointLabel} – Năm học ${doc.yearName}`;
  // The totals are formulas with cached results; Excel and LibreOffice recompute them on opening.
  workbook.calcProperties.fullCalcOnLoad = true;
  const ws = workbook.addWorksheet(safeSheetName(`Lớp ${doc.className} ${doc.pointLabel}`), {
    views: [{ state: 'frozen', xSplit: 3, ySplit: SUMMARY_FIRST_DATA_ROW - 1 }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${SUMMARY_HEADER_ROW}:${SUMMARY_FIRST_DATA_ROW - 1}`,
      margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = WIDTHS[c.kind];
  });

  // Nghị định 30's two header blocks: the left one over the name columns, the right one over the last ones.
  const leftEnd = 3;
  const rightStart = Math.max(leftEnd + 1, last - 13);
  if (doc.school.educationOffice.trim()) {
    text(ws, 1, 1, leftEnd, doc.school.educationOffice.toLocaleUpperCase('vi'), {});
  }
  text(ws, 2, 1, leftEnd, doc.school.name.toLocaleUpperCase('vi'), { bold: true });
  text(ws, 1, rightStart, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(ws, 2, rightStart, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true }, 13);
  text(
    ws,
    4,
    1,
    last,
    `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CỦA LỚP ${doc.className.toLocaleUpperCase('vi')}`,
    { bold: true },
    14,
  );
  text(ws, 5, 1, last, `${doc.pointLabel} — Năm học ${doc.yearName}`, { bold: true }, 13);
  text(ws, 6, 1, last, `Giáo viên chủ nhiệm: ${doc.homeroomTeacher || '……………………………'}`, {}, 12);
  ws.getRow(4).height = 22;

  writeHeader(ws, doc, columns);

  // One style object per kind of column: exceljs keeps a reference per cell.
  const centred: Partial<ExcelJS.Style> = {
    font: font(11),
    border: BORDER_ALL,
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  const nameStyle: Partial<ExcelJS.Style> = {
    font: font(11),
    border: BORDER_ALL,
    alignment: { vertical: 'middle' },
  };
  const wrapped: Partial<ExcelJS.Style> = {
    font: font(10),
    border: BORDER_ALL,
    alignment: { vertical: 'middle', wrapText: true },
  };
  const styleOf = (c: SummaryColumn) => (c.kind === 'name' ? nameStyle : c.kind === 'awards' ? wrapped : centred);

  // An empty class still gets one bordered row, so the totals' ranges stay valid.
  const rowCount = Math.max(doc.rows.length, 1);
  const lastDataRow = SUMMARY_FIRST_DATA_ROW + rowCount - 1;
  for (let i = 0; i < rowCount; i++) {
    const pupil = doc.rows[i];
    const row = ws.getRow(SUMMARY_FIRST_DATA_ROW + i);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const value = pupil ? cellValue(c, pupil) : '';
      cell.value = value === '' ? null : value;
      cell.style = styleOf(c);
    });
  }

  const range = (col: number) => `${columnLetter(col)}${SUMMARY_FIRST_DATA_ROW}:${columnLetter(col)}${lastDataRow}`;
  const totalStyle: Partial<ExcelJS.Style> = {
    font: font(11, { bold: true }),
    border: BORDER_ALL,
    alignment: { horizontal: 'center', vertical: 'middle' },
    fill: HEADER_FILL,
  };
  TOTAL_LABELS.forEach((label, index) => {
    const r = lastDataRow + 1 + index;
    const labelCell = ws.getCell(r, 1);
    ws.mergeCells(r, 1, r, 3);
    labelCell.value = label;
    for (let col = 2; col <= last; col++) ws.getCell(r, col).style = totalStyle;
    // Its own style object: setting a property on a shared one would restyle the whole row.
    labelCell.style = { ...totalStyle, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
    columns.forEach((c, j) => {
      const letters = totalLetters(c);
      if (!letters) return;
      const letter = letters[index]!;
      ws.getCell(r, j + 1).value = {
        formula: `COUNTIF(${range(j + 1)},"${letter}")`,
        result: countOf(c, doc.rows, letter),
        date1904: false,
      };
    });
    ws.getRow(r).height = 30;
  });

  // Class totals: labels over the name columns, the figures beside them.
  const nameCol = columns.findIndex((c) => c.kind === 'name') + 1;
  const femaleCol = columns.findIndex((c) => c.kind === 'female') + 1;
  const resultCol = columns.findIndex((c) => c.kind === 'result') + 1;
  const awardsCol = columns.findIndex((c) => c.kind === 'awards') + 1;
  const lines: [string, ExcelJS.CellFormulaValue][] = [
    ['Tổng số học sinh:', { formula: `COUNTA(${range(nameCol)})`, result: doc.rows.length, date1904: false }],
    [
      'Nữ:',
      {
        formula: `COUNTIF(${range(femaleCol)},"x")`,
        result: doc.rows.filter((r) => r.sex === 'female').length,
        date1904: false,
      },
    ],
  ];
  if (resultCol > 0) {
    const counts = resultCounts(doc.rows);
    for (const level of YEAR_LEVELS) {
      lines.push([
        `${YEAR_LEVEL_LABELS[level]} (${level}):`,
        { formula: `COUNTIF(${range(resultCol)},"${level}")`, result: counts[level], date1904: false },
      ]);
    }
  }
  if (awardsCol > 0) {
    lines.push([
      'Được khen thưởng:',
      {
        formula: `COUNTA(${range(awardsCol)})`,
        result: doc.rows.filter((r) => r.awards.length > 0).length,
        date1904: false,
      },
    ]);
  }
  const totalsStart = lastDataRow + TOTAL_LABELS.length + 2;
  lines.forEach(([label, formula], i) => {
    writeTotalLine(ws, totalsStart + i, label, formula, { labelTo: 2, valueColumn: 3, size: 11 });
  });
  const notes = totalsStart + lines.length;
  const note = ws.getCell(notes, 1);
  note.value = `Ghi chú: ${abbreviations(doc.endOfYear)}`;
  note.font = font(10, { italic: true });
  note.alignment = { vertical: 'middle', wrapText: true };
  ws.mergeCells(notes, 1, notes, last);
  ws.getRow(notes).height = 28;

  const sign = notes + 2;
  const leftSignEnd = Math.max(1, Math.min(8, rightStart - 1));
  text(ws, sign, rightStart, last, placeAndDate(doc.school.place, doc.date), { italic: true });
  text(ws, sign + 1, 1, leftSignEnd, 'GIÁO VIÊN CHỦ NHIỆM', { bold: true });
  text(ws, sign + 1, rightStart, last, 'HIỆU TRƯỞNG', { bold: true });
  text(ws, sign + 2, 1, leftSignEnd, '(Ký, ghi rõ họ tên)', { italic: true }, 11);
  text(ws, sign + 2, rightStart, last, '(Ký tên, đóng dấu)', { italic: true }, 11);
  if (doc.homeroomTeacher) text(ws, sign + 6, 1, leftSignEnd, doc.homeroomTeacher, { bold: true });
  if (doc.school.principalName) text(ws, sign + 6, rightStart, last, doc.school.principalName, { bold: true });

  return toBuffer(workbook);
}

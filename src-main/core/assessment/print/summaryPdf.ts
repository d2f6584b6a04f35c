/**
 * Bảng tổng hợp kết quả đánh giá giáo dục của lớp as a PDF: A4 landscape, school and national headers,
 * one row per pupil with every subject (level, and score where tested) and every quality and competence
 * in narrow columns under rotated labels, the header repeated on each page, totals per level under the
 * table, and the GVCN's and principal's signature blocks. A class of 40 takes two pages.
 */
import { YEAR_LEVEL_LABELS, YEAR_LEVELS } from '../../../../src-shared/domain/tt27';
import type { ClassSummaryDoc } from './types';
import { MM, OfficialPdf, Table, drawGridHeader, type Cell, type Column, type HeaderCell } from './pdfDocument';
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

const MARGINS = { top: 12 * MM, bottom: 12 * MM, left: 15 * MM, right: 12 * MM };
const BODY_SIZE = 9;
const TABLE_STYLE = { size: BODY_SIZE, padX: 2, padY: 1.5, minRowHeight: 12.5 };
const HEADER_ROWS = [20, 64, 12];
const GREY = '#e8e8e8';

/**
 * Column widths: the fixed ones first, then the narrow level columns share the room left after a
 * comfortable Khen thưởng column, which gets whatever they leave.
 */
function widths(columns: readonly SummaryColumn[], total: number): Column[] {
  const fixed: Partial<Record<SummaryColumn['kind'], number>> = { no: 22, name: 112, female: 16, result: 28 };
  const narrowCount = columns.filter((c) => c.kind === 'level' || c.kind === 'score' || c.kind === 'quality').length;
  const hasAwards = columns.some((c) => c.kind === 'awards');
  const fixedSum = columns.reduce((sum, c) => sum + (fixed[c.kind] ?? 0), 0);
  const awardsWanted = hasAwards ? 110 : 0;
  const narrow = Math.min(18, Math.max(11, (total - fixedSum - awardsWanted) / Math.max(1, narrowCount)));
  const spare = Math.max(0, total - fixedSum - narrow * narrowCount);
  return columns.map((c) => {
    if (c.kind === 'awards') return { width: spare, align: 'left' };
    if (c.kind === 'name') return { width: fixed.name! + (hasAwards ? 0 : spare), align: 'left' };
    return { width: fixed[c.kind] ?? narrow, align: 'center' };
  });
}

function headerCells(doc: ClassSummaryDoc, columns: readonly SummaryColumn[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const whole = (text: string, col: number, size = 9): HeaderCell => ({ text, col, row: 0, rowSpan: 3, size });
  let col = 0;
  let subjectsStart = -1;
  let subjectsSpan = 0;
  while (col < columns.length) {
    const c = columns[col]!;
    switch (c.kind) {
      case 'no':
        cells.push(whole('STT', col));
        col++;
        break;
      case 'name':
        cells.push(whole('Họ và tên', col));
        col++;
        break;
      case 'female':
        cells.push({ ...whole('Nữ', col), rotate: true });
        col++;
        break;
      case 'level': {
        if (subjectsStart < 0) subjectsStart = col;
        const name = shortName(c.subject.key, c.subject.name);
        if (c.subject.tested) {
          cells.push({ text: name, col, span: 2, row: 1, rotate: true, size: 8.5 });
          cells.push({ text: 'Mức', col, row: 2, size: 6.5 }, { text: 'Điểm', col: col + 1, row: 2, size: 6.5 });
          col += 2;
          subjectsSpan += 2;
        } else {
          cells.push({ text: name, col, row: 1, rowSpan: 2, rotate: true, size: 8.5 });
          col++;
          subjectsSpan++;
        }
        break;
      }
      case 'score':
        col++; // drawn with its level column
        break;
      case 'quality': {
        for (const group of qualityGroups(doc.qualityItems)) {
          cells.push({ text: group.label, col, span: group.count, row: 0, size: 8.5 });
          for (let i = 0; i < group.count; i++) {
            const item = (columns[col + i] as Extract<SummaryColumn, { kind: 'quality' }>).item;
            cells.push({
              text: shortName(item.key, item.name),
              col: col + i,
              row: 1,
              rowSpan: 2,
              rotate: true,
              size: 8.5,
            });
          }
          col += group.count;
        }
        break;
      }
      case 'result':
        cells.push({ ...whole('Kết quả giáo dục', col, 8), rotate: true });
        col++;
        break;
      case 'awards':
        cells.push(whole('Khen thưởng', col));
        col++;
        break;
    }
  }
  if (subjectsSpan > 0) {
    cells.push({ text: 'Môn học và hoạt động giáo dục', col: subjectsStart, span: subjectsSpan, row: 0, size: 9 });
  }
  return cells;
}

function pupilRow(columns: readonly SummaryColumn[], row: ClassSummaryDoc['rows'][number]): Cell[] {
  return columns.map((c) => {
    const text = String(cellValue(c, row));
    return c.kind === 'awards' || c.kind === 'result' ? { text, size: 8 } : { text };
  });
}

function totalRows(columns: readonly SummaryColumn[], doc: ClassSummaryDoc): Cell[][] {
  return TOTAL_LABELS.map((label, index) => {
    const cells: Cell[] = [{ text: label, span: 3, font: 'bold', align: 'left', fill: '#f4f4f4' }];
    for (const c of columns.slice(3)) {
      const letters = totalLetters(c);
      cells.push({ text: letters ? String(countOf(c, doc.rows, letters[index]!)) : '', fill: '#f4f4f4' });
    }
    return cells;
  });
}

export async function renderClassSummaryPdf(doc: ClassSummaryDoc): Promise<Buffer> {
  const pdf = new OfficialPdf({
    layout: 'landscape',
    margins: MARGINS,
    title: `Bảng tổng hợp kết quả đánh giá giáo dục lớp ${doc.className} – ${doc.pointLabel} – Năm học ${doc.yearName}`,
    author: doc.school.name,
    subject: 'Bảng tổng hợp kết quả đánh giá giáo dục của lớp',
    date: doc.date,
  });
  pdf.newPage();
  pdf.nationalHeader(doc.school, 0.4);
  pdf.y += 6;
  pdf.paragraph(`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CỦA LỚP ${doc.className.toLocaleUpperCase('vi')}`, {
    size: 14,
    font: 'bold',
    align: 'center',
  });
  pdf.paragraph(`${doc.pointLabel} — Năm học ${doc.yearName}`, { size: 12.5, font: 'bold', align: 'center' });
  pdf.paragraph(`Giáo viên chủ nhiệm: ${doc.homeroomTeacher || '……………………………'}`, { size: 12, align: 'center' }, 4);

  const columns = summaryColumns(doc);
  const layout = widths(columns, pdf.width);
  const cells = headerCells(doc, columns);
  const header = (y: number) => drawGridHeader(pdf, pdf.left, y, layout, HEADER_ROWS, cells, GREY);
  const table = new Table(pdf, layout, TABLE_STYLE, header);
  const rows = doc.rows.map((r) => pupilRow(columns, r));
  table.start(rows[0] ? table.rowHeight(rows[0]) : 0);
  for (const row of rows) table.row(row);
  for (const row of totalRows(columns, doc)) table.row(row);

  const girls = doc.rows.filter((r) => r.sex === 'female').length;
  const lines = [`Tổng số học sinh: ${doc.rows.length}; nữ: ${girls}.`];
  if (doc.endOfYear) {
    const counts = resultCounts(doc.rows);
    const awarded = doc.rows.filter((r) => r.awards.length > 0).length;
    lines.push(
      `Kết quả giáo dục: ${YEAR_LEVELS.map((l) => `${YEAR_LEVEL_LABELS[l]} (${l}): ${counts[l]}`).join('; ')}. Được khen thưởng: ${awarded}.`,
    );
  }
  pdf.y += 4;
  for (const line of lines) pdf.paragraph(line, { size: 11 }, 1);
  pdf.paragraph(`Ghi chú: ${abbreviations(doc.endOfYear)}`, { size: 9.5, font: 'italic' }, 4);
  pdf.signatures(
    doc.school.place,
    doc.date,
    [
      { title: 'Giáo viên chủ nhiệm', hint: '(Ký, ghi rõ họ tên)', name: doc.homeroomTeacher },
      { title: 'Hiệu trưởng', hint: '(Ký tên, đóng dấu)', name: doc.school.principalName },
    ],
    20 * MM,
  );
  return pdf.finish();
}

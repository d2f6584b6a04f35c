import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  SUMMARY_FIRST_DATA_ROW,
  SUMMARY_HEADER_ROW,
  writeClassSummaryXlsx,
} from '../../../src-main/core/assessment/print/summaryXlsx';
import { QUALITY_ITEMS } from '../../../src-shared/domain/tt27';
import { classSummaryDoc } from './fixtures';

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

/** The column (1-based) whose header, in any of the three header rows, is `text`. */
function columnOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = SUMMARY_HEADER_ROW; r < SUMMARY_FIRST_DATA_ROW; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (!cell.isMerged || cell.master === cell) if (cell.value === text) return c;
    }
  }
  throw new Error(`no header ${text}`);
}

describe('writeClassSummaryXlsx', () => {
  const doc = classSummaryDoc(40);

  it('has the national headers and the title merged across the sheet, the header frozen, A4 landscape', async () => {
    const ws = await readBack(await writeClassSummaryXlsx(doc));
    const last = ws.columnCount;
    // 3 + 10 subjects (4 of them tested, with a score column) + 15 qualities + result and awards.
    expect(last).toBe(3 + 10 + 4 + QUALITY_ITEMS.length + 2);
    const merges = [...ws.model.merges];
    const lastLetter = ws.getColumn(last).letter;
    expect(ws.getCell('A4').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CỦA LỚP 3A');
    expect(merges).toContain(`A4:${lastLetter}4`);
    expect(ws.getCell('A4').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });
    expect(ws.getCell('A5').value).toBe('Cuối năm học — Năm học 2024-2025');
    expect(ws.getCell('A1').value).toBe('PHÒNG GDĐT QUẬN ĐỐNG ĐA');
    expect(ws.getCell('A2').value).toBe('TRƯỜNG TIỂU HỌC KIM LIÊN');
    const values = (r: number) => (ws.getRow(r).values as unknown[]).filter(Boolean);
    expect(values(1)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(values(2)).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: SUMMARY_FIRST_DATA_ROW - 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
  });

  it('has a three-row header: groups, subjects and qualities upright, Mức | Điểm under tested subjects', async () => {
    const ws = await readBack(await writeClassSummaryXlsx(doc));
    const merges = [...ws.model.merges];
    expect(ws.getCell(SUMMARY_HEADER_ROW, 1).value).toBe('STT');
    expect(merges).toContain(`A${SUMMARY_HEADER_ROW}:A${SUMMARY_HEADER_ROW + 2}`);
    expect(ws.getCell(SUMMARY_HEADER_ROW, 2).value).toBe('Họ và tên');
    expect(ws.getCell(SUMMARY_HEADER_ROW, 4).value).toBe('Môn học và hoạt động giáo dục');
    const tv = ws.getCell(SUMMARY_HEADER_ROW + 1, 4);
    expect(tv.value).toBe('Tiếng Việt');
    expect(tv.alignment.textRotation).toBe(90);
    expect(merges).toContain(`D${SUMMARY_HEADER_ROW + 1}:E${SUMMARY_HEADER_ROW + 1}`);
    expect(ws.getCell(SUMMARY_HEADER_ROW + 2, 4).value).toBe('Mức');
    expect(ws.getCell(SUMMARY_HEADER_ROW + 2, 5).value).toBe('Điểm');
    const quality = columnOf(ws, 'Yêu nước');
    expect(ws.getCell(SUMMARY_HEADER_ROW, quality).value).toBe('Phẩm chất chủ yếu');
    expect(ws.getCell(SUMMARY_HEADER_ROW + 2, 4).border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
    });
  });

  it('writes one row per pupil: levels as letters, scores as numbers, x for girls, the year result', async () => {
    const ws = await readBack(await writeClassSummaryXlsx(doc));
    doc.rows.forEach((row, i) => {
      const r = ws.getRow(SUMMARY_FIRST_DATA_ROW + i);
      expect(r.getCell(1).value).toBe(row.no);
      expect(r.getCell(2).value).toBe(row.fullName);
      expect(r.getCell(3).value).toBe(row.sex === 'female' ? 'x' : null);
      expect(r.getCell(4).value).toBe(row.subjects.tieng_viet!.level);
      expect(r.getCell(5).value).toBe(row.subjects.tieng_viet!.score);
    });
    const eighth = ws.getRow(SUMMARY_FIRST_DATA_ROW + 7);
    expect(eighth.getCell(columnOf(ws, 'Toán')).value).toBeNull(); // the fixture's one missing level
    const resultCol = columnOf(ws, 'Kết quả giáo dục');
    expect(ws.getCell(SUMMARY_FIRST_DATA_ROW, resultCol).value).toBe(doc.rows[0]!.result);
    const awardsCol = columnOf(ws, 'Khen thưởng');
    expect(ws.getCell(SUMMARY_FIRST_DATA_ROW, awardsCol).value).toBe('Học sinh Xuất sắc');
    expect(ws.getCell(SUMMARY_FIRST_DATA_ROW + doc.rows.length, 2).value).not.toBe(doc.rows.at(-1)!.fullName);
  });

  it('counts each level under its column with COUNTIF formulas whose cached results are right', async () => {
    const ws = await readBack(await writeClassSummaryXlsx(doc));
    const lastData = SUMMARY_FIRST_DATA_ROW + doc.rows.length - 1;
    const totals = lastData + 1;
    expect(ws.getCell(totals, 1).value).toBe('Tổng số T');
    expect(ws.getCell(totals + 2, 1).value).toBe('Tổng số C');
    expect(ws.getCell(totals, 1).alignment).toMatchObject({ horizontal: 'left' });
    expect(ws.getCell(totals, 4).alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell(totals, 4).font).toMatchObject({ name: 'Times New Roman', bold: true });
    const formula = (r: number, c: number) => ({ formula: ws.getCell(r, c).formula, result: ws.getCell(r, c).result });
    const tv = (letter: string) => doc.rows.filter((r) => r.subjects.tieng_viet!.level === letter).length;
    expect(formula(totals, 4)).toEqual({
      formula: `COUNTIF(D${SUMMARY_FIRST_DATA_ROW}:D${lastData},"T")`,
      result: tv('T'),
    });
    expect(formula(totals + 1, 4)).toEqual({
      formula: `COUNTIF(D${SUMMARY_FIRST_DATA_ROW}:D${lastData},"H")`,
      result: tv('H'),
    });
    expect(formula(totals + 2, 4)).toEqual({
      formula: `COUNTIF(D${SUMMARY_FIRST_DATA_ROW}:D${lastData},"C")`,
      result: tv('C'),
    });
    // No totals under a score column.
    expect(ws.getCell(totals, 5).value).toBeNull();
    const col = columnOf(ws, 'Nhân ái');
    const letter = ws.getColumn(col).letter;
    const dat = doc.rows.filter((r) => r.qualities.nhan_ai === 'D').length;
    expect(formula(totals + 1, col)).toEqual({
      formula: `COUNTIF(${letter}${SUMMARY_FIRST_DATA_ROW}:${letter}${lastData},"Đ")`,
      result: dat,
    });
    const below = [...Array(20).keys()].map((i) => totals + 3 + i);
    const pupilsRow = below.find((r) => ws.getCell(r, 1).value === 'Tổng số học sinh:')!;
    expect(formula(pupilsRow, 3)).toEqual({ formula: `COUNTA(B${SUMMARY_FIRST_DATA_ROW}:B${lastData})`, result: 40 });
    const girlsRow = below.find((r) => ws.getCell(r, 1).value === 'Nữ:')!;
    expect(formula(girlsRow, 3)).toEqual({
      formula: `COUNTIF(C${SUMMARY_FIRST_DATA_ROW}:C${lastData},"x")`,
      result: 20,
    });
    const htxsRow = below.find((r) => ws.getCell(r, 1).value === 'Hoàn thành xuất sắc (HTXS):')!;
    expect(ws.getCell(htxsRow, 3).result).toBe(doc.rows.filter((r) => r.result === 'HTXS').length);
  });

  it('leaves out the year-end columns at a mid-term point and keeps an empty class valid', async () => {
    const mid = await readBack(await writeClassSummaryXlsx(classSummaryDoc(5, false)));
    expect(() => columnOf(mid, 'Khen thưởng')).toThrow();
    expect(mid.getCell('A5').value).toBe('Giữa học kỳ I — Năm học 2024-2025');
    const empty = await readBack(await writeClassSummaryXlsx({ ...classSummaryDoc(1), rows: [] }));
    expect(empty.getCell(SUMMARY_FIRST_DATA_ROW + 1, 1).value).toBe('Tổng số T');
    expect(empty.getCell(SUMMARY_FIRST_DATA_ROW + 1, 4).formula).toBe(
      `COUNTIF(D${SUMMARY_FIRST_DATA_ROW}:D${SUMMARY_FIRST_DATA_ROW},"T")`,
    );
  });
});

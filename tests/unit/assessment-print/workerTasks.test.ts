/**
 * The renderers as the server runs them: in a worker thread, from the esbuild bundle of the worker entry
 * (pdfkit, fontkit and the font files must all be found from there), bytes coming back as Uint8Array.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src-main/workers/pool';
import { renderHocBaPdf } from '../../../src-main/core/assessment/print/hocbaPdf';
import { classSummaryDoc, hocBaDoc } from './fixtures';
import { flat, pageCount, pdfFonts, pdfText } from './pdfTools';

const pool = new WorkerPool({ size: 2 });
afterAll(() => pool.close());

describe('print tasks in the worker pool', () => {
  it('pdf.hocba renders the same file as in the main thread', async () => {
    const docs = [hocBaDoc(), hocBaDoc({ pupil: { fullName: 'Trần Đức Vỹ', sex: 'male' } })];
    const bytes = await pool.run('pdf.hocba', { docs });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const pdf = Buffer.from(bytes);
    expect(pdf.equals(await renderHocBaPdf(docs))).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(flat(pdfText(pdf))).toContain('Trần Đức Vỹ');
    for (const f of pdfFonts(pdf)) expect(f.embedded).toBe(true);
  }, 60_000);

  it('pdf.classSummary and xlsx.classSummary', async () => {
    const doc = classSummaryDoc(40);
    const [pdf, xlsx] = await Promise.all([pool.run('pdf.classSummary', doc), pool.run('xlsx.classSummary', doc)]);
    const text = flat(pdfText(pdf));
    for (const row of doc.rows) expect(text).toContain(row.fullName);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A4').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CỦA LỚP 3A');
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { renderClassSummaryPdf } from '../../../src-main/core/assessment/print/summaryPdf';
import { classSummaryDoc } from './fixtures';
import { flat, pageCount, pdfFonts, pdfInfo, pdfText } from './pdfTools';

describe('renderClassSummaryPdf', () => {
  it('lists all 40 pupils of a class legibly on A4 landscape, the header on every page', async () => {
    const doc = classSummaryDoc(40);
    const pdf = await renderClassSummaryPdf(doc);
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/841\.8\d? x 595\.2\d? pts \(A4\)/);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    const all = flat(text);
    expect(all).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CỦA LỚP 3A');
    expect(all).toContain('Cuối năm học — Năm học 2024-2025');
    for (const row of doc.rows) expect(all, row.fullName).toContain(row.fullName);
    for (let page = 1; page <= pages; page++) {
      const onPage = flat(pdfText(pdf, { first: page, last: page }));
      if (page < pages || onPage.includes('STT')) {
        expect(onPage, `page ${page}`).toContain('Họ và tên');
        expect(onPage, `page ${page}`).toContain('Môn học và hoạt động giáo dục');
      }
    }
    expect(all).toContain('GIÁO VIÊN CHỦ NHIỆM');
    expect(all).toContain('Đỗ Thị Mỹ Hạnh');
    for (const f of pdfFonts(pdf)) expect(f.embedded, f.name).toBe(true);
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('/AcroForm');
    expect(raw).not.toContain('/Annots');
  });

  it("puts each pupil's levels, scores and result on their row, and counts each level under the table", async () => {
    const doc = classSummaryDoc(40);
    const lines = pdfText(await renderClassSummaryPdf(doc), { layout: true }).split('\n');
    const first = doc.rows[0]!;
    const line = lines.find((l) => l.includes(first.fullName))!;
    expect(line).toBeDefined();
    const cells = line
      .slice(line.indexOf(first.fullName) + first.fullName.length)
      .trim()
      .split(/\s+/);
    const tieng = first.subjects.tieng_viet!;
    // Nữ, then Tiếng Việt's level and score, then Toán's.
    expect(cells.slice(0, 3)).toEqual(['x', tieng.level, String(tieng.score)]);
    expect(cells).toContain(first.result);
    const counts = (letter: string) => doc.rows.filter((r) => r.subjects.tieng_viet!.level === letter).length;
    const totalT = lines.find((l) => l.includes('Tổng số T'))!;
    expect(totalT.replace('Tổng số T', '').trim().split(/\s+/)[0]).toBe(String(counts('T')));
    const totalC = lines.find((l) => l.includes('Tổng số C'))!;
    expect(totalC.replace('Tổng số C', '').trim().split(/\s+/)[0]).toBe(String(counts('C')));
    const all = flat(lines.join('\n'));
    const htxs = doc.rows.filter((r) => r.result === 'HTXS').length;
    expect(all).toContain(`Hoàn thành xuất sắc (HTXS): ${htxs}`);
  });

  it('without the year-end columns at a mid-term point', async () => {
    const doc = classSummaryDoc(12, false);
    const all = flat(pdfText(await renderClassSummaryPdf(doc)));
    expect(all).toContain('Giữa học kỳ I — Năm học 2024-2025');
    expect(all).not.toContain('Khen thưởng');
    expect(all).not.toContain('HTXS');
    for (const row of doc.rows) expect(all).toContain(row.fullName);
  });
});

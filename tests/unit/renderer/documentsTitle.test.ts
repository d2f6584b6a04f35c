/**
 * The title a submitted document starts with: the files the app made are read back into the
 * Vietnamese title the app gave them (not their slug names); any other file's name becomes words.
 */
import { describe, expect, it } from 'vitest';
import { generatedTitle, titleFromFileName } from '../../../src-renderer/office/documents/submit/documentTitle';
import { fileSlug } from '../../../src-shared/domain/vnName';
import { POINT_LABELS } from '../../../src-shared/domain/tt27';

describe('document titles', () => {
  it('reads the summary sheet and class học bạ the app made back into their titles', () => {
    // The names as src-main/core/assessment/documents.ts makes them.
    const summary = `${fileSlug('bang-tong-hop', '3A', POINT_LABELS.GIUA_HK1, '2025-2026')}.pdf`;
    expect(summary).toBe('bang-tong-hop-3a-giua-hoc-ky-i-2025-2026.pdf');
    expect(titleFromFileName(summary)).toBe('Bảng tổng hợp kết quả đánh giá lớp 3A – Giữa học kỳ I, năm học 2025-2026');
    expect(generatedTitle(`${fileSlug('bang-tong-hop', '5B', POINT_LABELS.GIUA_HK2, '2025-2026')}.xlsx`)).toBe(
      'Bảng tổng hợp kết quả đánh giá lớp 5B – Giữa học kỳ II, năm học 2025-2026',
    );
    expect(generatedTitle(`${fileSlug('bang-tong-hop', '1A', POINT_LABELS.CUOI_NAM, '2025-2026')} (1).pdf`)).toBe(
      'Bảng tổng hợp kết quả đánh giá lớp 1A – Cuối năm học, năm học 2025-2026',
    );
    expect(generatedTitle(`${fileSlug('hoc-ba', 'lop', '4C', '2025-2026')}.pdf`)).toBe(
      'Học bạ lớp 4C, năm học 2025-2026',
    );
  });

  it('turns any other file name into words with a capital first letter', () => {
    expect(titleFromFileName('ke-hoach-t10.pdf')).toBe('Ke hoach t10');
    expect(titleFromFileName('bao_cao__si-so thang 9.xlsx')).toBe('Bao cao si so thang 9');
    expect(titleFromFileName('quyết-định khen thưởng.docx')).toBe('Quyết định khen thưởng');
    expect(generatedTitle('ke-hoach-t10.pdf')).toBeNull();
  });
});

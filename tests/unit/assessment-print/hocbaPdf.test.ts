import { describe, expect, it } from 'vitest';
import { layoutHocBaPdf, renderHocBaPdf } from '../../../src-main/core/assessment/print/hocbaPdf';
import { AWARD_LABELS } from '../../../src-shared/domain/tt27';
import { hocBaDoc } from './fixtures';
import { flat, pageCount, pdfFonts, pdfInfo, pdfText } from './pdfTools';

describe('renderHocBaPdf', () => {
  const doc = hocBaDoc();

  it("prints the pupil's identity and results with their Vietnamese letters intact (NFC)", async () => {
    const pdf = await renderHocBaPdf([doc]);
    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    const all = flat(text);
    for (const expected of [
      'HỌC BẠ',
      'Năm học 2024-2025',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHÒNG GDĐT QUẬN ĐỐNG ĐA',
      'TRƯỜNG TIỂU HỌC KIM LIÊN',
      'Họ và tên: Nguyễn Thị Thuỷ Tiên',
      'Giới tính: Nữ',
      'Ngày sinh: 05/09/2016',
      'Dân tộc: Kinh',
      'Quốc tịch: Việt Nam',
      'Mã định danh: 0100123456',
      'Số định danh cá nhân: 001316012345',
      'Lớp: 3A',
      'phường Phương Mai',
      // Comments with the rarer letters: ữ ặ ỹ.
      'nắm vững cách đặt câu',
      'Hoàn thành tốt',
      AWARD_LABELS.HS_TIEU_BIEU,
      'Hoàn thành chương trình lớp 3',
      'Được lên lớp',
      'Hà Nội, ngày 31 tháng 5 năm 2025',
      'GIÁO VIÊN CHỦ NHIỆM',
      'HIỆU TRƯỞNG',
      'Trần Thị Thu Hằng',
      'Đỗ Thị Mỹ Hạnh',
      'Em ngoan, lễ phép, chăm chỉ học tập',
    ]) {
      expect(all, expected).toContain(expected);
    }
    for (const s of doc.subjects) expect(all, s.name).toContain(s.name);
    for (const q of doc.qualities) expect(all, q.name).toContain(q.name);
  });

  it('shows each subject with its level and score on one table row, and each quality with T/Đ/C', async () => {
    const text = pdfText(await renderHocBaPdf([doc]), { layout: true });
    const lines = text.split('\n');
    for (const s of doc.subjects) {
      const line = lines.find((l) => l.includes(s.name));
      expect(line, s.name).toBeDefined();
      // The cells after the name: level, then the score or the comment.
      const cells = line!
        .slice(line!.indexOf(s.name) + s.name.length)
        .trim()
        .split(/\s{2,}/);
      expect(cells[0], s.name).toBe(s.level);
      if (s.score === null) expect(cells[1] ?? '', s.name).not.toMatch(/^\d+$/);
      else expect(cells[1], s.name).toBe(String(s.score));
    }
    const tinhToan = lines.find((l) => /^\s*Tính toán\s/.test(l));
    expect(tinhToan).toMatch(/Tính toán\s+Đ(\s|$)/);
    const yeuNuoc = lines.find((l) => /^\s*Yêu nước\s/.test(l));
    expect(yeuNuoc).toMatch(/Yêu nước\s+T(\s|$)/);
  });

  it('embeds every font it uses, and is ready for a signature: no form fields, no annotations', async () => {
    const pdf = await renderHocBaPdf([doc]);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.unicode, f.name).toBe(true);
    }
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/Tinos|TimesNewRoman/);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).not.toContain('/AcroForm');
    expect(raw).not.toContain('/Annots');
    expect(raw).not.toContain('/Widget');
  });

  it('gives the same bytes for the same input, dated by the document', async () => {
    const a = await renderHocBaPdf([doc]);
    const b = await renderHocBaPdf([hocBaDoc()]);
    expect(a.equals(b)).toBe(true);
    const info = pdfInfo(a);
    expect(info.Producer).toBe('Trường Số');
    expect(info.Creator).toBe('Trường Số');
    expect(info.Title).toContain('Nguyễn Thị Thuỷ Tiên');
    expect(info.CreationDate).toMatch(/^2025-05-31/);
    expect(info['Page size']).toMatch(/595\.2\d? x 841\.8\d? pts \(A4\)/);
    const later = await renderHocBaPdf([hocBaDoc({ date: '2025-06-02' })]);
    expect(later.equals(a)).toBe(false);
  });

  it('starts each pupil of a batch on a new page of one file', async () => {
    const names = ['Nguyễn Thị Thuỷ Tiên', 'Trần Đức Vỹ', 'Lê Hoàng Bảo Ngọc'];
    const docs = names.map((fullName, i) =>
      hocBaDoc({ pupil: { fullName, sex: i === 1 ? 'male' : 'female', personalId: `00131601234${i}` } }),
    );
    const { pdf, pages, pupils } = await layoutHocBaPdf(docs);
    expect(pageCount(pdf)).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pupils.map((p) => p.fullName)).toEqual(names);
    expect(pupils[0]!.firstPage).toBe(1);
    pupils.forEach((p, i) => {
      const first = flat(pdfText(pdf, { first: p.firstPage, last: p.firstPage }));
      expect(first).toContain('HỌC BẠ');
      expect(first).toContain(`Họ và tên: ${p.fullName}`);
      for (const other of names.filter((n) => n !== p.fullName)) expect(first).not.toContain(other);
      if (i > 0) {
        expect(p.firstPage).toBe(pupils[i - 1]!.lastPage + 1);
        expect(flat(pdfText(pdf, { first: p.firstPage - 1, last: p.firstPage - 1 }))).not.toContain(p.fullName);
      }
      // Both signature spaces lie inside the page, on the pupil's pages.
      for (const box of [p.teacherSignature, p.principalSignature]) {
        expect(box.page).toBeGreaterThanOrEqual(p.firstPage);
        expect(box.page).toBeLessThanOrEqual(p.lastPage);
        expect(box.height).toBeGreaterThanOrEqual(70);
        expect(box.y + box.height).toBeLessThan(841.89);
      }
    });
    expect(pupils.at(-1)!.lastPage).toBe(pages);
  });

  it('carries a comment longer than a page over the break, the table header repeated', async () => {
    const sentence =
      'Em tiến bộ rõ rệt, đọc to, rõ ràng và viết chữ đẹp hơn; cần luyện thêm kĩ năng giải toán có lời văn. ';
    const long = `${sentence.repeat(70)}Kết thúc nhận xét.`;
    const subjects = hocBaDoc().subjects.map((s, i) => (i === 2 ? { ...s, comment: long } : s));
    const pdf = await renderHocBaPdf([hocBaDoc({ subjects })]);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const all = flat(pdfText(pdf));
    expect(all).toContain('Kết thúc nhận xét.');
    // Every word of the comment is printed: none is cut off at a page or cell boundary.
    const printed = all.split('Em tiến bộ rõ rệt').length - 1;
    expect(printed).toBe(70);
    let headers = 0;
    for (let page = 1; page <= pages; page++) {
      if (flat(pdfText(pdf, { first: page, last: page })).includes('Môn học và hoạt động giáo dục Mức đạt được'))
        headers++;
    }
    expect(headers).toBeGreaterThanOrEqual(2);
    expect(all).toContain('Hoàn thành chương trình lớp 3');
  });

  it('keeps every letter readable whatever the documents rendered before it in the process', async () => {
    // Letters such as ờ ở ợ are drawn from ơ plus a mark: subsetting one document must not leave ơ
    // without its Unicode mapping in the next one.
    const before = hocBaDoc({
      pupil: { fullName: 'Lưu Thị Ngọc Ánh' },
      comment:
        'Em ở lớp luôn vui vẻ, lời nói lễ phép; ngờ đâu em tiến bộ nhanh; sợ gì không làm được; ờ, ừ, ữ, ự, ớ, ỡ.',
    });
    await renderHocBaPdf([before]);
    await renderHocBaPdf([hocBaDoc({ pupil: { fullName: 'Trương Thơ' } })]);
    const names = ['Dương Thu Diệp', 'Lương Thu Oanh', 'Nguyễn Thanh Hương'];
    for (const fullName of names) {
      const text = flat(pdfText(await renderHocBaPdf([hocBaDoc({ pupil: { fullName } })])));
      expect(text).toContain(`Họ và tên: ${fullName}`);
      expect(text).toContain('TRƯỜNG TIỂU HỌC KIM LIÊN');
      expect(text).toContain('Hoàn thành chương trình lớp 3');
    }
  });

  it('prints decomposed input (NFD) as composed letters', async () => {
    const nfd = hocBaDoc({ pupil: { fullName: 'Phạm Ngọc Ánh Dương'.normalize('NFD') } });
    const text = flat(pdfText(await renderHocBaPdf([nfd])));
    expect(text).toContain('Phạm Ngọc Ánh Dương'.normalize('NFC'));
  });

  it('leaves blank what is not decided yet', async () => {
    const pending = hocBaDoc({ result: null, awards: [], completion: '', promotion: '', comment: '' });
    const text = flat(pdfText(await renderHocBaPdf([pending])));
    expect(text).toContain('Đánh giá kết quả giáo dục:');
    expect(text).not.toContain('Hoàn thành chương trình lớp 3');
    expect(text).not.toContain('Được lên lớp');
  });

  it('refuses an empty batch', async () => {
    await expect(renderHocBaPdf([])).rejects.toThrow();
  });
});

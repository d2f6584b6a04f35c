import { describe, expect, it } from 'vitest';
import type { Block, Run } from '../../../src-main/core/lab/formats/documentBlocks';
import { isRed } from '../../../src-main/core/lab/formats/documentBlocks';
import { readWordTest } from '../../../src-main/core/lab/formats/wordTest';

/**
 * A paragraph written with marks for the formatting a Word file carries: _underlined_, {red}, *bold*,
 * [img:key] a picture. Plain text otherwise.
 */
function p(source: string): Block {
  const runs: Run[] = [];
  const re = /_([^_]+)_|\{([^}]+)\}|\*([^*]+)\*|\[img:([^\]]+)\]|([^_{*[]+)/gu;
  for (const m of source.matchAll(re)) {
    if (m[1] !== undefined) runs.push({ text: m[1], underline: true });
    else if (m[2] !== undefined) runs.push({ text: m[2], color: 'FF0000' });
    else if (m[3] !== undefined) runs.push({ text: m[3], bold: true });
    else if (m[4] !== undefined) runs.push({ text: '', image: m[4] });
    else runs.push({ text: m[5]! });
  }
  return { kind: 'paragraph', runs };
}
const table = (rows: string[][]): Block => ({
  kind: 'table',
  rows: rows.map((row) => row.map((cell) => [[{ text: cell }]])),
});
const read = (...blocks: Block[]) => readWordTest(blocks);
const correctIds = (item: ReturnType<typeof read>['items'][number]) => {
  const body = item.draft!.body;
  if (body.kind === 'single' || body.kind === 'multiple') return body.choices.filter((c) => c.correct).map((c) => c.id);
  if (body.kind === 'trueFalseGrid') return body.statements.map((s) => (s.correct ? 'Đ' : 'S')).join('');
  throw new Error(body.kind);
};

describe('a test written in Word', () => {
  it('reads questions, options on one line or several, and underlined or red answers', () => {
    const r = read(
      p('PHÒNG GD&ĐT … TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
      p('BÀI KIỂM TRA ĐỊNH KỲ CUỐI HỌC KỲ I – MÔN TIN HỌC LỚP 3'),
      p('Khoanh vào chữ cái đặt trước câu trả lời đúng:'),
      p('Câu 1. Kết quả của phép tính 3 + 5 là:'),
      p('A. 7\t\t_B. 8_\t\tC. 9\t\tD. 10'),
      p('Câu 2: Thiết bị nào dùng để *gõ chữ*?'),
      p('A. Chuột'),
      p('B. {Bàn phím}'),
      p('C. Màn hình'),
      p('D. Loa'),
      p('3. Em dùng phím nào để xuống dòng?'),
      p('A. Shift    B. Ctrl    {C. Enter}    D. Space'),
    );
    expect(r.items.map((i) => [i.label, i.number, i.problems, correctIds(i)])).toEqual([
      ['Câu 1', 1, [], ['b']],
      ['Câu 2', 2, [], ['b']],
      ['Câu 3', 3, [], ['c']],
    ]);
    const first = r.items[0]!.draft!;
    expect(first.stem).toBe('<p>Kết quả của phép tính 3 + 5 là:</p>');
    expect(first.body.kind === 'single' && first.body.choices.map((c) => c.text)).toEqual(['7', '8', '9', '10']);
    expect(r.items[1]!.draft!.stem).toBe('<p>Thiết bị nào dùng để <strong>gõ chữ</strong>?</p>');
  });

  it('takes the answers from an answer table after HẾT, as text or as a Word table', () => {
    const questions = [
      p('Câu 1. Hai cộng hai bằng mấy?'),
      p('A. 3   B. 4   C. 5   D. 6'),
      p('Câu 2. Con gì kêu meo meo?'),
      p('A. Chó   B. Gà   C. Mèo'),
      p('Câu 3. Các ý sau đúng hay sai?'),
      p('a) 5 > 3'),
      p('b) 2 > 7'),
      p('c) 1 = 1'),
      p('d) 0 > 1'),
      p('------------ HẾT ------------'),
    ];
    const asText = read(...questions, p('ĐÁP ÁN'), p('1-B; 2.C'), p('3. a-Đ, b-S, c) Đúng, d) Sai'));
    expect(asText.items.map(correctIds)).toEqual([['b'], ['c'], 'ĐSĐS']);
    expect(asText.items.every((i) => i.problems.length === 0)).toBe(true);

    const asTable = read(
      ...questions,
      p('ĐÁP ÁN VÀ HƯỚNG DẪN CHẤM'),
      table([
        ['Câu', '1', '2', '3'],
        ['Đáp án', 'B', 'C', 'ĐSĐS'],
      ]),
    );
    expect(asTable.items.map(correctIds)).toEqual([['b'], ['c'], 'ĐSĐS']);

    const asRows = read(
      ...questions,
      table([
        ['Câu', 'Đáp án'],
        ['1', 'B'],
        ['2', 'C'],
        ['3', 'Đ-S-Đ-S'],
      ]),
    );
    expect(asRows.items.map(correctIds)).toEqual([['b'], ['c'], 'ĐSĐS']);

    const compact = read(...questions, p('Đáp án: 1B 2C 3a Đ 3b S 3c Đ 3d S'));
    expect(compact.items.map(correctIds)).toEqual([['b'], ['c'], 'ĐSĐS']);
  });

  it('prefers the answer table to a mark that disagrees, and says so', () => {
    const r = read(p('Câu 1. Chọn số chẵn:'), p('_A. 3_   B. 4'), p('HẾT'), p('1-B'));
    expect(correctIds(r.items[0]!)).toEqual(['b']);
    expect(r.items[0]!.warnings).toEqual([{ code: 'key_conflict', marked: 'A', key: 'B' }]);
  });

  it('reads Đúng/Sai statements marked in the question', () => {
    const r = read(
      p('Câu 4 (1 điểm). Đúng ghi Đ, sai ghi S:'),
      p('_a) Máy tính cần điện để hoạt động._'),
      p('b) Chuột dùng để nghe nhạc.'),
      p('{c) Bàn phím có phím Enter.}'),
      p('d) Loa dùng để gõ chữ.'),
    );
    const item = r.items[0]!;
    expect(item.draft!.body.kind).toBe('trueFalseGrid');
    expect(correctIds(item)).toBe('ĐSĐS');
    expect(item.draft!.points).toBe(1);
  });

  it('reads typed answers from "Đáp án:" lines and the answer table', () => {
    const r = read(
      p('Câu 1 (0,5 điểm). 25 + 17 = ?'),
      p('Đáp án: 42'),
      p('Câu 2. Thủ đô của nước ta là thành phố nào?'),
      p('Đáp án: Hà Nội / Thủ đô Hà Nội'),
      p('Câu 3. Một nửa của 7 là bao nhiêu?'),
      p('HẾT'),
      p('ĐÁP ÁN'),
      p('Câu 3: 3,5'),
    );
    expect(r.items.map((i) => i.draft!.body)).toEqual([
      { kind: 'numeric', answers: [{ value: 42, tolerance: 0 }] },
      {
        kind: 'shortText',
        accepted: ['Hà Nội', 'Thủ đô Hà Nội'],
        rules: { caseSensitive: false, ignoreDiacritics: false },
      },
      { kind: 'numeric', answers: [{ value: 3.5, tolerance: 0 }] },
    ]);
    expect(r.items[0]!.draft!.points).toBe(0.5);
  });

  it('reports each question it cannot use, with its number and the reason', () => {
    const r = read(
      p('Câu 1. Câu hỏi chưa có đáp án:'),
      p('A. Một   B. Hai'),
      p('Câu 2. Câu hỏi không có lựa chọn, không có đáp án.'),
      p('Câu 3. Thiếu một lựa chọn:'),
      p('A. x'),
      p('_B. y_'),
      p('D. z'),
      p('Câu 5. Đúng hay sai?'),
      p('a) Một'),
      p('b) Hai'),
    );
    expect(r.items.map((i) => [i.label, i.problems.map((x) => x.code)])).toEqual([
      ['Câu 1', ['no_correct_answer']],
      ['Câu 2', ['no_answer_form']],
      ['Câu 3', ['option_letters_skip']],
      ['Câu 5', ['no_correct_answer']],
    ]);
    expect(r.items[2]!.problems[0]).toEqual({ code: 'option_letters_skip', expected: 'C', found: 'D' });
    expect(r.items[1]!.draft).toBeNull();
  });

  it('keeps pictures, fixed options, long options and several right answers', () => {
    const r = read(
      p('Câu 1. Hình nào là con mèo? [img:m1]'),
      p('A. [img:m2]   _B._ [img:m3]'),
      p('Câu 2. Những con vật nào biết bay?'),
      p('_A. Chim sẻ_'),
      p('B. Con chó'),
      p('_C. Con bướm_'),
      p('D. Cả A và B'),
      p('Câu 3. Chọn câu đúng:'),
      p('A. Trái Đất quay quanh'),
      p('Mặt Trời.'),
      p('_B. Mặt Trời quay quanh Trái Đất._'),
    );
    const [pictures, several, long] = r.items;
    expect(pictures!.media).toEqual(['m1', 'm2', 'm3']);
    expect(pictures!.draft!.stem).toBe('<p>Hình nào là con mèo? <img src="import:m1"></p>');
    expect(correctIds(pictures!)).toEqual(['b']);
    expect(several!.draft!.body.kind).toBe('multiple');
    expect(several!.warnings).toEqual([{ code: 'several_marked' }]);
    const body = several!.draft!.body;
    expect(body.kind === 'multiple' && body.choices.map((c) => Boolean(c.fixed))).toEqual([false, false, false, true]);
    const longBody = long!.draft!.body;
    expect(longBody.kind === 'single' && longBody.choices[0]!.text).toBe('Trái Đất quay quanh Mặt Trời.');
  });

  it('ends a question at a section heading and ignores everything after HẾT that is not a key', () => {
    const r = read(
      p('PHẦN I. TRẮC NGHIỆM (4 điểm)'),
      p('Câu 1. Một cộng một?'),
      p('A. 1   _B. 2_'),
      p('PHẦN II. TỰ LUẬN'),
      p('Viết đoạn văn ngắn về gia đình em.'),
      p('Bài 2. Tính 6 : 2'),
      p('Đáp án: 3'),
      p('--- HẾT ---'),
      p('Giáo viên ra đề: Nguyễn Văn A'),
    );
    expect(r.items.map((i) => [i.label, i.draft?.stem])).toEqual([
      ['Câu 1', '<p>Một cộng một?</p>'],
      ['Bài 2', '<p>Tính 6 : 2</p>'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('warns about an answer for a question that is not there and about a number used twice', () => {
    const r = read(p('Câu 1. a?'), p('_A. x_ B. y'), p('Câu 1. b?'), p('A. x _B. y_'), p('HẾT'), p('1-A 7-C'));
    expect(r.warnings).toEqual([{ code: 'key_for_missing_question', number: 7 }]);
    expect(r.items[1]!.warnings).toContainEqual({ code: 'duplicate_number', number: 1 });
  });

  it('tells the reds teachers use from other colours', () => {
    expect(['FF0000', 'C00000', 'E60000', 'FF1A1A', 'CC0000'].map(isRed)).toEqual([true, true, true, true, true]);
    expect(['000000', 'FFC000', 'FF66CC', '7030A0', '0070C0', 'FFCCCC', undefined].map(isRed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

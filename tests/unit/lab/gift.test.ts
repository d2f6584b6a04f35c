import { describe, expect, it } from 'vitest';
import { readGift } from '../../../src-main/core/lab/formats/gift';
import { scoreResponse } from '../../../src-shared/domain/lab/scoring';

const GIFT = `// Ngân hàng câu hỏi Tin học 3, viết theo cú pháp GIFT của Moodle
$CATEGORY: $course$/top/Tin học 3/Máy tính và em

::Thủ đô:: Thủ đô của nước ta là {=Hà Nội =Thủ đô Hà Nội}

::Cộng:: 2 + 2 \\= {#4:0.1}

Chọn số chẵn {~3 =4 ~5}

Chọn các thiết bị vào {~%50%Chuột ~%50%Bàn phím ~%-100%Loa}

Đúng hay sai\\: Trái Đất quay quanh Mặt Trời {T}

Nối con vật với tiếng kêu {=mèo -> meo meo =chó -> gâu gâu = -> ò ó o}

[html]<p>Chữ <b>đậm</b> là gì?</p>{=in đậm ~in nghiêng}

Câu hỏi viết sai {=a ~b

Mặt Trời mọc ở {=phía đông ~phía tây} mỗi sáng.

Viết một đoạn văn về gia đình em {}
`;

describe('GIFT', () => {
  const { items } = readGift(GIFT);
  const find = (name: string) => items.find((i) => i.label.includes(name))!;

  it('reads each question, reports a broken one with its line and keeps reading', () => {
    expect(items.map((i) => [i.label, i.draft?.body.kind ?? null, i.problems.map((p) => p.code)])).toEqual([
      ['Câu 1 (Thủ đô)', 'shortText', []],
      ['Câu 2 (Cộng)', 'numeric', []],
      ['Câu 3 (dòng 8)', 'single', []],
      ['Câu 4 (dòng 10)', 'multiple', []],
      ['Câu 5 (dòng 12)', 'trueFalse', []],
      ['Câu 6 (dòng 14)', 'matching', []],
      ['Câu 7 (dòng 16)', 'single', []],
      ['Câu 8 (dòng 18)', null, ['unreadable']],
      ['Câu 9 (dòng 20)', 'cloze', []],
      ['Câu 10 (dòng 22)', null, ['unsupported_kind']],
    ]);
    expect(items.every((i) => i.topic === 'Máy tính và em')).toBe(true);
  });

  it('keeps what each question means', () => {
    expect(find('Thủ đô').draft!.body).toEqual({
      kind: 'shortText',
      accepted: ['Hà Nội', 'Thủ đô Hà Nội'],
      rules: { caseSensitive: false, ignoreDiacritics: false },
    });
    expect(find('Cộng').draft!.body).toEqual({ kind: 'numeric', answers: [{ value: 4, tolerance: 0.1 }] });
    expect(find('Cộng').draft!.stem).toBe('<p>2 + 2 =</p>');
    expect(find('dòng 16').draft!.stem).toBe('<p>Chữ <b>đậm</b> là gì?</p>');
    const matching = find('dòng 14').draft!.body;
    expect(matching.kind === 'matching' && matching.distractors).toEqual([{ id: 'd1', text: 'ò ó o' }]);
    const cloze = find('dòng 20').draft!;
    expect(cloze.body.kind === 'cloze' && cloze.body.passage).toBe('<p>Mặt Trời mọc ở {{b1}} mỗi sáng.</p>');
    expect(scoreResponse(cloze, { kind: 'cloze', blanks: { b1: 'o1' } }).status).toBe('full');
    expect(scoreResponse(find('dòng 10').draft!, { kind: 'multiple', choices: ['a', 'b'] }).status).toBe('full');
    expect(scoreResponse(find('dòng 10').draft!, { kind: 'multiple', choices: ['a', 'c'] }).status).toBe('none');
    expect(scoreResponse(find('dòng 12').draft!, { kind: 'trueFalse', value: true }).status).toBe('full');
  });
});

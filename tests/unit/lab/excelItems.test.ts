import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readItemsWorkbook, writeItemsTemplate } from '../../../src-main/core/lab/formats/excelItems';
import { scoreResponse } from '../../../src-shared/domain/lab/scoring';

async function filled(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeItemsTemplate({ subject: 'tin_hoc_cn', grade: 3 })) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Câu hỏi')!;
  rows.forEach((row, i) => {
    sheet.getRow(i + 2).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the Excel template for items', () => {
  it('is empty as downloaded; its examples, copied into the question sheet, all import', async () => {
    const template = await writeItemsTemplate({ subject: 'tin_hoc_cn', grade: 3 });
    expect((await readItemsWorkbook(template)).items).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const examples: (string | number | null)[][] = [];
    guide.eachRow((row, n) => {
      const values = (row.values as (string | number | null)[]).slice(1);
      if (n > 1 && values.length > 5 && values[5]) examples.push(values);
    });
    expect(examples).toHaveLength(9);
    const { items } = await readItemsWorkbook(await filled(examples));
    expect(items.map((i) => [i.label, i.draft?.body.kind, i.problems])).toEqual([
      ['Dòng 2', 'single', []],
      ['Dòng 3', 'multiple', []],
      ['Dòng 4', 'trueFalse', []],
      ['Dòng 5', 'trueFalseGrid', []],
      ['Dòng 6', 'shortText', []],
      ['Dòng 7', 'numeric', []],
      ['Dòng 8', 'matching', []],
      ['Dòng 9', 'ordering', []],
      ['Dòng 10', 'cloze', []],
    ]);
    expect(
      items.every((i) => i.subject === 'tin_hoc_cn' && i.grade === 3 && i.level === 1 && i.topic === 'Máy tính và em'),
    ).toBe(true);
    const [single, , , grid, , numeric, matching, ordering, cloze] = items.map((i) => i.draft!);
    expect(scoreResponse(single!, { kind: 'single', choice: 'b' }).status).toBe('full');
    expect(grid!.body.kind === 'trueFalseGrid' && grid!.body.statements.map((s) => s.correct)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(scoreResponse(numeric!, { kind: 'numeric', text: '3,5' }).status).toBe('full');
    expect(matching!.body.kind === 'matching' && matching!.body.distractors).toEqual([{ id: 'd1', text: 'gáy ò ó o' }]);
    expect(ordering!.body.kind === 'ordering' && ordering!.body.steps.map((s) => s.text)).toEqual([
      'Lưu bài',
      'Đóng chương trình',
      'Chọn Shut down',
    ]);
    expect(cloze!.body).toEqual({
      kind: 'cloze',
      passage: '<p>Thủ đô của Việt Nam là {{b1}}. Mặt Trời mọc ở hướng {{b2}}.</p>',
      blanks: [
        { id: 'b1', accepted: ['Hà Nội'] },
        { id: 'b2', accepted: ['đông', 'phía đông'] },
      ],
      rules: { caseSensitive: false, ignoreDiacritics: false },
    });
  });

  it('names the row and column of each mistake', async () => {
    const { items } = await readItemsWorkbook(
      await filled([
        [
          'Tin học',
          3,
          'Máy tính',
          4,
          'Chọn một đáp án',
          'Câu 1?',
          'x',
          'y',
          null,
          null,
          null,
          null,
          null,
          null,
          'E',
          1,
        ],
        ['Tiếng Pháp cổ', 9, '', 1, 'Vẽ hình', 'Câu 2?'],
        ['Tin học', 3, '', 1, 'Đúng hay sai', 'Câu 3?', null, null, null, null, null, null, null, null, 'Có lẽ'],
        ['Tin học', 3, '', 1, 'Chọn một đáp án', 'Câu 4?', 'x', 'y', null, null, null, null, null, null, '', 'một'],
      ]),
    );
    expect(items.map((i) => [i.label, i.problems])).toEqual([
      [
        'Dòng 2',
        [
          { code: 'bad_cell', column: 'D', field: 'Mức', value: '4' },
          { code: 'bad_cell', column: 'O', field: 'Đáp án đúng', value: 'E' },
          { code: 'no_correct_answer' },
        ],
      ],
      [
        'Dòng 3',
        [
          { code: 'bad_cell', column: 'B', field: 'Lớp', value: '9' },
          { code: 'bad_cell', column: 'A', field: 'Môn', value: 'Tiếng Pháp cổ' },
          { code: 'bad_cell', column: 'E', field: 'Loại câu hỏi', value: 'Vẽ hình' },
        ],
      ],
      ['Dòng 4', [{ code: 'bad_cell', column: 'O', field: 'Đáp án đúng', value: 'Có lẽ' }]],
      ['Dòng 5', [{ code: 'bad_cell', column: 'P', field: 'Điểm', value: 'một' }, { code: 'no_correct_answer' }]],
    ]);
  });
});

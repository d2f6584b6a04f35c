import * as XLSX from '@e965/xlsx';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { writeMoodleXml } from '../../../src-main/core/lab/formats/moodleXmlWriter';
import { writeQtiItem } from '../../../src-main/core/lab/formats/qtiItem';
import { writeQtiPackage } from '../../../src-main/core/lab/formats/qtiPackage';
import { UnknownQuestionFileError, readQuestionFile } from '../../../src-main/core/lab/formats/readQuestionFile';
import { describeProblem, describeWarning } from '../../../src-shared/domain/lab/importMessages';
import type { ImportProblem, ImportWarning } from '../../../src-shared/domain/lab/imports';
import { SAMPLE_ITEMS } from './sampleItems';

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const single = SAMPLE_ITEMS['trueFalse']!;

describe('a question file, whatever its name says', () => {
  it('is read by what it holds', async () => {
    const docx = await zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml':
        '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Câu 1. Hai cộng hai?</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">A. 3 </w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>B. 4</w:t></w:r></w:p></w:body></w:document>',
    });
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Loại câu hỏi', 'Câu hỏi', 'Đáp án đúng'],
      ['Đúng hay sai', 'Máy tính cần điện.', 'Đúng'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Câu hỏi');
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const xlsx = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const qti = await writeQtiPackage([{ identifier: 'q1', title: 'q1', draft: single }], () => null);
    const qtiItem = Buffer.from(writeQtiItem({ identifier: 'q1', title: 'q1', draft: single, mediaPath: String }));
    const moodle = Buffer.from(
      writeMoodleXml([{ name: 'q1', topic: null, level: null, draft: single }], () => null).xml,
    );
    const gift = Buffer.from('\uFEFFMáy tính cần điện {T}\n');
    const files: [string, Buffer][] = [
      ['docx', docx],
      ['excel', xls],
      ['excel', xlsx],
      ['qti', qti],
      ['qti', qtiItem],
      ['moodle', moodle],
      ['gift', gift],
    ];
    for (const [format, data] of files) {
      const reading = await readQuestionFile(data);
      expect(reading.format, format).toBe(format);
      expect(reading.items.length, format).toBe(1);
      expect(reading.items[0]!.problems, format).toEqual([]);
    }
  });

  it('refuses what is no question file', async () => {
    for (const data of [
      Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
      Buffer.from('Họ và tên;Ngày sinh\nAn;1/1/2019\n'),
      Buffer.from('<html><body>Câu 1</body></html>'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]),
    ]) {
      await expect(readQuestionFile(data)).rejects.toThrow(UnknownQuestionFileError);
    }
  });

  it('says every problem and warning in Vietnamese, with nothing left unfilled', () => {
    const problems: ImportProblem[] = [
      { code: 'no_stem' },
      { code: 'too_few_options', min: 2 },
      { code: 'too_many_options', max: 8 },
      { code: 'no_correct_answer' },
      { code: 'several_correct_in_single' },
      { code: 'empty_option', index: 2 },
      { code: 'duplicate_id', id: 'a' },
      { code: 'blank_not_in_passage', id: 'b1' },
      { code: 'passage_blank_unknown', id: 'b2' },
      { code: 'unknown_category', id: 'e1' },
      { code: 'bad_tolerance' },
      { code: 'no_rubric' },
      { code: 'bad_points' },
      { code: 'no_answer_form' },
      { code: 'unsupported_kind', kind: 'calculated' },
      { code: 'option_letters_skip', expected: 'C', found: 'D' },
      { code: 'unreadable', reason: 'hỏng' },
      { code: 'bad_cell', column: 'O', field: 'Đáp án đúng', value: 'E' },
    ];
    const warnings: ImportWarning[] = [
      { code: 'several_marked' },
      { code: 'key_conflict', marked: 'A', key: 'B' },
      { code: 'all_options_marked' },
      { code: 'duplicate_number', number: 3 },
      { code: 'key_for_missing_question', number: 40 },
      { code: 'custom_scoring' },
    ];
    const texts = [...problems.map((p) => describeProblem('vi', p)), ...warnings.map((w) => describeWarning('vi', w))];
    for (const text of texts) {
      expect(text).not.toMatch(/\{|lab\./);
      expect(text).toMatch(/[à-ỹđ]/iu);
    }
    expect(describeProblem('vi', { code: 'empty_option', index: 2 })).toBe('Phương án C còn trống');
    expect(describeProblem('vi', { code: 'bad_cell', column: 'O', field: 'Đáp án đúng', value: 'E' })).toBe(
      'Cột O (Đáp án đúng): «E» không hợp lệ',
    );
  });
});

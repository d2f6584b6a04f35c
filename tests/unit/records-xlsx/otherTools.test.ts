import { describe, expect, it } from 'vitest';
import { parseImport, previewImport } from '../../../src-main/core/records/xlsx';
import { handWrittenXlsx, is } from './handWritten';
import { bornYearsAgo, xlsxErrorOf } from './helpers';

const y = bornYearsAgo(7);

/** Days from the 1904 epoch: the serial a workbook in the 1904 date system stores. */
function serial1904(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1904, 0, 1)) / 86_400_000;
}

describe('files written by tools other than Excel', () => {
  it('inline strings, the built-in date format and the 1904 date system', async () => {
    const data = handWrittenXlsx(
      `<row r="1">${is('A1', 'Họ và tên')}${is('B1', 'Ngày sinh')}${is('C1', 'Giới tính')}</row>` +
        // B2 carries the built-in format 14 (a date); B3 is a bare serial in the same date system.
        `<row r="2">${is('A2', 'Nguyễn Văn An')}<c r="B2" s="1"><v>${serial1904(y, 5, 6)}</v></c>${is('C2', 'Nam')}</row>` +
        `<row r="3">${is('A3', ' Lê Thị  Bé ')}<c r="B3"><v>${serial1904(y, 12, 31)}</v></c>${is('C3', 'Nữ')}</row>`,
      { date1904: true },
    );
    const preview = await previewImport(data, 'pupils');
    expect(preview.sheet).toBe('DanhSach');
    expect(preview.sampleRows[0]).toEqual(['Nguyễn Văn An', `06/05/${y}`, 'Nam']);
    const parsed = await parseImport(data, 'pupils', {
      sheet: 'DanhSach',
      headerRow: 1,
      fields: { fullName: 1, birthDate: 2, sex: 3 },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.value.fullName, r.value.birthDate])).toEqual([
      ['Nguyễn Văn An', `${y}-05-06`],
      ['Lê Thị Bé', `${y}-12-31`],
    ]);
  });

  it('cells without a reference, which exceljs cannot place, are refused with advice to re-save', async () => {
    const data = handWrittenXlsx(`<row><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>`);
    const e = await xlsxErrorOf(previewImport(data, 'pupils'));
    expect(e.key).toBe('file.corrupt');
    expect(e.message).toContain('hãy lưu lại');
  });
});

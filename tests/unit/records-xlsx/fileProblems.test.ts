import { describe, expect, it } from 'vitest';
import {
  MAX_DATA_ROWS,
  MAX_IMPORT_BYTES,
  XlsxError,
  isXlsxError,
  parseImport,
  previewImport,
} from '../../../src-main/core/records/xlsx';
import { PUPIL_HEADER, bornYearsAgo, pupilMapping, sheetOf, toBytes, workbookOf, xlsxErrorOf, zipOf } from './helpers';
import ExcelJS from 'exceljs';

async function validFile(): Promise<Buffer> {
  return sheetOf([PUPIL_HEADER, [1, 'HS0000000001', 'Nguyễn Văn An', `05/09/${bornYearsAgo(7)}`, 'Nam', 'Kinh', '2A']]);
}

describe('file problems are refused with a clear Vietnamese message', () => {
  it('an empty buffer', async () => {
    const e = await xlsxErrorOf(previewImport(Buffer.alloc(0), 'pupils'));
    expect(e).toBeInstanceOf(XlsxError);
    expect(e.key).toBe('file.empty');
    expect(e.message).toBe('Tệp trống, không có dữ liệu. Hãy chọn lại tệp Excel (.xlsx).');
  });

  it('a file of blank lines only', async () => {
    const e = await xlsxErrorOf(previewImport(Buffer.from('\r\n  \r\n'), 'pupils'));
    expect(e.key).toBe('file.empty');
  });

  it('a file over 20 MB, before exceljs reads it', async () => {
    // A zip signature followed by zeros: were it handed to exceljs, the answer would be "corrupt".
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const started = performance.now();
    const e = await xlsxErrorOf(previewImport(big, 'pupils'));
    expect(e.key).toBe('file.tooLarge');
    expect(e.message).toContain('20 MB');
    expect(performance.now() - started).toBeLessThan(500);
    const p = await xlsxErrorOf(parseImport(big, 'pupils', pupilMapping()));
    expect(p.key).toBe('file.tooLarge');
  });

  it('a file of exactly 20 MB is not refused for its size', async () => {
    const e = await xlsxErrorOf(previewImport(Buffer.alloc(MAX_IMPORT_BYTES), 'pupils'));
    expect(e.key).toBe('file.notXlsx');
  });

  it('a damaged OLE2 compound file (an .xls cut short) is reported as damaged (xlsFiles.test.ts reads real ones)', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 1)]);
    const e = await xlsxErrorOf(previewImport(xls, 'pupils'));
    expect(e.key).toBe('file.corrupt');
  });

  it('a CSV renamed .xlsx, in UTF-8 and in UTF-16', async () => {
    const csv = 'STT,Họ và tên,Ngày sinh\n1,Nguyễn Văn An,05/09/2018\n';
    expect((await xlsxErrorOf(previewImport(Buffer.from(csv), 'pupils'))).key).toBe('file.text');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    expect((await xlsxErrorOf(previewImport(utf16, 'pupils'))).key).toBe('file.text');
  });

  it('an HTML table saved with an Excel extension', async () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>Họ và tên</td></tr></table></body></html>';
    const e = await xlsxErrorOf(previewImport(Buffer.from(html), 'pupils'));
    expect(e.key).toBe('file.html');
  });

  it('binary that is neither zip nor text', async () => {
    const e = await xlsxErrorOf(previewImport(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]), 'pupils'));
    expect(e.key).toBe('file.notXlsx');
  });

  it('a zip archive that is not a workbook', async () => {
    const zip = zipOf({ 'readme.txt': 'Không phải Excel', 'data/list.csv': 'a,b\n1,2\n' });
    const e = await xlsxErrorOf(previewImport(zip, 'pupils'));
    expect(e.key).toBe('file.zipNotXlsx');
  });

  it('a damaged xlsx (cut short in transfer)', async () => {
    const good = await validFile();
    const e = await xlsxErrorOf(previewImport(good.subarray(0, Math.floor(good.length / 2)), 'pupils'));
    expect(e.key).toBe('file.corrupt');
  });

  it('a workbook whose only sheet with data is hidden', async () => {
    const data = await workbookOf((wb) => {
      wb.addWorksheet('Trống');
      const hidden = wb.addWorksheet('Dữ liệu', { state: 'hidden' });
      hidden.addRow(PUPIL_HEADER);
      hidden.addRow([1, 'HS0000000001', 'Nguyễn Văn An', '05/09/2018', 'Nam', 'Kinh', '2A']);
    });
    const e = await xlsxErrorOf(previewImport(data, 'pupils'));
    expect(e.key).toBe('file.noVisibleSheet');
  });

  it('a sheet without a recognisable header row', async () => {
    const data = await sheetOf([['Báo cáo tháng 9'], ['Nội dung', 'Ghi chú'], ['abc', 'def']]);
    const e = await xlsxErrorOf(previewImport(data, 'pupils'));
    expect(e.key).toBe('file.headerNotFound');
    expect(e.message).toContain('Sheet1');
  });

  it('a sheet name or header row that does not exist', async () => {
    const data = await validFile();
    expect((await xlsxErrorOf(previewImport(data, 'pupils', { sheet: 'Khối 5' }))).key).toBe('file.sheetNotFound');
    expect((await xlsxErrorOf(previewImport(data, 'pupils', { headerRow: 40 }))).key).toBe('file.headerRowOutOfRange');
    const parse = await xlsxErrorOf(parseImport(data, 'pupils', { ...pupilMapping(), sheet: 'Khác' }));
    expect(parse.key).toBe('file.sheetNotFound');
    expect(parse.message).toContain('“Sheet1”');
  });

  it(`more than ${MAX_DATA_ROWS} data rows`, async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Sheet1');
    ws.addRow(PUPIL_HEADER);
    for (let i = 1; i <= MAX_DATA_ROWS + 1; i++) ws.addRow([i, `HS${i}`, 'Nguyễn Văn An', '05/09/2018', 'Nam']);
    const data = await toBytes(workbook);
    const e = await xlsxErrorOf(previewImport(data, 'pupils'));
    expect(e.key).toBe('file.tooManyRows');
    expect(e.message).toContain('20001');
    expect((await xlsxErrorOf(parseImport(data, 'pupils', pupilMapping()))).key).toBe('file.tooManyRows');
  }, 60_000);

  it('exactly the row limit is accepted', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Sheet1');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
    for (let i = 1; i <= MAX_DATA_ROWS; i++) ws.addRow(['Nguyễn Văn An', '05/09/2018', 'Nam']);
    const preview = await previewImport(await toBytes(workbook), 'pupils');
    expect(preview.dataRows).toBe(MAX_DATA_ROWS);
  }, 60_000);

  it('errors that crossed a worker thread are still recognised', () => {
    const cloned = structuredClone({ name: 'XlsxError', key: 'file.empty', params: {}, message: 'x' });
    expect(isXlsxError(cloned)).toBe(true);
    expect(isXlsxError(new Error('file.empty'))).toBe(false);
  });
});

describe('mapping problems', () => {
  it('a required field without a column', async () => {
    const data = await validFile();
    const { fields } = pupilMapping();
    const { birthDate: _, ...withoutDate } = fields;
    const e = await xlsxErrorOf(parseImport(data, 'pupils', { sheet: 'Sheet1', headerRow: 1, fields: withoutDate }));
    expect(e.key).toBe('mapping.missingRequired');
    expect(e.message).toBe('Chưa chọn cột cho trường bắt buộc: Ngày sinh.');
  });

  it('one column for two fields, an unknown field, a column out of range', async () => {
    const data = await validFile();
    const base = pupilMapping();
    const twice = await xlsxErrorOf(
      parseImport(data, 'pupils', { ...base, fields: { ...base.fields, birthPlace: 3 } }),
    );
    expect(twice.key).toBe('mapping.duplicateColumn');
    expect(twice.message).toContain('Cột C');
    const unknown = await xlsxErrorOf(parseImport(data, 'pupils', { ...base, fields: { ...base.fields, salary: 9 } }));
    expect(unknown.key).toBe('mapping.unknownField');
    const staffOnly = await xlsxErrorOf(
      parseImport(data, 'pupils', { ...base, fields: { ...base.fields, partyMember: 9 } }),
    );
    expect(staffOnly.key).toBe('mapping.unknownField');
    const zero = await xlsxErrorOf(parseImport(data, 'pupils', { ...base, fields: { ...base.fields, address: 0 } }));
    expect(zero.key).toBe('mapping.badColumn');
  });
});

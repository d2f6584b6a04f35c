/**
 * Excel 97–2003 (.xls, BIFF8) files: written here by SheetJS as Excel writes them, read by the import
 * engine, and expected to read exactly as the same list saved as .xlsx (written by exceljs) does.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, previewImport } from '../../../src-main/core/records/xlsx';
import { TooManyRowsError } from '../../../src-main/core/records/xlsx/workbook';
import { XlsWorkbook } from '../../../src-main/core/records/xlsx/xls';
import { bornYearsAgo, importPupilsFrom, personalIdFor, toBytes, xlsxErrorOf } from './helpers';

const y = bornYearsAgo(8);
const TITLE = 'DANH SÁCH HỌC SINH NĂM HỌC';
const HEADER = ['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp', 'Số định danh cá nhân'];
const boy = personalIdFor('male', y, 101);

/** The list's rows below the title: text dates, real Excel dates, numbers that are IDs. */
function dataRows(): (string | number | Date)[][] {
  return [
    [1, '0100100001', 'Nguyễn Văn An', `05/09/${y}`, 'Nam', 'Kinh', '3A', boy],
    [2, 1001000020, 'Trần Thị Bích Ngọc', new Date(Date.UTC(y, 10, 21)), 'Nữ', 'Tày', '3A', ''],
    [3, '0100100003', 'Lò Văn Sơn', `01/02/${y}`, 'Nam', 'Thái', '3B', ''],
  ];
}

/** The list as Excel 97–2003 saves it: a merged title row above the header, a date format on dates. */
function xlsOf(rows: (string | number | Date)[][], options: { hiddenFirst?: boolean } = {}): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([[TITLE], [], HEADER, ...rows], { cellDates: false, dateNF: 'dd/mm/yyyy' });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: HEADER.length - 1 } }];
  const wb = XLSX.utils.book_new();
  if (options.hiddenFirst) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['ghi chú'], ['x']]), 'An');
  }
  XLSX.utils.book_append_sheet(wb, ws, 'Danh sách');
  if (options.hiddenFirst) wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] };
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

async function xlsxOf(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow([TITLE]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  }
  return toBytes(wb);
}

describe('.xls (Excel 97–2003) files', () => {
  it('is a real BIFF8 compound file, not a zip', () => {
    const data = xlsOf(dataRows());
    expect([...data.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(XLSX.CFB.read(data, { type: 'buffer' }).FullPaths.some((p: string) => p.endsWith('Workbook'))).toBe(true);
  });

  it('previews and imports exactly as the same list saved as .xlsx', async () => {
    const xls = xlsOf(dataRows());
    const xlsx = await xlsxOf(dataRows());
    const fromXls = await previewImport(xls, 'pupils');
    const fromXlsx = await previewImport(xlsx, 'pupils');
    expect(fromXls.headerRow).toBe(3);
    expect(fromXls).toEqual(fromXlsx);

    const parsedXls = await importPupilsFrom(xls);
    const parsedXlsx = await importPupilsFrom(xlsx);
    expect(parsedXls.errors).toEqual([]);
    expect(parsedXls).toEqual(parsedXlsx);
    expect(parsedXls.rows.map((r) => [r.value.sectorId, r.value.fullName, r.value.birthDate])).toEqual([
      ['0100100001', 'Nguyễn Văn An', `${y}-09-05`],
      ['1001000020', 'Trần Thị Bích Ngọc', `${y}-11-21`],
      ['0100100003', 'Lò Văn Sơn', `${y}-02-01`],
    ]);
  });

  it('names row and column of a wrong cell as for .xlsx', async () => {
    const rows = dataRows();
    rows[2]![1] = '12345';
    const parsed = await importPupilsFrom(xlsOf(rows));
    expect(parsed.errors).toEqual((await importPupilsFrom(await xlsxOf(rows))).errors);
    expect(parsed.errors).toMatchObject([{ row: 6, column: 'B (Mã định danh)', field: 'sectorId' }]);
  });

  it('skips a hidden sheet when choosing the list', async () => {
    const preview = await previewImport(xlsOf(dataRows(), { hiddenFirst: true }), 'pupils');
    expect(preview.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['An', true],
      ['Danh sách', false],
    ]);
    expect(preview.sheet).toBe('Danh sách');
  });

  it('refuses a password-protected workbook, a Word document and a damaged compound file, each by name', async () => {
    const encrypted = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptionInfo', Buffer.alloc(64, 1));
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptedPackage', Buffer.alloc(4096, 2));
    const locked = await xlsxErrorOf(
      previewImport(Buffer.from(XLSX.CFB.write(encrypted, { type: 'buffer' }) as Buffer), 'pupils'),
    );
    expect(locked.key).toBe('file.oldXls');
    expect(locked.message).toContain('mật khẩu');

    const word = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(word, 'WordDocument', Buffer.alloc(4096, 3));
    const doc = await xlsxErrorOf(
      previewImport(Buffer.from(XLSX.CFB.write(word, { type: 'buffer' }) as Buffer), 'pupils'),
    );
    expect(doc.key).toBe('file.notXlsx');

    const damaged = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512, 1),
    ]);
    expect((await xlsxErrorOf(previewImport(damaged, 'pupils'))).key).toBe('file.corrupt');
  });

  it('keeps the budgets: an .xls over the size limit is refused unread, one over the row limit stops being read', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    big.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await xlsxErrorOf(previewImport(big, 'pupils'))).key).toBe('file.tooLarge');

    // The row budget (200,000 rows in the app) stops SheetJS reading, here with a small one.
    const data = xlsOf(dataRows());
    expect(() => XlsWorkbook.open(data, { maxRows: 5 })).toThrow(TooManyRowsError);
    expect(XlsWorkbook.open(data, { maxRows: 6 }).sheetNames).toEqual(['Danh sách']);
  });
});

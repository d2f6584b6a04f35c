import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import {
  type ClassListSpec,
  type RowError,
  writeClassList,
  writeErrorReport,
  writeTable,
} from '../../../src-main/core/records/xlsx';
import { importPupilsFrom, readBack } from './helpers';

function merges(ws: ExcelJS.Worksheet): string[] {
  return [...ws.model.merges].sort();
}

/** The formula and its cached result: cell.value would hide a result of 0. */
function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  return { formula: cell.formula, result: cell.result };
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

describe('writeTable', () => {
  const spec = {
    title: 'DANH SÁCH HỌC SINH TOÀN TRƯỜNG',
    subtitle: 'Trường Tiểu học Kim Liên — Năm học 2025-2026',
    sheetName: 'Học sinh',
    columns: [
      { header: 'STT', key: 'no', kind: 'number' as const, width: 6 },
      { header: 'Số định danh cá nhân', key: 'pid' },
      { header: 'Họ và tên', key: 'name' },
      { header: 'Ngày sinh', key: 'birth', kind: 'date' as const },
      { header: 'Ghi chú', key: 'note' },
    ],
    rows: [
      { no: 1, pid: '001215012345', name: 'Nguyễn Văn An', birth: '2015-09-05', note: null },
      { no: 2, pid: '079318000678', name: 'Trần Thị Bích Ngọc', birth: '2018-02-28', note: 'Chuyển đến' },
    ],
  };

  it('title and subtitle merged across the columns, bold bordered frozen header with a filter', async () => {
    const wb = await readBack(await writeTable(spec));
    const ws = wb.getWorksheet('Học sinh')!;
    expect(ws.getCell('A1').value).toBe('DANH SÁCH HỌC SINH TOÀN TRƯỜNG');
    expect(ws.getCell('A2').value).toBe('Trường Tiểu học Kim Liên — Năm học 2025-2026');
    expect(merges(ws)).toEqual(['A1:E1', 'A2:E2']);
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });

    expect(ws.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Số định danh cá nhân',
      'Họ và tên',
      'Ngày sinh',
      'Ghi chú',
    ]);
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(4, c);
      expect(cell.font).toMatchObject({ bold: true, name: 'Times New Roman' });
      expect(cell.border).toMatchObject({
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      });
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:E6');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
  });

  it('real dates shown dd/mm/yyyy, numbers as numbers, IDs as text with their zeros', async () => {
    const ws = (await readBack(await writeTable(spec))).getWorksheet('Học sinh')!;
    expect(ws.getCell('D5').value).toEqual(utcDate('2015-09-05'));
    expect(ws.getCell('D5').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D6').value).toEqual(utcDate('2018-02-28'));
    expect(ws.getCell('A5').value).toBe(1);
    expect(ws.getCell('B5').value).toBe('001215012345');
    expect(ws.getCell('B5').numFmt).toBe('@');
    expect(ws.getCell('E5').value).toBeNull();
    expect(ws.getCell('E6').value).toBe('Chuyển đến');
    expect(ws.getCell('C6').border).toMatchObject({ top: { style: 'thin' } });
  });

  it('given widths are kept and the others fit their content', async () => {
    const ws = (await readBack(await writeTable(spec))).getWorksheet('Học sinh')!;
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(2).width).toBe('Số định danh cá nhân'.length + 2);
    expect(ws.getColumn(3).width).toBe('Trần Thị Bích Ngọc'.length + 2);
    expect(ws.getColumn(4).width).toBe(12);
  });

  it('an unusable sheet name is made acceptable to Excel', async () => {
    const wb = await readBack(await writeTable({ ...spec, sheetName: 'Lớp 1/A: [danh sách] học sinh năm 2025' }));
    expect(wb.worksheets[0]!.name).toBe('Lớp 1 A danh sách học sinh năm');
  });
});

describe('writeClassList', () => {
  const spec: ClassListSpec = {
    schoolName: 'Trường Tiểu học Kim Liên',
    educationOffice: 'Phòng Giáo dục và Đào tạo quận Đống Đa',
    schoolYear: '2025-2026',
    className: '1a',
    homeroomTeacher: 'Nguyễn Thị Hoa',
    pupils: [
      {
        sectorId: '0100000001',
        fullName: 'Hoàng Văn Đức',
        sex: 'male',
        birthDate: '2019-01-02',
        ethnicityName: 'Kinh',
        address: 'Kim Liên',
        note: '',
      },
      {
        sectorId: '0100000002',
        fullName: 'Vũ Thị Yến',
        sex: 'female',
        birthDate: '2019-03-04',
        ethnicityName: 'Kinh',
        address: 'Kim Liên',
        note: '',
      },
      {
        sectorId: '0100000003',
        fullName: 'Phạm Thị Ân',
        sex: 'female',
        birthDate: '2019-05-06',
        ethnicityName: 'Tày',
        address: 'Trung Tự',
        note: '',
      },
      {
        sectorId: '0100000004',
        fullName: 'Trần Văn An',
        sex: 'male',
        birthDate: '2019-07-08',
        ethnicityName: 'Kinh',
        address: 'Trung Tự',
        note: '',
      },
      {
        sectorId: '0100000005',
        fullName: 'Trần Thị Ánh',
        sex: 'female',
        birthDate: '2019-09-10',
        ethnicityName: 'Mường',
        address: 'Phương Mai',
        note: 'Khuyết tật vận động',
      },
      {
        sectorId: '0100000006',
        fullName: 'Lê Văn Bình',
        sex: 'male',
        birthDate: '2019-11-12',
        ethnicityName: 'Kinh',
        address: 'Phương Mai',
        note: '',
      },
      {
        sectorId: '0100000007',
        fullName: 'Nguyễn Văn Anh',
        sex: 'male',
        birthDate: '2019-12-13',
        ethnicityName: '',
        address: 'Kim Liên',
        note: '',
      },
      {
        sectorId: '0100000008',
        fullName: 'Ngô Văn An',
        sex: 'male',
        birthDate: '2019-02-14',
        ethnicityName: 'Kinh',
        address: 'Kim Liên',
        note: '',
      },
      {
        sectorId: '0100000009',
        fullName: 'Đỗ Văn Dũng',
        sex: 'male',
        birthDate: '2019-04-15',
        ethnicityName: 'Kinh',
        address: 'Kim Liên',
        note: '',
      },
    ],
  };

  async function sheet(): Promise<ExcelJS.Worksheet> {
    return (await readBack(await writeClassList(spec))).worksheets[0]!;
  }

  it('has the heading of a danh sách lớp', async () => {
    const ws = await sheet();
    expect(ws.name).toBe('Lớp 1a');
    expect(ws.getCell('A1').value).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN ĐỐNG ĐA');
    expect(ws.getCell('A2').value).toBe('TRƯỜNG TIỂU HỌC KIM LIÊN');
    expect(ws.getCell('D1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('D2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('A4').value).toBe('DANH SÁCH HỌC SINH LỚP 1A');
    expect(ws.getCell('A5').value).toBe('Năm học 2025-2026');
    expect(ws.getCell('A6').value).toBe('Giáo viên chủ nhiệm: Nguyễn Thị Hoa');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:C1', 'A2:C2', 'D1:H1', 'D2:H2', 'A4:H4', 'A5:H5', 'A6:H6']));
    expect(ws.getCell('A4').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14 });
    expect(ws.getRow(8).values).toEqual([
      undefined,
      'STT',
      'Mã định danh',
      'Họ và tên',
      'Ngày sinh',
      'Nữ',
      'Dân tộc',
      'Địa chỉ',
      'Ghi chú',
    ]);
  });

  it('lists the pupils by tên, then họ đệm, in Vietnamese order', async () => {
    const ws = await sheet();
    const names = Array.from({ length: 9 }, (_, i) => ws.getCell(9 + i, 3).value);
    expect(names).toEqual([
      'Ngô Văn An',
      'Trần Văn An',
      'Nguyễn Văn Anh',
      'Trần Thị Ánh',
      'Phạm Thị Ân',
      'Lê Văn Bình',
      'Đỗ Văn Dũng',
      'Hoàng Văn Đức',
      'Vũ Thị Yến',
    ]);
    expect(Array.from({ length: 9 }, (_, i) => ws.getCell(9 + i, 1).value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ws.getCell('B9').value).toBe('0100000008');
    expect(ws.getCell('D9').value).toEqual(utcDate('2019-02-14'));
    expect(ws.getCell('D9').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('E9').value).toBeNull();
    expect(ws.getCell('E12').value).toBe('x');
    expect(ws.getCell('H12').value).toBe('Khuyết tật vận động');
    expect(ws.getCell('C9').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell('H17').border).toMatchObject({ bottom: { style: 'thin' } });
  });

  it('totals are formulas with their results cached', async () => {
    const ws = await sheet();
    expect(ws.getCell('A19').value).toBe('Tổng số học sinh:');
    expect(formulaOf(ws.getCell('F19'))).toEqual({ formula: 'COUNTA(C9:C17)', result: 9 });
    expect(ws.getCell('A20').value).toBe('Nữ:');
    expect(formulaOf(ws.getCell('F20'))).toEqual({ formula: 'COUNTIF(E9:E17,"x")', result: 3 });
    expect(ws.getCell('A21').value).toBe('Dân tộc (không phải Kinh):');
    // Tày and Mường; the pupil without an ethnicity is not counted.
    expect(formulaOf(ws.getCell('F21'))).toEqual({ formula: 'COUNTIF(F9:F17,"<>Kinh")-COUNTBLANK(F9:F17)', result: 2 });
  });

  it('prints on A4 portrait with the header row on every page, the header frozen', async () => {
    const ws = await sheet();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('8:8');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
  });

  it('an empty class still has a valid table and zero totals', async () => {
    const ws = (await readBack(await writeClassList({ ...spec, pupils: [], homeroomTeacher: null }))).worksheets[0]!;
    expect(ws.getCell('A6').value).toBe('Giáo viên chủ nhiệm: ……………………………');
    expect(formulaOf(ws.getCell('F11'))).toEqual({ formula: 'COUNTA(C9:C9)', result: 0 });
    expect(formulaOf(ws.getCell('F13'))).toEqual({ formula: 'COUNTIF(F9:F9,"<>Kinh")-COUNTBLANK(F9:F9)', result: 0 });
  });

  it('reads back through the importer: the pupils, and nothing of the blocks under them', async () => {
    const parsed = await importPupilsFrom(await writeClassList(spec));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(9);
    expect(parsed.rows[3]).toEqual({
      row: 12,
      value: expect.objectContaining({
        fullName: 'Trần Thị Ánh',
        sex: 'female',
        birthDate: '2019-09-10',
        sectorId: '0100000005',
        ethnicity: '06',
        address: 'Phương Mai',
      }),
    });
    expect(parsed.rows.map((r) => r.value.sex).filter((s) => s === 'female')).toHaveLength(3);
  });
});

describe('writeErrorReport', () => {
  it('one row per error: Dòng, Cột, Trường, Lý do, under a title naming the file', async () => {
    const errors: RowError[] = [
      { row: 5, column: 'D (Ngày sinh)', field: 'birthDate', message: 'Ngày “31/02/2018” không có thật.' },
      { row: 9, column: '', field: null, message: 'Dòng trống.' },
      { row: 12, column: 'H (Họ tên mẹ)', field: 'motherName', message: 'Thiếu họ tên mẹ.' },
    ];
    const ws = (await readBack(await writeErrorReport(errors, { fileName: 'DS_lop_1A.xlsx', kind: 'pupils' })))
      .worksheets[0]!;
    expect(ws.name).toBe('Lỗi');
    expect(ws.getCell('A1').value).toBe('DANH SÁCH LỖI KHI NHẬP HỌC SINH');
    expect(ws.getCell('A2').value).toBe('Tệp: DS_lop_1A.xlsx — 3 lỗi');
    expect(ws.getRow(4).values).toEqual([undefined, 'Dòng', 'Cột', 'Trường', 'Lý do']);
    expect([5, 6, 7].map((r) => ws.getRow(r).values)).toEqual([
      [undefined, 5, 'D (Ngày sinh)', 'Ngày sinh', 'Ngày “31/02/2018” không có thật.'],
      [undefined, 9, undefined, undefined, 'Dòng trống.'],
      [undefined, 12, 'H (Họ tên mẹ)', 'Họ tên mẹ', 'Thiếu họ tên mẹ.'],
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('names the staff import for staff files', async () => {
    const ws = (await readBack(await writeErrorReport([], { fileName: 'can-bo.xlsx', kind: 'staff' }))).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('DANH SÁCH LỖI KHI NHẬP CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN');
    expect(ws.getCell('A2').value).toBe('Tệp: can-bo.xlsx — 0 lỗi');
  });
});

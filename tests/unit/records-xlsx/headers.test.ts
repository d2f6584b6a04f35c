import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PUPIL_FIELDS, STAFF_FIELDS, parseImport, previewImport } from '../../../src-main/core/records/xlsx';
import { matchKey } from '../../../src-main/core/records/xlsx/text';
import { addRows, bornYearsAgo, sheetOf, toBytes, workbookOf } from './helpers';

/** A class list as the school-management systems export it: titles, a two-row header, column numbers. */
async function realExport(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('DSHS');
  ws.getCell('A1').value = 'SỞ GD&ĐT HÀ NỘI';
  ws.mergeCells('A1:D1');
  ws.getCell('F1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells('F1:N1');
  ws.getCell('A2').value = 'TRƯỜNG TIỂU HỌC KIM LIÊN';
  ws.mergeCells('A2:D2');
  ws.getCell('A4').value = 'DANH SÁCH HỌC SINH NĂM HỌC 2025-2026';
  ws.mergeCells('A4:N4');
  const single = ['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp'];
  single.forEach((text, i) => {
    ws.getCell(6, i + 1).value = text;
    ws.mergeCells(6, i + 1, 7, i + 1);
  });
  ws.getCell('H6').value = 'Thông tin cha';
  ws.mergeCells('H6:J6');
  ws.getCell('K6').value = 'Thông tin mẹ';
  ws.mergeCells('K6:M6');
  ws.getCell('N6').value = 'Ghi chú';
  ws.mergeCells('N6:N7');
  ['H', 'I', 'J', 'K', 'L', 'M'].forEach((col, i) => {
    ws.getCell(`${col}7`).value = ['Họ tên', 'Năm sinh', 'SĐT', 'Họ tên', 'Nghề nghiệp', 'SĐT'][i]!;
  });
  addRows(ws, [Array.from({ length: 14 }, (_, i) => `(${i + 1})`)], 8);
  const y = bornYearsAgo(7);
  addRows(
    ws,
    [
      [
        1,
        'HS0000000001',
        'Nguyễn Văn An',
        `05/09/${y}`,
        'Nam',
        'Kinh',
        '2A',
        'Nguyễn Văn Bình',
        1985,
        '0912345678',
        'Trần Thị Cúc',
        'Nông dân',
        '0987654321',
        '',
      ],
      [
        2,
        'HS0000000002',
        'Lê Thị Bích',
        `12/11/${y}`,
        'Nữ',
        'Tày',
        '2A',
        '',
        '',
        '',
        'Hoàng Thị Dung',
        'Giáo viên',
        '0977111222',
      ],
    ],
    9,
  );
  return toBytes(workbook);
}

describe('header detection', () => {
  it('finds the header under merged title rows, reads a two-row header and skips the column numbers', async () => {
    const preview = await previewImport(await realExport(), 'pupils');
    expect(preview.sheet).toBe('DSHS');
    expect(preview.headerRow).toBe(7);
    expect(preview.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', 'STT', null],
      ['B', 'Mã định danh', 'sectorId'],
      ['C', 'Họ và tên', 'fullName'],
      ['D', 'Ngày sinh', 'birthDate'],
      ['E', 'Giới tính', 'sex'],
      ['F', 'Dân tộc', 'ethnicity'],
      ['G', 'Lớp', 'className'],
      ['H', 'Thông tin cha – Họ tên', 'fatherName'],
      ['I', 'Thông tin cha – Năm sinh', 'fatherBirthYear'],
      ['J', 'Thông tin cha – SĐT', 'fatherPhone'],
      ['K', 'Thông tin mẹ – Họ tên', 'motherName'],
      ['L', 'Thông tin mẹ – Nghề nghiệp', 'motherOccupation'],
      ['M', 'Thông tin mẹ – SĐT', 'motherPhone'],
      ['N', 'Ghi chú', null],
    ]);
    expect(preview.dataRows).toBe(2);
    expect(preview.sampleRows[0]!.slice(0, 9)).toEqual([
      '1',
      'HS0000000001',
      'Nguyễn Văn An',
      `05/09/${bornYearsAgo(7)}`,
      'Nam',
      'Kinh',
      '2A',
      'Nguyễn Văn Bình',
      '1985',
    ]);
  });

  it('parses that export with the suggested mapping', async () => {
    const data = await realExport();
    const preview = await previewImport(data, 'pupils');
    const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
    const parsed = await parseImport(data, 'pupils', { sheet: preview.sheet, headerRow: preview.headerRow, fields });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([9, 10]);
    expect(parsed.rows[0]!.value.guardians).toEqual([
      { relation: 'father', fullName: 'Nguyễn Văn Bình', birthYear: 1985, occupation: '', phone: '0912345678' },
      { relation: 'mother', fullName: 'Trần Thị Cúc', birthYear: null, occupation: 'Nông dân', phone: '0987654321' },
    ]);
    expect(parsed.rows[1]!.value.guardians).toEqual([
      { relation: 'mother', fullName: 'Hoàng Thị Dung', birthYear: null, occupation: 'Giáo viên', phone: '0977111222' },
    ]);
  });

  it('a group over the sub-headers combines as "Họ tên mẹ" even without the words "Thông tin"', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getCell('A2').value = 'Họ và tên';
      ws.getCell('B2').value = 'Ngày sinh';
      ws.getCell('C2').value = 'Giới tính';
      ws.getCell('D1').value = 'Mẹ';
      ws.mergeCells('D1:E1');
      ws.getCell('D2').value = 'Họ và tên';
      ws.getCell('E2').value = 'Số điện thoại';
      ws.getCell('F1').value = 'Người giám hộ';
      ws.mergeCells('F1:G1');
      ws.getCell('F2').value = 'Họ tên';
      ws.getCell('G2').value = 'Nghề nghiệp';
    });
    const preview = await previewImport(data, 'pupils', { headerRow: 2 });
    expect(preview.columns.map((c) => c.field)).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'motherName',
      'motherPhone',
      'guardianName',
      'guardianOccupation',
    ]);
  });

  it('a sub-header under a family group never maps to a field of the pupil', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ['Họ và tên', 'Ngày sinh', 'Giới tính'].forEach((text, i) => {
        ws.getCell(1, i + 1).value = text;
        ws.mergeCells(1, i + 1, 2, i + 1);
      });
      ws.getCell('D1').value = 'Thông tin mẹ';
      ws.mergeCells('D1:F1');
      addRows(ws, [[undefined, undefined, undefined, 'Họ tên', 'Dân tộc', 'Nơi sinh']], 2);
      ws.getCell('G1').value = 'Thông tin gia đình';
      ws.mergeCells('G1:H1');
      ws.getCell('G2').value = 'Họ tên bố';
      ws.getCell('H2').value = 'Địa chỉ';
    });
    const preview = await previewImport(data, 'pupils');
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => c.field)).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'motherName',
      null,
      null,
      'fatherName',
      null,
    ]);
  });

  it('a title merged across the whole table right above the header is not a group', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getCell('A1').value = 'DANH SÁCH HỌC SINH LỚP 1A';
      ws.mergeCells('A1:D1');
      addRows(ws, [['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính']], 2);
    });
    const preview = await previewImport(data, 'pupils');
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính']);
  });

  it('lists hidden sheets but never picks one, and prefers the visible sheet with the best header', async () => {
    const data = await workbookOf((wb) => {
      const guide = wb.addWorksheet('Hướng dẫn');
      addRows(guide, [['Điền danh sách vào trang “Danh sách”.'], ['Ngày sinh ghi dd/mm/yyyy.']], 1);
      const hidden = wb.addWorksheet('DM_DAN_TOC', { state: 'hidden' });
      addRows(hidden, [['Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Tôn giáo', 'Lớp']], 1);
      const list = wb.addWorksheet('Danh sách');
      addRows(
        list,
        [
          ['Họ và tên', 'Ngày sinh', 'Giới tính'],
          ['Phạm Minh Châu', '01/02/2018', 'Nữ'],
        ],
        1,
      );
      wb.addWorksheet('Trống', { state: 'veryHidden' });
    });
    const preview = await previewImport(data, 'pupils');
    expect(preview.sheet).toBe('Danh sách');
    expect(preview.sheets).toEqual([
      { name: 'Hướng dẫn', hidden: false, rows: 2, columns: 1 },
      { name: 'DM_DAN_TOC', hidden: true, rows: 1, columns: 6 },
      { name: 'Danh sách', hidden: false, rows: 2, columns: 3 },
      { name: 'Trống', hidden: true, rows: 0, columns: 0 },
    ]);
    // The caller may still choose the hidden sheet by name.
    const hidden = await previewImport(data, 'pupils', { sheet: 'DM_DAN_TOC' });
    expect(hidden.sheet).toBe('DM_DAN_TOC');
    expect(hidden.dataRows).toBe(0);
  });

  it('the caller overrides the sheet and the header row', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Khối 1');
      addRows(
        ws,
        [
          ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
          ['Tên', 'Sinh ngày', 'Phái', 'Lớp'],
          ['Đỗ Thị Hà', '03/03/2019', 'Nữ', '1A'],
        ],
        1,
      );
      wb.addWorksheet('Khác').addRow(['x']);
    });
    const auto = await previewImport(data, 'pupils');
    expect(auto.headerRow).toBe(1);
    const manual = await previewImport(data, 'pupils', { sheet: 'khoi 1', headerRow: 2 });
    expect(manual.sheet).toBe('Khối 1');
    expect(manual.headerRow).toBe(2);
    expect(manual.columns.map((c) => c.field)).toEqual([null, null, 'sex', 'className']);
    expect(manual.sampleRows).toEqual([['Đỗ Thị Hà', '03/03/2019', 'Nữ', '1A']]);
  });

  it('takes the first of two rows that name as many fields', async () => {
    const data = await sheetOf([
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['Vũ Văn Long', '04/04/2018', 'Nam'],
    ]);
    expect((await previewImport(data, 'pupils')).headerRow).toBe(1);
  });

  it('looks no further than the first 30 rows', async () => {
    const rows: (string | undefined)[][] = Array.from({ length: 30 }, () => ['…']);
    rows.push(['Họ và tên', 'Ngày sinh', 'Giới tính'], ['Vũ Văn Long', '04/04/2018', 'Nam']);
    const e = await previewImport(await sheetOf(rows), 'pupils').catch((err: { key: string }) => err);
    expect((e as { key: string }).key).toBe('file.headerNotFound');
    const found = await previewImport(await sheetOf(rows.slice(1)), 'pupils');
    expect(found.headerRow).toBe(30);
  });

  it('shows data that runs past the last titled column, untitled', async () => {
    const data = await sheetOf([
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['Vũ Văn Long', '04/04/2018', 'Nam', 'ghi thêm'],
    ]);
    const preview = await previewImport(data, 'pupils');
    expect(preview.columns.at(-1)).toEqual({ index: 4, letter: 'D', header: '', field: null });
    expect(preview.sampleRows).toEqual([['Vũ Văn Long', '04/04/2018', 'Nam', 'ghi thêm']]);
  });
});

/** Header text → the field it must map to. */
const PUPIL_HEADERS: [string, string][] = [
  ['Họ và tên', 'fullName'],
  ['Họ tên', 'fullName'],
  ['Họ tên học sinh', 'fullName'],
  ['HỌ VÀ TÊN (*)', 'fullName'],
  ['HoTen', 'fullName'],
  ['Ngày sinh', 'birthDate'],
  ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
  ['NgaySinh', 'birthDate'],
  ['Giới tính', 'sex'],
  ['GioiTinh', 'sex'],
  ['Nữ', 'sex'],
  ['Dân tộc', 'ethnicity'],
  ['MaDanToc', 'ethnicity'],
  ['Tôn giáo', 'religion'],
  ['Quốc tịch', 'nationality'],
  ['Mã định danh', 'sectorId'],
  ['Mã học sinh', 'sectorId'],
  ['Mã định danh Bộ GD&ĐT', 'sectorId'],
  ['Mã HS', 'sectorId'],
  ['MaHocSinh', 'sectorId'],
  ['Số định danh cá nhân', 'personalId'],
  ['Số CCCD', 'personalId'],
  ['Mã công dân', 'personalId'],
  ['Số định danh', 'personalId'],
  ['MaCongDan', 'personalId'],
  ['Lớp', 'className'],
  ['Khối', 'grade'],
  ['Nơi sinh', 'birthPlace'],
  ['Địa chỉ', 'address'],
  ['Địa chỉ thường trú', 'address'],
  ['Nơi ở hiện nay', 'address'],
  ['Khuyết tật', 'disabilityType'],
  ['Loại khuyết tật', 'disabilityType'],
  ['Diện chính sách', 'policyGroup'],
  ['Đối tượng chính sách', 'policyGroup'],
  ['Họ tên bố', 'fatherName'],
  ['Họ tên cha', 'fatherName'],
  ['Họ tên bố/cha', 'fatherName'],
  ['Nghề nghiệp bố', 'fatherOccupation'],
  ['SĐT bố', 'fatherPhone'],
  ['Năm sinh bố', 'fatherBirthYear'],
  ['HoTenBo', 'fatherName'],
  ['Họ tên mẹ', 'motherName'],
  ['Nghề nghiệp mẹ', 'motherOccupation'],
  ['SĐT mẹ', 'motherPhone'],
  ['Năm sinh mẹ', 'motherBirthYear'],
  ['SoDienThoaiMe', 'motherPhone'],
  ['NgaySinhMe', 'motherBirthYear'],
  ['Họ tên người giám hộ', 'guardianName'],
  ['Nghề nghiệp người giám hộ', 'guardianOccupation'],
  ['SĐT người giám hộ', 'guardianPhone'],
  ['Năm sinh người giám hộ', 'guardianBirthYear'],
  ['HoTenNguoiGiamHo', 'guardianName'],
];

const STAFF_HEADERS: [string, string][] = [
  ['Họ và tên', 'fullName'],
  ['TenCanBo', 'fullName'],
  ['Giới tính', 'sex'],
  ['Ngày sinh', 'birthDate'],
  ['Dân tộc', 'ethnicity'],
  ['Mã định danh', 'sectorId'],
  ['MaCanBo', 'sectorId'],
  ['Số CCCD', 'personalId'],
  ['Chức vụ', 'position'],
  ['Nhóm cán bộ', 'staffGroup'],
  ['Loại cán bộ', 'staffGroup'],
  ['Môn dạy', 'mainSubject'],
  ['Môn dạy chính', 'mainSubject'],
  ['Trình độ chuyên môn', 'qualification'],
  ['Hình thức hợp đồng', 'contractType'],
  ['Loại hợp đồng', 'contractType'],
  ['Trạng thái', 'status'],
  ['Điện thoại', 'phone'],
  ['SĐT', 'phone'],
  ['Email', 'email'],
  ['Đảng viên', 'partyMember'],
  ['Đoàn viên', 'unionMember'],
  ['Công đoàn', 'unionMember'],
  ['Chữ ký số', 'hasSignatureCert'],
];

async function fieldOfHeader(kind: 'pupils' | 'staff', header: string): Promise<string | null> {
  const preview = await previewImport(await sheetOf([[header]]), kind, { headerRow: 1 });
  return preview.columns[0]!.field;
}

describe('auto-mapping of the headers Vietnamese files use', () => {
  it.each(PUPIL_HEADERS)('pupils: "%s" → %s', async (header, field) => {
    expect(await fieldOfHeader('pupils', header)).toBe(field);
  });

  it.each(STAFF_HEADERS)('staff: "%s" → %s', async (header, field) => {
    expect(await fieldOfHeader('staff', header)).toBe(field);
  });

  it('leaves unknown headers unmapped and maps a field to one column only', async () => {
    const preview = await previewImport(
      await sheetOf([['Họ và tên', 'Ghi chú', 'Ngày sinh', 'Họ tên', 'Giới tính', 'Sở thích']]),
      'pupils',
    );
    expect(preview.columns.map((c) => c.field)).toEqual(['fullName', null, 'birthDate', null, 'sex', null]);
  });

  it('NFD-composed and oddly spaced headers still match', async () => {
    const nfd = 'Họ\u00A0và  tên'.normalize('NFD');
    expect(await fieldOfHeader('pupils', nfd)).toBe('fullName');
    expect(await fieldOfHeader('pupils', ' NGÀY SINH ')).toBe('birthDate');
  });

  it('no alias names two fields', () => {
    for (const fields of [PUPIL_FIELDS, STAFF_FIELDS]) {
      const owner = new Map<string, string>();
      for (const f of fields) {
        for (const alias of [f.label, ...f.aliases]) {
          const key = matchKey(alias);
          const other = owner.get(key);
          expect(other === undefined || other === f.key, `${alias}: ${other} and ${f.key}`).toBe(true);
          owner.set(key, f.key);
        }
      }
    }
  });

  it('field specs carry Vietnamese labels and the required flags', () => {
    const required = (fields: typeof PUPIL_FIELDS) => fields.filter((f) => f.required).map((f) => f.key);
    expect(required(PUPIL_FIELDS)).toEqual(['fullName', 'sex', 'birthDate']);
    expect(required(STAFF_FIELDS)).toEqual(['fullName', 'sex', 'staffGroup']);
    expect(PUPIL_FIELDS).toHaveLength(26);
    expect(STAFF_FIELDS).toHaveLength(17);
    for (const f of [...PUPIL_FIELDS, ...STAFF_FIELDS]) expect(f.label.normalize('NFC')).toBe(f.label);
  });
});

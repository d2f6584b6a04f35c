import { describe, expect, it } from 'vitest';
import { isSectorId } from '../../../src-shared/domain/sectorId';
import {
  CURRENT_YEAR,
  addRows,
  bornYearsAgo,
  importPupils,
  importPupilsFrom,
  personalIdFor,
  workbookOf,
} from './helpers';

const y = bornYearsAgo(8);

describe('names', () => {
  it('refuses a name with no letter, or accents left without their letters', async () => {
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['\u0301\u0300 \u0303', `01/01/${y}`, 'Nam'],
      ["- . '", `01/01/${y}`, 'Nam'],
      ['Lê \u0301An', `01/01/${y}`, 'Nam'],
      ["H'Hen Niê", `01/01/${y}`, 'Nữ'],
    ]);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'fullName'],
      [3, 'fullName'],
      [4, 'fullName'],
    ]);
    expect(parsed.rows.map((r) => r.value.fullName)).toEqual(["H'Hen Niê"]);
  });
});

describe('required fields and collecting every error', () => {
  it('names each missing required field, in column order', async () => {
    const parsed = await importPupils([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc'],
      [1, '', `01/01/${y}`, 'Nam', 'Kinh'],
      [2, 'Mai Văn Hùng', '', 'Nam'],
      [3, 'Mai Thị Hạnh', `01/01/${y}`, ''],
      [4, undefined, undefined, undefined, 'Tày'],
      [5, 'Mai Văn Hải', `01/01/${y}`, 'Nam', 'Kinh'],
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([6]);
    expect(parsed.errors).toEqual([
      { row: 2, column: 'B (Họ và tên)', field: 'fullName', message: 'Thiếu họ và tên.' },
      { row: 3, column: 'C (Ngày sinh)', field: 'birthDate', message: 'Thiếu ngày sinh.' },
      { row: 4, column: 'D (Giới tính)', field: 'sex', message: 'Thiếu giới tính.' },
      { row: 5, column: 'B (Họ và tên)', field: 'fullName', message: 'Thiếu họ và tên.' },
      { row: 5, column: 'C (Ngày sinh)', field: 'birthDate', message: 'Thiếu ngày sinh.' },
      { row: 5, column: 'D (Giới tính)', field: 'sex', message: 'Thiếu giới tính.' },
    ]);
  });

  it('collects all the problems of a row and keeps only faultless rows as values', async () => {
    const parsed = await importPupils([
      ['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp', 'Khối'],
      ['HS-01', 'Ngô Văn 2', `30/02/${y}`, 'Trai', 'Kin', '3A', 7],
      ['HS0000000002', 'Ngô Thị Mai', `01/03/${y}`, 'Nữ', 'Kinh', 'Lớp 3A', 3],
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        'A (Mã định danh)',
        'Mã định danh “HS-01” không hợp lệ: cần từ 10 đến 20 chữ số hoặc chữ cái không dấu, không có dấu cách hay ký tự khác.',
      ],
      [2, 'B (Họ và tên)', 'Họ tên “Ngô Văn 2” có chữ số hoặc ký tự không dùng trong tên người.'],
      [2, 'C (Ngày sinh)', `Ngày “30/02/${y}” không có thật (ngày/tháng/năm, ngày viết trước tháng).`],
      [2, 'D (Giới tính)', 'Giới tính “Trai” không nhận ra; hãy ghi Nam hoặc Nữ.'],
      [2, 'E (Dân tộc)', 'Dân tộc “Kin” không có trong danh mục của CSDL ngành.'],
      [2, 'G (Khối)', 'Khối “7” không hợp lệ; tiểu học chỉ có khối 1 đến 5.'],
    ]);
    expect(parsed.rows).toEqual([
      {
        row: 3,
        value: {
          fullName: 'Ngô Thị Mai',
          sex: 'female',
          birthDate: `${y}-03-01`,
          birthPlace: '',
          ethnicity: '01',
          religion: '',
          nationality: 'VN',
          sectorId: 'HS0000000002',
          personalId: '',
          className: '3A',
          grade: 3,
          address: '',
          disabilityType: '',
          policyGroup: '',
          guardians: [],
        },
      },
    ]);
  });

  it('accepts names with the apostrophe and hyphen of minority names', async () => {
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ["H'Hen Niê", `01/01/${y}`, 'Nữ'],
      ['Ksor Y-Bih', `01/01/${y}`, 'Nam'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.fullName)).toEqual(["H'Hen Niê", 'Ksor Y-Bih']);
  });

  it('a class that is not in the grade given', async () => {
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Khối'],
      ['Ngô Văn Bảo', `01/01/${y}`, 'Nam', '2B', 3],
    ]);
    expect(parsed.errors.map((e) => [e.column, e.message])).toEqual([['D (Lớp)', 'Lớp 2B không thuộc khối 3.']]);
  });
});

describe('birth year of a primary pupil', () => {
  it('accepts ages 5 to 16 this year and refuses 4 and 17', async () => {
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['Tạ Văn Năm', `31/12/${bornYearsAgo(5)}`, 'Nam'],
      ['Tạ Văn Mười', `01/01/${bornYearsAgo(16)}`, 'Nam'],
      ['Tạ Văn Bốn', `01/01/${bornYearsAgo(4)}`, 'Nam'],
      ['Tạ Văn Mười Bảy', `01/01/${bornYearsAgo(17)}`, 'Nam'],
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
    const range = `năm ${CURRENT_YEAR} học sinh từ 5 đến 16 tuổi, tức sinh từ năm ${CURRENT_YEAR - 16} đến năm ${CURRENT_YEAR - 5}.`;
    expect(parsed.errors).toEqual([
      {
        row: 4,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Năm sinh ${bornYearsAgo(4)} không hợp với học sinh tiểu học: ${range}`,
      },
      {
        row: 5,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Năm sinh ${bornYearsAgo(17)} không hợp với học sinh tiểu học: ${range}`,
      },
    ]);
  });
});

describe('số định danh cá nhân against the same row', () => {
  it('reports a wrong province, a sex or a year that does not match', async () => {
    const boy = personalIdFor('male', y, 1);
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân'],
      ['Lý Văn Một', `01/01/${y}`, 'Nam', boy],
      ['Lý Văn Hai', `01/01/${y}`, 'Nam', `003${boy.slice(3)}`],
      ['Lý Thị Ba', `01/01/${y}`, 'Nữ', personalIdFor('male', y, 3)],
      ['Lý Văn Tư', `01/01/${y}`, 'Nam', personalIdFor('male', y - 1, 4)],
      ['Lý Văn Năm', '', 'Nam', personalIdFor('male', y, 5)],
    ]);
    expect(parsed.rows.map((r) => [r.row, r.value.personalId])).toEqual([[2, boy]]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        3,
        'D (Số định danh cá nhân)',
        `Số định danh cá nhân “003${boy.slice(3)}”: ba chữ số đầu (003) không phải mã tỉnh, thành phố nơi đăng ký khai sinh.`,
      ],
      [
        4,
        'D (Số định danh cá nhân)',
        `Số định danh cá nhân “${personalIdFor('male', y, 3)}” không khớp giới tính Nữ (chữ số thứ 4 là mã thế kỷ và giới tính).`,
      ],
      [
        5,
        'D (Số định danh cá nhân)',
        `Số định danh cá nhân “${personalIdFor('male', y - 1, 4)}” không khớp năm sinh ${y} (chữ số thứ 4 đến 6 là mã thế kỷ và năm sinh).`,
      ],
      // Without a date the ID is checked alone (it is well formed); the missing date is the error.
      [6, 'B (Ngày sinh)', 'Thiếu ngày sinh.'],
    ]);
  });
});

describe('mã định danh', () => {
  it('10 to 20 letters or digits, as the forms take it (src-shared/domain/sectorId.ts)', async () => {
    const parsed = await importPupils([
      ['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
      ['0123456789', 'Hồ Văn A', `01/01/${y}`, 'Nam'],
      ['A1B2C3D4E5F6G7H8I9J0', 'Hồ Văn B', `01/01/${y}`, 'Nam'],
      ['AB1', 'Hồ Văn C', `01/01/${y}`, 'Nam'],
      ['A1B2C3D4E5F6G7H8I9J0K', 'Hồ Văn D', `01/01/${y}`, 'Nam'],
      ['HS 0005', 'Hồ Văn E', `01/01/${y}`, 'Nam'],
      ['12345', 'Hồ Văn G', `01/01/${y}`, 'Nam'],
      ['HS00001', 'Hồ Văn H', `01/01/${y}`, 'Nam'],
    ]);
    expect(parsed.rows.map((r) => r.value.sectorId)).toEqual(['0123456789', 'A1B2C3D4E5F6G7H8I9J0']);
    expect(parsed.errors.map((e) => e.row)).toEqual([4, 5, 6, 7, 8]);
    for (const [sectorId, verdict] of [
      ['12345', false],
      ['HS00001', false],
      ['0123456789', true],
    ] as const) {
      expect(isSectorId(sectorId)).toBe(verdict);
    }
    expect(parsed.errors.find((e) => e.row === 7)).toEqual({
      row: 7,
      column: 'A (Mã định danh)',
      field: 'sectorId',
      message:
        'Mã định danh “12345” không hợp lệ: cần từ 10 đến 20 chữ số hoặc chữ cái không dấu, không có dấu cách hay ký tự khác.',
    });
  });
});

describe('duplicates within the file', () => {
  it('both rows get an error naming the other, even when one of them has another problem', async () => {
    const a = personalIdFor('female', y, 7);
    const parsed = await importPupils([
      ['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân'],
      ['HS0000000001', 'Kiều Thị An', `01/01/${y}`, 'Nữ', a],
      ['HS0000000002', 'Kiều Thị Bình', `02/01/${y}`, 'Nữ', ''],
      ['hs0000000001', 'Kiều Thị Chi', `03/01/${y}`, 'Nữ', ''],
      ['HS0000000004', 'Kiều Thị Dung', 'sai', 'Nữ', a],
      ['HS0000000002', 'Kiều Thị Em', `05/01/${y}`, 'Nữ', ''],
      ['HS0000000002', 'Kiều Thị Giang', `06/01/${y}`, 'Nữ', ''],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'A (Mã định danh)', 'Mã định danh HS0000000001 trùng với dòng 4.'],
      [2, 'E (Số định danh cá nhân)', `Số định danh cá nhân ${a} trùng với dòng 5.`],
      [3, 'A (Mã định danh)', 'Mã định danh HS0000000002 trùng với dòng 6, 7.'],
      [4, 'A (Mã định danh)', 'Mã định danh hs0000000001 trùng với dòng 2.'],
      [5, 'C (Ngày sinh)', 'Ngày “sai” không đúng định dạng; hãy ghi ngày/tháng/năm, ví dụ 05/09/2018.'],
      [5, 'E (Số định danh cá nhân)', `Số định danh cá nhân ${a} trùng với dòng 2.`],
      [6, 'A (Mã định danh)', 'Mã định danh HS0000000002 trùng với dòng 3, 7.'],
      [7, 'A (Mã định danh)', 'Mã định danh HS0000000002 trùng với dòng 3, 6.'],
    ]);
  });
});

describe('rows that are not records', () => {
  it('skips blank rows, rows with only a row number, the column numbers and the footer', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(
        ws,
        [
          ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ'],
          ['(1)', '(2)', '(3)', '(4)', '(5)'],
          [1, 'Phan Văn An', `01/01/${y}`, 'Nam', 'Hà Nội'],
          [],
          [2],
          [3, 'Phan Thị Bé', `02/02/${y}`, 'Nữ'],
          [4],
          ['  ', '\u00A0'],
          ['Tổng số: 2 học sinh'],
          [undefined, undefined, undefined, undefined, 'Hà Nội, ngày 5 tháng 9 năm 2025'],
          [undefined, undefined, undefined, undefined, 'NGƯỜI LẬP BIỂU'],
        ],
        1,
      );
      ws.mergeCells('A9:C9');
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.value.fullName])).toEqual([
      [3, 'Phan Văn An'],
      [6, 'Phan Thị Bé'],
    ]);
  });

  it('a row without required values between records is still an error', async () => {
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ'],
      ['Phan Văn An', `01/01/${y}`, 'Nam'],
      [undefined, undefined, undefined, 'Hải Phòng'],
      ['Phan Văn Bình', `01/01/${y}`, 'Nam'],
    ]);
    expect(parsed.errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'Thiếu họ và tên.'],
      [3, 'Thiếu ngày sinh.'],
      [3, 'Thiếu giới tính.'],
    ]);
  });
});

describe('parents and guardians', () => {
  it('builds guardians from their columns and refuses details without a name', async () => {
    const parsed = await importPupils([
      [
        'Họ và tên',
        'Ngày sinh',
        'Giới tính',
        'Họ tên bố',
        'Năm sinh bố',
        'Nghề nghiệp mẹ',
        'SĐT mẹ',
        'Họ tên mẹ',
        'Họ tên người giám hộ',
        'SĐT người giám hộ',
      ],
      [
        'Võ Văn An',
        `01/01/${y}`,
        'Nam',
        'Võ Văn Cường',
        '1984',
        'Buôn bán',
        '0912 345 678',
        'Đặng Thị Lan',
        'Võ Thị Hằng',
        '+84 912 000 111',
      ],
      ['Võ Thị Bé', `01/01/${y}`, 'Nữ', '', 1985, 'Nội trợ', '', ''],
      ['Võ Văn Cu', `01/01/${y}`, 'Nam', 'Võ Văn Đức', 2030, '', 'gọi sau', 'Đặng Thị Hoa'],
    ]);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        value: expect.objectContaining({
          guardians: [
            { relation: 'father', fullName: 'Võ Văn Cường', birthYear: 1984, occupation: '', phone: '' },
            {
              relation: 'mother',
              fullName: 'Đặng Thị Lan',
              birthYear: null,
              occupation: 'Buôn bán',
              phone: '0912345678',
            },
            { relation: 'guardian', fullName: 'Võ Thị Hằng', birthYear: null, occupation: '', phone: '+84912000111' },
          ],
        }),
      },
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'D (Họ tên bố)', 'Có thông tin của cha nhưng thiếu họ tên cha.'],
      [3, 'H (Họ tên mẹ)', 'Có thông tin của mẹ nhưng thiếu họ tên mẹ.'],
      [
        4,
        'E (Năm sinh bố)',
        `Năm sinh “2030” không hợp lệ (cần năm từ ${CURRENT_YEAR - 100} đến ${CURRENT_YEAR - 10}).`,
      ],
      [4, 'G (SĐT mẹ)', 'Số điện thoại “gọi sau” không hợp lệ; cần từ 8 đến 15 chữ số, mỗi ô một số.'],
    ]);
  });
});

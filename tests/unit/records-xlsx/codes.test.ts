import { describe, expect, it } from 'vitest';
import { bornYearsAgo, importPupils, importStaff } from './helpers';

const y = bornYearsAgo(8);
const BASE = ['Họ và tên', 'Ngày sinh'];

/** Imports one column under a header, one value per row, next to a valid name and date. */
async function pupilColumn(header: string, values: unknown[], sexColumn = true) {
  const head = sexColumn ? [...BASE, 'Giới tính', header] : [...BASE, header];
  const rows = values.map((v, i) => {
    const row: unknown[] = [`Lương Văn ${String.fromCharCode(65 + i)}`, `01/01/${y}`];
    if (sexColumn) row.push('Nam');
    row.push(v);
    return row;
  });
  return importPupils([head, ...(rows as never[][])]);
}

describe('sex', () => {
  it('Nam/Nữ in any case or without diacritics, the sector codes 01/02 and 1/0', async () => {
    const values = ['Nam', 'NAM', 'nam', 'Nữ', 'NỮ', 'nu', '01', '02', 1, 0, '2', 'Male', 'Female'];
    const parsed = await pupilColumn('Giới tính', values, false);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.sex)).toEqual([
      'male',
      'male',
      'male',
      'female',
      'female',
      'female',
      'male',
      'female',
      'male',
      'female',
      'female',
      'male',
      'female',
    ]);
  });

  it('a "Nữ" column: x (or a tick, 1, TRUE) for a girl, blank for a boy', async () => {
    const parsed = await pupilColumn('Nữ', ['x', 'X', '√', 1, true, null, '', 0, 'có'], false);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.sex)).toEqual([
      'female',
      'female',
      'female',
      'female',
      'female',
      'male',
      'male',
      'male',
      'female',
    ]);
  });

  it('anything else is a row error', async () => {
    const parsed = await pupilColumn('Giới tính', ['Trai', 'x'], false);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'C (Giới tính)', 'Giới tính “Trai” không nhận ra; hãy ghi Nam hoặc Nữ.'],
      [3, 'C (Giới tính)', 'Giới tính “x” không nhận ra; hãy ghi Nam hoặc Nữ.'],
    ]);
    const marks = await pupilColumn('Nữ', ['nam nữ'], false);
    expect(marks.errors[0]!.message).toBe('Cột “Nữ” chỉ nhận “x” (nữ) hoặc để trống (nam); ô đang ghi “nam nữ”.');
  });
});

describe('code lists', () => {
  it('ethnicity by name, folded name, code, number or "code - name"; blank is Kinh', async () => {
    const values = [
      'Kinh',
      'KINH',
      'kinh',
      '01',
      1,
      'Khơ-me',
      'Kho me',
      'Khmer',
      'Hmông',
      "H'Mông",
      'Ê-đê',
      'Ba Na',
      '09 - Dao',
      null,
    ];
    const parsed = await pupilColumn('Dân tộc', values);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.ethnicity)).toEqual([
      '01',
      '01',
      '01',
      '01',
      '01',
      '05',
      '05',
      '05',
      '08',
      '08',
      '12',
      '13',
      '09',
      '01',
    ]);
  });

  it('an unknown ethnicity is a row error naming the value', async () => {
    const parsed = await pupilColumn('Dân tộc', ['Kin']);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'D (Dân tộc)',
        field: 'ethnicity',
        message: 'Dân tộc “Kin” không có trong danh mục của CSDL ngành.',
      },
    ]);
  });

  it('religion by name or code; blank is none; "Không" is the code 99', async () => {
    const parsed = await pupilColumn('Tôn giáo', ['Phật giáo', 'CÔNG GIÁO', '08', null, 'Không', 'Đạo lạ']);
    expect(parsed.rows.map((r) => r.value.religion)).toEqual(['01', '02', '08', '', '99']);
    expect(parsed.errors.map((e) => e.message)).toEqual(['Tôn giáo “Đạo lạ” không có trong danh mục của CSDL ngành.']);
  });

  it('disability by name (with or without "Khuyết tật"), code, or "Không"', async () => {
    const values = ['Không', null, 'Khuyết tật vận động', 'Vận động', 'nghe nói', '05', 3, 'Mù màu'];
    const parsed = await pupilColumn('Loại khuyết tật', values);
    expect(parsed.rows.map((r) => r.value.disabilityType)).toEqual(['', '', '01', '01', '02', '05', '03']);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Loại khuyết tật “Mù màu” không có trong danh mục của CSDL ngành.',
    ]);
  });

  it('policy group by code or name', async () => {
    const parsed = await pupilColumn('Diện chính sách', ['08', 'Con liệt sỹ', 'con liet sy', 'Không', 16, 'Nghèo']);
    expect(parsed.rows.map((r) => r.value.policyGroup)).toEqual(['08', '03', '03', '', '16']);
    expect(parsed.errors).toHaveLength(1);
  });

  it('nationality: Việt Nam by default, by name or two-letter code', async () => {
    const parsed = await pupilColumn('Quốc tịch', [null, 'Việt Nam', 'VN', 'Lào', 'kh', 'Sao Hỏa']);
    expect(parsed.rows.map((r) => r.value.nationality)).toEqual(['VN', 'VN', 'VN', 'LA', 'KH']);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'Quốc tịch “Sao Hỏa” không nhận ra; hãy ghi “Việt Nam” hoặc mã nước hai chữ cái (VN, LA, KH…).',
    ]);
  });
});

describe('staff codes and yes/no columns', () => {
  const HEAD = ['Họ và tên', 'Giới tính', 'Nhóm cán bộ'];

  async function staffColumn(header: string, values: unknown[], group: unknown = 'Giáo viên') {
    const rows = values.map((v, i) => [`Trịnh Thị ${String.fromCharCode(65 + i)}`, 'Nữ', group, v]);
    return importStaff([[...HEAD, header], ...(rows as never[][])]);
  }

  it('staff group by code or name', async () => {
    const rows = [
      'CBQL',
      'Cán bộ quản lý',
      '01',
      'Giáo viên',
      'GV',
      '03',
      'Nhân viên',
      'NV',
      '02',
      2,
      'Giáo viên biệt phái',
    ];
    const parsed = await importStaff([
      HEAD,
      ...rows.map((g, i) => [`Trịnh Văn ${String.fromCharCode(65 + i)}`, 'Nam', g]),
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.staffGroup)).toEqual([
      'manager',
      'manager',
      'manager',
      'teacher',
      'teacher',
      'teacher',
      'support',
      'support',
      'support',
      'support',
      'teacher',
    ]);
  });

  it('position, subject, qualification, contract and status by code, name or short form', async () => {
    expect(
      (await staffColumn('Chức vụ', ['Hiệu trưởng', 'PHT', 'Kế toán', '16', 'Giáo viên', null])).rows.map(
        (r) => r.value.position,
      ),
    ).toEqual(['01', '02', '15', '16', '', '']);
    expect(
      (await staffColumn('Môn dạy', ['Tiếng Anh', 'Tiểu học', 'Mĩ thuật', '10', null])).rows.map(
        (r) => r.value.mainSubject,
      ),
    ).toEqual(['07', '09', '19', '10', '']);
    expect(
      (await staffColumn('Trình độ chuyên môn', ['ĐHSP', 'Đại học', 'Thạc sĩ', 'CĐSP', '13'])).rows.map(
        (r) => r.value.qualification,
      ),
    ).toEqual(['16', '03', '02', '17', '13']);
    expect(
      (await staffColumn('Hình thức hợp đồng', ['Biên chế', '04', 'Thỉnh giảng'])).rows.map(
        (r) => r.value.contractType,
      ),
    ).toEqual(['07', '04', '06']);
    expect((await staffColumn('Trạng thái', [null, 'Đã nghỉ hưu', '07'])).rows.map((r) => r.value.status)).toEqual([
      '01',
      '05',
      '07',
    ]);
  });

  it('unknown codes are row errors', async () => {
    const parsed = await staffColumn('Chức vụ', ['Chủ tịch']);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'D (Chức vụ)',
        field: 'position',
        message: 'Chức vụ “Chủ tịch” không có trong danh mục của CSDL ngành.',
      },
    ]);
    const group = await importStaff([HEAD, ['Trịnh Văn A', 'Nam', 'Bảo vệ']]);
    expect(group.errors.map((e) => e.message)).toEqual([
      'Nhóm cán bộ “Bảo vệ” không có trong danh mục của CSDL ngành.',
    ]);
  });

  it('booleans: x, có, 1, true, a tick; blank, không, 0, false', async () => {
    const values = ['x', 'X', 'có', 'Có', 1, '1', true, 'true', '√', null, 'không', 0, false, 'FALSE'];
    const parsed = await staffColumn('Đảng viên', values);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.partyMember)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    const bad = await staffColumn('Chữ ký số', ['đang làm']);
    expect(bad.errors.map((e) => e.message)).toEqual([
      '“đang làm” không rõ là có hay không; hãy ghi “x” (có) hoặc để trống (không).',
    ]);
  });
});

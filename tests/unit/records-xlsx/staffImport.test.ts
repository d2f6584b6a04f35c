import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addRows, importStaff, importStaffFrom, personalIdFor, toBytes } from './helpers';

describe('staff import', () => {
  it('reads a staff list with the sector database field names as headers', async () => {
    const id = personalIdFor('female', 1985, 4321, '038');
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('LstCanBo');
    ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN';
    ws.mergeCells('A1:Q1');
    addRows(
      ws,
      [
        [
          'MaCanBo',
          'TenCanBo',
          'GioiTinh',
          'NgaySinh',
          'MaDanToc',
          'SoCmnd',
          'LoaiCanBo',
          'ChucVu',
          'MonDayChinh',
          'TrinhDoChuyenMonNvCaoNhat',
          'LoaiHopDong',
          'TrangThai',
          'SoDienThoaiDiDong',
          'Email',
          'DangVien',
          'DoanVien',
          'Chữ ký số',
        ],
        [
          7901234567,
          'Đoàn Thị Thu Hà',
          '02',
          new Date(Date.UTC(1985, 3, 30)),
          '01',
          Number(id),
          '01',
          '01',
          '09',
          '16',
          '07',
          '01',
          912000333,
          'ha.dt@thkimlien.edu.vn',
          1,
          1,
          'x',
        ],
        [
          '',
          'Lê Văn Toàn',
          'Nam',
          '',
          'Kinh',
          '',
          'Nhân viên',
          'Kế toán',
          '',
          'Cao đẳng',
          '04',
          '',
          '',
          '',
          '',
          'x',
          '',
        ],
      ],
      3,
    );
    const parsed = await importStaffFrom(await toBytes(workbook));
    expect(parsed.sheet).toBe('LstCanBo');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        row: 4,
        value: {
          fullName: 'Đoàn Thị Thu Hà',
          sex: 'female',
          birthDate: '1985-04-30',
          ethnicity: '01',
          sectorId: '7901234567',
          personalId: id,
          staffGroup: 'manager',
          position: '01',
          mainSubject: '09',
          qualification: '16',
          contractType: '07',
          status: '01',
          phone: '0912000333',
          email: 'ha.dt@thkimlien.edu.vn',
          partyMember: true,
          unionMember: true,
          hasSignatureCert: true,
        },
      },
      {
        row: 5,
        value: {
          fullName: 'Lê Văn Toàn',
          sex: 'male',
          birthDate: null,
          ethnicity: '01',
          sectorId: '',
          personalId: '',
          staffGroup: 'support',
          position: '15',
          mainSubject: '',
          qualification: '04',
          contractType: '04',
          status: '01',
          phone: '',
          email: '',
          partyMember: false,
          unionMember: true,
          hasSignatureCert: false,
        },
      },
    ]);
  });

  it('staff group is required; e-mail and phone are checked', async () => {
    const parsed = await importStaff([
      ['Họ và tên', 'Giới tính', 'Nhóm cán bộ', 'Email', 'Điện thoại'],
      ['Mạc Văn Khoa', 'Nam', '', 'khoa@', '12345'],
      ['', 'Nữ', 'GV', 'a@b.vn', '0243 851 2345'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'C (Nhóm cán bộ)', 'Thiếu nhóm cán bộ.'],
      [2, 'D (Email)', 'Email “khoa@” không hợp lệ.'],
      [2, 'E (Điện thoại)', 'Số điện thoại “12345” không hợp lệ; cần từ 8 đến 15 chữ số, mỗi ô một số.'],
      [3, 'A (Họ và tên)', 'Thiếu họ và tên.'],
    ]);
  });

  it('a staff member born in the 1900s is checked against the ID too', async () => {
    const parsed = await importStaff([
      ['Họ và tên', 'Giới tính', 'Nhóm cán bộ', 'Ngày sinh', 'Số CCCD'],
      ['Tô Văn Lâm', 'Nam', 'GV', '12/12/1979', personalIdFor('male', 1979, 55)],
      ['Tô Thị Mến', 'Nữ', 'GV', '12/12/1979', personalIdFor('male', 1979, 56)],
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      `Số định danh cá nhân “${personalIdFor('male', 1979, 56)}” không khớp giới tính Nữ (chữ số thứ 4 là mã thế kỷ và giới tính).`,
    ]);
  });
});

/**
 * The fields an import can fill, with the header texts that name them in the files schools really have:
 * the forms of the sector database (CSDL ngành field names such as HoTen, MaDanToc, SoDienThoaiMe),
 * exports of the common school-management systems, and hand-made class lists.
 */
import type { FieldSpec, GuardianRelation, ImportKind, PupilField, StaffField } from './types';
import { matchKey } from './text';

interface TypedFieldSpec<K extends string> extends FieldSpec {
  key: K;
}

function field<K extends string>(key: K, label: string, required: boolean, aliases: string[]): TypedFieldSpec<K> {
  return { key, label, required, aliases };
}

// Parents' and guardians' columns come in every combination of these words: "Họ tên mẹ", "SĐT bố",
// "Nghề nghiệp người giám hộ", "Năm sinh cha"... and, in the sector database, HoTenMe, SoDienThoaiBo.
const GUARDIAN_WORDS: Record<GuardianRelation, { label: string; words: string[]; csdl: string[] }> = {
  father: { label: 'cha', words: ['bố', 'cha', 'bố/cha', 'cha/bố'], csdl: ['Bo', 'Cha'] },
  mother: { label: 'mẹ', words: ['mẹ'], csdl: ['Me'] },
  guardian: { label: 'người giám hộ', words: ['người giám hộ', 'giám hộ', 'NGH'], csdl: ['NguoiGiamHo'] },
};
const GUARDIAN_PARTS = {
  Name: { label: 'Họ tên', words: ['Họ tên', 'Họ và tên', 'Tên'], csdl: ['HoTen'] },
  BirthYear: { label: 'Năm sinh', words: ['Năm sinh', 'Ngày sinh', 'NS'], csdl: ['NgaySinh', 'NamSinh'] },
  Occupation: { label: 'Nghề nghiệp', words: ['Nghề nghiệp', 'Nghề'], csdl: ['NgheNghiep'] },
  Phone: {
    label: 'Số điện thoại',
    words: ['SĐT', 'Số điện thoại', 'Điện thoại', 'ĐT', 'Số ĐT', 'ĐTDĐ'],
    csdl: ['SoDienThoai', 'DienThoai'],
  },
} as const;

type GuardianPart = keyof typeof GUARDIAN_PARTS;

function guardianField<R extends GuardianRelation, P extends GuardianPart>(
  relation: R,
  part: P,
): TypedFieldSpec<`${R}${P}`> {
  const rel = GUARDIAN_WORDS[relation];
  const p = GUARDIAN_PARTS[part];
  const aliases = [
    ...p.words.flatMap((w) => rel.words.map((r) => `${w} ${r}`)),
    ...p.csdl.flatMap((w) => rel.csdl.map((r) => `${w}${r}`)),
  ];
  return field(`${relation}${part}`, `${p.label} ${rel.label}`, false, aliases);
}

export const PUPIL_FIELDS: FieldSpec[] = [
  field('fullName', 'Họ và tên', true, [
    'Họ và tên',
    'Họ tên',
    'Họ tên học sinh',
    'Họ và tên học sinh',
    'Họ tên HS',
    'Họ và tên HS',
    'HoTen',
    'HoTenHocSinh',
  ]),
  field('sex', 'Giới tính', true, ['Giới tính', 'GioiTinh', 'Phái', 'Nữ', 'Giới tính (Nữ)', 'Giới tính nữ']),
  field('birthDate', 'Ngày sinh', true, [
    'Ngày sinh',
    'Ngày tháng năm sinh',
    'Ngày, tháng, năm sinh',
    'Ngày/tháng/năm sinh',
    'NgaySinh',
    'NS',
  ]),
  field('birthPlace', 'Nơi sinh', false, ['Nơi sinh', 'NoiSinh']),
  field('ethnicity', 'Dân tộc', false, ['Dân tộc', 'Mã dân tộc', 'MaDanToc']),
  field('religion', 'Tôn giáo', false, ['Tôn giáo', 'Mã tôn giáo', 'MaTonGiao']),
  field('nationality', 'Quốc tịch', false, ['Quốc tịch', 'Mã quốc tịch', 'MaQuocTich']),
  field('sectorId', 'Mã định danh (Bộ GD&ĐT)', false, [
    'Mã định danh',
    'Mã định danh Bộ GD&ĐT',
    'Mã định danh Bộ GDĐT',
    'Mã định danh Bộ',
    'Mã định danh học sinh',
    'Mã học sinh',
    'Mã HS',
    'MaHocSinh',
    'MaDinhDanh',
  ]),
  field('personalId', 'Số định danh cá nhân', false, [
    'Số định danh cá nhân',
    'Số định danh',
    'Mã định danh cá nhân',
    'Số CCCD',
    'CCCD',
    'Số căn cước',
    'Số căn cước công dân',
    'Căn cước công dân',
    'Số CMND/CCCD',
    'Mã công dân',
    'MaCongDan',
    'SoDinhDanh',
    'SoDinhDanhCaNhan',
    'SoCmnd',
  ]),
  field('className', 'Lớp', false, ['Lớp', 'Tên lớp', 'Lớp học', 'TenLop', 'TenLopHoc']),
  field('grade', 'Khối', false, ['Khối', 'Khối lớp', 'Khối học', 'KhoiHoc']),
  field('address', 'Địa chỉ', false, [
    'Địa chỉ',
    'Địa chỉ thường trú',
    'Nơi ở hiện nay',
    'Nơi ở',
    'Chỗ ở hiện nay',
    'Hộ khẩu thường trú',
    'Thường trú',
    'DchiThtru',
  ]),
  field('disabilityType', 'Loại khuyết tật', false, [
    'Khuyết tật',
    'Loại khuyết tật',
    'Mã loại khuyết tật',
    'Dạng khuyết tật',
    'MaLoaiKhuyetTat',
  ]),
  field('policyGroup', 'Diện chính sách', false, [
    'Diện chính sách',
    'Đối tượng chính sách',
    'Diện CS',
    'Đối tượng CS',
    'MaDtuongCsach',
  ]),
  guardianField('father', 'Name'),
  guardianField('father', 'BirthYear'),
  guardianField('father', 'Occupation'),
  guardianField('father', 'Phone'),
  guardianField('mother', 'Name'),
  guardianField('mother', 'BirthYear'),
  guardianField('mother', 'Occupation'),
  guardianField('mother', 'Phone'),
  guardianField('guardian', 'Name'),
  guardianField('guardian', 'BirthYear'),
  guardianField('guardian', 'Occupation'),
  guardianField('guardian', 'Phone'),
] satisfies TypedFieldSpec<PupilField>[];

export const STAFF_FIELDS: FieldSpec[] = [
  field('fullName', 'Họ và tên', true, [
    'Họ và tên',
    'Họ tên',
    'Họ tên cán bộ',
    'Họ và tên cán bộ',
    'Họ tên giáo viên',
    'Họ và tên giáo viên',
    'Tên cán bộ',
    'TenCanBo',
    'HoTen',
  ]),
  field('sex', 'Giới tính', true, ['Giới tính', 'GioiTinh', 'Phái', 'Nữ', 'Giới tính (Nữ)', 'Giới tính nữ']),
  field('birthDate', 'Ngày sinh', false, ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'NgaySinh']),
  field('ethnicity', 'Dân tộc', false, ['Dân tộc', 'Mã dân tộc', 'MaDanToc']),
  field('sectorId', 'Mã định danh (Bộ GD&ĐT)', false, [
    'Mã định danh',
    'Mã định danh Bộ GD&ĐT',
    'Mã định danh Bộ GDĐT',
    'Mã định danh Bộ',
    'Mã cán bộ',
    'Mã CB',
    'Mã giáo viên',
    'Mã GV',
    'MaCanBo',
    'MaDinhDanh',
  ]),
  field('personalId', 'Số định danh cá nhân', false, [
    'Số định danh cá nhân',
    'Số định danh',
    'Mã định danh cá nhân',
    'Số CCCD',
    'CCCD',
    'Số căn cước',
    'Số căn cước công dân',
    'Căn cước công dân',
    'Số CMND/CCCD',
    'Mã công dân',
    'SoCmnd',
    'SoDinhDanh',
  ]),
  field('staffGroup', 'Nhóm cán bộ', true, [
    'Nhóm cán bộ',
    'Loại cán bộ',
    'Nhóm CB',
    'Loại CB',
    'Nhóm',
    'LoaiCanBo',
    'NhomCanBo',
  ]),
  field('position', 'Chức vụ', false, ['Chức vụ', 'Chức danh', 'ChucVu']),
  field('mainSubject', 'Môn dạy chính', false, [
    'Môn dạy',
    'Môn dạy chính',
    'Môn giảng dạy',
    'Môn dạy chủ yếu',
    'MonDayChinh',
  ]),
  field('qualification', 'Trình độ chuyên môn', false, [
    'Trình độ chuyên môn',
    'Trình độ CM',
    'Trình độ đào tạo',
    'Trình độ chuyên môn nghiệp vụ',
    'Trình độ chuyên môn nghiệp vụ cao nhất',
    'Trình độ',
    'TrinhDoChuyenMonNvCaoNhat',
    'TrinhDoDaoTao',
  ]),
  field('contractType', 'Hình thức hợp đồng', false, [
    'Hình thức hợp đồng',
    'Loại hợp đồng',
    'Hợp đồng',
    'HTHĐ',
    'LoaiHopDong',
  ]),
  field('status', 'Trạng thái', false, ['Trạng thái', 'Trạng thái cán bộ', 'Tình trạng', 'TrangThai']),
  field('phone', 'Điện thoại', false, [
    'Điện thoại',
    'SĐT',
    'Số điện thoại',
    'Số ĐT',
    'Điện thoại di động',
    'ĐTDĐ',
    'SoDienThoaiDiDong',
  ]),
  field('email', 'Email', false, ['Email', 'E-mail', 'Thư điện tử', 'Địa chỉ email']),
  field('partyMember', 'Đảng viên', false, ['Đảng viên', 'DangVien']),
  field('unionMember', 'Đoàn viên, công đoàn viên', false, [
    'Đoàn viên',
    'Công đoàn',
    'Công đoàn viên',
    'Đoàn viên công đoàn',
    'DoanVien',
  ]),
  field('hasSignatureCert', 'Chữ ký số', false, ['Chữ ký số', 'Có chữ ký số', 'Chứng thư số', 'CKS']),
] satisfies TypedFieldSpec<StaffField>[];

export function fieldsOf(kind: ImportKind): FieldSpec[] {
  return kind === 'pupils' ? PUPIL_FIELDS : STAFF_FIELDS;
}

export function fieldSpec(kind: ImportKind, key: string): FieldSpec | undefined {
  return fieldsOf(kind).find((f) => f.key === key);
}

const aliasIndexes = new Map<ImportKind, Map<string, string>>();

/** Folded alias → field key. The tests check that no alias names two fields. */
export function aliasIndex(kind: ImportKind): Map<string, string> {
  let index = aliasIndexes.get(kind);
  if (!index) {
    index = new Map();
    for (const f of fieldsOf(kind)) {
      for (const alias of [f.label, ...f.aliases]) {
        const key = matchKey(alias);
        if (!index.has(key)) index.set(key, f.key);
      }
    }
    aliasIndexes.set(kind, index);
  }
  return index;
}

/** Headers of the row-number column: not a field, but a row holding only its number is not a record. */
const ROW_NUMBER_HEADERS = new Set(['stt', 'tt', 'sott', 'sothutu', 'thutu']);

export function isRowNumberHeader(header: string): boolean {
  return ROW_NUMBER_HEADERS.has(matchKey(header));
}

/**
 * Code lists of the sector database (CSDL ngành), from its 2020 data description
 * (shared/reference/data/csdl-mo-ta-dau-nam.txt). Records store the codes; screens and exports show
 * the names. Copied from that file; keep the codes as the sector database spells them.
 */

export interface Code {
  readonly code: string;
  readonly name: string;
}

/** DM_DAN_TOC: dân tộc (GSO codes). */
export const ETHNICITIES: readonly Code[] = [
  { code: '01', name: 'Kinh' },
  { code: '02', name: 'Tày' },
  { code: '03', name: 'Thái' },
  { code: '04', name: 'Hoa' },
  { code: '05', name: 'Khơ-me' },
  { code: '06', name: 'Mường' },
  { code: '07', name: 'Nùng' },
  { code: '08', name: 'Hmông' },
  { code: '09', name: 'Dao' },
  { code: '10', name: 'Gia-rai' },
  { code: '11', name: 'Ngái' },
  { code: '12', name: 'Ê-đê' },
  { code: '13', name: 'Ba-na' },
  { code: '14', name: 'Xơ-đăng' },
  { code: '15', name: 'Sán Chay' },
  { code: '16', name: 'Cơ-ho' },
  { code: '17', name: 'Chăm' },
  { code: '18', name: 'Sán Dìu' },
  { code: '19', name: 'Hrê' },
  { code: '20', name: 'Mnông' },
  { code: '21', name: 'Ra-glai' },
  { code: '22', name: 'Xtiêng' },
  { code: '23', name: 'Bru-Vân Kiều' },
  { code: '24', name: 'Thổ' },
  { code: '25', name: 'Giáy' },
  { code: '26', name: 'Cơ-tu' },
  { code: '27', name: 'Gié-Triêng' },
  { code: '28', name: 'Mạ' },
  { code: '29', name: 'Khơ-mú' },
  { code: '30', name: 'Co' },
  { code: '31', name: 'Ta-ôi' },
  { code: '32', name: 'Chơ-ro' },
  { code: '33', name: 'Kháng' },
  { code: '34', name: 'Xinh-mun' },
  { code: '35', name: 'Hà Nhì' },
  { code: '36', name: 'Chu-ru' },
  { code: '37', name: 'Lào' },
  { code: '38', name: 'La Chi' },
  { code: '39', name: 'La Ha' },
  { code: '40', name: 'Phù Lá' },
  { code: '41', name: 'La Hủ' },
  { code: '42', name: 'Lự' },
  { code: '43', name: 'Lô Lô' },
  { code: '44', name: 'Chứt' },
  { code: '45', name: 'Mảng' },
  { code: '46', name: 'Pà Thẻn' },
  { code: '47', name: 'Cơ Lao' },
  { code: '48', name: 'Cống' },
  { code: '49', name: 'Bố Y' },
  { code: '50', name: 'Si La' },
  { code: '51', name: 'Pu Péo' },
  { code: '52', name: 'Brâu' },
  { code: '53', name: 'Ơ Đu' },
  { code: '54', name: 'Rơ-măm' },
  { code: '55', name: 'Người nước ngoài' },
];

/** DM_TON_GIAO: tôn giáo; 99 = không. */
export const RELIGIONS: readonly Code[] = [
  { code: '01', name: 'Phật giáo' },
  { code: '02', name: 'Công giáo' },
  { code: '03', name: 'Phật giáo Hòa Hảo' },
  { code: '04', name: 'Hồi giáo' },
  { code: '05', name: 'Cao Đài' },
  { code: '06', name: 'Minh sư đạo' },
  { code: '07', name: 'Minh Lý đạo' },
  { code: '08', name: 'Tin Lành' },
  { code: '09', name: 'Tịnh độ cư sĩ Phật hồi Việt Nam' },
  { code: '10', name: 'Đạo tứ ấn hiếu nghĩa' },
  { code: '11', name: 'Bửu sơn Kỳ Hương' },
  { code: '12', name: "Ba Ha'i" },
  { code: '13', name: 'Tôn giáo khác' },
  { code: '99', name: 'Không' },
];

/** DM_TRANG_THAI_HOC_SINH: a pupil’s status in the year. */
export const PUPIL_STATUSES: readonly Code[] = [
  { code: '01', name: 'Đang học' },
  { code: '02', name: 'Chuyển đến kỳ 1' },
  { code: '03', name: 'Nghỉ học xin học lại kỳ 1' },
  { code: '04', name: 'Chuyển đi kỳ 1' },
  { code: '05', name: 'Thôi học kỳ 1' },
  { code: '06', name: 'Chuyển đến kỳ 2' },
  { code: '07', name: 'Nghỉ học xin học lại kỳ 2' },
  { code: '08', name: 'Chuyển đi kỳ 2' },
  { code: '09', name: 'Thôi học kỳ 2' },
  { code: '10', name: 'Chuyển đến trong hè' },
  { code: '11', name: 'Chuyển đi trong hè' },
  { code: '12', name: 'Thôi học trong hè' },
];

/** DM_LY_DO_THOI_HOC: why a pupil left school. */
export const DROPOUT_REASONS: readonly Code[] = [
  { code: '01', name: 'Có hoàn cảnh kinh tế gia đình khó khăn' },
  { code: '02', name: 'Học lực yếu kém' },
  { code: '03', name: 'Xa trường, đi lại khó khăn' },
  { code: '04', name: 'Ảnh hưởng thiên tai, dịch bệnh' },
  { code: '05', name: 'Do kỳ thị' },
  { code: '06', name: 'Nguyên nhân khác' },
  { code: '07', name: 'Bảo lưu kết quả' },
  { code: '08', name: 'Chuyển sang học nghề' },
  { code: '09', name: 'Bệnh, không đủ sức khỏe' },
  { code: '10', name: 'Mất tích, đã mất' },
];

/** DM_LOAI_KHUYET_TAT: disability types (the statistics form has no "khác"). */
export const DISABILITY_TYPES: readonly Code[] = [
  { code: '01', name: 'Khuyết tật vận động' },
  { code: '02', name: 'Khuyết tật nghe nói' },
  { code: '03', name: 'Khuyết tật nhìn' },
  { code: '04', name: 'Khuyết tật thần kinh tâm thần' },
  { code: '05', name: 'Khuyết tật trí tuệ' },
  { code: '06', name: 'Khuyết tật khác' },
];

/** DM_DIEN_CHINH_SACH: policy groups (diện chính sách). */
export const POLICY_GROUPS: readonly Code[] = [
  { code: '01', name: 'Con của người có công' },
  { code: '02', name: 'Con anh hùng' },
  { code: '03', name: 'Con liệt sỹ' },
  { code: '04', name: 'Con thương binh' },
  { code: '05', name: 'Mồ côi cả cha, mẹ' },
  { code: '06', name: 'Bị tàn tật, khuyết tật' },
  { code: '07', name: 'Bị bỏ rơi, mất nguồn nuôi dưỡng' },
  { code: '08', name: 'Có cha mẹ thuộc diện hộ nghèo theo quy định' },
  { code: '09', name: 'Có cha mẹ thuộc hộ cận nghèo theo quy định' },
  { code: '10', name: 'Con của hạ SQ và BS, CS đang phục vụ có thời hạn trong LLVTg nhân dân' },
  { code: '11', name: 'HS người dân tộc ít người, ở vùng có điều kiện KT-XH KK và ĐBKK' },
  { code: '12', name: 'Có cha mẹ là công nhân bị tai nạn và mắc bệnh nghề nghiệp' },
  { code: '13', name: 'Có cha mẹ thường trú tại xã biên giới, vùng cao, hải đảo, xã ĐBKK' },
  { code: '14', name: 'Có cha mẹ thu nhập bằng 150% thu nhập hộ nghèo theo quy định' },
  { code: '15', name: 'Con hộ nghèo thuộc CT135' },
  { code: '16', name: 'Diện chính sách khác' },
];

/** DM_LOAI_CAN_BO: the positions a primary school has (the Sở/Phòng/Bộ ones left out). */
export const STAFF_POSITIONS: readonly Code[] = [
  { code: '01', name: 'Hiệu trưởng' },
  { code: '02', name: 'Phó hiệu trưởng' },
  { code: '03', name: 'Tổ trưởng chuyên môn' },
  { code: '04', name: 'Tổ phó chuyên môn' },
  { code: '09', name: 'Nhân viên thư viện' },
  { code: '10', name: 'Nhân viên thiết bị' },
  { code: '11', name: 'Nhân viên y tế' },
  { code: '12', name: 'Nhân viên khác' },
  { code: '15', name: 'Nhân viên kế toán' },
  { code: '16', name: 'Nhân viên văn thư' },
  { code: '17', name: 'Nhân viên bảo vệ' },
  { code: '20', name: 'Nhân viên cấp dưỡng' },
  { code: '25', name: 'Nhân viên thủ quỹ' },
  { code: '32', name: 'Nhân viên công nghệ thông tin' },
  { code: '33', name: 'Nhân viên hỗ trợ GD khuyết tật' },
  { code: '34', name: 'Nhân viên giáo vụ' },
];

/** DM_TRINH_DO_CHUYEN_MON: highest professional qualification. */
export const QUALIFICATIONS: readonly Code[] = [
  { code: '13', name: 'Đại học và có chứng chỉ BDNVSP' },
  { code: '14', name: 'Cao đẳng và có chứng chỉ BDNVSP' },
  { code: '15', name: 'Trung cấp và có chứng chỉ BDNVSP' },
  { code: '01', name: 'Tiến sĩ' },
  { code: '02', name: 'Thạc sĩ' },
  { code: '03', name: 'Đại học' },
  { code: '04', name: 'Cao đẳng' },
  { code: '05', name: 'Trung cấp' },
  { code: '06', name: 'Trình độ khác' },
  { code: '07', name: 'Bác sĩ chuyên khoa 1' },
  { code: '08', name: 'Bác sĩ chuyên khoa 2' },
  { code: '09', name: 'TH 12 +2' },
  { code: '10', name: 'TH 9 + 3' },
  { code: '11', name: 'Dưới THSP' },
  { code: '16', name: 'Đại học sư phạm' },
  { code: '17', name: 'Cao đẳng sư phạm' },
  { code: '18', name: 'Trung cấp sư phạm' },
];

/** DM_CHUAN_DAO_TAO: against the teacher training standard. */
export const TRAINING_STANDARDS: readonly Code[] = [
  { code: '01', name: 'Đạt chuẩn' },
  { code: '02', name: 'Trên chuẩn' },
  { code: '03', name: 'Chưa đạt chuẩn' },
];

/** DM_HINH_THUC_HOP_DONG: employment contract. */
export const CONTRACT_TYPES: readonly Code[] = [
  { code: '07', name: 'Viên chức/Công chức HĐLV không xác định thời hạn' },
  { code: '08', name: 'Viên chức/Công chức HĐLV xác định thời hạn' },
  { code: '02', name: 'Hợp đồng theo nghị định 68' },
  { code: '03', name: 'Hợp đồng lao động trên 1 năm' },
  { code: '04', name: 'Hợp đồng lao động từ 1 năm trở xuống' },
  { code: '05', name: 'Hợp đồng thuê khoán' },
  { code: '06', name: 'Thỉnh giảng' },
];

/** DM_TRANG_THAI_CAN_BO: staff status. */
export const STAFF_STATUSES: readonly Code[] = [
  { code: '01', name: 'Đang làm việc' },
  { code: '02', name: 'Đã chuyển đi' },
  { code: '03', name: 'Đã điều động' },
  { code: '04', name: 'Chờ nghỉ hưu' },
  { code: '05', name: 'Đã nghỉ hưu' },
  { code: '06', name: 'Đã biệt phái' },
  { code: '07', name: 'Chuyển đến' },
];

/**
 * DM_MON_DAY_GV: the subject a primary-school teacher mainly teaches. The codes are the sector database's;
 * the names are the subjects' names in TT27 and the 2018 programme (src-shared/domain/subjects.ts), so the
 * staff list and the gradebook say the same thing. 09 (CSDL "Tiểu học") is the class teacher who teaches
 * the core subjects; the CSDL's own names are still read on import (src-main/core/records/xlsx/codes.ts).
 */
export const TEACHING_SUBJECTS: readonly Code[] = [
  { code: '09', name: 'Giáo viên dạy lớp (các môn)' },
  { code: '05', name: 'Âm nhạc' },
  { code: '19', name: 'Mĩ thuật' },
  { code: '07', name: 'Ngoại ngữ 1 (Tiếng Anh)' },
  { code: '10', name: 'Tin học' },
  { code: '08', name: 'Giáo dục thể chất' },
  { code: '24', name: 'Công nghệ' },
  { code: '32', name: 'Tiếng dân tộc thiểu số' },
  { code: '12', name: 'Ngoại ngữ 1 (Tiếng Pháp)' },
  { code: '13', name: 'Ngoại ngữ 1 (Tiếng Trung)' },
  { code: '11', name: 'Ngoại ngữ 1 (Tiếng Nga)' },
  { code: '34', name: 'Ngoại ngữ 1 (Tiếng Hàn)' },
  { code: '35', name: 'Ngoại ngữ 1 (Tiếng Nhật)' },
  { code: '33', name: 'Ngoại ngữ khác' },
  { code: '36', name: 'Môn khác' },
];

/** DM_TRINH_DO_TIN_HOC: IT qualification. */
export const IT_LEVELS: readonly Code[] = [
  { code: '01', name: 'Cơ bản (TT03)' },
  { code: '02', name: 'Nâng cao (TT03)' },
  { code: '03', name: 'Khác' },
  { code: '04', name: 'Trung cấp' },
  { code: '05', name: 'Cao đẳng' },
  { code: '06', name: 'Đại học' },
  { code: '07', name: 'Sau đại học' },
  { code: '08', name: 'Chuẩn IC3' },
];

/** The name of a code in a list, or the code itself when it is unknown. */
export function codeName(list: readonly Code[], code: string): string {
  return list.find((c) => c.code === code)?.name ?? code;
}

export function isCode(list: readonly Code[], code: string): boolean {
  return list.some((c) => c.code === code);
}

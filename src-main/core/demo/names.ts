/** Name pools for the demo school, roughly in the proportions of a northern Vietnamese school. */

export const FAMILY_NAMES = [
  ['Nguyễn', 30], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Đặng', 3], ['Bùi', 3],
  ['Đỗ', 3], ['Hồ', 2], ['Ngô', 2], ['Dương', 2], ['Lý', 1], ['Phan', 2], ['Trịnh', 1], ['Đinh', 1],
  ['Lương', 1], ['Đào', 1], ['Tạ', 1], ['Mai', 1],
] as const;

export const MALE_MIDDLE = ['Văn', 'Minh', 'Đức', 'Quang', 'Gia', 'Hoàng', 'Anh', 'Bảo', 'Thành', 'Trung', 'Hữu', 'Đăng', 'Tuấn', 'Nhật'];
export const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Phương', 'Minh', 'Bảo', 'Khánh', 'Thanh', 'Hải', 'Mai', 'Diệu', 'Tuệ', 'Quỳnh'];

export const MALE_GIVEN = [
  'An', 'Anh', 'Bách', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hoàng', 'Huy', 'Hưng',
  'Khang', 'Khánh', 'Khôi', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Nguyên', 'Phong', 'Phúc', 'Quân',
  'Quang', 'Sơn', 'Tài', 'Thành', 'Thắng', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
];
export const FEMALE_GIVEN = [
  'An', 'Anh', 'Ánh', 'Chi', 'Diệp', 'Giang', 'Hà', 'Hân', 'Hằng', 'Hiền', 'Hoa', 'Huyền', 'Hương', 'Lan', 'Linh',
  'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm',
  'Thảo', 'Thư', 'Thủy', 'Trang', 'Trâm', 'Uyên', 'Vân', 'Vy', 'Yến',
];

/** DM_DAN_TOC codes with a weight: mostly Kinh, a few pupils of other groups. */
export const ETHNICITIES = [
  ['01', 90], ['02', 3], ['06', 3], ['04', 2], ['07', 1], ['03', 1],
] as const;

export const OCCUPATIONS = ['Công nhân', 'Nông dân', 'Kinh doanh', 'Giáo viên', 'Công chức', 'Nhân viên văn phòng', 'Lao động tự do', 'Bác sĩ', 'Kỹ sư'];

export const STREETS = ['Nguyễn Trãi', 'Lê Lợi', 'Trần Phú', 'Quang Trung', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Phan Đình Phùng', 'Hoàng Hoa Thám'];

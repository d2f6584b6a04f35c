/** Messages the server sends: error texts, validation, audit action names. */
export const core = {
  'error.invalid_input': 'Dữ liệu không hợp lệ',
  'error.invalid_input.field': 'Dữ liệu không hợp lệ ở trường «{field}»: {message}',
  'error.invalid_json': 'Nội dung gửi lên không phải JSON hợp lệ',
  'error.body_too_large': 'Nội dung gửi lên quá lớn (tối đa {limit})',
  'error.unsupported_media': 'Nội dung phải ở dạng JSON (Content-Type: application/json)',
  'error.unauthenticated': 'Bạn cần đăng nhập',
  'error.session_expired': 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này',
  'error.not_found': 'Không tìm thấy',
  'error.procedure_not_found': 'Không có chức năng «{name}»',
  'error.conflict': 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại',
  'error.internal': 'Lỗi hệ thống, vui lòng thử lại hoặc báo cho quản trị viên',

  'role.admin': 'Quản trị viên',
  'role.principal': 'Hiệu trưởng',
  'role.clerk': 'Văn thư',
  'role.teacher': 'Giáo viên',
  'role.medical': 'Nhân viên y tế',

  'auth.bad_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'auth.disabled': 'Tài khoản này đã bị khóa, hãy liên hệ quản trị viên',
  'auth.rate_limited': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút',
  'auth.wrong_current_password': 'Mật khẩu hiện tại không đúng',
  'auth.not_initialized': 'Trường chưa được thiết lập. Hãy hoàn thành bước thiết lập ban đầu',

  'validation.username': 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang',
  'validation.password': 'Mật khẩu cần ít nhất 8 ký tự',
  'validation.required': 'Không được để trống',
  'validation.schoolYearName': 'Năm học phải có dạng 2024-2025 (hai năm liền nhau)',
  'validation.date': 'Ngày phải có dạng yyyy-MM-dd và là ngày có thật',
  'validation.schoolCode': 'Mã trường chỉ gồm chữ không dấu và số (tối đa 20 ký tự)',
  'validation.email': 'Địa chỉ email không hợp lệ',
  'validation.phone': 'Số điện thoại chỉ gồm chữ số (8–15 số), có thể bắt đầu bằng +',

  'users.username_taken': 'Tên đăng nhập «{username}» đã được dùng',
  'users.not_found': 'Không tìm thấy tài khoản',
  'users.cannot_disable_self': 'Bạn không thể tự khóa tài khoản của mình',
  'users.cannot_demote_self': 'Bạn không thể tự đổi vai trò của mình',
  'users.last_admin': 'Phải còn ít nhất một quản trị viên đang hoạt động',

  'school.already_initialized': 'Trường đã được thiết lập; bước thiết lập ban đầu chỉ chạy một lần',
  'school.not_initialized': 'Trường chưa được thiết lập',
  'school.year_exists': 'Năm học {name} đã có',
  'school.year_not_found': 'Không tìm thấy năm học',
  'school.year_dates_order': 'Ngày của năm học phải theo thứ tự: bắt đầu ≤ học kỳ I < học kỳ II ≤ kết thúc',
  'school.year_dates_in_name': 'Ngày bắt đầu và kết thúc phải nằm trong hai năm của năm học {name}',
  'school.year_in_use': 'Không thể xóa năm học đang được chọn là năm học hiện tại',

  'school.year_has_data': 'Năm học {name} đã có lớp học và dữ liệu; không thể xóa',

  'jobs.not_found': 'Không tìm thấy công việc',
  'jobs.cancelled': 'Công việc đã bị hủy',

  'backup.not_found': 'Không tìm thấy bản sao lưu «{name}»',
  'backup.not_sqlite': 'Tệp này không phải là cơ sở dữ liệu SQLite',
  'backup.not_truongso': 'Tệp này không phải là cơ sở dữ liệu của Trường Số',
  'backup.newer_version': 'Tệp này được tạo bởi phiên bản Trường Số mới hơn; hãy cập nhật phần mềm trước khi khôi phục',
  'backup.integrity_failed': 'Tệp sao lưu bị hỏng (kiểm tra toàn vẹn không đạt): {detail}',
  'backup.restore_failed': 'Khôi phục không thành công, dữ liệu hiện tại được giữ nguyên: {detail}',
  'backup.in_progress': 'Đang có một thao tác sao lưu hoặc khôi phục khác',

  'store.newer_version':
    'Cơ sở dữ liệu được tạo bởi phiên bản Trường Số mới hơn ({dbVersion}); phiên bản này chỉ đọc được đến {appVersion}. Hãy cập nhật phần mềm.',
  'store.not_truongso': 'Tệp {file} không phải là cơ sở dữ liệu của Trường Số',

  'files.not_found': 'Không tìm thấy tệp',
  'files.too_large': 'Tệp quá lớn (tối đa {limit})',
} as const;

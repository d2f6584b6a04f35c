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
  'error.bad_request': 'Yêu cầu gửi lên không đúng định dạng',
  'error.bad_url': 'Địa chỉ yêu cầu không hợp lệ',
  'error.url_too_long': 'Địa chỉ yêu cầu quá dài',
  'error.request_head_too_large': 'Địa chỉ hoặc phần đầu (header) của yêu cầu quá dài',
  'error.request_timeout': 'Yêu cầu gửi lên quá chậm nên đã bị ngắt, vui lòng thử lại',
  'error.foreign_origin': 'Kết nối này chỉ được mở từ chính trang của Trường Số',

  'role.admin': 'Quản trị viên',
  'role.principal': 'Hiệu trưởng',
  'role.clerk': 'Văn thư',
  'role.teacher': 'Giáo viên',
  'role.medical': 'Nhân viên y tế',

  'auth.bad_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'auth.disabled': 'Tài khoản này đã bị khóa, hãy liên hệ quản trị viên',
  'auth.rate_limited.pair':
    'Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này từ máy này. Vui lòng thử lại sau {minutes} phút hoặc nhờ quản trị viên đặt lại mật khẩu',
  'auth.rate_limited.address':
    'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này (nhiều máy trong trường có thể dùng chung địa chỉ). Mọi tài khoản đăng nhập từ địa chỉ này vui lòng thử lại sau {minutes} phút',
  'auth.rate_limited.account':
    'Tài khoản này tạm ngừng đăng nhập vì có quá nhiều lần nhập sai mật khẩu từ nhiều máy khác nhau. Vui lòng thử lại sau {minutes} phút hoặc báo cho quản trị viên',
  'auth.wrong_current_password': 'Mật khẩu hiện tại không đúng',
  'auth.must_change_password': 'Bạn cần đổi mật khẩu tạm trước khi tiếp tục.',
  'auth.not_initialized': 'Trường chưa được thiết lập. Hãy hoàn thành bước thiết lập ban đầu',

  'validation.username': 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang',
  'validation.password': 'Mật khẩu cần ít nhất 8 ký tự',
  'validation.required': 'Không được để trống',
  'validation.controlCharacters':
    'Có ký tự không hợp lệ (ký tự điều khiển như NUL, hoặc ký tự Unicode bị hỏng); hãy gõ lại',
  'validation.nameLetter': 'Họ tên phải có ít nhất một chữ cái',
  'validation.nameLoneMark': 'Họ tên có dấu thanh hoặc dấu phụ đứng riêng, không gắn vào chữ cái nào; hãy gõ lại',
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

  'validation.code': 'Mã không có trong danh mục',
  'validation.backupKeep': 'Số bản giữ lại phải từ 1 đến 365 (giữ 0 bản nghĩa là không còn bản sao lưu nào)',
  'validation.sectorId': 'Mã định danh Bộ GD&ĐT gồm 10–20 chữ số hoặc chữ cái không dấu',
  'validation.personalId': 'Số định danh cá nhân phải gồm đúng 12 chữ số',
  'validation.sex': 'Chọn giới tính',
  'validation.birthDateFuture': 'Ngày sinh không thể sau ngày hôm nay',
  'validation.pupilAge': 'Ngày sinh của học sinh phải trước ngày khai giảng năm học từ 3 đến 20 năm',
  'validation.staffAge': 'Cán bộ, giáo viên phải từ 16 đến 80 tuổi',
  'validation.country': 'Chọn quốc tịch trong danh sách',
  'validation.dateImpossible': 'Ngày {date} không có thật',
  'validation.dateFormat': 'Gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2020',
  'validation.className': 'Tên lớp bắt đầu bằng khối (1–5), ví dụ 1A, 5B',

  'records.personal_id.format': 'Số định danh cá nhân {id} phải gồm đúng 12 chữ số',
  'records.personal_id.province': 'Số định danh cá nhân {id}: 3 chữ số đầu không phải mã tỉnh, thành phố',
  'records.personal_id.sex': 'Số định danh cá nhân {id} không khớp giới tính (chữ số thứ 4)',
  'records.personal_id.year': 'Số định danh cá nhân {id} không khớp năm sinh (chữ số thứ 4 đến 6)',
  'records.sector_id_taken': 'Mã định danh {id} đã thuộc về {name}',
  'records.personal_id_taken': 'Số định danh cá nhân {id} đã thuộc về {name}',
  'records.sector_id_immutable': 'Mã định danh do Bộ GD&ĐT cấp không được thay đổi sau khi đã có',
  'records.pupil_not_found': 'Không tìm thấy học sinh',
  'records.class_not_found': 'Không tìm thấy lớp',
  'records.class_other_year': 'Lớp {name} không thuộc năm học hiện tại',
  'records.class_name_taken': 'Năm học này đã có lớp {name}',
  'records.class_grade_mismatch': 'Tên lớp {name} không khớp khối {grade}',
  'records.class_has_pupils':
    'Lớp {name} đang có {count} học sinh. Nếu vẫn xóa, các em sẽ không còn được xếp lớp này; hãy xác nhận',
  'records.staff_not_found': 'Không tìm thấy cán bộ',
  'records.staff_in_use':
    'Cán bộ {name} đang chủ nhiệm {classes} lớp và được phân công {assignments} môn. Nếu vẫn xóa, các lớp sẽ chưa có giáo viên; hãy xác nhận',
  'records.room_not_found': 'Không tìm thấy phòng',
  'records.room_in_use':
    'Phòng {name} đang được lớp {classes} sử dụng. Nếu vẫn xóa, các lớp sẽ chưa có phòng; hãy xác nhận',
  'records.room_code_taken': 'Mã phòng {code} đã có',
  'records.no_current_year':
    'Chưa có năm học hiện tại; hãy chọn năm học hiện tại trong Quản trị › Thông tin trường & năm học',
  'records.not_present': 'Học sinh {name} hiện không còn học ở trường',
  'records.already_present': 'Học sinh {name} đang học ở trường',
  'records.undo_no_leaving':
    'Việc gần nhất của học sinh {name} không phải chuyển đi hay thôi học, nên không có gì để hoàn tác',
  'records.undo_no_earlier_status':
    'Việc chuyển đi hoặc thôi học của học sinh {name} được ghi trước khi có chức năng hoàn tác; hãy dùng Nhận lại',
  'records.undo_other_day':
    'Chỉ hoàn tác được trong ngày ghi nhận ({date}); từ ngày hôm sau, hãy dùng Nhận lại để học sinh trở lại lớp',
  'records.undo_changed_since':
    'Hồ sơ của học sinh {name} đã thay đổi sau khi ghi nhận chuyển đi hoặc thôi học, nên không hoàn tác được; hãy dùng Nhận lại',
  'records.date_outside_year': 'Ngày {date} nằm ngoài năm học {year}',
  'records.date_before_enrolment': 'Ngày {date} sớm hơn ngày học sinh vào lớp hiện tại ({start})',
  'records.same_class': 'Học sinh {name} đã ở lớp {className}',
  'records.subject_not_in_grade': 'Môn {subject} không học ở khối {grade}',
  'records.user_linked': 'Tài khoản này đã gắn với cán bộ {name}',
  'records.user_not_found': 'Không tìm thấy tài khoản để gắn với cán bộ',

  'records.import_file': '{detail}',
  'records.import_class_missing': 'Chưa có lớp',
  'records.import_class_unknown': 'Không có lớp «{name}» trong năm học {year}',
  'records.import_grade_mismatch': 'Khối {grade} không khớp lớp {name}',
  'records.import_reading': 'Đang đọc tệp',
  'records.import_checking': 'Đang kiểm tra {rows} dòng',
  'records.import_writing': 'Đang ghi {rows} dòng',
  'records.export_writing': 'Đang tạo tệp Excel',
  'records.file_not_yours': 'Không tìm thấy tệp đã tải lên',

  'records.promotion_year_order': 'Năm học {to} phải bắt đầu sau khi năm học {from} kết thúc',
  'records.promotion_missing': 'Chưa chọn kết quả cho học sinh {name} (lớp {className})',
  'records.promotion_already_placed': 'Học sinh {name} đã được xếp lớp trong năm học {year}',
  'records.promotion_promote_grade':
    'Học sinh {name} lớp {className} đã học lớp 5: chọn «Hoàn thành chương trình tiểu học» hoặc «Ở lại lớp»',
  'records.promotion_complete_grade':
    'Học sinh {name} lớp {className} chưa học hết lớp 5 nên chưa thể hoàn thành chương trình tiểu học',

  'jobs.not_found': 'Không tìm thấy công việc',
  'jobs.cancelled': 'Công việc đã bị hủy',
  'jobs.worker_out_of_memory': 'Tệp quá lớn hoặc bất thường, không xử lý được',

  'backup.not_found': 'Không tìm thấy bản sao lưu «{name}»',
  'backup.not_sqlite': 'Tệp này không phải là cơ sở dữ liệu SQLite',
  'backup.not_truongso': 'Tệp này không phải là cơ sở dữ liệu của Trường Số',
  'backup.newer_version': 'Tệp này được tạo bởi phiên bản Trường Số mới hơn; hãy cập nhật phần mềm trước khi khôi phục',
  'backup.integrity_failed': 'Tệp sao lưu bị hỏng (kiểm tra toàn vẹn không đạt): {detail}',
  'backup.restore_failed': 'Khôi phục không thành công, dữ liệu hiện tại được giữ nguyên: {detail}',
  'backup.copy_mismatch': 'Bản sao của «{name}» không khớp với bản sao lưu trên máy chủ; hãy sao chép lại',
  'backup.in_progress': 'Đang có một thao tác sao lưu hoặc khôi phục khác',

  'store.newer_version':
    'Cơ sở dữ liệu được tạo bởi phiên bản Trường Số mới hơn ({dbVersion}); phiên bản này chỉ đọc được đến {appVersion}. Hãy cập nhật phần mềm.',
  'store.not_truongso': 'Tệp {file} không phải là cơ sở dữ liệu của Trường Số',

  'files.not_found': 'Không tìm thấy tệp',
  'files.too_large': 'Tệp quá lớn (tối đa {limit})',
  'files.too_large.import': 'Tệp quá lớn: tệp Excel để nhập danh sách chỉ được tối đa {limit}',
  'files.too_large.document': 'Tệp quá lớn: văn bản tải lên chỉ được tối đa {limit}',
  'files.too_large.certificate': 'Tệp quá lớn: tệp chứng thư số hoặc chữ ký số chỉ được tối đa {limit}',
  'files.too_large.image': 'Tệp quá lớn: ảnh chữ ký chỉ được tối đa {limit}',
  'files.too_large.backup': 'Tệp quá lớn: tệp sao lưu chỉ được tối đa {limit}',
  'files.unknown_purpose': 'Không rõ tệp tải lên dùng để làm gì (“{purpose}”); chỉ nhận: {purposes}',
  'files.not_octet_stream': 'Tệp phải được gửi lên nguyên dạng (Content-Type: application/octet-stream)',
  'files.too_many_uploads':
    'Bạn đang tải lên {max} tệp cùng lúc, là số tệp tối đa. Hãy chờ các tệp đang tải xong rồi thử lại',
  'files.too_much_in_flight':
    'Các tệp bạn đang tải lên cùng lúc sẽ vượt quá {limit}. Hãy chờ các tệp đang tải xong rồi thử lại',
} as const;

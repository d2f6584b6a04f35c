/** Texts of the assessment part of the suite (TT27 gradebook, year results, học bạ): server messages. */
export const assessment = {
  'assessment.score.notPrescribed':
    'Thông tư 27 không quy định bài kiểm tra định kỳ cho môn này ở thời điểm này: không nhập điểm',
  'assessment.score.notInteger': 'Điểm kiểm tra là số nguyên, không cho điểm thập phân',
  'assessment.score.range': 'Điểm kiểm tra phải từ {min} đến 10',
  'assessment.level.needsScore':
    'Môn {subject} có bài kiểm tra định kỳ ở thời điểm này: nhập điểm trước khi nhập mức đạt',
  'assessment.retest.needsScore': 'Chỉ nhập điểm kiểm tra lại khi đã có điểm bài kiểm tra định kỳ',
  'assessment.locked': 'Thời điểm {point} năm học {year} đã khóa sổ: không sửa được nữa (hiệu trưởng có thể mở khóa)',
  'assessment.notTeacher': 'Bạn không được phân công dạy môn {subject} ở lớp {class}',
  'assessment.notHomeroom': 'Chỉ giáo viên chủ nhiệm lớp {class} mới nhập phẩm chất, năng lực và kết quả cuối năm',
  'assessment.notVisible': 'Bạn không được xem kết quả đánh giá của lớp {class}',
  'assessment.subjectNotTaught': 'Lớp {grade} không học môn {subject}',
  'assessment.pupilNotInClass': 'Học sinh không học lớp {class} vào thời điểm {point}',
  'assessment.conflict':
    'Người khác vừa lưu kết quả của học sinh {name}; ô đã được cập nhật giá trị mới, hãy kiểm tra lại',
  'assessment.classNotFound': 'Không tìm thấy lớp',
  'assessment.pupilNotFound': 'Không tìm thấy học sinh',
  'assessment.award.notAllowed': 'Danh hiệu "{award}" chỉ dành cho học sinh có kết quả {level}',
  'assessment.promotion.needsResult': 'Cần xác nhận kết quả cuối năm trước khi quyết định lên lớp',
  'assessment.promotion.inconsistent':
    'Quyết định "{decision}" không phù hợp với kết quả {level} của học sinh lớp {grade}',
  'assessment.unlock.reason': 'Cần ghi lý do mở khóa sổ',
  'assessment.noPupils': 'Không có học sinh nào để in học bạ',
  'assessment.hocba.writing': 'Đang tạo học bạ {done}/{total}',
  'assessment.summary.writing': 'Đang tạo bảng tổng hợp',
  'assessment.reason.subject': '{subject}: mức {level}',
  'assessment.reason.score': '{subject}: điểm KTĐK {score} < {needed}',
  'assessment.reason.quality': '{item}: mức {level}',
  'assessment.reason.missingSubject': '{subject}: chưa có mức đạt',
  'assessment.reason.missingScore': '{subject}: chưa có điểm KTĐK',
  'assessment.reason.missingQuality': '{item}: chưa đánh giá',

  // Audit viewer: action and capability names.
  'action.assessment.gradebook.save': 'Nhập kết quả môn học',
  'action.assessment.qualities.save': 'Nhập phẩm chất, năng lực',
  'action.assessment.year.save': 'Xác nhận kết quả cuối năm',
  'action.assessment.locks.set': 'Khóa/mở khóa sổ theo dõi',
  'action.assessment.rules.update': 'Sửa quy định đánh giá của trường',
  'action.assessment.summary.export': 'Xuất bảng tổng hợp kết quả đánh giá',
  'action.assessment.hocba.pupil': 'In học bạ học sinh',
  'action.assessment.hocba.batch': 'In học bạ theo lớp/trường',
  'capability.assessment': 'Đánh giá học sinh',
} as const;

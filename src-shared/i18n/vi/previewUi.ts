/**
 * Texts of the file preview (xem trước) opened from the signing queue and the document register:
 * the PDF viewer's toolbar, its loading and error states, and the card shown for files that are not PDFs.
 */
export const previewUi = {
  'previewUi.action': 'Xem',
  'previewUi.actionLabel': 'Xem «{title}»',
  'previewUi.drawerTitle': 'Xem: {title}',

  // Loading.
  'previewUi.loadingFile': 'Đang tải tệp…',
  'previewUi.loadingPdf': 'Đang mở tệp PDF…',
  'previewUi.loadingPage': 'Đang hiển thị trang {page}…',

  // The PDF viewer.
  'previewUi.toolbar': 'Công cụ xem tệp',
  'previewUi.pageOf': 'Trang {page}/{count}',
  'previewUi.page': 'Trang {page}',
  'previewUi.pages': 'Các trang của tệp {name}',
  'previewUi.previousPage': 'Trang trước (PageUp)',
  'previewUi.nextPage': 'Trang sau (PageDown)',
  'previewUi.fitWidth': 'Vừa chiều rộng',
  'previewUi.zoomIn': 'Phóng to',
  'previewUi.zoomOut': 'Thu nhỏ',
  'previewUi.zoomLevel': 'Mức thu phóng {percent}%',

  // Errors.
  'previewUi.error.unreadable': 'Không đọc được tệp «{name}»: tệp không phải là PDF hợp lệ hoặc đã bị hỏng.',
  'previewUi.error.password': 'Tệp «{name}» được đặt mật khẩu nên không xem trước được trong ứng dụng.',
  'previewUi.error.viewer': 'Không mở được trình xem PDF. Hãy tải lại trang (F5) rồi thử lại.',
  'previewUi.error.page': 'Không hiển thị được trang {page}.',
  'previewUi.error.hint': 'Bạn vẫn có thể tải tệp về để mở bằng phần mềm khác.',
  'previewUi.retry': 'Thử lại',

  // Files that are not PDFs.
  'previewUi.other.title': 'Tệp này không hiển thị được trong ứng dụng',
  'previewUi.other.hint':
    'Ứng dụng chỉ hiển thị được tệp PDF. Bấm «Tải về» rồi mở tệp bằng phần mềm phù hợp (ví dụ Excel).',
  'previewUi.other.file': '{name} ({size})',
  'previewUi.download': 'Tải về',
  'previewUi.downloadLabel': 'Tải về «{name}»',
} as const;

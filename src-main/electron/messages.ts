/**
 * What the desktop shell says to the user, in Vietnamese (DESIGN §9). These belong to the shell's own
 * dialogs and bridge errors; they can move to src-shared/i18n when the shell gets an English mode.
 */
import { t } from '../../src-shared/i18n';

export const MESSAGES = {
  forbiddenSender: 'Yêu cầu không đến từ giao diện của máy chủ trường đang mở',
  roleLocked: 'Chỉ chọn lại vai trò được trên máy chủ trường hoặc khi máy chưa có vai trò',
  badFileName: 'Tên tệp không hợp lệ',
  fileTooLarge: 'Tệp lớn hơn 200 MB',
  cannotWriteFile: (file: string, reason: string) => `Không ghi được tệp ${file}: ${reason}`,
  copyToFolderTitle: 'Chọn thư mục hoặc ổ USB để sao chép bản sao lưu',
  copyToFolderButton: 'Sao chép vào đây',
  copyDamagedInTransit: 'Bản sao lưu nhận về từ máy chủ không khớp mã kiểm tra; hãy thử lại',
  copyNotVerified: (file: string) =>
    `Bản sao ghi ra ${file} đọc lại không khớp với bản gốc (ổ đĩa đầy hoặc hỏng?); bản sao lỗi đã được xóa`,
  serverUnreachable: (url: string) =>
    `Không kết nối được tới máy chủ trường tại ${url}. Hãy kiểm tra địa chỉ và chắc chắn máy chủ đang chạy.`,
  ownTemporaryServer: 'Đây là máy chủ tạm của chính máy này, không phải máy chủ trường',
  portBusy: (port: number) => `Cổng ${port} đang được một chương trình khác dùng; không mở được máy chủ cho mạng LAN.`,
  portBusyAtStart: (port: number) =>
    `Cổng ${port} đang bận nên máy chủ trường chỉ mở trên máy này; các máy khác trong trường chưa kết nối được.`,
  dataDirInUse: (url: string, pid: number) =>
    `Một máy chủ Trường Số khác đang dùng thư mục dữ liệu này (${url}, tiến trình ${pid}). Hãy dừng nó rồi mở lại.`,
  startFailedTitle: 'Trường Số không khởi động được',
  loadFailedTitle: 'Không kết nối được tới máy chủ trường',
  loadFailedDetail: (url: string, reason: string) => `${url}\n${reason}`,
  loadFailedButtons: ['Thử lại', 'Chọn lại vai trò máy này', 'Thoát'],
  internal: t('vi', 'error.internal'),
  unsavedTitle: t('vi', 'unsaved.title'),
  unsavedText: t('vi', 'unsaved.text'),
  /** Leave first, stay second: stay is the default and what Escape chooses. */
  unsavedButtons: [t('vi', 'unsaved.leave'), t('vi', 'unsaved.stay')],
} as const;

/** Texts of the signing settings (chứng thư gốc tin cậy, máy chủ cấp dấu thời gian): server messages. */
export const signingSettings = {
  'signingSettings.validation.timestampUrl':
    'Địa chỉ máy chủ cấp dấu thời gian phải bắt đầu bằng http:// hoặc https:// (để trống nếu không dùng)',
  'signingSettings.validation.timestampTimeout': 'Thời gian chờ máy chủ cấp dấu thời gian phải từ 1 đến 60 giây',
  'signingSettings.validation.modulePath': 'Đường dẫn thư viện PKCS#11 dài quá 500 ký tự',
  'signingSettings.moduleMissing': 'Không có tệp thư viện PKCS#11 ở đường dẫn «{path}» trên máy chủ',
  'signingSettings.validation.fingerprint': 'Dấu vân tay SHA-256 phải gồm 64 chữ số thập lục phân',
  'signingSettings.notCertificate':
    'Tệp «{name}» không phải tệp chứng thư số (.cer, .crt, .pem hoặc .p7b) hoặc đã bị hỏng',
  'signingSettings.noCertificates': 'Tệp «{name}» không chứa chứng thư số nào',
  'signingSettings.notCa':
    'Tệp «{name}» chứa chứng thư số của «{subject}», không phải chứng thư của tổ chức chứng thực (CA); chỉ nhập được chứng thư gốc hoặc chứng thư trung gian của CA',
  'signingSettings.fileTooLarge': 'Tệp «{name}» quá lớn để là tệp chứng thư số (tối đa {max})',
  'signingSettings.anchorNotFound':
    'Không có chứng thư gốc tin cậy nào có dấu vân tay {fingerprint}; có thể đã được gỡ bỏ',

  'action.signing.trustAnchors.import': 'Nhập chứng thư gốc tin cậy',
  'action.signing.trustAnchors.remove': 'Gỡ bỏ chứng thư gốc tin cậy',
  'action.signing.tokenModule.get': 'Xem thư viện USB token của máy chủ',
  'action.signing.tokenModule.set': 'Đặt thư viện USB token của máy chủ',
  'action.signing.settings.set': 'Đổi cài đặt máy chủ cấp dấu thời gian',
  'capability.signing': 'Ký số',
} as const;

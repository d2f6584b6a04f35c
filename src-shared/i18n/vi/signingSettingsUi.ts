/**
 * Texts of the Cài đặt ký số page (/documents/settings): the trusted root CAs and the timestamp
 * server. The server's own messages (a refused file, a bad address) are in signingSettings.ts.
 */
export const signingSettingsUi = {
  'signingSettingsUi.section': 'Cài đặt ký số',
  'signingSettingsUi.description': 'Chứng thư gốc tin cậy để xác minh chữ ký, máy chủ cấp dấu thời gian',
  'signingSettingsUi.title': 'Cài đặt ký số',

  // Trusted root CAs.
  'signingSettingsUi.anchors.title': 'Chứng thư gốc tin cậy (Root CA)',
  'signingSettingsUi.anchors.intro':
    'Chữ ký số trên văn bản nhận được chỉ được xác minh nguồn gốc khi chứng thư số của người ký do một tổ chức chứng thực dưới đây cấp. Hãy nhập chứng thư gốc của Trung tâm Chứng thực điện tử quốc gia (Root CA Việt Nam) và của các nhà cung cấp dịch vụ chứng thực chữ ký số (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA…) mà trường nhận văn bản.',
  'signingSettingsUi.anchors.tableLabel': 'Chứng thư gốc tin cậy',
  'signingSettingsUi.anchors.empty':
    'Chưa có chứng thư gốc nào: chữ ký trên văn bản nhận được sẽ hiện «Chưa xác minh nguồn gốc».',
  'signingSettingsUi.anchors.count': '{count} chứng thư gốc',
  'signingSettingsUi.anchors.import': 'Nhập chứng thư gốc',
  'signingSettingsUi.anchors.importHint': 'Tệp .cer, .crt, .pem hoặc .p7b do tổ chức chứng thực cung cấp',
  'signingSettingsUi.anchors.importing': 'Đang nhập «{name}»…',
  'signingSettingsUi.anchors.wrongType': 'Tệp «{name}» không phải tệp chứng thư số (.cer, .crt, .pem, .p7b)',
  'signingSettingsUi.anchors.tooLarge': 'Tệp «{name}» quá lớn để là tệp chứng thư số',
  'signingSettingsUi.anchors.imported': 'Đã nhập {count} chứng thư gốc từ «{file}»',
  'signingSettingsUi.anchors.importedNone': 'Không có chứng thư gốc mới trong «{file}»',
  'signingSettingsUi.anchors.skippedDuplicate': '«{name}» đã có trong danh sách, bỏ qua',
  'signingSettingsUi.anchors.skippedNotCa': '«{name}» không phải chứng thư của tổ chức chứng thực, bỏ qua',
  'signingSettingsUi.anchors.remove': 'Gỡ bỏ',
  'signingSettingsUi.anchors.removeOf': 'Gỡ bỏ «{name}»',
  'signingSettingsUi.anchors.removeConfirm': 'Gỡ bỏ chứng thư gốc «{name}»?',
  'signingSettingsUi.anchors.removeDetail': 'Chữ ký do tổ chức này cấp sẽ không còn được xác minh nguồn gốc.',
  'signingSettingsUi.anchors.removed': 'Đã gỡ bỏ «{name}»',

  // The table's columns and tags.
  'signingSettingsUi.col.name': 'Tên chứng thư',
  'signingSettingsUi.col.organization': 'Tổ chức',
  'signingSettingsUi.col.issuer': 'Tổ chức cấp',
  'signingSettingsUi.col.serial': 'Số hiệu',
  'signingSettingsUi.col.validity': 'Hiệu lực',
  'signingSettingsUi.col.kind': 'Loại',
  'signingSettingsUi.col.fingerprint': 'Dấu vân tay SHA-256',
  'signingSettingsUi.validity': '{from} – {to}',
  'signingSettingsUi.expired': 'Hết hạn',
  'signingSettingsUi.kind.root': 'CA gốc',
  'signingSettingsUi.kind.intermediate': 'CA trung gian',

  // The timestamp server.
  'signingSettingsUi.tsa.title': 'Máy chủ cấp dấu thời gian (RFC 3161)',
  'signingSettingsUi.tsa.intro':
    'Khi có địa chỉ máy chủ, mỗi chữ ký được gắn dấu thời gian do máy chủ này cấp, chứng minh thời điểm ký mà không phụ thuộc đồng hồ của máy tính. Để trống nếu không dùng.',
  'signingSettingsUi.tsa.url': 'Địa chỉ máy chủ cấp dấu thời gian',
  'signingSettingsUi.tsa.urlPlaceholder': 'http://tsa.example.vn',
  'signingSettingsUi.tsa.urlInvalid': 'Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ http://tsa.example.vn',
  'signingSettingsUi.tsa.timeout': 'Thời gian chờ tối đa (giây)',
  'signingSettingsUi.tsa.timeoutInvalid': 'Thời gian chờ từ 1 đến 60 giây',
  'signingSettingsUi.tsa.save': 'Lưu cài đặt',
  'signingSettingsUi.tsa.saved': 'Đã lưu: ký có dấu thời gian của {url}',
  'signingSettingsUi.tsa.savedNone': 'Đã lưu: ký không kèm dấu thời gian',

  // Nâng cao: the USB token's library.
  'signingSettingsUi.advanced.title': 'Nâng cao: thư viện USB token (PKCS#11)',
  'signingSettingsUi.module.intro':
    'Ứng dụng tự tìm phần mềm USB token của các nhà cung cấp chứng thư số quen thuộc (VNPT-CA, Viettel-CA, BkavCA, FPT-CA, MISA-CA…). Chỉ khi token không được tìm thấy, người cài đặt token mới cần chỉ đường dẫn tệp thư viện PKCS#11 của nhà cung cấp ở đây.',
  'signingSettingsUi.module.server': 'Thư viện PKCS#11 trên máy chủ trường',
  'signingSettingsUi.module.serverHint': 'Để trống nếu token được tìm thấy tự động.',
  'signingSettingsUi.module.thisPc': 'Thư viện PKCS#11 trên máy tính này',
  'signingSettingsUi.module.thisPcHint': 'Dùng khi ký bằng USB token cắm vào máy này; chỉ máy này ghi nhớ.',
  'signingSettingsUi.module.placeholder': 'Ví dụ: C:\\Windows\\System32\\vnpt-ca_csp11.dll',
  'signingSettingsUi.module.save': 'Lưu đường dẫn',
  'signingSettingsUi.module.saved': 'Đã lưu đường dẫn thư viện USB token',
  'signingSettingsUi.module.cleared': 'Đã bỏ đường dẫn: ứng dụng tự tìm thư viện của USB token',
  'signingSettingsUi.module.found': 'Thư viện tìm thấy trên máy chủ',
  'signingSettingsUi.module.noneFound': 'Chưa thấy thư viện USB token nào trên máy chủ.',
} as const;

/**
 * The Excel engine's own messages: whole-file problems (thrown as XlsxError) and row problems (returned
 * as RowError). Vietnamese is the source; English must carry every key. Placeholders are written {name}.
 * They live here rather than in the app's catalogs so the engine stays self-contained.
 */

const vi = {
  // Whole-file problems
  'file.empty': 'Tệp trống, không có dữ liệu. Hãy chọn lại tệp Excel (.xlsx).',
  'file.tooLarge': 'Tệp quá lớn ({sizeMb} MB). Chỉ nhận tệp Excel đến {maxMb} MB.',
  'file.oldXls':
    'Tệp Excel này có đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, bỏ mật khẩu (“Tệp” → “Thông tin” → “Bảo vệ sổ làm việc”), lưu lại rồi nhập lại.',
  'file.html':
    'Tệp này là trang web (HTML) được đặt đuôi Excel, không phải tệp .xlsx thật. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng “Sổ làm việc Excel (.xlsx)”.',
  'file.text':
    'Tệp này là văn bản (CSV hoặc TXT), không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng “Sổ làm việc Excel (.xlsx)”.',
  'file.notXlsx': 'Tệp không phải là tệp Excel .xlsx hay .xls (nội dung không đúng định dạng).',
  'file.zipNotXlsx': 'Tệp là một tệp nén nhưng không phải sổ làm việc Excel .xlsx.',
  'file.corrupt':
    'Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng chuẩn .xlsx. Nếu tệp vẫn mở được bằng Excel, hãy lưu lại (“Lưu thành” → “Sổ làm việc Excel (.xlsx)”) rồi nhập lại.',
  'file.inflatesTooMuch':
    'Tệp Excel bất thường: nội dung giải nén quá lớn (hơn {maxMb} MB từ một tệp {fileMb} MB), không giống một danh sách thật. Hãy mở tệp bằng Excel, xoá các trang tính và dòng thừa, lưu lại rồi nhập lại.',
  'file.noVisibleSheet': 'Tệp không có trang tính nào (đang hiện) chứa dữ liệu.',
  'file.sheetNotFound': 'Không có trang tính “{sheet}” trong tệp. Các trang tính có trong tệp: {sheets}.',
  'file.sheetEmpty': 'Trang tính “{sheet}” không có dữ liệu.',
  'file.headerNotFound':
    'Không tìm thấy dòng tiêu đề cột trong {maxRows} dòng đầu của trang tính “{sheet}”. Dòng tiêu đề cần có các cột như “Họ và tên”, “Ngày sinh”, “Giới tính”. Hãy chọn dòng tiêu đề bằng tay.',
  'file.headerRowOutOfRange': 'Dòng tiêu đề {row} nằm ngoài trang tính “{sheet}” (trang tính có {rows} dòng).',
  'file.tooManyRows':
    'Trang tính có {rows} dòng dữ liệu, vượt quá giới hạn {max} dòng cho một lần nhập. Hãy chia tệp thành nhiều phần.',
  'file.tooManyRowsUnknown':
    'Tệp có hơn {max} dòng, vượt quá giới hạn {max} dòng dữ liệu cho một lần nhập. Hãy chia tệp thành nhiều phần.',
  'mapping.unknownField': 'Trường “{field}” không có trong danh sách cột có thể nhập.',
  'mapping.badColumn': 'Cột đã chọn cho trường “{field}” không hợp lệ ({column}).',
  'mapping.duplicateColumn': 'Cột {column} đang được chọn cho hai trường: “{first}” và “{second}”.',
  'mapping.missingRequired': 'Chưa chọn cột cho trường bắt buộc: {fields}.',

  // Row problems
  'row.required': 'Thiếu {field}.',
  'row.cellError': 'Ô có lỗi công thức ({code}).',
  'row.formulaNoResult':
    'Ô có công thức ({formula}) nhưng chưa có kết quả tính sẵn. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.',
  'row.mergedCell':
    'Ô nằm trong vùng gộp ô bắt đầu ở {master}: giá trị chỉ thuộc về dòng {masterRow}. Hãy bỏ gộp ô và điền giá trị cho từng dòng.',
  'row.dateNotText': 'Ô chứa ngày tháng ({value}) nhưng cột này cần chữ hoặc số.',
  'row.dateFormat': 'Ngày “{value}” không đúng định dạng; hãy ghi ngày/tháng/năm, ví dụ 05/09/2018.',
  'row.dateImpossible': 'Ngày “{value}” không có thật (ngày/tháng/năm, ngày viết trước tháng).',
  'row.dateYearOnly': 'Chỉ có năm ({value}); cần ghi đủ ngày/tháng/năm.',
  'row.dateSerialRange': 'Số {value} không phải là một ngày hợp lệ.',
  'row.birthYearRange':
    'Năm sinh {year} không hợp với học sinh tiểu học: năm {now} học sinh từ {minAge} đến {maxAge} tuổi, tức sinh từ năm {from} đến năm {to}.',
  'row.notNumber': '“{value}” không phải là số.',
  'row.gradeRange': 'Khối “{value}” không hợp lệ; tiểu học chỉ có khối 1 đến 5.',
  'row.gradeClassMismatch': 'Lớp {className} không thuộc khối {grade}.',
  'row.sexUnknown': 'Giới tính “{value}” không nhận ra; hãy ghi Nam hoặc Nữ.',
  'row.femaleMarkUnknown': 'Cột “Nữ” chỉ nhận “x” (nữ) hoặc để trống (nam); ô đang ghi “{value}”.',
  'row.codeUnknown': '{field} “{value}” không có trong danh mục của CSDL ngành.',
  'row.boolUnknown': '“{value}” không rõ là có hay không; hãy ghi “x” (có) hoặc để trống (không).',
  'row.nameInvalid': 'Họ tên “{value}” có chữ số hoặc ký tự không dùng trong tên người.',
  'row.tooLong': '{field} dài quá {max} ký tự.',
  'row.templateSample': 'Đây là dòng mẫu của file mẫu, không phải dữ liệu thật; hãy xóa dòng này rồi nhập lại.',
  'row.sectorIdFormat':
    'Mã định danh “{value}” không hợp lệ: cần từ 10 đến 20 chữ số hoặc chữ cái không dấu, không có dấu cách hay ký tự khác.',
  'row.personalIdFormat': 'Số định danh cá nhân “{value}” phải gồm đúng 12 chữ số.',
  'row.personalIdProvince':
    'Số định danh cá nhân “{value}”: ba chữ số đầu ({code}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh.',
  'row.personalIdSex':
    'Số định danh cá nhân “{value}” không khớp giới tính {sex} (chữ số thứ 4 là mã thế kỷ và giới tính).',
  'row.personalIdYear':
    'Số định danh cá nhân “{value}” không khớp năm sinh {year} (chữ số thứ 4 đến 6 là mã thế kỷ và năm sinh).',
  'row.duplicateSectorId': 'Mã định danh {value} trùng với dòng {rows}.',
  'row.duplicatePersonalId': 'Số định danh cá nhân {value} trùng với dòng {rows}.',
  'row.guardianNameMissing': 'Có thông tin của {relation} nhưng thiếu họ tên {relation}.',
  'row.guardianYearRange': 'Năm sinh “{value}” không hợp lệ (cần năm từ {from} đến {to}).',
  'row.phoneInvalid': 'Số điện thoại “{value}” không hợp lệ; cần từ 8 đến 15 chữ số, mỗi ô một số.',
  'row.emailInvalid': 'Email “{value}” không hợp lệ.',
  'row.nationalityUnknown':
    'Quốc tịch “{value}” không nhận ra; hãy ghi “Việt Nam” hoặc mã nước hai chữ cái (VN, LA, KH…).',

  // Words used inside other messages
  'word.male': 'Nam',
  'word.female': 'Nữ',
  'word.father': 'cha',
  'word.mother': 'mẹ',
  'word.guardian': 'người giám hộ',

  // Writers
  'report.title.pupils': 'DANH SÁCH LỖI KHI NHẬP HỌC SINH',
  'report.title.staff': 'DANH SÁCH LỖI KHI NHẬP CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN',
  'report.subtitle': 'Tệp: {fileName} — {count} lỗi',
  'report.sheet': 'Lỗi',
  'report.row': 'Dòng',
  'report.column': 'Cột',
  'report.field': 'Trường',
  'report.reason': 'Lý do',
} as const;

export type XlsxMessageKey = keyof typeof vi;

const en: Record<XlsxMessageKey, string> = {
  'file.empty': 'The file is empty. Please choose an Excel file (.xlsx).',
  'file.tooLarge': 'The file is too large ({sizeMb} MB). Excel files of up to {maxMb} MB are accepted.',
  'file.oldXls':
    'This Excel file is password-protected and cannot be read. Open it in Excel, remove the password (“File” → “Info” → “Protect Workbook”), save it and import it again.',
  'file.html':
    'This file is a web page (HTML) with an Excel extension, not a real .xlsx file. Open it in Excel and save it as “Excel Workbook (.xlsx)”.',
  'file.text':
    'This file is text (CSV or TXT), not an Excel .xlsx file. Open it in Excel and save it as “Excel Workbook (.xlsx)”.',
  'file.notXlsx': 'The file is not an Excel .xlsx or .xls file (its content has the wrong format).',
  'file.zipNotXlsx': 'The file is a zip archive but not an Excel .xlsx workbook.',
  'file.corrupt':
    'The Excel file cannot be read: it is damaged or not a standard .xlsx file. If Excel still opens it, save it again (“Save As” → “Excel Workbook (.xlsx)”) and import it again.',
  'file.inflatesTooMuch':
    'Unusual Excel file: its content inflates too much (over {maxMb} MB from a {fileMb} MB file), unlike a real list. Open it in Excel, delete extra worksheets and rows, save it again and import it again.',
  'file.noVisibleSheet': 'The file has no visible worksheet with data.',
  'file.sheetNotFound': 'There is no worksheet “{sheet}” in the file. Worksheets in the file: {sheets}.',
  'file.sheetEmpty': 'Worksheet “{sheet}” has no data.',
  'file.headerNotFound':
    'No column header row was found in the first {maxRows} rows of worksheet “{sheet}”. The header row needs columns such as “Họ và tên”, “Ngày sinh”, “Giới tính”. Please choose the header row by hand.',
  'file.headerRowOutOfRange': 'Header row {row} is outside worksheet “{sheet}” (it has {rows} rows).',
  'file.tooManyRows':
    'The worksheet has {rows} data rows, more than the limit of {max} rows per import. Please split the file.',
  'file.tooManyRowsUnknown':
    'The file has more than {max} rows, more than the limit of {max} data rows per import. Please split the file.',
  'mapping.unknownField': 'Field “{field}” is not one of the fields that can be imported.',
  'mapping.badColumn': 'The column chosen for field “{field}” is not valid ({column}).',
  'mapping.duplicateColumn': 'Column {column} is chosen for two fields: “{first}” and “{second}”.',
  'mapping.missingRequired': 'No column is chosen for the required field(s): {fields}.',

  'row.required': '{field} is missing.',
  'row.cellError': 'The cell has a formula error ({code}).',
  'row.formulaNoResult':
    'The cell has a formula ({formula}) but no saved result. Open the file in Excel, save it and import it again.',
  'row.mergedCell':
    'The cell is part of a merged range starting at {master}: its value belongs to row {masterRow} only. Unmerge the cells and fill in each row.',
  'row.dateNotText': 'The cell holds a date ({value}) but this column needs text or a number.',
  'row.dateFormat': 'Date “{value}” is not in a known format; write day/month/year, e.g. 05/09/2018.',
  'row.dateImpossible': 'Date “{value}” does not exist (day/month/year, day first).',
  'row.dateYearOnly': 'Only a year ({value}); the full day/month/year is needed.',
  'row.dateSerialRange': 'The number {value} is not a valid date.',
  'row.birthYearRange':
    'Birth year {year} does not fit a primary pupil: in {now} pupils are {minAge} to {maxAge} years old, i.e. born {from} to {to}.',
  'row.notNumber': '“{value}” is not a number.',
  'row.gradeRange': 'Grade “{value}” is not valid; primary school has grades 1 to 5.',
  'row.gradeClassMismatch': 'Class {className} is not in grade {grade}.',
  'row.sexUnknown': 'Sex “{value}” is not recognised; write Nam or Nữ.',
  'row.femaleMarkUnknown': 'The “Nữ” column takes “x” (female) or blank (male); the cell holds “{value}”.',
  'row.codeUnknown': '{field} “{value}” is not in the sector database code list.',
  'row.boolUnknown': '“{value}” is neither yes nor no; write “x” (yes) or leave blank (no).',
  'row.nameInvalid': 'Name “{value}” contains digits or characters not used in names.',
  'row.tooLong': '{field} is longer than {max} characters.',
  'row.templateSample': 'This is the template’s sample row, not real data; delete it and import again.',
  'row.sectorIdFormat':
    'Sector ID “{value}” is not valid: 10 to 20 digits or unaccented letters, no spaces or other characters.',
  'row.personalIdFormat': 'Personal ID “{value}” must have exactly 12 digits.',
  'row.personalIdProvince':
    'Personal ID “{value}”: the first three digits ({code}) are not the code of a province of birth registration.',
  'row.personalIdSex': 'Personal ID “{value}” does not match sex {sex} (the 4th digit codes century and sex).',
  'row.personalIdYear':
    'Personal ID “{value}” does not match birth year {year} (digits 4 to 6 code century and year of birth).',
  'row.duplicateSectorId': 'Sector ID {value} is the same as on row {rows}.',
  'row.duplicatePersonalId': 'Personal ID {value} is the same as on row {rows}.',
  'row.guardianNameMissing': 'There are details of the {relation} but no name of the {relation}.',
  'row.guardianYearRange': 'Birth year “{value}” is not valid (a year from {from} to {to} is needed).',
  'row.phoneInvalid': 'Phone number “{value}” is not valid; 8 to 15 digits, one number per cell.',
  'row.emailInvalid': 'Email “{value}” is not valid.',
  'row.nationalityUnknown': 'Nationality “{value}” is not recognised; write “Việt Nam” or a two-letter country code.',

  'word.male': 'male',
  'word.female': 'female',
  'word.father': 'father',
  'word.mother': 'mother',
  'word.guardian': 'guardian',

  'report.title.pupils': 'ERRORS IN THE PUPIL IMPORT',
  'report.title.staff': 'ERRORS IN THE STAFF IMPORT',
  'report.subtitle': 'File: {fileName} — {count} errors',
  'report.sheet': 'Errors',
  'report.row': 'Row',
  'report.column': 'Column',
  'report.field': 'Field',
  'report.reason': 'Reason',
};

export type XlsxLocale = 'vi' | 'en';
export type XlsxParams = Record<string, string | number>;

export const XLSX_MESSAGES: { vi: Record<XlsxMessageKey, string>; en: Record<XlsxMessageKey, string> } = { vi, en };

export function xlsxMessage(locale: XlsxLocale, key: XlsxMessageKey, params: XlsxParams = {}): string {
  const template = XLSX_MESSAGES[locale][key] ?? XLSX_MESSAGES.vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

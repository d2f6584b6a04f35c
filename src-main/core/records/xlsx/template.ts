/**
 * "Tải file mẫu": the workbook a clerk fills in for an import. Its header row is the importer's own
 * field labels (so the mapping step finds every column by itself), one sample row shows what a cell
 * holds, the columns coded in the sector database (CSDL ngành) offer the codes as a dropdown fed from
 * the "Danh mục" sheet ("01 - Kinh", which the importer reads as code 01), and "Hướng dẫn" says the rest.
 */
import ExcelJS from 'exceljs';
import {
  CONTRACT_TYPES,
  DISABILITY_TYPES,
  ETHNICITIES,
  POLICY_GROUPS,
  QUALIFICATIONS,
  RELIGIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
  type Code,
} from '../../../../src-shared/domain/codeLists';
import { fieldsOf } from './fields';
import { BORDER_ALL, HEADER_FILL, font, toBuffer } from './styles';
import type { ImportKind } from './types';

export const TEMPLATE_SHEET = 'Danh sách';
const CODES_SHEET = 'Danh mục';
const HELP_SHEET = 'Hướng dẫn';
/** Rows below the header that get the dropdowns: more than any school's list in one file. */
const DROPDOWN_ROWS = 2000;

/** A choice as the dropdown shows it and the importer reads it back. */
function choice(code: Code): string {
  return `${code.code} - ${code.name}`;
}

const SEX_CHOICES = ['Nam', 'Nữ'];
const YES_CHOICES = ['x'];
const STAFF_GROUP_CHOICES = ['Cán bộ quản lý', 'Giáo viên', 'Nhân viên'];

/** The code lists behind each coded column, by field key. */
function listsOf(kind: ImportKind): Record<string, string[]> {
  const codes = (list: readonly Code[]) => list.map(choice);
  const common = { sex: SEX_CHOICES, ethnicity: codes(ETHNICITIES) };
  return kind === 'pupils'
    ? {
        ...common,
        religion: codes(RELIGIONS),
        disabilityType: codes(DISABILITY_TYPES),
        policyGroup: codes(POLICY_GROUPS),
      }
    : {
        ...common,
        staffGroup: STAFF_GROUP_CHOICES,
        position: codes(STAFF_POSITIONS),
        mainSubject: codes(TEACHING_SUBJECTS),
        qualification: codes(QUALIFICATIONS),
        contractType: codes(CONTRACT_TYPES),
        status: codes(STAFF_STATUSES),
        partyMember: YES_CHOICES,
        unionMember: YES_CHOICES,
        hasSignatureCert: YES_CHOICES,
      };
}

function pick(list: readonly Code[], word: string): string {
  const found = list.find((c) => c.name.toLowerCase().includes(word.toLowerCase())) ?? list[0];
  return found ? choice(found) : '';
}

/**
 * What marks the sample row when it comes back in a file: its name and one detail nobody else has.
 * A clerk who fills the template below the sample and forgets to delete it must not import a
 * "Nguyễn Văn An" into class 2A.
 */
const SAMPLE_MARKS: Record<ImportKind, { fullName: string; field: string; value: string }> = {
  pupils: { fullName: 'Nguyễn Văn An', field: 'address', value: 'Số 1, thôn Đông, xã Yên Sở' },
  staff: { fullName: 'Trần Thị Bình', field: 'email', value: 'binh.tt@truong.edu.vn' },
};

/** The row read back is the template's untouched sample. */
export function isTemplateSample(kind: ImportKind, text: (field: string) => string): boolean {
  const mark = SAMPLE_MARKS[kind];
  return text('fullName') === mark.fullName && text(mark.field) === mark.value;
}

/** The sample row: a plausible person of the kind, every coded value taken from its dropdown. */
function sampleOf(kind: ImportKind, year: number): Record<string, string> {
  if (kind === 'pupils') {
    return {
      fullName: SAMPLE_MARKS.pupils.fullName,
      sex: 'Nam',
      birthDate: `05/09/${year - 7}`,
      birthPlace: 'Hà Nội',
      ethnicity: pick(ETHNICITIES, 'Kinh'),
      nationality: 'Việt Nam',
      className: '2A',
      address: SAMPLE_MARKS.pupils.value,
      motherName: 'Trần Thị Hoa',
      motherBirthYear: String(year - 35),
      motherPhone: '0912345678',
    };
  }
  return {
    fullName: SAMPLE_MARKS.staff.fullName,
    sex: 'Nữ',
    birthDate: `12/03/${year - 35}`,
    ethnicity: pick(ETHNICITIES, 'Kinh'),
    staffGroup: 'Giáo viên',
    position: pick(STAFF_POSITIONS, 'Giáo viên'),
    qualification: pick(QUALIFICATIONS, 'Đại học'),
    contractType: pick(CONTRACT_TYPES, 'biên chế'),
    phone: '0987654321',
    email: SAMPLE_MARKS.staff.value,
  };
}

function help(kind: ImportKind, required: string[]): string[] {
  return [
    `Cách điền file mẫu ${kind === 'pupils' ? 'học sinh' : 'cán bộ, giáo viên, nhân viên'}`,
    '',
    `• Điền mỗi ${kind === 'pupils' ? 'học sinh' : 'người'} một dòng trên trang “${TEMPLATE_SHEET}”, bắt đầu từ dòng 2; xóa dòng mẫu trước khi nhập.`,
    `• Cột bắt buộc: ${required.join(', ')}. Các cột khác có thể để trống hoặc xóa đi.`,
    '• Ngày sinh ghi theo dạng ngày/tháng/năm, ví dụ 05/09/2018.',
    '• Mã định danh (Bộ GD&ĐT): 10 đến 20 chữ số hoặc chữ cái không dấu, lấy từ CSDL ngành. Để trống nếu chưa có.',
    '• Số định danh cá nhân: đúng 12 chữ số (số căn cước).',
    `• Các cột có danh mục của CSDL ngành (Dân tộc, ...) chọn trong ô thả xuống; danh mục đầy đủ ở trang “${CODES_SHEET}”.`,
    '• Cột “Có/không” (Đảng viên, ...) ghi “x” nếu có, để trống nếu không.',
    '• Có thể lưu file dạng .xlsx hoặc .xls (Excel 97–2003).',
  ];
}

/** Quoted for a formula: 'Danh mục'!$A$2:$A$55. */
function listRange(column: number, count: number): string {
  const letter = columnName(column);
  return `'${CODES_SHEET}'!$${letter}$2:$${letter}$${count + 1}`;
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export async function writeImportTemplate(kind: ImportKind, now: Date = new Date()): Promise<Buffer> {
  const fields = fieldsOf(kind);
  const lists = listsOf(kind);
  const sample = sampleOf(kind, now.getFullYear());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trường Số';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = wb.addWorksheet(CODES_SHEET);
  const guide = wb.addWorksheet(HELP_SHEET);

  fields.forEach((f, i) => {
    const column = i + 1;
    const head = ws.getCell(1, column);
    head.value = f.label;
    head.font = font(12, { bold: true, color: f.required ? { argb: 'FFC00000' } : undefined });
    head.fill = HEADER_FILL;
    head.border = BORDER_ALL;
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    ws.getColumn(column).width = Math.max(14, Math.min(30, f.label.length + 4));
    const example = ws.getCell(2, column);
    example.value = sample[f.key] ?? null;
    example.font = font(12, { italic: true, color: { argb: 'FF595959' } });
    // Text, so that Excel keeps leading zeros and does not turn 05/09/2018 into a US date.
    ws.getColumn(column).numFmt = '@';
  });
  ws.getRow(1).height = 36;

  // exceljs writes a sheet's data validations but leaves them out of its typings.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  let codeColumn = 0;
  for (const [key, values] of Object.entries(lists)) {
    const index = fields.findIndex((f) => f.key === key);
    if (index < 0) continue;
    codeColumn++;
    const head = codes.getCell(1, codeColumn);
    head.value = fields[index]!.label;
    head.font = font(12, { bold: true });
    head.fill = HEADER_FILL;
    values.forEach((v, r) => (codes.getCell(r + 2, codeColumn).value = v));
    codes.getColumn(codeColumn).width = Math.min(60, Math.max(16, ...values.map((v) => v.length + 2)));
    const formula = listRange(codeColumn, values.length);
    const letter = columnName(index + 1);
    for (let row = 2; row <= DROPDOWN_ROWS + 1; row++) {
      validations.add(`${letter}${row}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        // A value outside the list is for the importer to judge, with its own message (a typed "Kinh"
        // is as good as "01 - Kinh"); Excel only shows the choices.
        showErrorMessage: false,
      });
    }
  }

  const required = fields.filter((f) => f.required).map((f) => f.label);
  help(kind, required).forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    cell.font = font(12, { bold: i === 0 });
  });
  guide.getColumn(1).width = 110;
  return toBuffer(wb);
}

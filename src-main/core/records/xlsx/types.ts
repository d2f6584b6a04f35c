/**
 * The contract of the records Excel engine: what an import preview shows, how the caller maps columns
 * to fields, what a parsed row looks like, and what the writers take. Pure data: no exceljs types leak
 * out, so the engine can run in a worker thread and its results travel as JSON.
 */

export type ImportKind = 'pupils' | 'staff';

export type PupilField =
  | 'fullName'
  | 'sex'
  | 'birthDate'
  | 'birthPlace'
  | 'ethnicity'
  | 'religion'
  | 'nationality'
  | 'sectorId'
  | 'personalId'
  | 'className'
  | 'grade'
  | 'address'
  | 'disabilityType'
  | 'policyGroup'
  | 'fatherName'
  | 'fatherBirthYear'
  | 'fatherOccupation'
  | 'fatherPhone'
  | 'motherName'
  | 'motherBirthYear'
  | 'motherOccupation'
  | 'motherPhone'
  | 'guardianName'
  | 'guardianBirthYear'
  | 'guardianOccupation'
  | 'guardianPhone';

export type StaffField =
  | 'fullName'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'sectorId'
  | 'personalId'
  | 'staffGroup'
  | 'position'
  | 'mainSubject'
  | 'qualification'
  | 'contractType'
  | 'status'
  | 'phone'
  | 'email'
  | 'partyMember'
  | 'unionMember'
  | 'hasSignatureCert';

export interface FieldSpec {
  key: string;
  /** Vietnamese, as the mapping screen and the error report show it. */
  label: string;
  required: boolean;
  /** Header texts that map to the field, compared folded (no diacritics, case or punctuation). */
  aliases: string[];
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
  rows: number;
  columns: number;
}

export interface ColumnInfo {
  /** 1-based. */
  index: number;
  letter: string;
  header: string;
  /** The suggested field, or null when no alias matched. */
  field: string | null;
}

export interface ImportPreview {
  sheets: SheetInfo[];
  sheet: string;
  /**
   * The header row directly above the data. With a two-row header (a merged group such as
   * "Thông tin mẹ" over "Họ tên" / "SĐT") it is the lower row; the group row above is read with it.
   */
  headerRow: number;
  columns: ColumnInfo[];
  /** Up to 10 data rows as display text, one string per column of `columns`. */
  sampleRows: string[][];
  dataRows: number;
}

export interface ImportMapping {
  sheet: string;
  headerRow: number;
  /** Field key → 1-based column index. */
  fields: Record<string, number>;
}

export interface RowError {
  /** Excel row number. */
  row: number;
  /** Column letter and header, e.g. 'D (Ngày sinh)', or '' when the error is about the whole row. */
  column: string;
  field: string | null;
  /** Vietnamese. */
  message: string;
}

export type GuardianRelation = 'father' | 'mother' | 'guardian';

export interface GuardianImport {
  relation: GuardianRelation;
  fullName: string;
  birthYear: number | null;
  occupation: string;
  phone: string;
}

export interface PupilImportRow {
  fullName: string;
  sex: 'male' | 'female';
  /** yyyy-MM-dd */
  birthDate: string;
  birthPlace: string;
  /** DM_DAN_TOC code; '01' (Kinh) when the cell is blank, as the database defaults it. */
  ethnicity: string;
  /** DM_TON_GIAO code or ''. */
  religion: string;
  /** ISO 3166 alpha-2, 'VN' when blank. */
  nationality: string;
  sectorId: string;
  personalId: string;
  className: string;
  grade: number | null;
  address: string;
  disabilityType: string;
  policyGroup: string;
  guardians: GuardianImport[];
}

export interface StaffImportRow {
  fullName: string;
  sex: 'male' | 'female';
  birthDate: string | null;
  ethnicity: string;
  sectorId: string;
  personalId: string;
  staffGroup: 'manager' | 'teacher' | 'support';
  position: string;
  mainSubject: string;
  qualification: string;
  contractType: string;
  status: string;
  phone: string;
  email: string;
  partyMember: boolean;
  unionMember: boolean;
  hasSignatureCert: boolean;
}

export interface ParsedImport<T> {
  /** The rows without any error, in file order. A row with an error is only in `errors`. */
  rows: { row: number; value: T }[];
  /** Every problem found, ordered by row and then column. */
  errors: RowError[];
  sheet: string;
}

export interface TableColumn {
  header: string;
  key: string;
  width?: number;
  kind?: 'text' | 'date' | 'number';
}

export interface TableSpec {
  title: string;
  subtitle?: string;
  sheetName: string;
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
}

export interface ClassListPupil {
  sectorId: string;
  fullName: string;
  sex: 'male' | 'female';
  /** yyyy-MM-dd */
  birthDate: string;
  ethnicityName: string;
  address: string;
  note: string;
}

export interface ClassListSpec {
  schoolName: string;
  educationOffice: string;
  schoolYear: string;
  className: string;
  homeroomTeacher: string | null;
  pupils: ClassListPupil[];
}

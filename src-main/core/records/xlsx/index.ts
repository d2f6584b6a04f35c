/**
 * The records Excel engine: pure functions over Buffers (no database), safe to run in a worker thread.
 * Imports: previewImport (sheets, header row, suggested mapping, sample rows), then parseImport with the
 * confirmed mapping (rows and row errors). Exports: writeTable, writeClassList, writeErrorReport.
 */
export type {
  ClassListPupil,
  ClassListSpec,
  ColumnInfo,
  FieldSpec,
  GuardianImport,
  GuardianRelation,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ParsedImport,
  PupilField,
  PupilImportRow,
  RowError,
  SheetInfo,
  StaffField,
  StaffImportRow,
  TableColumn,
  TableSpec,
} from './types';
export { PUPIL_FIELDS, STAFF_FIELDS, fieldsOf, fieldSpec } from './fields';
export { MAX_DATA_ROWS, MAX_IMPORT_BYTES } from './read';
export { previewImport } from './preview';
export { parseImport } from './parse';
export { writeTable } from './table';
export { writeClassList } from './classList';
export { writeErrorReport } from './errorReport';
export { TEMPLATE_SHEET, writeImportTemplate } from './template';
export { XlsxError, isXlsxError } from './errors';
export { XLSX_MESSAGES, xlsxMessage, type XlsxLocale, type XlsxMessageKey } from './messages';
export { columnLetter } from './cells';

/**
 * The tasks a worker thread runs, by name. Inputs and outputs cross threads by structured clone:
 * bytes travel as Uint8Array.
 */
import {
  parseImport,
  previewImport,
  writeClassList,
  writeErrorReport,
  writeImportTemplate,
  writeTable,
  type ClassListSpec,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ParsedImport,
  type PupilImportRow,
  type RowError,
  type StaffImportRow,
  type TableColumn,
} from '../core/records/xlsx';
import { renderHocBaPdf } from '../core/assessment/print/hocbaPdf';
import { renderClassSummaryPdf } from '../core/assessment/print/summaryPdf';
import { writeClassSummaryXlsx } from '../core/assessment/print/summaryXlsx';
import type { ClassSummaryDoc, HocBaDoc } from '../core/assessment/print/types';
import type { TaskControl } from './protocol';

function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

export const tasks = {
  'xlsx.preview': (input: {
    data: Uint8Array;
    kind: ImportKind;
    sheet?: string;
    headerRow?: number;
  }): Promise<ImportPreview> =>
    previewImport(bytes(input.data), input.kind, { sheet: input.sheet, headerRow: input.headerRow }),
  'xlsx.parse': (input: {
    data: Uint8Array;
    kind: ImportKind;
    mapping: ImportMapping;
  }): Promise<ParsedImport<PupilImportRow> | ParsedImport<StaffImportRow>> =>
    input.kind === 'pupils'
      ? parseImport(bytes(input.data), 'pupils', input.mapping)
      : parseImport(bytes(input.data), 'staff', input.mapping),
  'xlsx.errorReport': (input: { errors: RowError[]; fileName: string; kind: ImportKind }): Promise<Uint8Array> =>
    writeErrorReport(input.errors, { fileName: input.fileName, kind: input.kind }),
  'xlsx.template': (input: { kind: ImportKind }): Promise<Uint8Array> => writeImportTemplate(input.kind),
  'xlsx.table': (input: {
    title: string;
    subtitle?: string;
    sheetName: string;
    columns: TableColumn[];
    rows: Record<string, string | number | null>[];
  }): Promise<Uint8Array> => writeTable(input),
  'xlsx.classList': (input: ClassListSpec): Promise<Uint8Array> => writeClassList(input),
  // A batch stops between pupils when its job is cancelled, never in the middle of one.
  'pdf.hocba': (input: { docs: HocBaDoc[] }, control?: TaskControl): Promise<Uint8Array> =>
    renderHocBaPdf(input.docs, (done) => {
      control?.progress(done);
      if (done < input.docs.length) control?.throwIfCancelled();
    }),
  'pdf.classSummary': (input: ClassSummaryDoc): Promise<Uint8Array> => renderClassSummaryPdf(input),
  'xlsx.classSummary': (input: ClassSummaryDoc): Promise<Uint8Array> => writeClassSummaryXlsx(input),
};

export type TaskName = keyof typeof tasks;
export type TaskInput<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;

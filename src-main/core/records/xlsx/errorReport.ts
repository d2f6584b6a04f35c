/** The list of row errors of an import, as a workbook the clerk can keep open beside the file to fix. */
import { fieldSpec } from './fields';
import { xlsxMessage } from './messages';
import { writeTable } from './table';
import type { ImportKind, RowError } from './types';

export async function writeErrorReport(
  errors: RowError[],
  meta: { fileName: string; kind: ImportKind },
): Promise<Buffer> {
  const m = (key: Parameters<typeof xlsxMessage>[1], params?: Record<string, string | number>) =>
    xlsxMessage('vi', key, params);
  return writeTable({
    title: m(meta.kind === 'pupils' ? 'report.title.pupils' : 'report.title.staff'),
    subtitle: m('report.subtitle', { fileName: meta.fileName, count: errors.length }),
    sheetName: m('report.sheet'),
    columns: [
      { header: m('report.row'), key: 'row', kind: 'number', width: 8 },
      { header: m('report.column'), key: 'column', width: 28 },
      { header: m('report.field'), key: 'field', width: 24 },
      { header: m('report.reason'), key: 'reason', width: 80 },
    ],
    rows: errors.map((e) => ({
      row: e.row,
      column: e.column,
      field: e.field ? (fieldSpec(meta.kind, e.field)?.label ?? e.field) : '',
      reason: e.message,
    })),
  });
}

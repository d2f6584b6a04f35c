/**
 * The columns of the Bảng tổng hợp kết quả đánh giá giáo dục của lớp, shared by its PDF and its xlsx so
 * the two always agree: STT, Họ và tên, Nữ, each subject (Mức, and Điểm where the point has a test), each
 * quality and competence, then at the end of the year Kết quả and Khen thưởng.
 */
import {
  QUALITY_GROUP_LABELS,
  QUALITY_LEVEL_SHORT,
  SUBJECT_LEVELS,
  QUALITY_LEVELS,
  type QualityItem,
  type YearLevel,
  YEAR_LEVELS,
} from '../../../../src-shared/domain/tt27';
import type { ClassSummaryDoc, SummaryRow, SummarySubjectColumn } from './types';

export type SummaryColumn =
  | { readonly kind: 'no' }
  | { readonly kind: 'name' }
  | { readonly kind: 'female' }
  | { readonly kind: 'level'; readonly subject: SummarySubjectColumn }
  | { readonly kind: 'score'; readonly subject: SummarySubjectColumn }
  | { readonly kind: 'quality'; readonly item: QualityItem }
  | { readonly kind: 'result' }
  | { readonly kind: 'awards' };

export function summaryColumns(doc: ClassSummaryDoc): SummaryColumn[] {
  const columns: SummaryColumn[] = [{ kind: 'no' }, { kind: 'name' }, { kind: 'female' }];
  for (const subject of doc.subjects) {
    columns.push({ kind: 'level', subject });
    if (subject.tested) columns.push({ kind: 'score', subject });
  }
  for (const item of doc.qualityItems) columns.push({ kind: 'quality', item });
  if (doc.endOfYear) columns.push({ kind: 'result' }, { kind: 'awards' });
  return columns;
}

/** What a pupil's row shows in a column; '' for nothing. */
export function cellValue(column: SummaryColumn, row: SummaryRow): string | number {
  switch (column.kind) {
    case 'no':
      return row.no;
    case 'name':
      return row.fullName;
    case 'female':
      return row.sex === 'female' ? 'x' : '';
    case 'level':
      return row.subjects[column.subject.key]?.level ?? '';
    case 'score':
      return row.subjects[column.subject.key]?.score ?? '';
    case 'quality': {
      const level = row.qualities[column.item.key];
      return level ? QUALITY_LEVEL_SHORT[level] : '';
    }
    case 'result':
      return row.result ?? '';
    case 'awards':
      return row.awards.join('; ');
  }
}

/**
 * The letters a totals row counts in a column, by totals row: T/H/C for a subject's level, T/Đ/C for a
 * quality; null for columns without totals.
 */
export function totalLetters(column: SummaryColumn): readonly string[] | null {
  if (column.kind === 'level') return SUBJECT_LEVELS;
  if (column.kind === 'quality') return QUALITY_LEVELS.map((l) => QUALITY_LEVEL_SHORT[l]);
  return null;
}

/** The totals rows' labels: the subject level, then the quality level it lines up with. */
export const TOTAL_LABELS = ['Tổng số T', 'Tổng số H / Đ', 'Tổng số C'] as const;

export function countOf(column: SummaryColumn, rows: readonly SummaryRow[], letter: string): number {
  return rows.filter((r) => cellValue(column, r) === letter).length;
}

export function resultCounts(rows: readonly SummaryRow[]): Record<YearLevel, number> {
  const counts = Object.fromEntries(YEAR_LEVELS.map((l) => [l, 0])) as Record<YearLevel, number>;
  for (const r of rows) if (r.result) counts[r.result]++;
  return counts;
}

/** Groups of adjacent quality columns, for the header's first row. */
export function qualityGroups(items: readonly QualityItem[]): { label: string; count: number }[] {
  const groups: { group: QualityItem['group']; label: string; count: number }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.group === item.group) last.count++;
    else groups.push({ group: item.group, label: QUALITY_GROUP_LABELS[item.group], count: 1 });
  }
  return groups.map(({ label, count }) => ({ label, count }));
}

/** Shorter names for the narrow rotated headers, where the full name would not fit. */
const SHORT_NAMES: Record<string, string> = {
  tu_chu_tu_hoc: 'Tự chủ, tự học',
  giao_tiep_hop_tac: 'Giao tiếp, hợp tác',
  gqvd_sang_tao: 'GQVĐ, sáng tạo',
  am_nhac: 'Âm nhạc',
  mi_thuat: 'Mĩ thuật',
  tin_hoc_cn: 'Tin học và Công nghệ',
  hdtn: 'Hoạt động trải nghiệm',
};

export function shortName(key: string, name: string): string {
  return SHORT_NAMES[key] ?? name;
}

/** The legend under the sheet: the letters, and at the end of the year the result codes. */
export function abbreviations(endOfYear: boolean): string {
  const levels =
    'T: Hoàn thành tốt / Tốt; H: Hoàn thành; Đ: Đạt; C: Chưa hoàn thành / Cần cố gắng; GQVĐ: Giải quyết vấn đề.';
  const results =
    ' Kết quả giáo dục: HTXS: Hoàn thành xuất sắc; HTT: Hoàn thành tốt; HT: Hoàn thành; CHT: Chưa hoàn thành.';
  return endOfYear ? levels + results : levels;
}

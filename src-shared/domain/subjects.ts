/**
 * Subjects and activities of the 2018 general-education programme at primary level
 * (Chương trình GDPT tổng thể, TT 32/2018; shared/reference/domain-vn.md §1.8), with their periods per
 * year by grade and the sector database's subject codes (DM_MON_HOC, [M]: codes may have changed).
 * Âm nhạc and Mĩ thuật are one subject, Nghệ thuật, rated as two components.
 */

export interface Subject {
  readonly key: string;
  readonly name: string;
  /** Periods per year for grades 1–5; 0 where the subject is not taught in that grade. */
  readonly periods: readonly [number, number, number, number, number];
  readonly elective: boolean;
  readonly csdlCode: string;
}

export const SUBJECTS: readonly Subject[] = [
  { key: 'tieng_viet', name: 'Tiếng Việt', periods: [420, 350, 245, 245, 245], elective: false, csdlCode: '02' },
  { key: 'toan', name: 'Toán', periods: [105, 175, 175, 175, 175], elective: false, csdlCode: '01' },
  { key: 'ngoai_ngu_1', name: 'Ngoại ngữ 1', periods: [0, 0, 140, 140, 140], elective: false, csdlCode: '11' },
  { key: 'dao_duc', name: 'Đạo đức', periods: [35, 35, 35, 35, 35], elective: false, csdlCode: '03' },
  { key: 'tn_xh', name: 'Tự nhiên và Xã hội', periods: [70, 70, 70, 0, 0], elective: false, csdlCode: '04' },
  { key: 'ls_dl', name: 'Lịch sử và Địa lí', periods: [0, 0, 0, 70, 70], elective: false, csdlCode: '05' },
  { key: 'khoa_hoc', name: 'Khoa học', periods: [0, 0, 0, 70, 70], elective: false, csdlCode: '13' },
  { key: 'tin_hoc_cn', name: 'Tin học và Công nghệ', periods: [0, 0, 70, 70, 70], elective: false, csdlCode: '87' },
  { key: 'gdtc', name: 'Giáo dục thể chất', periods: [70, 70, 70, 70, 70], elective: false, csdlCode: '88' },
  { key: 'am_nhac', name: 'Nghệ thuật (Âm nhạc)', periods: [35, 35, 35, 35, 35], elective: false, csdlCode: '89' },
  { key: 'mi_thuat', name: 'Nghệ thuật (Mĩ thuật)', periods: [35, 35, 35, 35, 35], elective: false, csdlCode: '90' },
  { key: 'hdtn', name: 'Hoạt động trải nghiệm', periods: [105, 105, 105, 105, 105], elective: false, csdlCode: '91' },
  { key: 'tieng_dtts', name: 'Tiếng dân tộc thiểu số', periods: [70, 70, 70, 70, 70], elective: true, csdlCode: '14' },
  { key: 'ngoai_ngu_1_tc', name: 'Ngoại ngữ 1 (tự chọn)', periods: [70, 70, 0, 0, 0], elective: true, csdlCode: '11' },
];

export const SUBJECT_KEYS = SUBJECTS.map((s) => s.key) as [string, ...string[]];

export function subjectsForGrade(grade: number): Subject[] {
  return SUBJECTS.filter((s) => (s.periods[grade - 1] ?? 0) > 0);
}

export function subjectName(key: string): string {
  return SUBJECTS.find((s) => s.key === key)?.name ?? key;
}

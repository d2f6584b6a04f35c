/**
 * Assessment of primary pupils under Thông tư 27/2020/TT-BGDĐT, as data and pure functions
 * (shared/reference/domain-vn.md §1; [H] marks the regulation's wording, [M] a derived or secondary fact).
 * Points the reference marks NOT CONFIRMED are options in AssessmentRules rather than constants.
 */
import { SUBJECTS, subjectsForGrade, type Subject } from './subjects';

// ------------------------------------------------------------------------------------------ points

/** The four periodic assessment points of a school year [H]. */
export const PERIODIC_POINTS = ['GIUA_HK1', 'CUOI_HK1', 'GIUA_HK2', 'CUOI_NAM'] as const;
export type PeriodicPoint = (typeof PERIODIC_POINTS)[number];

export const POINT_LABELS: Record<PeriodicPoint, string> = {
  GIUA_HK1: 'Giữa học kỳ I',
  CUOI_HK1: 'Cuối học kỳ I',
  GIUA_HK2: 'Giữa học kỳ II',
  CUOI_NAM: 'Cuối năm học',
};

export function isPeriodicPoint(value: unknown): value is PeriodicPoint {
  return typeof value === 'string' && (PERIODIC_POINTS as readonly string[]).includes(value);
}

// ------------------------------------------------------------------------------------------ scales

/** Subject and activity levels: Hoàn thành tốt / Hoàn thành / Chưa hoàn thành [H]. */
export const SUBJECT_LEVELS = ['T', 'H', 'C'] as const;
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number];
export const SUBJECT_LEVEL_LABELS: Record<SubjectLevel, string> = {
  T: 'Hoàn thành tốt',
  H: 'Hoàn thành',
  C: 'Chưa hoàn thành',
};

/** Quality and competence levels: Tốt / Đạt / Cần cố gắng [H]. Stored as ASCII; shown as T, Đ, C. */
export const QUALITY_LEVELS = ['T', 'D', 'C'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];
export const QUALITY_LEVEL_LABELS: Record<QualityLevel, string> = { T: 'Tốt', D: 'Đạt', C: 'Cần cố gắng' };
export const QUALITY_LEVEL_SHORT: Record<QualityLevel, string> = { T: 'T', D: 'Đ', C: 'C' };

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const SUBJECT_LEVEL_WORDS: Record<string, SubjectLevel> = {
  t: 'T',
  htt: 'T',
  'hoan thanh tot': 'T',
  h: 'H',
  ht: 'H',
  'hoan thanh': 'H',
  c: 'C',
  cht: 'C',
  'chua hoan thanh': 'C',
};

const QUALITY_LEVEL_WORDS: Record<string, QualityLevel> = {
  t: 'T',
  tot: 'T',
  d: 'D',
  dat: 'D',
  c: 'C',
  ccg: 'C',
  'can co gang': 'C',
};

/** What a teacher types or pastes for a subject level ("T", "h", "Hoàn thành tốt"); null if not one. */
export function parseSubjectLevel(text: string): SubjectLevel | null {
  return SUBJECT_LEVEL_WORDS[folded(text)] ?? null;
}

/** What a teacher types or pastes for a quality level ("Đ", "D", "Đạt"); null if not one. */
export function parseQualityLevel(text: string): QualityLevel | null {
  return QUALITY_LEVEL_WORDS[folded(text)] ?? null;
}

// ------------------------------------------------------------------------------------------ qualities

export interface QualityItem {
  readonly key: string;
  readonly name: string;
  readonly group: 'quality' | 'general' | 'specific';
}

/**
 * 5 phẩm chất chủ yếu, 3 năng lực chung and 7 năng lực đặc thù [H]. The GVCN rates every one at each point;
 * the học bạ lists the 10 competences together [M].
 */
export const QUALITY_ITEMS: readonly QualityItem[] = [
  { key: 'yeu_nuoc', name: 'Yêu nước', group: 'quality' },
  { key: 'nhan_ai', name: 'Nhân ái', group: 'quality' },
  { key: 'cham_chi', name: 'Chăm chỉ', group: 'quality' },
  { key: 'trung_thuc', name: 'Trung thực', group: 'quality' },
  { key: 'trach_nhiem', name: 'Trách nhiệm', group: 'quality' },
  { key: 'tu_chu_tu_hoc', name: 'Tự chủ và tự học', group: 'general' },
  { key: 'giao_tiep_hop_tac', name: 'Giao tiếp và hợp tác', group: 'general' },
  { key: 'gqvd_sang_tao', name: 'Giải quyết vấn đề và sáng tạo', group: 'general' },
  { key: 'ngon_ngu', name: 'Ngôn ngữ', group: 'specific' },
  { key: 'tinh_toan', name: 'Tính toán', group: 'specific' },
  { key: 'khoa_hoc', name: 'Khoa học', group: 'specific' },
  { key: 'cong_nghe', name: 'Công nghệ', group: 'specific' },
  { key: 'tin_hoc', name: 'Tin học', group: 'specific' },
  { key: 'tham_my', name: 'Thẩm mĩ', group: 'specific' },
  { key: 'the_chat', name: 'Thể chất', group: 'specific' },
];

export const QUALITY_KEYS = QUALITY_ITEMS.map((q) => q.key) as [string, ...string[]];

export const QUALITY_GROUP_LABELS: Record<QualityItem['group'], string> = {
  quality: 'Phẩm chất chủ yếu',
  general: 'Năng lực chung',
  specific: 'Năng lực đặc thù',
};

// ------------------------------------------------------------------------------------------ rules

/** The points the reference leaves unconfirmed, set per school (Quản trị → Đánh giá). */
export interface AssessmentRules {
  /** Lowest test score accepted: 1 in common practice; whether TT27 allows 0 is NOT CONFIRMED. */
  readonly minScore: 0 | 1;
  /** Whether the electives (Tiếng dân tộc thiểu số, Ngoại ngữ 1 in grades 1–2) take the end-of-term tests. */
  readonly electivesTested: boolean;
}

export const DEFAULT_RULES: AssessmentRules = { minScore: 1, electivesTested: false };

export const MAX_SCORE = 10;

/** Compulsory subjects with a periodic test at the end of term I and of the year [H]. */
const TESTED_AT_TERM_ENDS: ReadonlySet<string> = new Set([
  'tieng_viet',
  'toan',
  'ngoai_ngu_1',
  'ls_dl',
  'khoa_hoc',
  'tin_hoc_cn',
]);

/** Subjects with an extra test at mid-term I and II, in grades 4 and 5 only [H]. */
const TESTED_AT_MID_TERMS: ReadonlySet<string> = new Set(['tieng_viet', 'toan']);

function subjectByKey(key: string): Subject | undefined {
  return SUBJECTS.find((s) => s.key === key);
}

export function isSubjectTaught(grade: number, subjectKey: string): boolean {
  return subjectsForGrade(grade).some((s) => s.key === subjectKey);
}

/** Whether TT27 prescribes a scored periodic test for this grade, subject and point. */
export function requiresTest(
  grade: number,
  subjectKey: string,
  point: PeriodicPoint,
  rules: AssessmentRules = DEFAULT_RULES,
): boolean {
  const subject = subjectByKey(subjectKey);
  if (!subject || !isSubjectTaught(grade, subjectKey)) return false;
  const termEnd = point === 'CUOI_HK1' || point === 'CUOI_NAM';
  if (subject.elective) return rules.electivesTested && termEnd;
  if (termEnd) return TESTED_AT_TERM_ENDS.has(subjectKey);
  return grade >= 4 && TESTED_AT_MID_TERMS.has(subjectKey);
}

/** Why a score cannot be recorded, as a message key of the 'assessment' catalog; null when it can. */
export type ScoreProblem = 'assessment.score.notPrescribed' | 'assessment.score.notInteger' | 'assessment.score.range';

export function scoreProblem(
  grade: number,
  subjectKey: string,
  point: PeriodicPoint,
  score: number,
  rules: AssessmentRules = DEFAULT_RULES,
): ScoreProblem | null {
  if (!requiresTest(grade, subjectKey, point, rules)) return 'assessment.score.notPrescribed';
  if (!Number.isInteger(score)) return 'assessment.score.notInteger';
  if (score < rules.minScore || score > MAX_SCORE) return 'assessment.score.range';
  return null;
}

/** A subject entry as the year-end rule reads it: the end-of-year level and the test score that counts. */
export interface SubjectOutcome {
  readonly subject: string;
  readonly level: SubjectLevel | null;
  /** The re-test score when there was one (bài kiểm tra khác), else the periodic test score. */
  readonly score: number | null;
}

export interface QualityOutcome {
  readonly item: string;
  readonly level: QualityLevel | null;
}

// ------------------------------------------------------------------------------------------ year end

/** The overall result at the end of the year [H]: Hoàn thành xuất sắc / tốt, Hoàn thành, Chưa hoàn thành. */
export const YEAR_LEVELS = ['HTXS', 'HTT', 'HT', 'CHT'] as const;
export type YearLevel = (typeof YEAR_LEVELS)[number];
export const YEAR_LEVEL_LABELS: Record<YearLevel, string> = {
  HTXS: 'Hoàn thành xuất sắc',
  HTT: 'Hoàn thành tốt',
  HT: 'Hoàn thành',
  CHT: 'Chưa hoàn thành',
};

/** What keeps a pupil from a level: one subject, quality or score, with what it has and what was needed. */
export type Shortfall =
  | { kind: 'subject'; subject: string; level: SubjectLevel; needed: readonly SubjectLevel[] }
  | { kind: 'score'; subject: string; score: number; needed: number }
  | { kind: 'quality'; item: string; level: QualityLevel; needed: readonly QualityLevel[] };

/** An entry the rule needs and does not have. */
export type Missing =
  { kind: 'subject'; subject: string } | { kind: 'score'; subject: string } | { kind: 'quality'; item: string };

export interface YearProposal {
  /** Null while entries are missing. */
  readonly level: YearLevel | null;
  readonly missing: readonly Missing[];
  /** Why the pupil did not reach the level above the proposed one (empty for HTXS). */
  readonly shortfalls: readonly Shortfall[];
}

interface Threshold {
  readonly level: YearLevel;
  readonly subjects: readonly SubjectLevel[];
  readonly qualities: readonly QualityLevel[];
  readonly minScore: number;
}

/** TT27 Điều 13 [H]: each level's allowed subject and quality levels and its lowest end-of-year score. */
export const YEAR_THRESHOLDS: readonly Threshold[] = [
  { level: 'HTXS', subjects: ['T'], qualities: ['T'], minScore: 9 },
  { level: 'HTT', subjects: ['T'], qualities: ['T'], minScore: 7 },
  { level: 'HT', subjects: ['T', 'H'], qualities: ['T', 'D'], minScore: 5 },
];

function shortfallsFor(
  threshold: Threshold,
  subjects: readonly SubjectOutcome[],
  qualities: readonly QualityOutcome[],
  tested: ReadonlySet<string>,
): Shortfall[] {
  const out: Shortfall[] = [];
  for (const s of subjects) {
    if (s.level !== null && !threshold.subjects.includes(s.level)) {
      out.push({ kind: 'subject', subject: s.subject, level: s.level, needed: threshold.subjects });
    }
    if (tested.has(s.subject) && s.score !== null && s.score < threshold.minScore) {
      out.push({ kind: 'score', subject: s.subject, score: s.score, needed: threshold.minScore });
    }
  }
  for (const q of qualities) {
    if (q.level !== null && !threshold.qualities.includes(q.level)) {
      out.push({ kind: 'quality', item: q.item, level: q.level, needed: threshold.qualities });
    }
  }
  return out;
}

/**
 * The proposed end-of-year result of a pupil in a grade, from the end-of-year levels of every subject
 * they study (the electives they take included), every quality and competence, and the end-of-year test
 * scores. The GVCN confirms or changes it.
 */
export function proposeYearResult(
  grade: number,
  subjects: readonly SubjectOutcome[],
  qualities: readonly QualityOutcome[],
  rules: AssessmentRules = DEFAULT_RULES,
): YearProposal {
  const tested = new Set(
    subjects.filter((s) => requiresTest(grade, s.subject, 'CUOI_NAM', rules)).map((s) => s.subject),
  );
  const missing: Missing[] = [];
  const given = new Set(subjects.map((s) => s.subject));
  for (const subject of subjectsForGrade(grade)) {
    if (!subject.elective && !given.has(subject.key)) missing.push({ kind: 'subject', subject: subject.key });
  }
  for (const s of subjects) {
    if (s.level === null) missing.push({ kind: 'subject', subject: s.subject });
    if (tested.has(s.subject) && s.score === null) missing.push({ kind: 'score', subject: s.subject });
  }
  const rated = new Map(qualities.map((q) => [q.item, q.level]));
  for (const item of QUALITY_ITEMS) {
    if ((rated.get(item.key) ?? null) === null) missing.push({ kind: 'quality', item: item.key });
  }
  if (missing.length > 0) return { level: null, missing, shortfalls: [] };

  let above: Shortfall[] = [];
  for (const threshold of YEAR_THRESHOLDS) {
    const shortfalls = shortfallsFor(threshold, subjects, qualities, tested);
    if (shortfalls.length === 0) return { level: threshold.level, missing, shortfalls: above };
    above = shortfalls;
  }
  return { level: 'CHT', missing, shortfalls: above };
}

/** Hoàn thành chương trình lớp học [H]: the result is HTXS, HTT or HT. */
export function completesGrade(level: YearLevel): boolean {
  return level !== 'CHT';
}

// ------------------------------------------------------------------------------------------ awards

/** Giấy khen the principal gives [H]; the two end-of-year titles depend on the result. */
export const AWARDS = ['HS_XUAT_SAC', 'HS_TIEU_BIEU', 'KHEN_DOT_XUAT', 'DE_NGHI_CAP_TREN', 'THU_KHEN'] as const;
export type Award = (typeof AWARDS)[number];
export const AWARD_LABELS: Record<Award, string> = {
  HS_XUAT_SAC: 'Học sinh Xuất sắc',
  HS_TIEU_BIEU: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
  KHEN_DOT_XUAT: 'Khen thưởng đột xuất',
  DE_NGHI_CAP_TREN: 'Đề nghị cấp trên khen thưởng',
  THU_KHEN: 'Thư khen',
};

/** The year result an end-of-year title requires; null for awards open to anyone. */
export const AWARD_REQUIRES: Record<Award, YearLevel | null> = {
  HS_XUAT_SAC: 'HTXS',
  HS_TIEU_BIEU: 'HTT',
  KHEN_DOT_XUAT: null,
  DE_NGHI_CAP_TREN: null,
  THU_KHEN: null,
};

export function awardAllowed(award: Award, level: YearLevel | null): boolean {
  const required = AWARD_REQUIRES[award];
  return required === null || required === level;
}

// ------------------------------------------------------------------------------------------ promotion

/**
 * After the year: a pupil who completes the grade goes up (or completes primary school in grade 5); one who
 * does not gets a supplementary assessment and the principal decides [H].
 */
export const PROMOTION_DECISIONS = ['promoted', 'not_promoted', 'completed_primary', 'pending'] as const;
export type PromotionDecision = (typeof PROMOTION_DECISIONS)[number];
export const PROMOTION_LABELS: Record<PromotionDecision, string> = {
  promoted: 'Được lên lớp',
  not_promoted: 'Chưa được lên lớp',
  completed_primary: 'Hoàn thành chương trình tiểu học',
  pending: 'Chờ đánh giá bổ sung',
};

/** The decision that follows from the result when no supplementary assessment is needed. */
export function defaultPromotion(grade: number, level: YearLevel): PromotionDecision {
  if (!completesGrade(level)) return 'pending';
  return grade >= 5 ? 'completed_primary' : 'promoted';
}

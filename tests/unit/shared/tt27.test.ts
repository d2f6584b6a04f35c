/**
 * The TT27 rules, table-driven from shared/reference/domain-vn.md §1.4 and §1.6. The expected test
 * matrix is written out here by hand, not derived from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { SUBJECTS, subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  PERIODIC_POINTS,
  QUALITY_ITEMS,
  awardAllowed,
  defaultPromotion,
  parseQualityLevel,
  parseSubjectLevel,
  proposeYearResult,
  requiresTest,
  scoreProblem,
  type PeriodicPoint,
  type QualityLevel,
  type SubjectLevel,
  type SubjectOutcome,
} from '../../../src-shared/domain/tt27';

/** Subject → grades it is tested in at the term ends; mid-terms: Tiếng Việt and Toán in grades 4–5. */
const TERM_END_TESTS: Record<string, number[]> = {
  tieng_viet: [1, 2, 3, 4, 5],
  toan: [1, 2, 3, 4, 5],
  ngoai_ngu_1: [3, 4, 5],
  tin_hoc_cn: [3, 4, 5],
  khoa_hoc: [4, 5],
  ls_dl: [4, 5],
};
const MID_TERM_TESTS: Record<string, number[]> = { tieng_viet: [4, 5], toan: [4, 5] };

function expectedTest(grade: number, subject: string, point: PeriodicPoint): boolean {
  const table = point === 'CUOI_HK1' || point === 'CUOI_NAM' ? TERM_END_TESTS : MID_TERM_TESTS;
  return (table[subject] ?? []).includes(grade);
}

describe('periodic tests (TT27 Điều 7)', () => {
  const cases = [1, 2, 3, 4, 5].flatMap((grade) =>
    SUBJECTS.flatMap((s) => PERIODIC_POINTS.map((point) => [grade, s.key, point] as const)),
  );

  it.each(cases)('grade %i, %s, %s', (grade, subject, point) => {
    expect(requiresTest(grade, subject, point)).toBe(expectedTest(grade, subject, point));
  });

  it('counts the tested cells of a year: 2 points × (2 + 2 + 4 + 6 + 6) subjects + 2 × 2 × 2 mid-terms', () => {
    const tested = cases.filter(([g, s, p]) => requiresTest(g, s, p)).length;
    expect(tested).toBe(2 * (2 + 2 + 4 + 6 + 6) + 8);
  });

  it('tests the electives at the term ends only when the school chooses so', () => {
    const rules = { minScore: 1 as const, electivesTested: true };
    expect(requiresTest(1, 'tieng_dtts', 'CUOI_NAM')).toBe(false);
    expect(requiresTest(1, 'tieng_dtts', 'CUOI_NAM', rules)).toBe(true);
    expect(requiresTest(2, 'ngoai_ngu_1_tc', 'CUOI_HK1', rules)).toBe(true);
    expect(requiresTest(2, 'ngoai_ngu_1_tc', 'GIUA_HK1', rules)).toBe(false);
    expect(requiresTest(3, 'ngoai_ngu_1_tc', 'CUOI_NAM', rules)).toBe(false);
  });
});

describe('scores', () => {
  it.each([
    [1, 'toan', 'CUOI_HK1', 10, null],
    [1, 'toan', 'CUOI_HK1', 1, null],
    [1, 'toan', 'CUOI_HK1', 0, 'assessment.score.range'],
    [1, 'toan', 'CUOI_HK1', 11, 'assessment.score.range'],
    [1, 'toan', 'CUOI_HK1', 7.5, 'assessment.score.notInteger'],
    [1, 'toan', 'GIUA_HK1', 8, 'assessment.score.notPrescribed'],
    [4, 'toan', 'GIUA_HK1', 8, null],
    [3, 'dao_duc', 'CUOI_NAM', 8, 'assessment.score.notPrescribed'],
    [2, 'tin_hoc_cn', 'CUOI_NAM', 8, 'assessment.score.notPrescribed'],
  ] as const)('grade %i %s %s score %d → %s', (grade, subject, point, score, problem) => {
    expect(scoreProblem(grade, subject, point, score)).toBe(problem);
  });

  it('accepts 0 when the school allows it', () => {
    expect(scoreProblem(1, 'toan', 'CUOI_NAM', 0, { minScore: 0, electivesTested: false })).toBeNull();
  });
});

describe('typed and pasted levels', () => {
  it.each([
    ['T', 'T'],
    [' t ', 'T'],
    ['Hoàn thành tốt', 'T'],
    ['HOAN THANH', 'H'],
    ['h', 'H'],
    ['Chưa hoàn thành', 'C'],
    ['x', null],
    ['', null],
    ['Đ', null],
  ] as const)('subject level %j → %s', (text, level) => {
    expect(parseSubjectLevel(text)).toBe(level);
  });

  it.each([
    ['Đ', 'D'],
    ['đ', 'D'],
    ['D', 'D'],
    ['Đạt', 'D'],
    ['Tốt', 'T'],
    ['Cần cố gắng', 'C'],
    ['H', null],
  ] as const)('quality level %j → %s', (text, level) => {
    expect(parseQualityLevel(text.normalize('NFD'))).toBe(level);
  });
});

// ---------------------------------------------------------------------------------------------- year end

/** A grade-4 pupil with every subject at `level`, tested subjects at `score`, every quality at `quality`. */
function pupil(level: SubjectLevel, score: number, quality: QualityLevel) {
  const subjects: SubjectOutcome[] = subjectsForGrade(4)
    .filter((s) => !s.elective)
    .map((s) => ({ subject: s.key, level, score: requiresTest(4, s.key, 'CUOI_NAM') ? score : null }));
  const qualities = QUALITY_ITEMS.map((q) => ({ item: q.key, level: quality }));
  return { subjects, qualities };
}

function withSubject(p: ReturnType<typeof pupil>, key: string, change: Partial<SubjectOutcome>) {
  return { ...p, subjects: p.subjects.map((s) => (s.subject === key ? { ...s, ...change } : s)) };
}

describe('end-of-year result (TT27 Điều 13)', () => {
  it.each([
    ['all T, scores 10, qualities T', pupil('T', 10, 'T'), 'HTXS'],
    ['all T, scores 9 (the HTXS boundary)', pupil('T', 9, 'T'), 'HTXS'],
    ['all T, scores 8', pupil('T', 8, 'T'), 'HTT'],
    ['all T, scores 7 (the HTT boundary)', pupil('T', 7, 'T'), 'HTT'],
    ['all T, scores 6', pupil('T', 6, 'T'), 'HT'],
    ['all T, scores 10, qualities Đ', pupil('T', 10, 'D'), 'HT'],
    ['all H, scores 10, qualities T', pupil('H', 10, 'T'), 'HT'],
    ['all H, scores 5 (the HT boundary)', pupil('H', 5, 'D'), 'HT'],
    ['all H, scores 4', pupil('H', 4, 'D'), 'CHT'],
    ['all T, scores 10, qualities C', pupil('T', 10, 'C'), 'CHT'],
    ['all C', pupil('C', 10, 'T'), 'CHT'],
  ] as const)('%s → %s', (_name, p, level) => {
    expect(proposeYearResult(4, p.subjects, p.qualities).level).toBe(level);
  });

  it('one score of 8 among 10s keeps a pupil from HTXS, naming the subject and score', () => {
    const p = withSubject(pupil('T', 10, 'T'), 'toan', { score: 8 });
    const proposal = proposeYearResult(4, p.subjects, p.qualities);
    expect(proposal.level).toBe('HTT');
    expect(proposal.shortfalls).toEqual([{ kind: 'score', subject: 'toan', score: 8, needed: 9 }]);
  });

  it('one subject at H keeps a pupil from HTT, and the reason names it', () => {
    const p = withSubject(pupil('T', 10, 'T'), 'dao_duc', { level: 'H' });
    const proposal = proposeYearResult(4, p.subjects, p.qualities);
    expect(proposal.level).toBe('HT');
    expect(proposal.shortfalls).toEqual([{ kind: 'subject', subject: 'dao_duc', level: 'H', needed: ['T'] }]);
  });

  it('a score of 4 makes CHT with the score as the reason', () => {
    const p = withSubject(pupil('H', 8, 'D'), 'tieng_viet', { score: 4 });
    const proposal = proposeYearResult(4, p.subjects, p.qualities);
    expect(proposal.level).toBe('CHT');
    expect(proposal.shortfalls).toEqual([{ kind: 'score', subject: 'tieng_viet', score: 4, needed: 5 }]);
  });

  it('proposes nothing while entries are missing, and lists them', () => {
    const p = withSubject(pupil('T', 10, 'T'), 'khoa_hoc', { score: null });
    const incomplete = { subjects: p.subjects.filter((s) => s.subject !== 'gdtc'), qualities: p.qualities.slice(1) };
    const proposal = proposeYearResult(4, incomplete.subjects, incomplete.qualities);
    expect(proposal.level).toBeNull();
    expect(proposal.missing).toEqual([
      { kind: 'subject', subject: 'gdtc' },
      { kind: 'score', subject: 'khoa_hoc' },
      { kind: 'quality', item: QUALITY_ITEMS[0]!.key },
    ]);
  });

  it('counts an elective the pupil takes, but does not require one', () => {
    const p = pupil('T', 10, 'T');
    expect(proposeYearResult(4, p.subjects, p.qualities).level).toBe('HTXS');
    const withElective = [...p.subjects, { subject: 'tieng_dtts', level: 'H' as const, score: null }];
    expect(proposeYearResult(4, withElective, p.qualities).level).toBe('HT');
  });
});

describe('awards and promotion', () => {
  it.each([
    ['HS_XUAT_SAC', 'HTXS', true],
    ['HS_XUAT_SAC', 'HTT', false],
    ['HS_TIEU_BIEU', 'HTT', true],
    ['HS_TIEU_BIEU', 'HT', false],
    ['HS_TIEU_BIEU', 'HTXS', false],
    ['KHEN_DOT_XUAT', 'CHT', true],
    ['THU_KHEN', null, true],
  ] as const)('%s with %s → %s', (award, level, allowed) => {
    expect(awardAllowed(award, level)).toBe(allowed);
  });

  it.each([
    [3, 'HT', 'promoted'],
    [5, 'HTXS', 'completed_primary'],
    [2, 'CHT', 'pending'],
    [5, 'CHT', 'pending'],
  ] as const)('grade %i with %s → %s', (grade, level, decision) => {
    expect(defaultPromotion(grade, level)).toBe(decision);
  });
});

/**
 * The end of the year for a class: the result the TT27 rules propose for each pupil, with the reasons
 * when they fall short, and what the GVCN confirms — result, awards, completion/promotion, comment.
 */
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import { t, type Locale } from '../../../src-shared/i18n';
import { subjectName, subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  AWARD_LABELS,
  AWARD_REQUIRES,
  awardAllowed,
  completesGrade,
  defaultPromotion,
  PROMOTION_LABELS,
  proposeYearResult,
  QUALITY_ITEMS,
  QUALITY_LEVEL_LABELS,
  SUBJECT_LEVEL_LABELS,
  YEAR_LEVEL_LABELS,
  type Award,
  type Missing,
  type PromotionDecision,
  type QualityLevel,
  type QualityOutcome,
  type Shortfall,
  type SubjectLevel,
  type SubjectOutcome,
  type YearLevel,
  type YearProposal,
} from '../../../src-shared/domain/tt27';
import type { YearRow as YearResultView } from '../../../src-shared/api/assessment';
import { assertCanEditHomeroom, assertCanSeeClass, canEditHomeroom, loadClass, type AssessmentAccess } from './scope';
import { assertUnlocked, isLocked, readRules } from './points';
import { enrolledAt, rosterAt, type RosterPupil } from './roster';
import { conflictWith } from './gradebook';
import type { YearRow } from '../records/years';

export interface Outcomes {
  subjects: SubjectOutcome[];
  qualities: QualityOutcome[];
  /** Comments of the end-of-year subject entries, by subject key. */
  comments: Map<string, string>;
}

/**
 * Each pupil's end-of-year entries: every compulsory subject of the grade (empty when not entered), the
 * electives they have a result in, the score that counts (a re-test replaces the test), the qualities.
 */
export function endOfYearOutcomes(store: Store, schoolYearId: number, grade: number, pupilIds: readonly number[]) {
  const out = new Map<number, Outcomes>();
  if (pupilIds.length === 0) return out;
  const compulsory = subjectsForGrade(grade).filter((s) => !s.elective);
  const electives = new Set(
    subjectsForGrade(grade)
      .filter((s) => s.elective)
      .map((s) => s.key),
  );
  const ids = JSON.stringify(pupilIds);
  const subjectRows = store
    .statement(
      `SELECT pupil_id AS pupilId, subject, level, score, retest_score AS retestScore, comment FROM subject_results
       WHERE school_year_id = ? AND point = 'CUOI_NAM' AND pupil_id IN (SELECT value FROM json_each(?))`,
    )
    .all(schoolYearId, ids) as {
    pupilId: number;
    subject: string;
    level: SubjectLevel | null;
    score: number | null;
    retestScore: number | null;
    comment: string;
  }[];
  const qualityRows = store
    .statement(
      `SELECT pupil_id AS pupilId, item, level FROM quality_results
       WHERE school_year_id = ? AND point = 'CUOI_NAM' AND pupil_id IN (SELECT value FROM json_each(?))`,
    )
    .all(schoolYearId, ids) as { pupilId: number; item: string; level: QualityLevel | null }[];
  for (const id of pupilIds) out.set(id, { subjects: [], qualities: [], comments: new Map() });
  const entered = new Map<string, SubjectOutcome>();
  for (const r of subjectRows) {
    entered.set(`${r.pupilId}:${r.subject}`, { subject: r.subject, level: r.level, score: r.retestScore ?? r.score });
    out.get(r.pupilId)!.comments.set(r.subject, r.comment);
  }
  for (const id of pupilIds) {
    const o = out.get(id)!;
    for (const s of compulsory)
      o.subjects.push(entered.get(`${id}:${s.key}`) ?? { subject: s.key, level: null, score: null });
    for (const key of electives) {
      const e = entered.get(`${id}:${key}`);
      if (e && e.level !== null) o.subjects.push(e);
    }
  }
  for (const q of qualityRows) out.get(q.pupilId)!.qualities.push({ item: q.item, level: q.level });
  return out;
}

function itemName(key: string): string {
  return QUALITY_ITEMS.find((q) => q.key === key)?.name ?? key;
}

function describeShortfall(locale: Locale, s: Shortfall): string {
  switch (s.kind) {
    case 'subject':
      return t(locale, 'assessment.reason.subject', {
        subject: subjectName(s.subject),
        level: SUBJECT_LEVEL_LABELS[s.level],
      });
    case 'score':
      return t(locale, 'assessment.reason.score', {
        subject: subjectName(s.subject),
        score: s.score,
        needed: s.needed,
      });
    case 'quality':
      return t(locale, 'assessment.reason.quality', { item: itemName(s.item), level: QUALITY_LEVEL_LABELS[s.level] });
  }
}

function describeMissing(locale: Locale, m: Missing): string {
  switch (m.kind) {
    case 'subject':
      return t(locale, 'assessment.reason.missingSubject', { subject: subjectName(m.subject) });
    case 'score':
      return t(locale, 'assessment.reason.missingScore', { subject: subjectName(m.subject) });
    case 'quality':
      return t(locale, 'assessment.reason.missingQuality', { item: itemName(m.item) });
  }
}

export function reasonsOf(locale: Locale, proposal: YearProposal): string[] {
  return proposal.level === null
    ? proposal.missing.map((m) => describeMissing(locale, m))
    : proposal.shortfalls.map((s) => describeShortfall(locale, s));
}

interface ConfirmedDb {
  pupilId: number;
  result: YearLevel | null;
  awards: string;
  promotion: PromotionDecision | null;
  supplementary: string;
  comment: string;
  version: number;
}

const CONFIRMED_COLUMNS = `pupil_id AS pupilId, result, awards, promotion, supplementary, comment, version`;

export function confirmedResults(
  store: Store,
  schoolYearId: number,
  pupilIds: readonly number[],
): Map<number, ConfirmedDb> {
  const rows = store
    .statement(
      `SELECT ${CONFIRMED_COLUMNS} FROM year_results WHERE school_year_id = ? AND pupil_id IN (SELECT value FROM json_each(?))`,
    )
    .all(schoolYearId, JSON.stringify(pupilIds)) as ConfirmedDb[];
  return new Map(rows.map((r) => [r.pupilId, r]));
}

/** The domain's readonly arrays, copied to what the output schema types. */
function plainShortfall(s: Shortfall): YearResultView['shortfalls'][number] {
  switch (s.kind) {
    case 'subject':
      return { ...s, needed: [...s.needed] };
    case 'score':
      return { ...s };
    case 'quality':
      return { ...s, needed: [...s.needed] };
  }
}

function toView(
  locale: Locale,
  pupil: RosterPupil,
  proposal: YearProposal,
  confirmed: ConfirmedDb | undefined,
): YearResultView {
  return {
    ...pupil,
    proposed: proposal.level,
    missing: proposal.missing.map((m) => ({ ...m })),
    shortfalls: proposal.shortfalls.map(plainShortfall),
    reasons: reasonsOf(locale, proposal),
    result: confirmed?.result ?? null,
    awards: confirmed ? (JSON.parse(confirmed.awards) as Award[]) : [],
    promotion: confirmed?.promotion ?? null,
    supplementary: confirmed?.supplementary ?? '',
    comment: confirmed?.comment ?? '',
    version: confirmed?.version ?? 0,
  };
}

function proposalsFor(store: Store, year: YearRow, grade: number, pupils: readonly RosterPupil[]) {
  const rules = readRules(store);
  const outcomes = endOfYearOutcomes(
    store,
    year.id,
    grade,
    pupils.map((p) => p.pupilId),
  );
  return new Map(
    pupils.map((p) => {
      const o = outcomes.get(p.pupilId)!;
      return [p.pupilId, proposeYearResult(grade, o.subjects, o.qualities, rules)] as const;
    }),
  );
}

export function getYearResults(store: Store, access: AssessmentAccess, locale: Locale, classId: number) {
  const cls = loadClass(store, classId);
  assertCanSeeClass(store, access, cls);
  const year = resolveYear(store, cls.schoolYearId);
  const roster = rosterAt(store, cls, year, 'CUOI_NAM');
  const proposals = proposalsFor(store, year, cls.grade, roster);
  const confirmed = confirmedResults(
    store,
    year.id,
    roster.map((p) => p.pupilId),
  );
  const locked = isLocked(store, year.id, 'CUOI_NAM');
  return {
    classId: cls.id,
    className: cls.name,
    grade: cls.grade,
    locked,
    canEdit: !locked && canEditHomeroom(access, cls),
    rows: roster.map((p) => toView(locale, p, proposals.get(p.pupilId)!, confirmed.get(p.pupilId))),
  };
}

export interface YearEntry {
  classId: number;
  pupilId: number;
  result: YearLevel | null;
  awards: Award[];
  promotion: PromotionDecision | null;
  supplementary: string;
  comment: string;
  version: number;
}

/** The decisions that fit a result: completing the grade means going up (or finishing primary school). */
function allowedPromotions(grade: number, result: YearLevel): PromotionDecision[] {
  if (completesGrade(result)) return [defaultPromotion(grade, result)];
  return grade >= 5 ? ['pending', 'not_promoted', 'completed_primary'] : ['pending', 'not_promoted', 'promoted'];
}

function assertDecisionsValid(grade: number, entry: YearEntry): PromotionDecision | null {
  for (const award of entry.awards) {
    if (!awardAllowed(award, entry.result)) {
      throw new AppError(
        'rule_violation',
        'assessment.award.notAllowed',
        {
          award: AWARD_LABELS[award],
          level: YEAR_LEVEL_LABELS[AWARD_REQUIRES[award] ?? 'HT'],
        },
        { field: 'awards' },
      );
    }
  }
  if (entry.result === null) {
    if (entry.promotion !== null) {
      throw new AppError('rule_violation', 'assessment.promotion.needsResult', {}, { field: 'promotion' });
    }
    return null;
  }
  if (entry.promotion === null) return defaultPromotion(grade, entry.result);
  if (!allowedPromotions(grade, entry.result).includes(entry.promotion)) {
    throw new AppError(
      'rule_violation',
      'assessment.promotion.inconsistent',
      { decision: PROMOTION_LABELS[entry.promotion], level: YEAR_LEVEL_LABELS[entry.result], grade },
      { field: 'promotion' },
    );
  }
  return entry.promotion;
}

export function saveYearResult(
  store: Store,
  access: AssessmentAccess,
  locale: Locale,
  entry: YearEntry,
): YearResultView {
  const cls = loadClass(store, entry.classId);
  assertCanSeeClass(store, access, cls);
  assertCanEditHomeroom(access, cls);
  const year = resolveYear(store, cls.schoolYearId);
  assertUnlocked(store, year, 'CUOI_NAM');
  if (!enrolledAt(store, cls, year, 'CUOI_NAM', entry.pupilId)) {
    throw new AppError(
      'rule_violation',
      'assessment.pupilNotInClass',
      { class: cls.name, point: 'Cuối năm học' },
      { field: 'pupilId' },
    );
  }
  const promotion = assertDecisionsValid(cls.grade, entry);
  const awards = [...new Set(entry.awards)];
  return store.transaction(() => {
    const roster = rosterAt(store, cls, year, 'CUOI_NAM').filter((p) => p.pupilId === entry.pupilId);
    const proposal = proposalsFor(store, year, cls.grade, roster).get(entry.pupilId)!;
    const existing = confirmedResults(store, year.id, [entry.pupilId]).get(entry.pupilId);
    if ((existing?.version ?? 0) !== entry.version) {
      throw conflictWith(store, entry.pupilId, toView(locale, roster[0]!, proposal, existing));
    }
    const now = Date.now();
    if (existing) {
      store
        .statement(
          `UPDATE year_results SET result = ?, awards = ?, promotion = ?, supplementary = ?, comment = ?, class_id = ?,
             version = version + 1, updated_by = ?, updated_at = ? WHERE pupil_id = ? AND school_year_id = ?`,
        )
        .run(
          entry.result,
          JSON.stringify(awards),
          promotion,
          entry.supplementary,
          entry.comment,
          cls.id,
          access.user.id,
          now,
          entry.pupilId,
          year.id,
        );
    } else {
      store
        .statement(
          `INSERT INTO year_results (pupil_id, school_year_id, class_id, result, awards, promotion, supplementary, comment,
             version, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(
          entry.pupilId,
          year.id,
          cls.id,
          entry.result,
          JSON.stringify(awards),
          promotion,
          entry.supplementary,
          entry.comment,
          access.user.id,
          now,
          now,
        );
    }
    const saved = confirmedResults(store, year.id, [entry.pupilId]).get(entry.pupilId);
    return toView(locale, roster[0]!, proposal, saved);
  });
}

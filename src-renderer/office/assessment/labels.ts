/** How TT27 values read on screen, in the screen's language, and the colours the boards use. */
import {
  PERIODIC_POINTS,
  QUALITY_ITEMS,
  type Award,
  type PeriodicPoint,
  type PromotionDecision,
  type QualityItem,
  type QualityLevel,
  type SubjectLevel,
  type YearLevel,
} from '../../../src-shared/domain/tt27';
import type { SchoolYear } from '../../../src-shared/api/school';
import type { Translate } from '../../i18n/LocaleContext';
import { isMessageKey } from '../admin/audit/auditLabels';
import { likelyPoint } from '../../../src-shared/domain/likelyPoint';

export const pointLabel = (t: Translate, point: PeriodicPoint) => t(`assessmentUi.point.${point}`);
export const levelLabel = (t: Translate, level: SubjectLevel) => t(`assessmentUi.level.${level}`);
export const qualityLevelLabel = (t: Translate, level: QualityLevel) => t(`assessmentUi.qualityLevel.${level}`);
export const yearLevelLabel = (t: Translate, level: YearLevel) => t(`assessmentUi.yearLevel.${level}`);
export const awardLabel = (t: Translate, award: Award) => t(`assessmentUi.award.${award}`);
export const promotionLabel = (t: Translate, decision: PromotionDecision) => t(`assessmentUi.promotion.${decision}`);
export const qualityGroupLabel = (t: Translate, group: QualityItem['group']) => t(`assessmentUi.qualityGroup.${group}`);

/** A quality or competence by its key; the domain's Vietnamese name if the catalog lacks it. */
export function qualityItemLabel(t: Translate, key: string): string {
  const messageKey = `assessmentUi.quality.${key}`;
  if (isMessageKey(messageKey)) return t(messageKey);
  return QUALITY_ITEMS.find((q) => q.key === key)?.name ?? key;
}

/** Colours of T/H/C on charts: green, blue, red as on the paper forms' highlights. */
export const LEVEL_FILLS: Record<SubjectLevel, string> = { T: '#389e0d', H: '#1677ff', C: '#cf1322' };
export const LEVEL_TAGS: Record<SubjectLevel, string> = { T: 'green', H: 'blue', C: 'red' };
export const YEAR_LEVEL_TAGS: Record<YearLevel, string> = { HTXS: 'gold', HTT: 'green', HT: 'blue', CHT: 'red' };

// The server's home page names the same point; one rule for both.
export { likelyPoint };

/**
 * Whether the year's results are due on `today`: from the time teachers enter the end-of-year point (as
 * `likelyPoint` reckons it) on. Before then nobody has results to propose from, and the year sheet says so
 * rather than listing every missing entry of every pupil.
 */
export function yearResultsDue(year: SchoolYear | undefined, today: string): boolean {
  return year === undefined || likelyPoint(year, today) === 'CUOI_NAM';
}

/**
 * The point the statistics open on: the likely one when it has results, else the latest one that has,
 * else the likely one still (which then says it has none).
 */
export function openingPoint(likely: PeriodicPoint, withResults: readonly PeriodicPoint[]): PeriodicPoint {
  if (withResults.length === 0 || withResults.includes(likely)) return likely;
  return PERIODIC_POINTS.filter((p) => withResults.includes(p)).at(-1) ?? likely;
}

/** A quality's short column title ("TC-TH"); its full name where the catalog has no short one. */
export function qualityShortLabel(t: Translate, key: string): string {
  const messageKey = `assessmentUi.qualityShort.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : qualityItemLabel(t, key);
}

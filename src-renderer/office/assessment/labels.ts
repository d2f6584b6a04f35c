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

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function midpoint(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date((a + b) / 2).toISOString().slice(0, 10);
}

/**
 * The point teachers are most likely entering on `today`: each one until about three weeks after its
 * date (the middle of a term, the end of a term), when the results are in.
 */
export function likelyPoint(year: SchoolYear | undefined, today: string): PeriodicPoint {
  if (!year) return PERIODIC_POINTS[0];
  const limits: [PeriodicPoint, string][] = [
    ['GIUA_HK1', addDays(midpoint(year.startDate, year.term1End), 21)],
    ['CUOI_HK1', addDays(year.term1End, 21)],
    ['GIUA_HK2', addDays(midpoint(year.term2Start, year.endDate), 21)],
  ];
  return limits.find(([, until]) => today <= until)?.[0] ?? 'CUOI_NAM';
}

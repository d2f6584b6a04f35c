/** How school-health values read on screen: bands with their colours, blood groups, BMI, z, age. */
import type { Locale } from '../../../src-shared/i18n';
import type { BmiBand } from '../../../src-shared/domain/growth';
import type { Translate } from '../../i18n/LocaleContext';
import { numberFormat } from '../../lib/format';
import { isMessageKey } from '../admin/audit/auditLabels';

/**
 * antd tag colours on a diverging scale: thin bands blue, heavy bands warm, stronger further from
 * normal, so the two extremes can never be mistaken for each other in a bar or a legend.
 */
export const BAND_COLORS: Record<BmiBand, string> = {
  severe_thinness: 'geekblue',
  thinness: 'blue',
  normal: 'green',
  overweight: 'orange',
  obesity: 'red',
};

/** The same scale as plain colours, for the bars of the summary and the chart. */
export const BAND_FILLS: Record<BmiBand, string> = {
  severe_thinness: '#1d39c4',
  thinness: '#69b1ff',
  normal: '#52c41a',
  overweight: '#fa8c16',
  obesity: '#cf1322',
};

export function bandLabel(t: Translate, band: BmiBand | null): string {
  return t(band ? `health.band.${band}` : 'health.band.none');
}

export function bloodGroupLabel(t: Translate, code: string): string {
  const key = `health.bloodGroup.${code}`;
  return isMessageKey(key) ? t(key) : t('health.pupil.notRecorded');
}

function fixedDigits(locale: Locale, digits: number): Intl.NumberFormat {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A height or weight on screen: always one decimal, as health cards write them, so "22,0" stands
 * beside "21,5" and never "22" beside "21,5".
 */
export function formatMeasure(value: number | null, locale: Locale): string {
  return value === null ? '' : fixedDigits(locale, 1).format(value);
}

/**
 * A measurement put back into a field to edit: the same look, but the second decimal a nurse may
 * have typed is kept, so that saving an untouched row never rounds what was recorded.
 */
export function measureDraft(value: number | null, locale: Locale): string {
  return value === null
    ? ''
    : numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

/** BMI with one decimal, as on health cards. */
export function formatBmi(value: number | null, locale: Locale): string {
  return value === null ? '' : fixedDigits(locale, 1).format(value);
}

/** A z-score with its sign and two decimals: "+1,52". */
export function formatZ(value: number | null, locale: Locale): string {
  if (value === null) return '';
  const text = fixedDigits(locale, 2).format(Math.abs(value));
  return `${value < 0 ? '−' : '+'}${text}`;
}

export function ageLabel(t: Translate, months: number): string {
  return t('health.age', { years: Math.floor(months / 12), months: months % 12 });
}

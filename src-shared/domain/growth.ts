/**
 * Growth of a pupil: BMI, age in completed months, and the WHO 2007 BMI-for-age z-score with its band
 * (5–19 years). Pure functions, shared by the server (which stores what it computes) and the screens
 * (which show the same numbers while the nurse types).
 *
 * The z-score follows WHO, "Computation of centiles and z-scores for height-for-age, weight-for-age and
 * BMI-for-age" (2007 reference): the LMS formula inside ±3 SD, and beyond it the "restricted
 * application", which measures the distance past ±3 SD in units of the 2–3 SD distance at that age,
 * because the fitted skewed curve is not trusted so far out.
 */
import type { MessageKey } from '../i18n';
import { BMI_FOR_AGE_BOYS, BMI_FOR_AGE_GIRLS, type LmsRow } from './who2007BmiForAge';

export type Sex = 'male' | 'female';

/** WHO bands for 5–19 years, from thinnest to heaviest. */
export const BMI_BANDS = ['severe_thinness', 'thinness', 'normal', 'overweight', 'obesity'] as const;
export type BmiBand = (typeof BMI_BANDS)[number];

/** The ages (completed months) the WHO 2007 BMI-for-age reference covers. */
export const WHO_2007_MONTHS = { min: 61, max: 228 } as const;

/** Plausible measurements of a primary pupil: outside these, the number was mistyped. */
export const HEIGHT_CM = { min: 80, max: 190 } as const;
export const WEIGHT_KG = { min: 10, max: 120 } as const;

/** kg / m², at full precision (round only for display). */
export function bmi(heightCm: number, weightKg: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/** BMI as shown on screens and cards: one decimal. */
export function roundBmi(value: number): number {
  return Math.round(value * 10) / 10;
}

function parseIsoDate(value: string): [number, number, number] {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Completed months from the birth date to a date (both 'yyyy-MM-dd'). A month is completed on the same
 * day of the month, or on the last day of a month too short to have that day (born 31/1: one month on
 * 28/2). Negative when onDate is before the birth.
 */
export function ageInMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parseIsoDate(birthDate);
  const [y, m, d] = parseIsoDate(onDate);
  let months = (y - by) * 12 + (m - bm);
  const monthEnded = d === daysInMonth(y, m);
  if (d < bd && !monthEnded) months -= 1;
  return months;
}

function lmsRow(sex: Sex, months: number): LmsRow | null {
  if (!Number.isInteger(months) || months < WHO_2007_MONTHS.min || months > WHO_2007_MONTHS.max) return null;
  const table = sex === 'male' ? BMI_FOR_AGE_BOYS : BMI_FOR_AGE_GIRLS;
  const row = table[months - WHO_2007_MONTHS.min];
  // The table is dense (one row a month); the check guards against an edited table.
  return row && row[0] === months ? row : null;
}

/** The value at a given z of an LMS distribution: M·(1 + L·S·z)^(1/L). */
export function lmsValue(l: number, m: number, s: number, z: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * Math.pow(1 + l * s * z, 1 / l);
}

/** The BMI at `z` SD for a sex and age, as in WHO's SD columns; null outside 61–228 months. */
export function bmiAtZ(sex: Sex, months: number, z: number): number | null {
  const row = lmsRow(sex, months);
  return row ? lmsValue(row[1], row[2], row[3], z) : null;
}

/** WHO's z-score of a measurement y, with the restricted application beyond ±3 SD. */
export function lmsZ(l: number, m: number, s: number, y: number): number {
  const z = l === 0 ? Math.log(y / m) / s : (Math.pow(y / m, l) - 1) / (l * s);
  if (z > 3) {
    const sd3 = lmsValue(l, m, s, 3);
    const sd2 = lmsValue(l, m, s, 2);
    return 3 + (y - sd3) / (sd3 - sd2);
  }
  if (z < -3) {
    const sd3 = lmsValue(l, m, s, -3);
    const sd2 = lmsValue(l, m, s, -2);
    return -3 + (y - sd3) / (sd2 - sd3);
  }
  return z;
}

/** The band of a BMI-for-age z-score (WHO, 5–19 years). */
export function bandForZ(z: number): BmiBand {
  if (z < -3) return 'severe_thinness';
  if (z < -2) return 'thinness';
  if (z <= 1) return 'normal';
  if (z <= 2) return 'overweight';
  return 'obesity';
}

/** The BMI-for-age z-score and band; null when the age is outside the reference (61–228 months). */
export function bmiForAge(sex: Sex, months: number, bmiValue: number): { z: number; band: BmiBand } | null {
  const row = lmsRow(sex, months);
  if (!row || !(bmiValue > 0) || !Number.isFinite(bmiValue)) return null;
  const z = lmsZ(row[1], row[2], row[3], bmiValue);
  return { z, band: bandForZ(z) };
}

/**
 * WHO treats a BMI-for-age z beyond ±5 as biologically implausible: almost always a typing mistake
 * (height and weight swapped, a digit too many). Screens ask the nurse to check the numbers.
 */
export function isImplausibleZ(z: number): boolean {
  return Math.abs(z) > 5;
}

/** Everything a check derives from its measurements, for the pupil's sex and age on the check date. */
export interface GrowthResult {
  bmi: number | null;
  bmiZ: number | null;
  bmiBand: BmiBand | null;
}

export function growthOf(
  pupil: { sex: Sex; birthDate: string },
  date: string,
  heightCm: number | null,
  weightKg: number | null,
): GrowthResult {
  if (heightCm === null || weightKg === null) return { bmi: null, bmiZ: null, bmiBand: null };
  const value = bmi(heightCm, weightKg);
  const forAge = bmiForAge(pupil.sex, ageInMonths(pupil.birthDate, date), value);
  return { bmi: value, bmiZ: forAge?.z ?? null, bmiBand: forAge?.band ?? null };
}

// ---------------------------------------------------------------------------------------- validation

/** Why a height is not plausible for a primary pupil, or null. */
export function heightProblem(heightCm: number): MessageKey | null {
  return Number.isFinite(heightCm) && heightCm >= HEIGHT_CM.min && heightCm <= HEIGHT_CM.max
    ? null
    : 'health.validation.height';
}

/** Why a weight is not plausible for a primary pupil, or null. */
export function weightProblem(weightKg: number): MessageKey | null {
  return Number.isFinite(weightKg) && weightKg >= WEIGHT_KG.min && weightKg <= WEIGHT_KG.max
    ? null
    : 'health.validation.weight';
}

/**
 * A number as typed on a Vietnamese keyboard: "125,5" or "125.5"; null when empty, NaN when not a
 * number at all (so the caller can say so rather than silently dropping it).
 */
export function parseMeasurement(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

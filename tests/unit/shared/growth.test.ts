/**
 * BMI, age and the WHO 2007 BMI-for-age z-score, checked against WHO's own published numbers:
 * - the SD columns of the expanded tables (bmi-boys/girls-z-who-2007-exp.xlsx), to 3 decimals;
 * - the simplified field tables "BMI-for-age, 5 to 19 years (z-scores)", to 1 decimal, at 5:1, 10:0
 *   and 19:0 years for both sexes;
 * and the band cut-offs and the restricted LMS method beyond ±3 SD from WHO's "Computation of centiles
 * and z-scores" (2007 reference).
 */
import { describe, expect, it } from 'vitest';
import {
  ageInMonths,
  bandForZ,
  bmi,
  bmiAtZ,
  bmiForAge,
  growthOf,
  heightProblem,
  isImplausibleZ,
  parseMeasurement,
  roundBmi,
  weightProblem,
  type Sex,
} from '../../../src-shared/domain/growth';
import { normalizeInsuranceNumber, normalizeVision, INSURANCE_NUMBER_PATTERN } from '../../../src-shared/api/health';

const SDS = [-3, -2, -1, 0, 1, 2, 3] as const;

/** WHO expanded tables, SD columns (3 decimals). */
const EXPANDED: [Sex, number, (typeof SDS)[number], number][] = [
  ['male', 61, 2, 18.259],
  ['male', 61, 3, 20.166],
  ['female', 228, -2, 16.497],
];

/** WHO simplified field tables: −3, −2, −1, median, +1, +2, +3 SD (1 decimal). */
const FIELD_TABLE: [Sex, number, number[]][] = [
  ['male', 61, [12.1, 13.0, 14.1, 15.3, 16.6, 18.3, 20.2]],
  ['female', 61, [11.8, 12.7, 13.9, 15.2, 16.9, 18.9, 21.3]],
  ['male', 120, [12.8, 13.7, 14.9, 16.4, 18.5, 21.4, 26.1]],
  ['female', 120, [12.4, 13.5, 14.8, 16.6, 19.0, 22.6, 28.4]],
  ['male', 228, [15.9, 17.6, 19.6, 22.2, 25.4, 29.7, 35.5]],
  ['female', 228, [14.7, 16.5, 18.7, 21.4, 25.0, 29.7, 36.2]],
];

describe('BMI', () => {
  it('is kg/m² at full precision, shown with one decimal', () => {
    expect(bmi(125, 25)).toBe(16);
    expect(bmi(130.5, 27.3)).toBeCloseTo(27.3 / 1.305 ** 2, 12);
    expect(roundBmi(bmi(130.5, 27.3))).toBe(16.0);
    expect(roundBmi(16.349)).toBe(16.3);
    expect(roundBmi(16.35001)).toBe(16.4);
  });
});

describe('age in completed months', () => {
  it.each([
    ['2018-03-15', '2023-04-14', 60],
    ['2018-03-15', '2023-04-15', 61],
    ['2018-03-15', '2023-03-15', 60],
    ['2018-01-31', '2018-02-28', 1], // the last day of a short month completes the month
    ['2016-01-31', '2016-02-28', 0], // …but not before it ends in a leap year
    ['2016-01-31', '2016-02-29', 1],
    ['2019-12-31', '2020-11-30', 11],
    ['2019-09-05', '2019-09-04', -1],
    ['2005-06-01', '2024-06-01', 228],
  ])('born %s, on %s: %i', (born, on, months) => {
    expect(ageInMonths(born, on)).toBe(months);
  });
});

describe('WHO 2007 BMI-for-age', () => {
  it.each(EXPANDED)('%s, %i months, SD %i = %f (expanded table)', (sex, months, sd, value) => {
    expect(bmiAtZ(sex, months, sd)).toBeCloseTo(value, 3);
    // …and that BMI is exactly that many SD away.
    expect(bmiForAge(sex, months, value)!.z).toBeCloseTo(sd, 3);
  });

  it.each(FIELD_TABLE)('%s, %i months: the simplified field table', (sex, months, values) => {
    SDS.forEach((sd, i) => {
      expect(Math.abs(bmiAtZ(sex, months, sd)! - values[i]!), `SD ${sd}`).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  it('is 0 at the median and the LMS z-score inside ±3 SD', () => {
    expect(bmiForAge('female', 96, 15.681)!.z).toBeCloseTo(0, 10);
    // Boys, 61 months: L −0.7387, M 15.2641, S 0.0839.
    const y = 17.0;
    const lms = ((y / 15.2641) ** -0.7387 - 1) / (-0.7387 * 0.0839);
    expect(bmiForAge('male', 61, y)!.z).toBeCloseTo(lms, 12);
  });

  it('measures beyond ±3 SD in units of the 2–3 SD distance (restricted application)', () => {
    // Boys, 61 months: SD2 18.259, SD3 20.166, so one more "SD" is 1.907 BMI units.
    const sd3 = bmiAtZ('male', 61, 3)!;
    const sd2 = bmiAtZ('male', 61, 2)!;
    expect(bmiForAge('male', 61, sd3 + (sd3 - sd2))!.z).toBeCloseTo(4, 10);
    expect(bmiForAge('male', 61, 20.166 + 1.907 * 0.5)!.z).toBeCloseTo(3.5, 2);
    // Plain LMS would say more than 4 here: the skewed upper tail stretches.
    const y = 24;
    const plain = ((y / 15.2641) ** -0.7387 - 1) / (-0.7387 * 0.0839);
    const restricted = bmiForAge('male', 61, y)!.z;
    expect(restricted).toBeCloseTo(3 + (y - sd3) / (sd3 - sd2), 10);
    expect(plain).not.toBeCloseTo(restricted, 1);

    // Girls, 228 months, below −3 SD: SD−3 and SD−2 from the same table.
    const neg3 = bmiAtZ('female', 228, -3)!;
    const neg2 = bmiAtZ('female', 228, -2)!;
    expect(neg2).toBeCloseTo(16.497, 3);
    expect(bmiForAge('female', 228, neg3 - (neg2 - neg3))!.z).toBeCloseTo(-4, 10);
    expect(bmiForAge('female', 228, 13)!.z).toBeCloseTo(-3 + (13 - neg3) / (neg2 - neg3), 10);
  });

  it('gives no z-score outside 61–228 months', () => {
    expect(bmiForAge('male', 60, 15)).toBeNull();
    expect(bmiForAge('female', 229, 20)).toBeNull();
    expect(bmiForAge('male', 61, 15)).not.toBeNull();
    expect(bmiForAge('female', 228, 20)).not.toBeNull();
    expect(bmiForAge('male', 100, 0)).toBeNull();
  });
});

describe('bands (WHO, 5–19 years)', () => {
  it.each([
    [-3.5, 'severe_thinness'],
    [-3.0001, 'severe_thinness'],
    [-3, 'thinness'],
    [-2.0001, 'thinness'],
    [-2, 'normal'],
    [0, 'normal'],
    [1, 'normal'],
    [1.0001, 'overweight'],
    [2, 'overweight'],
    [2.0001, 'obesity'],
    [4, 'obesity'],
  ] as const)('z %f: %s', (z, band) => {
    expect(bandForZ(z)).toBe(band);
  });

  it('puts real measurements in the band their z-score says, either side of each cut-off', () => {
    for (const [sex, months] of [
      ['male', 61],
      ['female', 90],
      ['male', 130],
      ['female', 228],
    ] as const) {
      const at = (z: number) => bmiForAge(sex, months, bmiAtZ(sex, months, z)!)!.band;
      expect([at(-3.01), at(-2.99)]).toEqual(['severe_thinness', 'thinness']);
      expect([at(-2.01), at(-1.99)]).toEqual(['thinness', 'normal']);
      expect([at(0.99), at(1.01)]).toEqual(['normal', 'overweight']);
      expect([at(1.99), at(2.01)]).toEqual(['overweight', 'obesity']);
    }
  });

  it('computes a check from height, weight, sex and the date', () => {
    const pupil = { sex: 'female' as const, birthDate: '2017-05-20' };
    const result = growthOf(pupil, '2024-09-15', 122, 22.5);
    const months = ageInMonths(pupil.birthDate, '2024-09-15');
    expect(months).toBe(87);
    expect(result.bmi).toBeCloseTo(22.5 / 1.22 ** 2, 12);
    expect(result.bmiZ).toBeCloseTo(bmiForAge('female', 87, result.bmi!)!.z, 12);
    expect(result.bmiBand).toBe('normal');
    expect(growthOf(pupil, '2024-09-15', 122, null)).toEqual({ bmi: null, bmiZ: null, bmiBand: null });
    // Under five: a BMI, but no WHO 5–19 band.
    expect(growthOf(pupil, '2021-09-15', 100, 15)).toMatchObject({ bmiZ: null, bmiBand: null });
    expect(isImplausibleZ(5.5)).toBe(true);
    expect(isImplausibleZ(-4.9)).toBe(false);
  });
});

describe('validation helpers', () => {
  it('accepts plausible primary-pupil measurements only', () => {
    expect(heightProblem(80)).toBeNull();
    expect(heightProblem(190)).toBeNull();
    expect(heightProblem(79.9)).toBe('health.validation.height');
    expect(heightProblem(1250)).toBe('health.validation.height');
    expect(heightProblem(Number.NaN)).toBe('health.validation.height');
    expect(weightProblem(10)).toBeNull();
    expect(weightProblem(120)).toBeNull();
    expect(weightProblem(9.9)).toBe('health.validation.weight');
    expect(weightProblem(250)).toBe('health.validation.weight');
  });

  it('reads numbers typed with a comma or a dot', () => {
    expect(parseMeasurement('125,5')).toBe(125.5);
    expect(parseMeasurement(' 23.4 ')).toBe(23.4);
    expect(parseMeasurement('')).toBeNull();
    expect(parseMeasurement('12a')).toBeNaN();
    expect(parseMeasurement('-3')).toBeNaN();
  });

  it('normalises vision and insurance numbers as the nurse types them', () => {
    expect(normalizeVision('8')).toBe('8/10');
    expect(normalizeVision(' 10 / 10 ')).toBe('10/10');
    expect(normalizeVision('')).toBe('');
    expect(normalizeInsuranceNumber('hs 4 01 0100123456')).toBe('HS4010100123456');
    expect(INSURANCE_NUMBER_PATTERN.test('HS4010100123456')).toBe(true);
    expect(INSURANCE_NUMBER_PATTERN.test('HS401010012345')).toBe(false);
    expect(INSURANCE_NUMBER_PATTERN.test('H54010100123456')).toBe(false);
  });
});

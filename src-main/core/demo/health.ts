/**
 * Demo school health data: one check in September of the current school year for every pupil, with
 * heights and weights drawn around what Vietnamese primary pupils measure (so the summary shows mostly
 * "normal", some overweight and a few thin pupils), and health profiles with a BHYT card for most.
 * Deterministic, like the rest of the demo school. Runs once: a database that already has checks is
 * left alone.
 */
import type { Store } from '../../store/open';
import { healthChecks, healthProfiles } from '../health/schema';
import { ageInMonths, bmiAtZ, growthOf, type Sex } from '../../../src-shared/domain/growth';
import { todayIso } from '../../../src-shared/domain/dates';
import { normal, pickWeighted as pick, rng } from './random';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Typical height of a Vietnamese primary pupil: about 116 cm at six, gaining 5.5–6 cm a year. */
function typicalHeight(sex: Sex, months: number): number {
  const years = months / 12;
  return 116 + (years - 6) * (sex === 'male' ? 5.6 : 5.9);
}

const VISION = [
  ['10/10', 80],
  ['9/10', 6],
  ['8/10', 6],
  ['7/10', 4],
  ['5/10', 3],
  ['3/10', 1],
] as const;

// NhomMau: '' not recorded, 1 A, 2 B, 3 AB, 4 O.
const BLOOD = [
  ['', 35],
  ['4', 27],
  ['2', 20],
  ['1', 14],
  ['3', 4],
] as const;

const ALLERGIES = [
  ['', 90],
  ['Dị ứng hải sản (tôm, cua)', 4],
  ['Dị ứng sữa bò', 2],
  ['Dị ứng penicillin', 2],
  ['Dị ứng phấn hoa, bụi nhà', 2],
] as const;

const CONDITIONS = [
  ['', 93],
  ['Hen phế quản', 3],
  ['Viêm mũi dị ứng', 3],
  ['Tim bẩm sinh, đang theo dõi', 1],
] as const;

interface DemoPupil {
  id: number;
  sex: Sex;
  birthDate: string;
}

export function seedDemoHealth(store: Store, now: Date = new Date()): void {
  if (store.statement('SELECT 1 FROM health_checks LIMIT 1').get()) return;
  const year = store
    .statement('SELECT id, name, start_date AS startDate FROM school_years WHERE is_current = 1')
    .get() as { id: number; name: string; startDate: string } | undefined;
  if (!year) return;
  const startYear = Number(year.startDate.slice(0, 4));
  // Mid-September, or today when the demo is opened before that.
  const september = `${startYear}-09-15`;
  const today = todayIso(now);
  const date = today < september ? today : september;
  const pupils = store
    .statement(
      `SELECT DISTINCT p.id, p.sex, p.birth_date AS birthDate FROM pupils p
       JOIN enrolments e ON e.pupil_id = p.id
       WHERE e.school_year_id = ? AND e.end_date IS NULL ORDER BY p.id`,
    )
    .all(year.id) as DemoPupil[];
  const next = rng(20240915);
  const ts = now.getTime();

  store.transaction(() => {
    for (const pupil of pupils) {
      const months = ageInMonths(pupil.birthDate, date);
      // BMI z drawn slightly right of the WHO median, as in Vietnamese cities: about one pupil in six
      // overweight, a few obese or thin.
      const z = 0.1 + 1.05 * normal(next);
      const targetBmi = bmiAtZ(pupil.sex, months, z) ?? 15.5;
      const heightCm = round1(typicalHeight(pupil.sex, months) + 5 * normal(next));
      const weightKg = round1(targetBmi * (heightCm / 100) ** 2);
      const growth = growthOf(pupil, date, heightCm, weightKg);
      store.orm
        .insert(healthChecks)
        .values({
          pupilId: pupil.id,
          schoolYearId: year.id,
          date,
          heightCm,
          weightKg,
          bmi: growth.bmi,
          bmiZ: growth.bmiZ,
          bmiBand: growth.bmiBand,
          visionLeft: pick(next, VISION),
          visionRight: pick(next, VISION),
          notes: '',
          createdAt: ts,
          updatedAt: ts,
        })
        .run();

      // Most pupils have their school BHYT card: HS (pupil), benefit level 4, province 01, BHXH number.
      const insured = next() < 0.92;
      store.orm
        .insert(healthProfiles)
        .values({
          pupilId: pupil.id,
          insuranceNumber: insured
            ? `HS40101${String(pupil.id).padStart(4, '0')}${String(Math.floor(next() * 1e4)).padStart(4, '0')}`
            : '',
          insuranceExpiry: insured ? `${startYear + 1}-12-31` : null,
          bloodGroup: pick(next, BLOOD),
          chronicConditions: pick(next, CONDITIONS),
          allergies: pick(next, ALLERGIES),
          vaccinationNotes: next() < 0.95 ? 'Đã tiêm đủ các mũi của chương trình tiêm chủng mở rộng' : '',
          version: 1,
          updatedAt: ts,
        })
        .run();
    }
  });
}

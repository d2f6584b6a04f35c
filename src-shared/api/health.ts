/**
 * School health (y tế học đường): checks (height, weight, BMI with its WHO band, vision) and each
 * pupil's health profile. Sensitive personal data: readable by the medical role, the principal and the
 * pupil's homeroom teacher only; every read is audited.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { id, isoDate, isoDateTime, optionalText, version } from './common';
import { msg } from '../i18n';
import { BMI_BANDS, heightProblem, weightProblem } from '../domain/growth';

export { BMI_BANDS, type BmiBand } from '../domain/growth';

/** NhomMau codes of the sector database; '' when not recorded. */
export const BLOOD_GROUPS = ['1', '2', '3', '4', '5'] as const;

// ------------------------------------------------------------------------------------------ fields

const heightCm = z.number().refine((v) => heightProblem(v) === null, { error: msg('health.validation.height') });
const weightKg = z.number().refine((v) => weightProblem(v) === null, { error: msg('health.validation.weight') });

/** Visual acuity as written on the health card: "n/10" with n from 1 to 10. */
export const VISION_PATTERN = /^([1-9]|10)\/10$/;

/** What the nurse types for vision, as stored: "8" and "8 / 10" both mean "8/10". */
export function normalizeVision(text: string): string {
  const compact = text.replace(/\s+/g, '');
  return /^\d{1,2}$/.test(compact) ? `${Number(compact)}/10` : compact;
}

const vision = z
  .string()
  .max(10)
  .transform(normalizeVision)
  .refine((v) => v === '' || VISION_PATTERN.test(v), { error: msg('health.validation.vision') })
  .default('');

/**
 * Số thẻ BHYT: 15 characters, two letters (the holder's group, HS for pupils) then 13 digits. Cards
 * print it with spaces; they are dropped.
 */
export const INSURANCE_NUMBER_PATTERN = /^[A-Z]{2}\d{13}$/;

export function normalizeInsuranceNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

const insuranceNumber = z
  .string()
  .max(40)
  .transform(normalizeInsuranceNumber)
  .refine((v) => v === '' || INSURANCE_NUMBER_PATTERN.test(v), { error: msg('health.validation.insuranceNumber') })
  .default('');

/** What one check records; the server computes BMI, z-score and band from it. */
export const checkFields = {
  date: isoDate,
  heightCm: heightCm.nullable().default(null),
  weightKg: weightKg.nullable().default(null),
  visionLeft: vision,
  visionRight: vision,
  notes: optionalText(500),
};

export const profileFields = {
  insuranceNumber,
  insuranceExpiry: isoDate.nullable().default(null),
  bloodGroup: z.union([z.literal(''), z.enum(BLOOD_GROUPS)]).default(''),
  chronicConditions: optionalText(1000),
  allergies: optionalText(1000),
  vaccinationNotes: optionalText(1000),
};

// ------------------------------------------------------------------------------------------ views

const sex = z.enum(['male', 'female']);
const bmiBand = z.enum(BMI_BANDS);

export const checkView = z.object({
  id,
  pupilId: id,
  /** The school year the date falls in, when the school has that year. */
  schoolYearId: id.nullable(),
  date: z.string(),
  /** Completed months on the check date. */
  ageMonths: z.number().int(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  /** Full precision; screens round to one decimal. */
  bmi: z.number().nullable(),
  /** WHO 2007 BMI-for-age z-score and band: null without both measurements or outside 61–228 months. */
  bmiZ: z.number().nullable(),
  bmiBand: bmiBand.nullable(),
  visionLeft: z.string(),
  visionRight: z.string(),
  notes: z.string(),
  createdBy: z.string().nullable(),
  version,
  updatedAt: isoDateTime,
});
export type CheckView = z.infer<typeof checkView>;

export const profileView = z.object({
  pupilId: id,
  insuranceNumber: z.string(),
  insuranceExpiry: z.string().nullable(),
  bloodGroup: z.string(),
  chronicConditions: z.string(),
  allergies: z.string(),
  vaccinationNotes: z.string(),
  /** 0 while the pupil has no profile yet: the first update sends 0. */
  version,
  updatedAt: isoDateTime.nullable(),
});
export type ProfileView = z.infer<typeof profileView>;

export const healthPupil = z.object({
  id,
  fullName: z.string(),
  sex,
  birthDate: z.string(),
  /** The class the pupil is in now (or was last in), for the heading. */
  className: z.string().nullable(),
});
export type HealthPupil = z.infer<typeof healthPupil>;

export const classCheckRow = z.object({
  pupil: healthPupil.omit({ className: true }),
  /** The newest check of the school year, if any. */
  latest: checkView.nullable(),
  /** How many checks the pupil has in the year. */
  checks: z.number().int(),
});
export type ClassCheckRow = z.infer<typeof classCheckRow>;

const bandCounts = z.object(
  Object.fromEntries(BMI_BANDS.map((b) => [b, z.number().int()])) as Record<(typeof BMI_BANDS)[number], z.ZodNumber>,
);
export type BandCounts = z.infer<typeof bandCounts>;

export const summaryGroup = z.object({
  pupils: z.number().int(),
  /** Pupils with at least one check in the year. */
  checked: z.number().int(),
  /** By the band of each pupil's latest check of the year. */
  bands: z.object({ male: bandCounts, female: bandCounts }),
  /** Checked, but without a band (a measurement missing, or age outside 5–19 years). */
  unclassified: z.number().int(),
});
export type SummaryGroup = z.infer<typeof summaryGroup>;

export const healthApi = {
  'health.classes.list': procedure({
    summary: 'The classes of a school year whose health data the caller may see (a teacher: their homeroom classes).',
    input: z.strictObject({ schoolYearId: id.optional() }),
    output: z.object({
      schoolYear: z.object({ id, name: z.string() }),
      rows: z.array(z.object({ id, name: z.string(), grade: z.number().int(), pupils: z.number().int() })),
    }),
    permission: 'health.read',
    audit: 'none',
  }),
  'health.checks.list': procedure({
    summary: 'A class’s pupils with their latest check of the year, for the class-wide entry screen.',
    input: z.strictObject({ classId: id, schoolYearId: id.optional() }),
    output: z.object({
      class: z.object({ id, name: z.string(), grade: z.number().int(), schoolYearId: id }),
      schoolYear: z.object({ id, name: z.string() }),
      rows: z.array(classCheckRow),
    }),
    permission: 'health.read',
    audit: 'sensitive',
    auditInput: 'keys',
  }),
  'health.pupil.get': procedure({
    summary: 'A pupil’s health profile and every check, newest first.',
    input: z.strictObject({ pupilId: id }),
    output: z.object({ pupil: healthPupil, profile: profileView, checks: z.array(checkView) }),
    permission: 'health.read',
    audit: 'sensitive',
    auditInput: 'keys',
  }),
  'health.checks.record': procedure({
    summary: 'Record a check of a pupil (one a day); the server computes BMI, z-score and band.',
    input: z.strictObject({ pupilId: id, ...checkFields }),
    output: checkView,
    permission: 'health.manage',
    audit: 'write',
    auditInput: 'keys',
  }),
  'health.checks.update': procedure({
    summary: 'Correct a check (every field is replaced).',
    input: z.strictObject({ id, version, ...checkFields }),
    output: checkView,
    permission: 'health.manage',
    audit: 'write',
    auditInput: 'keys',
  }),
  'health.checks.delete': procedure({
    summary: 'Delete a check recorded by mistake.',
    input: z.strictObject({ id, version }),
    output: z.object({ deleted: z.literal(true) }),
    permission: 'health.manage',
    audit: 'write',
    auditInput: 'keys',
  }),
  'health.profile.update': procedure({
    summary: 'Set a pupil’s insurance card, blood group, conditions, allergies and vaccinations.',
    input: z.strictObject({ pupilId: id, version, ...profileFields }),
    output: profileView,
    permission: 'health.manage',
    audit: 'write',
    auditInput: 'keys',
  }),
  'health.summary': procedure({
    summary: 'Pupils per BMI band and sex for each grade, and how many were checked in the year.',
    input: z.strictObject({ schoolYearId: id.optional(), classId: id.optional() }),
    output: z.object({
      schoolYear: z.object({ id, name: z.string() }),
      grades: z.array(summaryGroup.extend({ grade: z.number().int() })),
      total: summaryGroup,
    }),
    permission: 'health.read',
    audit: 'sensitive',
    auditInput: 'keys',
  }),
};

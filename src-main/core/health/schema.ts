/**
 * School health (y tế học đường): sensitive personal data. Only the medical role, the principal and a
 * pupil's homeroom teacher may read it, and every read is audited.
 */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { pupils } from '../records/schema';
import { schoolYears } from '../school/schema';

/** One periodic check of one pupil: measurements, the BMI and its WHO band, vision. */
export const healthChecks = sqliteTable(
  'health_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id, { onDelete: 'cascade' }),
    schoolYearId: integer('school_year_id').references(() => schoolYears.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    heightCm: real('height_cm'),
    weightKg: real('weight_kg'),
    /** Computed from height and weight when both are given. */
    bmi: real('bmi'),
    /** WHO 2007 BMI-for-age z-score and band (severe_thinness … obesity), when the age is 5–19 years. */
    bmiZ: real('bmi_z'),
    bmiBand: text('bmi_band'),
    /** Visual acuity as written on the card, e.g. "10/10", "7/10". */
    visionLeft: text('vision_left').notNull().default(''),
    visionRight: text('vision_right').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('health_checks_pupil_idx').on(t.pupilId, t.date)],
);

/** What stays the same between checks: insurance, blood group, conditions, vaccinations. */
export const healthProfiles = sqliteTable('health_profiles', {
  pupilId: integer('pupil_id')
    .primaryKey()
    .references(() => pupils.id, { onDelete: 'cascade' }),
  /** Số thẻ bảo hiểm y tế. */
  insuranceNumber: text('insurance_number').notNull().default(''),
  insuranceExpiry: text('insurance_expiry'),
  /** NhomMau code: 1 A, 2 B, 3 AB, 4 O, 5 không xác định; '' when unknown. */
  bloodGroup: text('blood_group').notNull().default(''),
  chronicConditions: text('chronic_conditions').notNull().default(''),
  allergies: text('allergies').notNull().default(''),
  vaccinationNotes: text('vaccination_notes').notNull().default(''),
  version: integer('version').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

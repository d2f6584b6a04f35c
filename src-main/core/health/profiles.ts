/**
 * A pupil's health profile: what stays the same between checks (insurance card, blood group, chronic
 * conditions, allergies, vaccinations). A pupil without one reads as an empty profile at version 0;
 * the first update creates it at version 1, so two nurses creating it at once cannot both win.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { healthProfiles } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import type { profileFields, ProfileView } from '../../../src-shared/api/health';

export type ProfileFields = z.output<z.ZodObject<typeof profileFields>>;

export function getProfile(store: Store, pupilId: number): ProfileView {
  const row = store.orm.select().from(healthProfiles).where(eq(healthProfiles.pupilId, pupilId)).get();
  if (!row) {
    return {
      pupilId,
      insuranceNumber: '',
      insuranceExpiry: null,
      bloodGroup: '',
      chronicConditions: '',
      allergies: '',
      vaccinationNotes: '',
      version: 0,
      updatedAt: null,
    };
  }
  return {
    pupilId,
    insuranceNumber: row.insuranceNumber,
    insuranceExpiry: row.insuranceExpiry,
    bloodGroup: row.bloodGroup,
    chronicConditions: row.chronicConditions,
    allergies: row.allergies,
    vaccinationNotes: row.vaccinationNotes,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A BHYT number belongs to one person: another pupil holding it is a typing mistake. */
function assertInsuranceFree(store: Store, pupilId: number, insuranceNumber: string): void {
  if (!insuranceNumber) return;
  const holder = store
    .statement(
      `SELECT p.full_name FROM health_profiles h JOIN pupils p ON p.id = h.pupil_id
       WHERE h.insurance_number = ? AND h.pupil_id <> ?`,
    )
    .pluck()
    .get(insuranceNumber, pupilId) as string | undefined;
  if (holder) {
    throw new AppError('conflict', 'health.insurance_taken', { name: holder }, { field: 'insuranceNumber' });
  }
}

/** Creates or updates the profile when `version` is current; runs inside the caller's transaction. */
export function updateProfile(store: Store, pupilId: number, version: number, fields: ProfileFields): void {
  assertInsuranceFree(store, pupilId, fields.insuranceNumber);
  const columns = {
    insuranceNumber: fields.insuranceNumber,
    insuranceExpiry: fields.insuranceExpiry,
    bloodGroup: fields.bloodGroup,
    chronicConditions: fields.chronicConditions,
    allergies: fields.allergies,
    vaccinationNotes: fields.vaccinationNotes,
    updatedAt: Date.now(),
  };
  const exists = store.orm
    .select({ version: healthProfiles.version })
    .from(healthProfiles)
    .where(eq(healthProfiles.pupilId, pupilId))
    .get();
  if (!exists) {
    if (version !== 0) throw new AppError('conflict', 'error.conflict');
    store.orm
      .insert(healthProfiles)
      .values({ pupilId, ...columns, version: 1 })
      .run();
    return;
  }
  const updated = store.orm
    .update(healthProfiles)
    .set({ ...columns, version: sql`${healthProfiles.version} + 1` })
    .where(and(eq(healthProfiles.pupilId, pupilId), eq(healthProfiles.version, version)))
    .run();
  if (updated.changes === 0) throw new AppError('conflict', 'error.conflict');
}

/** Who may call the school-health procedures: written out by hand, independently of src-shared/domain/roles.ts. */
import type { Role } from '../../../src-shared/domain/roles';
import type { Expectations } from './kinds';

/** The nurse, the principal and (for their homeroom pupils, checked in the handler) the teacher. */
const HEALTH_READERS: Role[] = ['medical', 'principal', 'teacher'];
const NURSE: Role[] = ['medical'];

export const expected: Expectations = {
  'health.classes.list': HEALTH_READERS,
  'health.checks.list': HEALTH_READERS,
  'health.pupil.get': HEALTH_READERS,
  'health.summary': HEALTH_READERS,
  'health.checks.record': NURSE,
  'health.checks.update': NURSE,
  'health.checks.delete': NURSE,
  'health.profile.update': NURSE,
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
export const safeInput: Record<string, unknown> = {
  'health.checks.list': { classId: 999999 },
  'health.pupil.get': { pupilId: 999999 },
  'health.checks.record': { pupilId: 999999, date: '2024-09-15', heightCm: 120, weightKg: 22 },
  'health.checks.update': { id: 999999, version: 0, date: '2024-09-15', heightCm: 120, weightKg: 22 },
  'health.checks.delete': { id: 999999, version: 0 },
  'health.profile.update': { pupilId: 999999, version: 0 },
};

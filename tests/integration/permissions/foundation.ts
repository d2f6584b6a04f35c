/**
 * Who may call the foundation procedures (auth, users, school, audit, jobs, backup): written out by
 * hand, independently of src-shared/domain/roles.ts.
 */
import { ANYONE, SIGNED_IN, type Expectations } from './kinds';

export const expected: Expectations = {
  'auth.login': ANYONE,
  'auth.logout': SIGNED_IN,
  'auth.me': SIGNED_IN,
  'auth.password.change': SIGNED_IN,
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.password.reset': ['admin'],
  'users.status.set': ['admin'],
  'school.status': ANYONE,
  'school.setup': ANYONE,
  'school.profile.get': SIGNED_IN,
  'school.profile.update': ['admin', 'principal'],
  'school.years.list': SIGNED_IN,
  'home.summary': SIGNED_IN,
  'school.years.create': ['admin', 'principal'],
  'school.years.update': ['admin', 'principal'],
  'school.years.setCurrent': ['admin', 'principal'],
  'school.years.delete': ['admin', 'principal'],
  'audit.list': ['admin', 'principal'],
  'audit.actors': ['admin', 'principal'],
  'jobs.get': SIGNED_IN,
  'jobs.list': SIGNED_IN,
  'jobs.cancel': SIGNED_IN,
  'backup.list': ['admin'],
  'backup.create': ['admin'],
  'backup.restore': ['admin'],
  'backup.settings.update': ['admin'],
  'backup.offDisk.status': ['admin'],
  'backup.copy.prepare': ['admin'],
  'backup.copy.record': ['admin'],
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
export const safeInput: Record<string, unknown> = {
  'audit.list': { limit: 1 },
  'backup.copy.prepare': { name: 'truongso-khong-co.db' },
  'backup.copy.record': { name: 'truongso-khong-co.db', sha256: '0'.repeat(64), to: 'download' },
  'jobs.get': { id: 'none' },
  'jobs.cancel': { id: 'none' },
  'users.update': { id: 999999, version: 0, fullName: 'Không có' },
  'school.years.delete': { id: 999999 },
  'school.years.setCurrent': { id: 999999 },
};

/** Who may call the records procedures: written out by hand, independently of src-shared/domain/roles.ts. */
import { ALL_ROLES, RECORDS_STAFF, type Expectations } from './kinds';

export const expected: Expectations = {
  'records.pupils.list': ALL_ROLES,
  'records.pupils.get': ALL_ROLES,
  'records.pupils.create': RECORDS_STAFF,
  'records.pupils.update': RECORDS_STAFF,
  'records.pupils.moveClass': RECORDS_STAFF,
  'records.pupils.transferOut': RECORDS_STAFF,
  'records.pupils.dropOut': RECORDS_STAFF,
  'records.pupils.readmit': RECORDS_STAFF,
  'records.classes.list': ALL_ROLES,
  'records.classes.create': RECORDS_STAFF,
  'records.classes.update': RECORDS_STAFF,
  'records.classes.delete': RECORDS_STAFF,
  'records.staff.list': ALL_ROLES,
  'records.staff.create': RECORDS_STAFF,
  'records.staff.update': RECORDS_STAFF,
  'records.staff.delete': RECORDS_STAFF,
  'records.assignments.list': ALL_ROLES,
  'records.assignments.set': RECORDS_STAFF,
  'records.rooms.list': ALL_ROLES,
  'records.rooms.create': RECORDS_STAFF,
  'records.rooms.update': RECORDS_STAFF,
  'records.rooms.delete': RECORDS_STAFF,
  'records.import.preview': RECORDS_STAFF,
  'records.import.run': RECORDS_STAFF,
  'records.export.pupils': ALL_ROLES,
  'records.export.classList': ALL_ROLES,
  'records.export.staff': ALL_ROLES,
  'records.export.classes': ALL_ROLES,
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
export const safeInput: Record<string, unknown> = {
  'records.pupils.get': { id: 999999 },
  'records.classes.delete': { id: 999999 },
  'records.staff.delete': { id: 999999 },
  'records.rooms.delete': { id: 999999 },
  'records.import.preview': { fileId: 999999, kind: 'pupils' },
  'records.export.classList': { classId: 999999 },
};

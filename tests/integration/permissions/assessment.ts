/** Who may call the assessment procedures: written out by hand, independently of src-shared/domain/roles.ts. */
import type { Role } from '../../../src-shared/domain/roles';
import type { Expectations } from './kinds';

/** Results are pupils' personal data: not the IT administrator, not the nurse. */
const READERS: Role[] = ['principal', 'clerk', 'teacher'];
/** Teachers enter their subjects (checked per class in the handlers); the principal may correct anything. */
const ENTERING: Role[] = ['principal', 'teacher'];
const PRINCIPAL: Role[] = ['principal'];

export const expected: Expectations = {
  'assessment.classes.list': READERS,
  'assessment.gradebook.get': READERS,
  'assessment.gradebook.save': ENTERING,
  'assessment.qualities.get': READERS,
  'assessment.qualities.save': ENTERING,
  'assessment.year.get': READERS,
  'assessment.year.save': ENTERING,
  'assessment.locks.list': READERS,
  'assessment.locks.set': PRINCIPAL,
  'assessment.progress': READERS,
  'assessment.stats': READERS,
  'assessment.rules.get': READERS,
  'assessment.rules.update': PRINCIPAL,
  'assessment.summary.export': READERS,
  'assessment.hocba.pupil': READERS,
  'assessment.hocba.batch': READERS,
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
export const safeInput: Record<string, unknown> = {
  'assessment.gradebook.get': { classId: 999999, subject: 'toan', point: 'CUOI_HK1' },
  'assessment.gradebook.save': { classId: 999999, subject: 'toan', point: 'CUOI_HK1', pupilId: 999999, version: 0 },
  'assessment.qualities.get': { classId: 999999, point: 'CUOI_HK1' },
  'assessment.qualities.save': {
    classId: 999999,
    point: 'CUOI_HK1',
    pupilId: 999999,
    item: 'yeu_nuoc',
    level: 'T',
    version: 0,
  },
  'assessment.year.get': { classId: 999999 },
  'assessment.year.save': { classId: 999999, pupilId: 999999, result: null, version: 0 },
  'assessment.locks.set': { schoolYearId: 999999, point: 'GIUA_HK1', locked: true },
  'assessment.progress': { point: 'GIUA_HK1' },
  'assessment.stats': { point: 'GIUA_HK1' },
  'assessment.rules.update': { minScore: 1, electivesTested: false },
  'assessment.summary.export': { classId: 999999, point: 'CUOI_NAM', format: 'xlsx' },
  'assessment.hocba.pupil': { pupilId: 999999 },
  'assessment.hocba.batch': { classId: 999999 },
};

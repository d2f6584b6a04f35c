/** One pupil from one row: the fields, then the checks that need several of them. */
import { DISABILITY_CODES, ETHNICITY_CODES, POLICY_CODES, RELIGION_CODES } from './codes';
import { matchKey } from './text';
import type { RowReader } from './rowReader';
import type { GuardianImport, GuardianRelation, PupilImportRow } from './types';
import { xlsxMessage } from './messages';

/** A primary pupil is 5 to 16 years old in the current calendar year (early starters, late leavers). */
export const PUPIL_MIN_AGE = 5;
export const PUPIL_MAX_AGE = 16;

const RELATIONS: GuardianRelation[] = ['father', 'mother', 'guardian'];

function readGuardian(r: RowReader, relation: GuardianRelation): GuardianImport | null {
  const fields = {
    name: `${relation}Name`,
    birthYear: `${relation}BirthYear`,
    occupation: `${relation}Occupation`,
    phone: `${relation}Phone`,
  };
  const fullName = r.name(fields.name);
  const birthYear = r.birthYear(fields.birthYear);
  const occupation = r.text(fields.occupation, 100);
  const phone = r.phone(fields.phone);
  const anyDetail = r.has(fields.birthYear) || r.has(fields.occupation) || r.has(fields.phone);
  if (!r.has(fields.name)) {
    if (anyDetail) {
      const who = xlsxMessage('vi', `word.${relation}`);
      r.fail(fields.name, 'row.guardianNameMissing', { relation: who });
    }
    return null;
  }
  return fullName ? { relation, fullName, birthYear, occupation, phone } : null;
}

/** "Lớp 1A" → "1A". */
function className(raw: string): string {
  return raw.replace(/^l[oớ]p\s+/iu, '').trim();
}

export function readPupil(r: RowReader): PupilImportRow | null {
  const fullName = r.name('fullName', true);
  const sex = r.sex('sex');
  const birthDate = r.date('birthDate', true);
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : null;
  if (birthYear !== null) {
    const age = r.currentYear - birthYear;
    if (age < PUPIL_MIN_AGE || age > PUPIL_MAX_AGE) {
      r.fail('birthDate', 'row.birthYearRange', {
        year: birthYear,
        now: r.currentYear,
        minAge: PUPIL_MIN_AGE,
        maxAge: PUPIL_MAX_AGE,
        from: r.currentYear - PUPIL_MAX_AGE,
        to: r.currentYear - PUPIL_MIN_AGE,
      });
    }
  }
  const birthPlace = r.text('birthPlace', 200);
  const ethnicity = r.code('ethnicity', ETHNICITY_CODES, '01');
  const religion = r.code('religion', RELIGION_CODES, '');
  const nationality = r.nationality('nationality');
  const sectorId = r.sectorId('sectorId');
  const personalId = r.personalId('personalId', sex && birthYear !== null ? { sex, birthYear } : null);
  const klass = className(r.text('className', 20));
  const grade = r.grade('grade');
  if (grade !== null && /^\d/.test(klass) && !matchKey(klass).startsWith(String(grade))) {
    r.fail('className', 'row.gradeClassMismatch', { className: klass, grade });
  }
  const address = r.text('address', 300);
  const disabilityType = r.code('disabilityType', DISABILITY_CODES, '');
  const policyGroup = r.code('policyGroup', POLICY_CODES, '');
  const guardians: GuardianImport[] = [];
  for (const relation of RELATIONS) {
    const g = readGuardian(r, relation);
    if (g) guardians.push(g);
  }

  if (r.errors.length > 0 || !sex || !birthDate) return null;
  return {
    fullName,
    sex,
    birthDate,
    birthPlace,
    ethnicity: ethnicity!,
    religion: religion!,
    nationality,
    sectorId,
    personalId,
    className: klass,
    grade,
    address,
    disabilityType: disabilityType!,
    policyGroup: policyGroup!,
    guardians,
  };
}

/** One member of staff (cán bộ, giáo viên, nhân viên) from one row. */
import {
  CONTRACT_CODES,
  ETHNICITY_CODES,
  POSITION_CODES,
  QUALIFICATION_CODES,
  STAFF_GROUP_CODES,
  STAFF_STATUS_CODES,
  SUBJECT_CODES,
} from './codes';
import type { RowReader } from './rowReader';
import type { StaffImportRow } from './types';

export function readStaff(r: RowReader): StaffImportRow | null {
  const fullName = r.name('fullName', true);
  const sex = r.sex('sex');
  const birthDate = r.date('birthDate');
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : null;
  const ethnicity = r.code('ethnicity', ETHNICITY_CODES, '01');
  const sectorId = r.sectorId('sectorId');
  const personalId = r.personalId('personalId', sex && birthYear !== null ? { sex, birthYear } : null);
  const staffGroup = r.lookup('staffGroup', STAFF_GROUP_CODES, true);
  const position = r.code('position', POSITION_CODES, '');
  const mainSubject = r.code('mainSubject', SUBJECT_CODES, '');
  const qualification = r.code('qualification', QUALIFICATION_CODES, '');
  const contractType = r.code('contractType', CONTRACT_CODES, '');
  const status = r.code('status', STAFF_STATUS_CODES, '01');
  const phone = r.phone('phone');
  const email = r.email('email');
  const partyMember = r.bool('partyMember');
  const unionMember = r.bool('unionMember');
  const hasSignatureCert = r.bool('hasSignatureCert');

  if (r.errors.length > 0 || !sex || !staffGroup) return null;
  return {
    fullName,
    sex,
    birthDate,
    ethnicity: ethnicity!,
    sectorId,
    personalId,
    staffGroup,
    position: position!,
    mainSubject: mainSubject!,
    qualification: qualification!,
    contractType: contractType!,
    status: status!,
    phone,
    email,
    partyMember,
    unionMember,
    hasSignatureCert,
  };
}

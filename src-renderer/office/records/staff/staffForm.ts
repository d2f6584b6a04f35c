/** A staff member as the form holds it (dayjs dates, empty codes as undefined) and as the server takes it. */
import type { Dayjs } from 'dayjs';
import type { StaffView } from '../../../../src-shared/api/records';
import { cleanName } from '../../../../src-shared/domain/vnName';
import type { Sex, StaffGroup } from '../common/labels';
import { fromIso, toIsoOrNull } from '../common/dates';

export interface StaffFormValues {
  fullName: string;
  sex: Sex;
  birthDate?: Dayjs | null;
  ethnicity: string;
  sectorId?: string;
  personalId?: string;
  staffGroup: StaffGroup;
  position?: string;
  mainSubject?: string;
  qualification?: string;
  contractType?: string;
  status: string;
  phone?: string;
  email?: string;
  partyMember: boolean;
  unionMember: boolean;
  hasSignatureCert: boolean;
  userId?: number | null;
}

export const STAFF_FORM_FIELDS = [
  'fullName',
  'sex',
  'birthDate',
  'ethnicity',
  'sectorId',
  'personalId',
  'staffGroup',
  'position',
  'mainSubject',
  'qualification',
  'contractType',
  'status',
  'phone',
  'email',
  'partyMember',
  'unionMember',
  'hasSignatureCert',
  'userId',
] as const;

const orUndefined = (value: string | null | undefined) => (value ? value : undefined);

export function newStaffValues(): Partial<StaffFormValues> {
  return {
    ethnicity: '01',
    staffGroup: 'teacher',
    status: '01',
    partyMember: false,
    unionMember: true,
    hasSignatureCert: false,
  };
}

export function staffToForm(s: StaffView): StaffFormValues {
  return {
    fullName: s.fullName,
    sex: s.sex,
    birthDate: fromIso(s.birthDate) ?? null,
    ethnicity: s.ethnicity,
    sectorId: orUndefined(s.sectorId),
    personalId: orUndefined(s.personalId),
    staffGroup: s.staffGroup,
    position: orUndefined(s.position),
    mainSubject: orUndefined(s.mainSubject),
    qualification: orUndefined(s.qualification),
    contractType: orUndefined(s.contractType),
    status: s.status,
    phone: s.phone,
    email: s.email,
    partyMember: s.partyMember,
    unionMember: s.unionMember,
    hasSignatureCert: s.hasSignatureCert,
    userId: s.userId,
  };
}

export function formToStaff(v: StaffFormValues) {
  return {
    fullName: cleanName(v.fullName),
    sex: v.sex,
    birthDate: toIsoOrNull(v.birthDate),
    ethnicity: v.ethnicity,
    sectorId: v.sectorId?.trim() ?? '',
    personalId: v.personalId?.trim() ?? '',
    staffGroup: v.staffGroup,
    position: v.position ?? '',
    mainSubject: v.mainSubject ?? '',
    qualification: v.qualification ?? '',
    contractType: v.contractType ?? '',
    status: v.status,
    phone: v.phone?.trim() ?? '',
    email: v.email?.trim() ?? '',
    partyMember: v.partyMember,
    unionMember: v.unionMember,
    hasSignatureCert: v.hasSignatureCert,
    userId: v.userId ?? null,
  };
}

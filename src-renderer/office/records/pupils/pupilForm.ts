/** A pupil as the form holds it (dayjs dates, empty codes as undefined) and as the server takes it. */
import type { Dayjs } from 'dayjs';
import type { PupilView } from '../../../../src-shared/api/records';
import { cleanName } from '../../../../src-shared/domain/vnName';
import type { GuardianRelation, Sex } from '../common/labels';
import { fromIso, toIso } from '../common/dates';

export interface GuardianValues {
  relation: GuardianRelation;
  fullName: string;
  birthYear?: number | null;
  occupation?: string;
  phone?: string;
}

export interface PupilFormValues {
  fullName: string;
  sex: Sex;
  birthDate: Dayjs;
  birthPlace?: string;
  ethnicity: string;
  religion?: string;
  nationality: string;
  sectorId?: string;
  personalId?: string;
  address?: string;
  disabilityType?: string;
  policyGroup?: string;
  guardians?: GuardianValues[];
  /** Only when adding a pupil: the class of the current year, and how they come. */
  classId?: number;
  entry?: 'new' | 'transfer_in';
  startDate?: Dayjs;
}

/** The form's fields, for placing the server's field errors. */
export const PUPIL_FORM_FIELDS = [
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'ethnicity',
  'religion',
  'nationality',
  'sectorId',
  'personalId',
  'address',
  'disabilityType',
  'policyGroup',
  'guardians',
  'classId',
  'entry',
  'startDate',
] as const;

const orUndefined = (value: string | null | undefined) => (value ? value : undefined);

export function newPupilValues(classId: number | undefined): Partial<PupilFormValues> {
  return { ethnicity: '01', nationality: 'VN', entry: 'new', classId, guardians: [] };
}

export function pupilToForm(p: PupilView): PupilFormValues {
  return {
    fullName: p.fullName,
    sex: p.sex,
    birthDate: fromIso(p.birthDate)!,
    birthPlace: p.birthPlace,
    ethnicity: p.ethnicity,
    religion: orUndefined(p.religion),
    nationality: p.nationality,
    sectorId: orUndefined(p.sectorId),
    personalId: orUndefined(p.personalId),
    address: p.address,
    disabilityType: orUndefined(p.disabilityType),
    policyGroup: orUndefined(p.policyGroup),
    guardians: p.guardians.map((g) => ({
      relation: g.relation,
      fullName: g.fullName,
      birthYear: g.birthYear,
      occupation: g.occupation,
      phone: g.phone,
    })),
  };
}

/** The fields records.pupils.create and .update share. */
export function formToPupilFields(v: PupilFormValues) {
  return {
    fullName: cleanName(v.fullName),
    sex: v.sex,
    birthDate: toIso(v.birthDate),
    birthPlace: v.birthPlace?.trim() ?? '',
    ethnicity: v.ethnicity,
    religion: v.religion ?? '',
    nationality: v.nationality.trim().toUpperCase(),
    sectorId: v.sectorId?.trim() ?? '',
    personalId: v.personalId?.trim() ?? '',
    address: v.address?.trim() ?? '',
    disabilityType: v.disabilityType ?? '',
    policyGroup: v.policyGroup ?? '',
    guardians: (v.guardians ?? []).map((g) => ({
      relation: g.relation,
      fullName: cleanName(g.fullName),
      birthYear: g.birthYear ?? null,
      occupation: g.occupation?.trim() ?? '',
      phone: g.phone?.trim() ?? '',
    })),
  };
}

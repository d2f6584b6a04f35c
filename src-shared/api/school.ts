import { z } from 'zod';
import { procedure } from './procedure';
import {
  email,
  empty,
  id,
  isoDate,
  isoDateTime,
  newPassword,
  optionalPersonName,
  optionalText,
  personName,
  phone,
  requiredText,
  username,
  version,
} from './common';
import { sessionView } from './auth';
import { msg } from '../i18n';
import { isSchoolYearName } from '../domain/schoolYear';

export const schoolProfileFields = {
  name: requiredText(200),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,20}$/, { error: msg('validation.schoolCode') }),
  /** Phòng GDĐT: the district education office that receives the school's reports. */
  educationOffice: optionalText(200),
  /** Sở GDĐT: the provincial department. */
  educationDepartment: optionalText(200),
  province: optionalText(100),
  ward: optionalText(100),
  address: optionalText(300),
  principalName: optionalPersonName(100),
  phone,
  email,
};

export const schoolProfileInput = z.strictObject(schoolProfileFields);
const profileText = z.string();
export const schoolProfile = z.object({
  name: profileText,
  code: profileText,
  educationOffice: profileText,
  educationDepartment: profileText,
  province: profileText,
  ward: profileText,
  address: profileText,
  principalName: profileText,
  phone: profileText,
  email: profileText,
  version,
  updatedAt: isoDateTime,
});
export type SchoolProfile = z.infer<typeof schoolProfile>;

const schoolYearName = z
  .string()
  .trim()
  .refine(isSchoolYearName, { error: msg('validation.schoolYearName') });
export const schoolYearInput = z.strictObject({
  name: schoolYearName,
  startDate: isoDate,
  term1End: isoDate,
  term2Start: isoDate,
  endDate: isoDate,
});
export const schoolYear = z.object({
  id,
  name: z.string(),
  startDate: z.string(),
  term1End: z.string(),
  term2Start: z.string(),
  endDate: z.string(),
  isCurrent: z.boolean(),
  version,
});
export type SchoolYear = z.infer<typeof schoolYear>;

export const schoolApi = {
  'school.status': procedure({
    summary: 'Whether first-run setup is done, whether this is the demo school, the app version.',
    input: empty,
    output: z.object({
      initialized: z.boolean(),
      demo: z.boolean(),
      schoolName: z.string().nullable(),
      appVersion: z.string(),
    }),
    permission: 'public',
    audit: 'none',
  }),
  'school.setup': procedure({
    summary: 'First-run setup: school details, the first admin account and the current year; signs the admin in.',
    input: z.strictObject({
      school: schoolProfileInput,
      admin: z.strictObject({ username, fullName: personName(100), password: newPassword }),
      year: schoolYearInput,
    }),
    output: sessionView,
    permission: 'public',
    audit: 'write',
  }),
  'school.profile.get': procedure({
    summary: 'The school’s details.',
    input: empty,
    output: schoolProfile,
    permission: 'session',
    audit: 'none',
  }),
  'school.profile.update': procedure({
    summary: 'Change the school’s details (optimistic lock on version).',
    input: schoolProfileInput.extend({ version }),
    output: schoolProfile,
    permission: 'school.manage',
    audit: 'write',
  }),
  'school.years.list': procedure({
    summary: 'All school years, newest first.',
    input: empty,
    output: z.object({ years: z.array(schoolYear) }),
    permission: 'session',
    audit: 'none',
  }),
  'school.years.create': procedure({
    summary: 'Add a school year with its term dates.',
    input: schoolYearInput.extend({ makeCurrent: z.boolean().default(false) }),
    output: schoolYear,
    permission: 'school.manage',
    audit: 'write',
  }),
  'school.years.update': procedure({
    summary: 'Change a school year’s dates (optimistic lock on version).',
    input: schoolYearInput.extend({ id, version }),
    output: schoolYear,
    permission: 'school.manage',
    audit: 'write',
  }),
  'school.years.setCurrent': procedure({
    summary: 'Make a school year the current one.',
    input: z.strictObject({ id }),
    output: schoolYear,
    permission: 'school.manage',
    audit: 'write',
  }),
  'school.years.delete': procedure({
    summary: 'Delete a school year that is not current and holds no data.',
    input: z.strictObject({ id }),
    output: empty,
    permission: 'school.manage',
    audit: 'write',
  }),
};

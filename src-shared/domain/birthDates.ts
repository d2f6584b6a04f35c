/**
 * Whether a birth date is believable for the person a record is about. A date typed a year off (2030
 * for 2020) or a parent's date in the child's record would otherwise pass as a real date.
 */
import dayjs from 'dayjs';
import { ISO_DATE, todayIso } from './dates';
import { defaultSchoolYear, schoolYearStartFor } from './schoolYear';

/**
 * Ages in whole years. A primary pupil starts at 6 (Luật Giáo dục 2019, Điều 28); the range is wide
 * for early starters, repeaters and pupils who start late or come back. Staff: from working age to
 * well past retirement (a contract teacher may be retired).
 */
export const PUPIL_AGE = { min: 3, max: 20 } as const;
export const STAFF_AGE = { min: 16, max: 80 } as const;

export type BirthDateProblem = 'future' | 'tooYoung' | 'tooOld';

function ageProblem(birthDate: string, on: string, range: { min: number; max: number }): BirthDateProblem | null {
  const age = dayjs(on, ISO_DATE).diff(dayjs(birthDate, ISO_DATE), 'year');
  if (age < range.min) return 'tooYoung';
  if (age > range.max) return 'tooOld';
  return null;
}

/** A pupil's age is counted at the start of the current school year (the one `today` falls in). */
export function pupilBirthDateProblem(birthDate: string, today: string = todayIso()): BirthDateProblem | null {
  if (birthDate > today) return 'future';
  return ageProblem(birthDate, defaultSchoolYear(schoolYearStartFor(today)).startDate, PUPIL_AGE);
}

export function staffBirthDateProblem(birthDate: string, today: string = todayIso()): BirthDateProblem | null {
  if (birthDate > today) return 'future';
  return ageProblem(birthDate, today, STAFF_AGE);
}

import { describe, expect, it } from 'vitest';
import {
  formatInstantVn,
  formatIsoDateVn,
  isValidIsoDate,
  startOfSchoolDay,
  todayIso,
} from '../../../src-shared/domain/dates';
import {
  defaultSchoolYear,
  isSchoolYearName,
  schoolYearProblem,
  schoolYearStartFor,
} from '../../../src-shared/domain/schoolYear';

describe('dates', () => {
  it('accepts only real yyyy-MM-dd dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('05/09/2024')).toBe(false);
  });

  it('shows dates and instants the Vietnamese way, in Asia/Ho_Chi_Minh', () => {
    expect(formatIsoDateVn('2024-09-05')).toBe('05/09/2024');
    expect(formatInstantVn('2024-09-04T17:30:00Z')).toBe('05/09/2024 00:30:00');
    expect(todayIso(new Date('2024-09-04T17:30:00Z'))).toBe('2024-09-05');
    expect(new Date(startOfSchoolDay('2024-09-05')).toISOString()).toBe('2024-09-04T17:00:00.000Z');
  });
});

describe('school years', () => {
  it('names two consecutive years', () => {
    expect(isSchoolYearName('2024-2025')).toBe(true);
    expect(isSchoolYearName('2024-2026')).toBe(false);
    expect(isSchoolYearName('24-25')).toBe(false);
  });

  it('turns over in August', () => {
    expect(schoolYearStartFor('2025-07-31')).toBe(2024);
    expect(schoolYearStartFor('2025-08-01')).toBe(2025);
    expect(schoolYearStartFor('2026-01-10')).toBe(2025);
  });

  it('checks the order of term dates and that they fit the name', () => {
    const y = defaultSchoolYear(2024);
    expect(schoolYearProblem(y)).toBeNull();
    expect(schoolYearProblem({ ...y, term2Start: y.term1End })).toBe('school.year_dates_order');
    expect(schoolYearProblem({ ...y, endDate: '2025-01-01' })).toBe('school.year_dates_order');
    expect(schoolYearProblem({ ...y, name: '2023-2024' })).toBe('school.year_dates_in_name');
  });
});

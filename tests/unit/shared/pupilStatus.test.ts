import { describe, expect, it } from 'vitest';
import { isPresent, statusAfter, termOf } from '../../../src-shared/domain/pupilStatus';
import { defaultSchoolYear } from '../../../src-shared/domain/schoolYear';

const year = defaultSchoolYear(2025);

describe('pupil status codes (DM_TRANG_THAI_HOC_SINH)', () => {
  it('places a date in học kỳ I, học kỳ II or the summer', () => {
    expect(termOf('2025-09-05', year)).toBe('term1');
    expect(termOf('2026-01-15', year)).toBe('term1');
    expect(termOf('2026-01-16', year)).toBe('term2');
    expect(termOf('2026-06-10', year)).toBe('summer');
  });

  it.each([
    ['transfer_in', '2025-10-01', '02'],
    ['transfer_in', '2026-03-01', '06'],
    ['transfer_in', '2026-07-01', '10'],
    ['readmit', '2025-10-01', '03'],
    ['readmit', '2026-03-01', '07'],
    ['transfer_out', '2025-10-01', '04'],
    ['transfer_out', '2026-03-01', '08'],
    ['transfer_out', '2026-07-01', '11'],
    ['dropout', '2025-10-01', '05'],
    ['dropout', '2026-03-01', '09'],
    ['dropout', '2026-07-01', '12'],
  ] as const)('%s on %s gives %s', (event, date, code) => {
    expect(statusAfter(event, date, year)).toBe(code);
  });

  it('counts arrivals and returns as present, departures as gone', () => {
    expect(['01', '02', '03', '06', '07', '10'].every(isPresent)).toBe(true);
    expect(['04', '05', '08', '09', '11', '12'].some(isPresent)).toBe(false);
  });
});

/**
 * The shared rules the office forms and the server apply to a person's record: dates as people type
 * them, believable birth dates, the sector ID, and nationality as a country code from the list.
 */
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../src-shared/domain/dates';
import { pupilBirthDateProblem, staffBirthDateProblem } from '../../../src-shared/domain/birthDates';
import { isSectorId } from '../../../src-shared/domain/sectorId';
import { COUNTRIES, isCountryCode } from '../../../src-shared/domain/countries';
import { pupilInput, staffInput } from '../../../src-shared/api/records';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { todayIso } from '../../../src-shared/domain/dates';
import dayjs from 'dayjs';

describe('dates as typed', () => {
  it.each([
    ['1/1/2020', '2020-01-01'],
    ['01/01/2020', '2020-01-01'],
    ['01012020', '2020-01-01'],
    ['1-1-2020', '2020-01-01'],
    ['05-09-2020', '2020-09-05'],
    ['5.9.2020', '2020-09-05'],
    ['2020-09-05', '2020-09-05'],
    [' 29/2/2024 ', '2024-02-29'],
    ['31/12/2020', '2020-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTypedDate(text)).toEqual({ ok: true, iso });
  });

  it.each(['31/02/2020', '29/02/2023', '32/01/2020', '1/13/2020', '31022020', '2020-02-30', '1/1/0020'])(
    'refuses %s as a date that does not exist',
    (text) => {
      expect(parseTypedDate(text)).toEqual({ ok: false, problem: 'impossible' });
    },
  );

  it.each(['', 'hôm qua', '1/1/20', '2020/01/01', '010120', '1 1 2020', '12345'])('says %s is no date', (text) => {
    expect(parseTypedDate(text)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('birth dates', () => {
  // The school year 2026-2027 starts on 05/09/2026 (the default calendar).
  const today = '2026-12-08';

  it('takes a pupil of primary-school age and refuses the future and the implausible', () => {
    expect(pupilBirthDateProblem('2019-03-14', today)).toBeNull();
    expect(pupilBirthDateProblem('2030-01-01', today)).toBe('future');
    expect(pupilBirthDateProblem('2026-12-09', today)).toBe('future');
    // Three years before the year's start at the latest, twenty at the earliest.
    expect(pupilBirthDateProblem('2023-09-05', today)).toBeNull();
    expect(pupilBirthDateProblem('2023-09-06', today)).toBe('tooYoung');
    expect(pupilBirthDateProblem('2006-09-05', today)).toBeNull();
    expect(pupilBirthDateProblem('2005-09-04', today)).toBe('tooOld');
    // A parent's date typed into the child's record.
    expect(pupilBirthDateProblem('1988-05-20', today)).toBe('tooOld');
  });

  it('takes staff from 16 to 80 years old', () => {
    expect(staffBirthDateProblem('1985-04-02', today)).toBeNull();
    expect(staffBirthDateProblem('2030-01-01', today)).toBe('future');
    expect(staffBirthDateProblem('2010-12-09', today)).toBe('tooYoung');
    expect(staffBirthDateProblem('2010-12-08', today)).toBeNull();
    expect(staffBirthDateProblem('1946-12-08', today)).toBeNull();
    expect(staffBirthDateProblem('1945-12-07', today)).toBe('tooOld');
  });
});

describe('sector ID and nationality', () => {
  it('refuses a short number as the ministry’s ID', () => {
    expect(isSectorId('12345')).toBe(false);
    expect(isSectorId('HS0002')).toBe(false);
    expect(isSectorId('7901234567')).toBe(true);
    expect(isSectorId('01000123000001')).toBe(true);
    expect(isSectorId('0100 123456')).toBe(false);
    expect(isSectorId('012345678901234567890')).toBe(false);
  });

  it('lists countries by ISO code with Vietnamese names, Việt Nam first', () => {
    expect(COUNTRIES[0]).toEqual({ code: 'VN', name: 'Việt Nam' });
    expect(COUNTRIES.find((c) => c.code === 'VI')?.name).toBe('Quần đảo Virgin thuộc Hoa Kỳ');
    expect(COUNTRIES.find((c) => c.code === 'LA')?.name).toBe('Lào');
    expect(COUNTRIES.find((c) => c.code === 'KH')?.name).toBe('Campuchia');
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.name).toBe(c.name.normalize('NFC'));
    }
    // What a clerk types finds the country by its Vietnamese name.
    expect(COUNTRIES.filter((c) => foldForSearch(c.name).includes(foldForSearch('Việt'))).map((c) => c.code)).toEqual([
      'VN',
    ]);
    expect(isCountryCode('VN')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('vn')).toBe(false);
  });
});

describe('the pupil and staff schemas', () => {
  const pupil = {
    fullName: 'Nguyễn Văn An',
    sex: 'male',
    birthDate: dayjs(todayIso()).subtract(7, 'year').format('YYYY-MM-DD'),
    classId: 1,
  };
  const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    result.error?.issues.map((i) => i.path.join('.')) ?? [];

  it('takes a plain pupil, with Việt Nam as the default nationality', () => {
    const parsed = pupilInput.parse(pupil);
    expect(parsed.nationality).toBe('VN');
  });

  it('names the field of each wrong value', () => {
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, sectorId: '12345' }))).toEqual(['sectorId']);
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, birthDate: '2030-01-01' }))).toEqual(['birthDate']);
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, birthDate: '2019-02-30' }))).toEqual(['birthDate']);
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, nationality: 'Việt Nam' }))).toEqual(['nationality']);
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, nationality: 'XX' }))).toEqual(['nationality']);
    expect(fieldsOf(pupilInput.safeParse({ ...pupil, sex: '' }))).toEqual(['sex']);
    const staff = { fullName: 'Lê Thị Hoa', sex: 'female', staffGroup: 'teacher' };
    expect(staffInput.safeParse(staff).success).toBe(true);
    expect(fieldsOf(staffInput.safeParse({ ...staff, birthDate: '2030-01-01' }))).toEqual(['birthDate']);
    expect(fieldsOf(staffInput.safeParse({ ...staff, birthDate: '2020-01-01' }))).toEqual(['birthDate']);
    expect(fieldsOf(staffInput.safeParse({ ...staff, sectorId: '12345' }))).toEqual(['sectorId']);
  });

  it('says why in Vietnamese', () => {
    const future = pupilInput.safeParse({ ...pupil, birthDate: '2030-01-01' });
    expect(future.error?.issues[0]?.message).toBe('i18n:validation.birthDateFuture');
    const sex = pupilInput.safeParse({ ...pupil, sex: undefined });
    expect(sex.error?.issues[0]?.message).toBe('i18n:validation.sex');
  });
});

describe('nationality in an imported file', () => {
  it('is read with the same country list, and an unknown two-letter code is refused', async () => {
    const { findNationality } = await import('../../../src-main/core/records/xlsx/codes');
    expect(findNationality('Việt Nam')).toBe('VN');
    expect(findNationality('Singapore')).toBe('SG');
    expect(findNationality('han quoc')).toBe('KR');
    expect(findNationality('vi')).toBe('VI');
    expect(findNationality('XX')).toBeUndefined();
  });
});

/**
 * Issue 11 over real HTTP: the server refuses what the office forms refuse — a short number as the
 * ministry's ID, a birth date in the future or outside school or working age, a nationality that is
 * not a country code — and names the field, so that the form can show the message under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { callFails, callOk, startTestServer, type TestServer } from './support/server';
import type { ClassRow, PupilView, StaffView } from '../../src-shared/api/records';
import { todayIso } from '../../src-shared/domain/dates';

let server: TestServer;
let clerk: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  const classId = (await callOk<{ rows: ClassRow[] }>(server, 'records.classes.list', {}, clerk)).rows[0]!.id;
  pupil = { fullName: 'Hà Minh Châu', sex: 'female', birthDate: yearsAgo(7), classId };
});
afterAll(() => server.close());

const yearsAgo = (years: number) => dayjs(todayIso()).subtract(years, 'year').format('YYYY-MM-DD');
let pupil: { fullName: string; sex: string; birthDate: string; classId: number };
const staff = { fullName: 'Đinh Văn Toàn', sex: 'male', staffGroup: 'teacher' };

async function refusedField(name: string, input: unknown): Promise<{ field: string; message: string }[]> {
  const error = await callFails(server, name, input, clerk);
  expect(error.code).toBe('invalid_input');
  return (error.details?.fields ?? []) as { field: string; message: string }[];
}

describe('records.pupils.create', () => {
  it('refuses a short mã định danh', async () => {
    expect(await refusedField('records.pupils.create', { ...pupil, sectorId: '12345' })).toEqual([
      { field: 'sectorId', message: 'Mã định danh Bộ GD&ĐT gồm 10–20 chữ số hoặc chữ cái không dấu' },
    ]);
  });

  it('refuses a birth date in the future or outside primary-school age', async () => {
    expect(await refusedField('records.pupils.create', { ...pupil, birthDate: '2030-01-01' })).toEqual([
      { field: 'birthDate', message: 'Ngày sinh không thể sau ngày hôm nay' },
    ]);
    for (const birthDate of [yearsAgo(1), yearsAgo(30)]) {
      expect(await refusedField('records.pupils.create', { ...pupil, birthDate })).toEqual([
        { field: 'birthDate', message: 'Ngày sinh của học sinh phải trước ngày khai giảng năm học từ 3 đến 20 năm' },
      ]);
    }
  });

  it('takes nationality as a country code from the list only', async () => {
    for (const nationality of ['Việt Nam', 'XX', 'vi']) {
      expect(await refusedField('records.pupils.create', { ...pupil, nationality })).toEqual([
        { field: 'nationality', message: 'Chọn quốc tịch trong danh sách' },
      ]);
    }
    const saved = await callOk<PupilView>(
      server,
      'records.pupils.create',
      { ...pupil, nationality: 'LA', sectorId: '0100123999' },
      clerk,
    );
    expect(saved.nationality).toBe('LA');
  });

  it('asks for the sex in words that say what to do', async () => {
    expect(await refusedField('records.pupils.create', { ...pupil, sex: undefined })).toEqual([
      { field: 'sex', message: 'Chọn giới tính' },
    ]);
  });
});

describe('records.staff.create', () => {
  it('refuses a short mã định danh and a birth date outside working age', async () => {
    expect((await refusedField('records.staff.create', { ...staff, sectorId: '12345' })).map((f) => f.field)).toEqual([
      'sectorId',
    ]);
    expect(await refusedField('records.staff.create', { ...staff, birthDate: '2030-01-01' })).toEqual([
      { field: 'birthDate', message: 'Ngày sinh không thể sau ngày hôm nay' },
    ]);
    expect(await refusedField('records.staff.create', { ...staff, birthDate: yearsAgo(10) })).toEqual([
      { field: 'birthDate', message: 'Cán bộ, giáo viên phải từ 16 đến 80 tuổi' },
    ]);
    const saved = await callOk<StaffView>(server, 'records.staff.create', { ...staff, birthDate: yearsAgo(40) }, clerk);
    expect(saved.birthDate).toBe(yearsAgo(40));
  });
});

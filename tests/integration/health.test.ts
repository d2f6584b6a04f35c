/**
 * School health through the procedures, over the demo school (with its demo health data) in a real
 * SQLite file: the nurse records checks and the server computes BMI, WHO z-score and band; who may
 * read whose data (a teacher only their homeroom pupils, as "not found" otherwise); every read audited;
 * field-named validation errors; optimistic versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from './support/server';
import type { ClassRow, PupilView, StaffView } from '../../src-shared/api/records';
import type { AuditRow } from '../../src-shared/api/audit';
import type { CheckView, ClassCheckRow, ProfileView, SummaryGroup } from '../../src-shared/api/health';
import { ageInMonths, bmi, bmiAtZ, bmiForAge } from '../../src-shared/domain/growth';
import { todayIso } from '../../src-shared/domain/dates';
import { healthChecks } from '../../src-main/core/health/schema';

let server: TestServer;
let admin: string;
let principal: string;
let clerk: string;
let teacher: string;
let medical: string;
let classes: ClassRow[];
/** A boy added to 1A for these tests (no demo checks), about seven and a half years old. */
let boy: PupilView;

type ClassChecks = { class: { name: string }; schoolYear: { id: number; name: string }; rows: ClassCheckRow[] };
type PupilHealth = { pupil: { fullName: string; className: string | null }; profile: ProfileView; checks: CheckView[] };
type Summary = { schoolYear: { name: string }; grades: (SummaryGroup & { grade: number })[]; total: SummaryGroup };

async function ok<T>(name: string, input: unknown, token: string): Promise<T> {
  const { body } = await server.call<T>(name, input, token);
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

const classId = (name: string) => classes.find((c) => c.name === name)!.id;
const daysAgo = (n: number) => dayjs(todayIso()).subtract(n, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = await server.login('admin', 'demo');
  principal = await server.login('principal', 'demo');
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
  medical = await server.login('yte', 'demo');
  classes = (await ok<{ rows: ClassRow[] }>('records.classes.list', {}, clerk)).rows;
  boy = await ok<PupilView>(
    'records.pupils.create',
    {
      fullName: 'Hoàng Minh Đức',
      sex: 'male',
      birthDate: dayjs(todayIso()).subtract(7, 'year').subtract(6, 'month').format('YYYY-MM-DD'),
      classId: classId('1A'),
    },
    clerk,
  );
});
afterAll(() => server.close());

describe('recording checks', () => {
  it('computes and stores BMI, WHO z-score and band from the measurements', async () => {
    const date = daysAgo(1);
    const months = ageInMonths(boy.birthDate, date);
    // A weight that puts the boy at about +1.5 SD: overweight.
    const heightCm = 124.5;
    const weightKg = Math.round(bmiAtZ('male', months, 1.5)! * 1.245 ** 2 * 10) / 10;
    const check = await ok<CheckView>(
      'health.checks.record',
      { pupilId: boy.id, date, heightCm, weightKg, visionLeft: '10/10', visionRight: ' 8 ', notes: 'Khám đầu năm' },
      medical,
    );
    const expected = bmiForAge('male', months, bmi(heightCm, weightKg))!;
    expect(check).toMatchObject({
      pupilId: boy.id,
      date,
      ageMonths: months,
      heightCm,
      weightKg,
      bmiBand: 'overweight',
    });
    expect(check.bmi).toBeCloseTo(weightKg / 1.245 ** 2, 10);
    expect(check.bmiZ).toBeCloseTo(expected.z, 10);
    expect(check.bmiZ!).toBeGreaterThan(1.4);
    expect(check.bmiZ!).toBeLessThan(1.6);
    // "8" is how the nurse types 8/10.
    expect(check.visionRight).toBe('8/10');
    expect(check.createdBy).toBe('Đỗ Thị Hồng');

    // Stored at full precision, not recomputed on read.
    const row = server.app.store.orm.select().from(healthChecks).where(eq(healthChecks.id, check.id)).get()!;
    expect(row).toMatchObject({ bmi: check.bmi, bmiZ: check.bmiZ, bmiBand: 'overweight' });
    expect(row.schoolYearId).not.toBeNull();

    const health = await ok<PupilHealth>('health.pupil.get', { pupilId: boy.id }, medical);
    expect(health.pupil).toMatchObject({ fullName: 'Hoàng Minh Đức', className: '1A' });
    expect(health.checks).toEqual([check]);
  });

  it('leaves z and band empty without both measurements, and keeps one check a day', async () => {
    const date = daysAgo(2);
    const visionOnly = await ok<CheckView>(
      'health.checks.record',
      { pupilId: boy.id, date, visionLeft: '7/10', visionRight: '9/10' },
      medical,
    );
    expect(visionOnly).toMatchObject({ heightCm: null, bmi: null, bmiZ: null, bmiBand: null });
    const again = await server.call('health.checks.record', { pupilId: boy.id, date, heightCm: 120 }, medical);
    expect(again).toMatchObject({
      status: 409,
      body: { ok: false, error: { code: 'conflict', details: { field: 'date' } } },
    });
    expect((again.body as { error: { message: string } }).error.message).toContain('Hoàng Minh Đức');
  });

  it('refuses a stale version with 409, then updates and deletes with the current one', async () => {
    const check = await ok<CheckView>(
      'health.checks.record',
      { pupilId: boy.id, date: daysAgo(4), heightCm: 123, weightKg: 23 },
      medical,
    );
    const updated = await ok<CheckView>(
      'health.checks.update',
      { id: check.id, version: check.version, date: check.date, heightCm: 123, weightKg: 30 },
      medical,
    );
    expect(updated.version).toBe(check.version + 1);
    expect(updated.bmi).toBeCloseTo(30 / 1.23 ** 2, 10);
    const stale = await server.call(
      'health.checks.update',
      { id: check.id, version: check.version, date: check.date, heightCm: 124, weightKg: 24 },
      medical,
    );
    expect(stale).toEqual({
      status: 409,
      body: { ok: false, error: { code: 'conflict', message: 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại' } },
    });
    expect((await server.call('health.checks.delete', { id: check.id, version: check.version }, medical)).status).toBe(
      409,
    );
    await ok('health.checks.delete', { id: check.id, version: updated.version }, medical);
    expect(
      (await server.call('health.checks.delete', { id: check.id, version: updated.version }, medical)).status,
    ).toBe(404);
  });

  it('names the field of every invalid value', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ heightCm: 300 }, 'heightCm', 'Chiều cao phải từ 80 đến 190 cm'],
      [{ heightCm: 120, weightKg: 5 }, 'weightKg', 'Cân nặng phải từ 10 đến 120 kg'],
      [{ visionLeft: '12/10' }, 'visionLeft', 'Thị lực ghi dạng n/10'],
      [{ visionRight: 'tốt' }, 'visionRight', 'Thị lực ghi dạng n/10'],
      [{ heightCm: 120, date: '2024-02-30' }, 'date', 'Ngày phải có dạng yyyy-MM-dd'],
    ];
    for (const [fields, field, message] of cases) {
      const { status, body } = await server.call(
        'health.checks.record',
        { pupilId: boy.id, date: daysAgo(30), ...fields },
        medical,
      );
      expect(status, field).toBe(400);
      if (body.ok) throw new Error('accepted');
      expect(body.error.details?.fields?.[0]?.field).toBe(field);
      expect(body.error.message).toContain(`«${field}»`);
      expect(body.error.message).toContain(message);
    }
    // Rules the server checks against the pupil and the calendar.
    const future = await server.call(
      'health.checks.record',
      { pupilId: boy.id, date: dayjs(todayIso()).add(1, 'day').format('YYYY-MM-DD'), heightCm: 120 },
      medical,
    );
    expect(future).toMatchObject({
      status: 422,
      body: { ok: false, error: { message: 'Ngày khám không được sau hôm nay', details: { field: 'date' } } },
    });
    const beforeBirth = await server.call(
      'health.checks.record',
      { pupilId: boy.id, date: dayjs(boy.birthDate).subtract(1, 'day').format('YYYY-MM-DD'), heightCm: 120 },
      medical,
    );
    expect(beforeBirth).toMatchObject({ status: 422, body: { ok: false, error: { details: { field: 'date' } } } });
    const empty = await server.call('health.checks.record', { pupilId: boy.id, date: daysAgo(30) }, medical);
    expect(empty).toMatchObject({ status: 400, body: { ok: false, error: { details: { field: 'heightCm' } } } });
    // In English too.
    const english = await fetch(`${server.url}/api/health.checks.record`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${medical}`, 'accept-language': 'en' },
      body: JSON.stringify({ pupilId: boy.id, date: daysAgo(30), heightCm: 20 }),
    });
    expect(((await english.json()) as { error: { message: string } }).error.message).toContain(
      'Height must be between 80 and 190 cm',
    );
  });
});

describe('health profiles', () => {
  it('creates the profile at version 0, refuses a stale version and checks the BHYT number', async () => {
    const empty = await ok<PupilHealth>('health.pupil.get', { pupilId: boy.id }, medical);
    expect(empty.profile).toMatchObject({ version: 0, insuranceNumber: '', updatedAt: null });
    const fields = {
      insuranceNumber: 'hs 4 01 0100123456',
      insuranceExpiry: '2026-12-31',
      bloodGroup: '4',
      chronicConditions: 'Hen phế quản',
      allergies: 'Tôm, cua',
      vaccinationNotes: 'Đủ mũi',
    };
    const created = await ok<ProfileView>('health.profile.update', { pupilId: boy.id, version: 0, ...fields }, medical);
    expect(created).toMatchObject({ version: 1, insuranceNumber: 'HS4010100123456', bloodGroup: '4' });
    const twice = await server.call('health.profile.update', { pupilId: boy.id, version: 0, ...fields }, medical);
    expect(twice.status).toBe(409);
    const updated = await ok<ProfileView>(
      'health.profile.update',
      { pupilId: boy.id, version: 1, ...fields, allergies: '' },
      medical,
    );
    expect(updated).toMatchObject({ version: 2, allergies: '' });

    const badCard = await server.call(
      'health.profile.update',
      { pupilId: boy.id, version: 2, ...fields, insuranceNumber: 'HS40101001234' },
      medical,
    );
    expect(badCard).toMatchObject({
      status: 400,
      body: { ok: false, error: { details: { fields: [{ field: 'insuranceNumber' }] } } },
    });
    expect((badCard.body as { error: { message: string } }).error.message).toContain('2 chữ cái và 13 chữ số');
    const badBlood = await server.call(
      'health.profile.update',
      { pupilId: boy.id, version: 2, ...fields, bloodGroup: '9' },
      medical,
    );
    expect(badBlood).toMatchObject({
      status: 400,
      body: { error: { details: { fields: [{ field: 'bloodGroup' }] } } },
    });

    // Another pupil cannot be given the same card.
    const other = (await ok<ClassChecks>('health.checks.list', { classId: classId('1B') }, medical)).rows[0]!;
    const taken = await server.call(
      'health.profile.update',
      { pupilId: other.pupil.id, version: 1, ...fields },
      medical,
    );
    expect(taken).toMatchObject({
      status: 409,
      body: { ok: false, error: { code: 'conflict', details: { field: 'insuranceNumber' } } },
    });
  });
});

describe('who reads what', () => {
  it('gives the class list with each pupil’s latest check of the year', async () => {
    const list = await ok<ClassChecks>('health.checks.list', { classId: classId('1A') }, medical);
    expect(list.class.name).toBe('1A');
    const size = classes.find((c) => c.name === '1A')!.pupils + 1;
    expect(list.rows).toHaveLength(size);
    // The demo checked everyone; the boy added here has the checks of these tests.
    expect(list.rows.filter((r) => r.latest === null)).toEqual([]);
    const mine = list.rows.find((r) => r.pupil.id === boy.id)!;
    expect(mine.latest!.date).toBe(daysAgo(1));
  });

  it('lets the principal read everything, and counts bands by grade and sex', async () => {
    const anyPupil = (await ok<ClassChecks>('health.checks.list', { classId: classId('4C') }, principal)).rows[0]!;
    const health = await ok<PupilHealth>('health.pupil.get', { pupilId: anyPupil.pupil.id }, principal);
    expect(health.checks.length).toBeGreaterThan(0);
    expect(health.profile.version).toBe(1);

    const summary = await ok<Summary>('health.summary', {}, principal);
    expect(summary.grades.map((g) => g.grade)).toEqual([1, 2, 3, 4, 5]);
    const sum = (g: SummaryGroup) =>
      Object.values(g.bands.male).reduce((a, b) => a + b, 0) +
      Object.values(g.bands.female).reduce((a, b) => a + b, 0) +
      g.unclassified;
    for (const g of [...summary.grades, summary.total]) expect(sum(g)).toBe(g.checked);
    expect(summary.total.pupils).toBe(summary.grades.reduce((a, g) => a + g.pupils, 0));
    expect(summary.total.checked).toBe(summary.total.pupils);
    // A believable school: mostly normal, some overweight or obese, a few thin.
    const { male, female } = summary.total.bands;
    const normal = male.normal + female.normal;
    expect(normal / summary.total.checked).toBeGreaterThan(0.6);
    expect(male.overweight + female.overweight + male.obesity + female.obesity).toBeGreaterThan(20);
    expect(male.thinness + female.thinness + male.severe_thinness + female.severe_thinness).toBeGreaterThan(0);

    const oneClass = await ok<Summary>('health.summary', { classId: classId('2B') }, principal);
    expect(oneClass.total.pupils).toBe(classes.find((c) => c.name === '2B')!.pupils);
  });

  it('lets the 1A homeroom teacher read 1A pupils only — even in a class they teach a subject in', async () => {
    // The teacher also teaches a subject in 2B: enough for records, not for health data.
    const staff = (await ok<{ rows: StaffView[] }>('records.staff.list', { search: 'Minh Anh' }, clerk)).rows.find(
      (s) => s.username === 'teacher',
    )!;
    await ok('records.assignments.set', { classId: classId('2B'), subject: 'dao_duc', staffId: staff.id }, clerk);
    const other = (await ok<ClassChecks>('health.checks.list', { classId: classId('2B') }, medical)).rows[0]!.pupil;
    await ok<PupilView>('records.pupils.get', { id: other.id }, teacher);

    const own = await ok<PupilHealth>('health.pupil.get', { pupilId: boy.id }, teacher);
    expect(own.pupil.fullName).toBe('Hoàng Minh Đức');
    const refused = await server.call('health.pupil.get', { pupilId: other.id }, teacher);
    expect(refused).toEqual({
      status: 404,
      body: {
        ok: false,
        error: { code: 'not_found', message: 'Không tìm thấy học sinh', details: { field: 'pupilId' } },
      },
    });
    // The same answer as for a pupil who does not exist: nothing to learn from it.
    expect((await server.call('health.pupil.get', { pupilId: 999999 }, teacher)).body).toEqual(refused.body);
    expect((await server.call('health.checks.list', { classId: classId('2B') }, teacher)).status).toBe(404);
    expect((await server.call('health.summary', { classId: classId('2B') }, teacher)).status).toBe(404);

    const picker = await ok<{ rows: { name: string }[] }>('health.classes.list', {}, teacher);
    expect(picker.rows.map((r) => r.name)).toEqual(['1A']);
    const summary = await ok<Summary>('health.summary', {}, teacher);
    expect(summary.total.pupils).toBe(classes.find((c) => c.name === '1A')!.pupils + 1);
    // Reading is all a teacher may do.
    expect(
      (await server.call('health.checks.record', { pupilId: boy.id, date: daysAgo(40), heightCm: 120 }, teacher))
        .status,
    ).toBe(403);
  });

  it('refuses the clerk and the administrator every health procedure', async () => {
    for (const token of [clerk, admin]) {
      for (const [name, input] of [
        ['health.classes.list', {}],
        ['health.checks.list', { classId: classId('1A') }],
        ['health.pupil.get', { pupilId: boy.id }],
        ['health.summary', {}],
        ['health.checks.record', { pupilId: boy.id, date: daysAgo(50), heightCm: 120 }],
        ['health.profile.update', { pupilId: boy.id, version: 2 }],
      ] as const) {
        const { status, body } = await server.call(name, input, token);
        expect({ name, status, code: body.ok ? null : body.error.code }).toEqual({
          name,
          status: 403,
          code: 'forbidden',
        });
      }
    }
  });

  it('writes every read of health data to the audit log, with the pupil or class, and no values', async () => {
    const audit = async () =>
      (await ok<{ rows: AuditRow[] }>('audit.list', { action: 'health.', limit: 500 }, principal)).rows;
    const before = (await audit()).length;
    await ok('health.pupil.get', { pupilId: boy.id }, principal);
    await ok('health.checks.list', { classId: classId('1A') }, teacher);
    await ok('health.summary', {}, medical);
    await server.call('health.pupil.get', { pupilId: 999999 }, teacher);
    const rows = await audit();
    expect(rows.length - before).toBe(4);
    const [missing, summary, list, get] = rows;
    expect(get).toMatchObject({
      action: 'health.pupil.get',
      username: 'principal',
      target: `pupil:${boy.id}`,
      outcome: 'ok',
    });
    expect(list).toMatchObject({ action: 'health.checks.list', username: 'teacher', target: `class:${classId('1A')}` });
    expect(summary).toMatchObject({ action: 'health.summary', username: 'yte', outcome: 'ok' });
    expect(missing).toMatchObject({ action: 'health.pupil.get', username: 'teacher', outcome: 'not_found' });
    // Writes say which fields were given, never the measurements or the profile's contents.
    const writes = rows.filter((r) => r.action === 'health.checks.record' || r.action === 'health.profile.update');
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes.filter((r) => r.outcome === 'ok')) {
      const text = JSON.stringify(w.details);
      expect(text).not.toContain('Hen phế quản');
      expect(text).not.toContain('124.5');
    }
    // The refusals of the clerk and the administrator are there too.
    expect(rows.some((r) => r.username === 'clerk' && r.outcome === 'forbidden')).toBe(true);
    expect(rows.some((r) => r.username === 'admin' && r.outcome === 'forbidden')).toBe(true);
  });
});

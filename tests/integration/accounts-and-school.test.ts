/** The rules of accounts, first-run setup and school years, through the procedures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_INPUT, setupSchool, startTestServer, type TestServer } from './support/server';
import type { UserView } from '../../src-shared/api/auth';
import type { SchoolYear } from '../../src-shared/api/school';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  const before = await server.call('school.status', {});
  expect(before.body).toMatchObject({ ok: true, value: { initialized: false, schoolName: null } });
  expect((await server.call('auth.login', { username: 'admin', password: 'x' })).status).toBe(401);
  admin = await setupSchool(server);
});
afterAll(() => server.close());

async function create(username: string, role: string, password = 'pass-word-1') {
  const { body } = await server.call<UserView>(
    'users.create',
    { username, fullName: `Người ${username}`, role, password, mustChangePassword: false },
    admin,
  );
  if (!body.ok) throw new Error(body.error.message);
  return body.value;
}

describe('first-run setup', () => {
  it('runs once', async () => {
    const again = await server.call('school.setup', SETUP_INPUT);
    expect(again).toEqual({
      status: 422,
      body: {
        ok: false,
        error: { code: 'rule_violation', message: 'Trường đã được thiết lập; bước thiết lập ban đầu chỉ chạy một lần' },
      },
    });
    expect((await server.call('school.status', {})).body).toMatchObject({
      value: { initialized: true, demo: false, schoolName: 'Trường Tiểu học Kim Đồng' },
    });
  });

  it('refuses inconsistent year dates with the field named, and writes nothing', async () => {
    const fresh = await startTestServer();
    try {
      const bad = await fresh.call('school.setup', {
        ...SETUP_INPUT,
        year: { ...SETUP_INPUT.year, term2Start: '2026-01-10' },
      });
      expect(bad.body).toMatchObject({
        ok: false,
        error: { code: 'rule_violation', message: expect.stringContaining('thứ tự') },
      });
      const badDate = await fresh.call('school.setup', {
        ...SETUP_INPUT,
        year: { ...SETUP_INPUT.year, endDate: '2026-02-30' },
      });
      expect(badDate.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', details: { fields: [{ field: 'year.endDate' }] } },
      });
      const shortPassword = await fresh.call('school.setup', {
        ...SETUP_INPUT,
        admin: { ...SETUP_INPUT.admin, password: 'ngan' },
      });
      expect(shortPassword.body).toMatchObject({
        ok: false,
        error: { details: { fields: [{ field: 'admin.password', message: 'Mật khẩu cần ít nhất 8 ký tự' }] } },
      });
      expect((await fresh.call('school.status', {})).body).toMatchObject({ value: { initialized: false } });
    } finally {
      await fresh.close();
    }
  });
});

describe('accounts', () => {
  it('normalises usernames and refuses duplicates', async () => {
    const user = await create('  GV.Thu ', 'teacher');
    expect(user.username).toBe('gv.thu');
    const dup = await server.call(
      'users.create',
      { username: 'gv.thu', fullName: 'Khác', role: 'clerk', password: 'pass-word-1' },
      admin,
    );
    expect(dup.body).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Tên đăng nhập «gv.thu» đã được dùng' },
    });
    const bad = await server.call(
      'users.create',
      { username: 'Thu Nguyễn', fullName: 'Khác', role: 'clerk', password: 'pass-word-1' },
      admin,
    );
    expect(bad.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: [{ field: 'username' }] } },
    });
  });

  it('makes a reset password temporary and ends the user’s sessions', async () => {
    const user = await create('gv.reset', 'teacher');
    const token = await server.login('gv.reset', 'pass-word-1');
    const reset = await server.call<UserView>(
      'users.password.reset',
      { id: user.id, newPassword: 'tam-thoi-123' },
      admin,
    );
    expect(reset.body).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect((await server.call('auth.me', {}, token)).status).toBe(401);
    const fresh = await server.login('gv.reset', 'tam-thoi-123');
    const wrong = await server.call(
      'auth.password.change',
      { currentPassword: 'sai', newPassword: 'moi-moi-123' },
      fresh,
    );
    expect(wrong.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', message: 'Mật khẩu hiện tại không đúng' },
    });
    expect(
      (
        await server.call(
          'auth.password.change',
          { currentPassword: 'tam-thoi-123', newPassword: 'moi-moi-123' },
          fresh,
        )
      ).status,
    ).toBe(200);
    const me = await server.call<{ user: UserView }>('auth.me', {}, fresh);
    expect(me.body).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
  });

  it('keeps at least one active administrator and refuses self-demotion', async () => {
    const list = await server.call<{ users: UserView[] }>('users.list', {}, admin);
    const me = list.body.ok ? list.body.value.users.find((u) => u.username === 'admin')! : null;
    const demote = await server.call('users.update', { id: me!.id, version: me!.version, role: 'teacher' }, admin);
    expect(demote.body).toMatchObject({ ok: false, error: { message: 'Bạn không thể tự đổi vai trò của mình' } });
    const second = await create('qt.hai', 'admin');
    const secondToken = await server.login('qt.hai', 'pass-word-1');
    expect((await server.call('users.status.set', { id: me!.id, disabled: true }, secondToken)).status).toBe(200);
    const last = await server.call('users.status.set', { id: second.id, disabled: true }, secondToken);
    expect(last.body).toMatchObject({ ok: false, error: { message: 'Bạn không thể tự khóa tài khoản của mình' } });
    // Re-enable the first admin so the other tests keep their token valid.
    expect((await server.call('users.status.set', { id: me!.id, disabled: false }, secondToken)).status).toBe(200);
    admin = await server.login('admin', SETUP_INPUT.admin.password);
    const demoteOther = await server.call<UserView>(
      'users.update',
      { id: second.id, version: second.version, role: 'teacher' },
      admin,
    );
    expect(demoteOther.status).toBe(200);
    const list2 = await server.call<{ users: UserView[] }>('users.list', { search: 'nguoi qt' }, admin);
    expect(list2.body.ok && list2.body.value.users.map((u) => u.username)).toEqual(['qt.hai']);
  });
});

describe('school profile and years', () => {
  it('updates the profile with optimistic locking', async () => {
    const profile = await server.call<{ version: number; name: string }>('school.profile.get', {}, admin);
    if (!profile.body.ok) throw new Error('profile');
    const { version, ...rest } = profile.body.value as Record<string, unknown> & { version: number };
    delete rest.updatedAt;
    const updated = await server.call<{ address: string; version: number; code: string }>(
      'school.profile.update',
      { ...rest, code: 'kd01', address: 'Số 1 phố Kim Mã', version },
      admin,
    );
    expect(updated.body).toMatchObject({
      ok: true,
      value: { address: 'Số 1 phố Kim Mã', code: 'KD01', version: version + 1 },
    });
    const stale = await server.call('school.profile.update', { ...rest, address: 'Khác', version }, admin);
    expect(stale.status).toBe(409);
  });

  it('keeps exactly one current year and refuses to delete it', async () => {
    const created = await server.call<SchoolYear>(
      'school.years.create',
      {
        name: '2026-2027',
        startDate: '2026-09-05',
        term1End: '2027-01-15',
        term2Start: '2027-01-18',
        endDate: '2027-05-31',
        makeCurrent: true,
      },
      admin,
    );
    expect(created.body).toMatchObject({ ok: true, value: { isCurrent: true } });
    const list = await server.call<{ years: SchoolYear[] }>('school.years.list', {}, admin);
    const years = list.body.ok ? list.body.value.years : [];
    expect(years.map((y) => `${y.name}:${y.isCurrent}`)).toEqual(['2026-2027:true', '2025-2026:false']);
    const current = years[0]!;
    expect((await server.call('school.years.delete', { id: current.id }, admin)).body).toMatchObject({
      ok: false,
      error: { message: 'Không thể xóa năm học đang được chọn là năm học hiện tại' },
    });
    const dup = await server.call(
      'school.years.create',
      {
        name: '2026-2027',
        startDate: '2026-09-05',
        term1End: '2027-01-15',
        term2Start: '2027-01-18',
        endDate: '2027-05-31',
      },
      admin,
    );
    expect(dup.status).toBe(409);
    const wrongName = await server.call(
      'school.years.create',
      {
        name: '2027-2029',
        startDate: '2027-09-05',
        term1End: '2028-01-15',
        term2Start: '2028-01-18',
        endDate: '2028-05-31',
      },
      admin,
    );
    expect(wrongName.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: [{ field: 'name' }] } },
    });
    const outside = await server.call(
      'school.years.create',
      {
        name: '2027-2028',
        startDate: '2026-09-05',
        term1End: '2028-01-15',
        term2Start: '2028-01-18',
        endDate: '2028-05-31',
      },
      admin,
    );
    expect(outside.body).toMatchObject({
      ok: false,
      error: { message: 'Ngày bắt đầu và kết thúc phải nằm trong hai năm của năm học 2027-2028' },
    });
    const old = years[1]!;
    expect((await server.call('school.years.setCurrent', { id: old.id }, admin)).body).toMatchObject({
      ok: true,
      value: { isCurrent: true },
    });
    expect((await server.call('school.years.delete', { id: current.id }, admin)).status).toBe(200);
  });
});

describe('audit log', () => {
  it('records writes with the actor and filters them', async () => {
    const result = await server.call<{
      rows: { action: string; username: string; target: string; details: Record<string, unknown> }[];
      total: number;
    }>('audit.list', { action: 'users.create', outcome: 'ok' }, admin);
    if (!result.body.ok) throw new Error(result.body.error.message);
    expect(result.body.value.total).toBe(3);
    const row = result.body.value.rows.find(
      (r) => r.details?.input && (r.details.input as { username?: string }).username === 'gv.thu',
    )!;
    expect(row).toMatchObject({
      action: 'users.create',
      username: 'admin',
      target: expect.stringMatching(/^user:\d+$/),
    });
    expect((row.details.input as { password: string }).password).toBe('***');
    const failed = await server.call<{ rows: { outcome: string }[] }>(
      'audit.list',
      { outcome: 'failed', action: 'users.' },
      admin,
    );
    expect(failed.body.ok && failed.body.value.rows.every((r) => r.outcome !== 'ok')).toBe(true);
    expect(failed.body.ok && failed.body.value.rows.length).toBeGreaterThan(0);
    const logins = await server.call<{ rows: { action: string }[] }>(
      'audit.list',
      { action: 'auth.', search: 'gv.reset' },
      admin,
    );
    expect(logins.body.ok && logins.body.value.rows.length).toBeGreaterThan(0);
    const page1 = await server.call<{ rows: { id: number }[]; nextBefore: number | null }>(
      'audit.list',
      { limit: 2 },
      admin,
    );
    if (!page1.body.ok) throw new Error('page');
    const page2 = await server.call<{ rows: { id: number }[] }>(
      'audit.list',
      { limit: 2, before: page1.body.value.nextBefore! },
      admin,
    );
    expect(page2.body.ok && page2.body.value.rows[0]!.id).toBeLessThan(page1.body.value.rows[1]!.id);
    const today = await server.call<{ total: number }>('audit.list', { from: '2000-01-01', to: '2000-12-31' }, admin);
    expect(today.body).toMatchObject({ ok: true, value: { total: 0 } });
  });
});

describe('personal data in the audit log', () => {
  it('keeps only the field names of a procedure whose input is personal data', async () => {
    const demo = await startTestServer({ demo: true });
    try {
      const clerk = await demo.login('clerk', 'demo');
      const admin = await demo.login('admin', 'demo');
      const classes = await demo.call<{ rows: { id: number }[] }>('records.classes.list', {}, clerk);
      const classId = classes.body.ok ? classes.body.value.rows[0]!.id : 0;
      const created = await demo.call(
        'records.pupils.create',
        { fullName: 'Lò Văn Pá', sex: 'male', birthDate: '2019-04-04', disabilityType: '02', classId },
        clerk,
      );
      expect(created.status).toBe(200);
      const bad = await demo.call(
        'records.pupils.create',
        { fullName: 'Lò Thị Ín', sex: 'female', birthDate: 'hôm qua', disabilityType: '03', classId },
        clerk,
      );
      expect(bad.status).toBe(400);
      const log = await demo.call<{ rows: { outcome: string; details: Record<string, unknown> }[] }>(
        'audit.list',
        { action: 'records.pupils.create' },
        admin,
      );
      const rows = log.body.ok ? log.body.value.rows : [];
      expect(rows.map((r) => r.outcome).sort()).toEqual(['invalid_input', 'ok']);
      for (const r of rows) {
        expect(JSON.stringify(r.details)).not.toMatch(/Lò|2019-04-04|hôm qua|"0[23]"/);
        expect((r.details.input as { fields: string[] }).fields).toEqual(
          expect.arrayContaining(['fullName', 'birthDate', 'disabilityType']),
        );
      }
    } finally {
      await demo.close();
    }
  });
});

/** DESIGN §3 over real HTTP: the envelope, the codes, the statuses, and bad input that never becomes a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { setupSchool, startTestServer, SETUP_INPUT, uploadFile, type TestServer } from './support/server';
import { bodyOf, rawExchange, statusOf } from './support/rawHttp';
import { sessions } from '../../src-main/core/auth/schema';
import { hashToken } from '../../src-main/core/auth/sessions';

let server: TestServer;
let adminToken: string;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await setupSchool(server);
});
afterAll(() => server.close());

async function raw(path: string, init: RequestInit) {
  const response = await fetch(`${server.url}${path}`, init);
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      error?: { code: string; message: string; details?: { fields?: { field: string }[] } };
    },
  };
}

describe('POST /api/<procedure>', () => {
  it('signs in and answers with the envelope', async () => {
    const { status, body } = await server.call<{ token: string; user: { username: string; role: string } }>(
      'auth.login',
      {
        username: 'ADMIN',
        password: SETUP_INPUT.admin.password,
      },
    );
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    if (!body.ok) return;
    expect(body.value.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.value.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(body.value).not.toHaveProperty('user.passwordHash');
    const me = await server.call<{ user: { fullName: string }; schoolName: string }>('auth.me', {}, body.value.token);
    expect(me.body).toMatchObject({
      ok: true,
      value: { user: { fullName: 'Nguyễn Văn Quản' }, schoolName: 'Trường Tiểu học Kim Đồng' },
    });
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const wrong = await server.call('auth.login', { username: 'admin', password: 'nope-nope' });
    const unknown = await server.call('auth.login', { username: 'khong-co', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Tên đăng nhập hoặc mật khẩu không đúng' },
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers in English when asked', async () => {
    const response = await fetch(`${server.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' },
      body: JSON.stringify({ username: 'admin', password: 'nope-nope' }),
    });
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Wrong username or password',
    );
  });

  it('refuses a disabled user after the right password, and ends their sessions', async () => {
    const created = await server.call<{ id: number }>(
      'users.create',
      { username: 'gv.lan', fullName: 'Lê Thị Lan', role: 'teacher', password: 'lan-pass-1' },
      adminToken,
    );
    expect(created.body.ok).toBe(true);
    if (!created.body.ok) return;
    const teacherToken = await server.login('gv.lan', 'lan-pass-1');
    expect(
      (await server.call('users.status.set', { id: created.body.value.id, disabled: true }, adminToken)).status,
    ).toBe(200);
    const again = await server.call('auth.login', { username: 'gv.lan', password: 'lan-pass-1' });
    expect(again.body).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Tài khoản này đã bị khóa, hãy liên hệ quản trị viên' },
    });
    const old = await server.call('auth.me', {}, teacherToken);
    expect(old.status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const token = await server.login('admin', SETUP_INPUT.admin.password);
    server.app.store.orm
      .update(sessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(sessions.tokenHash, hashToken(token)))
      .run();
    const { status, body } = await server.call('auth.me', {}, token);
    expect(status).toBe(401);
    expect(body).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại' },
    });
    expect((await server.call('auth.me', {}, 'made-up-token')).status).toBe(401);
    expect((await server.call('auth.me', {})).body).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'Bạn cần đăng nhập' },
    });
  });

  it('logs out', async () => {
    const token = await server.login('admin', SETUP_INPUT.admin.password);
    expect((await server.call('auth.logout', {}, token)).status).toBe(200);
    expect((await server.call('auth.me', {}, token)).status).toBe(401);
  });

  it('locks a username after five wrong passwords, even for the right one', async () => {
    await server.call(
      'users.create',
      { username: 'gv.binh', fullName: 'Trần Văn Bình', role: 'teacher', password: 'binh-pass-1' },
      adminToken,
    );
    for (let i = 0; i < 5; i++) await server.call('auth.login', { username: 'gv.binh', password: `wrong-${i}` });
    const { status, body } = await server.call('auth.login', { username: 'gv.binh', password: 'binh-pass-1' });
    expect(status).toBe(401);
    expect(body).toMatchObject({
      ok: false,
      error: {
        message:
          'Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này từ máy này. Vui lòng thử lại sau 15 phút hoặc nhờ quản trị viên đặt lại mật khẩu',
      },
    });
  });

  it('turns malformed JSON, wrong types, extra fields and empty bodies into invalid_input', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` };
    const malformed = await raw('/api/users.create', { method: 'POST', headers, body: '{"username": "x",' });
    expect(malformed).toEqual({
      status: 400,
      body: { ok: false, error: { code: 'invalid_input', message: 'Nội dung gửi lên không phải JSON hợp lệ' } },
    });

    const wrongType = await raw('/api/users.create', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'gv.cuong', fullName: 'Phạm Cường', role: 'teacher', password: 12345678 }),
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error?.code).toBe('invalid_input');
    expect(wrongType.body.error?.message).toContain('«password»');
    expect(wrongType.body.error?.details?.fields?.map((f) => f.field)).toEqual(['password']);

    const extra = await raw('/api/users.create', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        username: 'gv.cuong',
        fullName: 'Phạm Cường',
        role: 'teacher',
        password: 'cuong-pass',
        isRoot: true,
      }),
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error?.message).toContain('isRoot');

    const badRole = await raw('/api/users.create', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'gv.cuong', fullName: 'Phạm Cường', role: 'superuser', password: 'cuong-pass' }),
    });
    expect(badRole.body.error?.details?.fields?.[0]?.field).toBe('role');

    const empty = await raw('/api/auth.me', { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    expect(empty.status).toBe(200);
    const emptyJson = await raw('/api/auth.me', { method: 'POST', headers, body: '' });
    expect(emptyJson.status).toBe(200);

    const arrayBody = await raw('/api/auth.login', { method: 'POST', headers, body: '[1,2]' });
    expect(arrayBody.status).toBe(400);
    const nullBody = await raw('/api/users.create', { method: 'POST', headers, body: 'null' });
    expect(nullBody.status).toBe(400);
  });

  it('refuses an oversized body with invalid_input, not a 500', async () => {
    const big = JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    const { status, body } = await raw('/api/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Nội dung gửi lên quá lớn (tối đa 1 MB)' },
    });
  });

  it('refuses other content types and unknown procedures', async () => {
    const text = await raw('/api/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(text.status).toBe(400);
    expect(text.body.error?.code).toBe('invalid_input');
    const unknown = await server.call('users.drop', {}, adminToken);
    expect(unknown).toEqual({
      status: 404,
      body: { ok: false, error: { code: 'not_found', message: 'Không có chức năng «users.drop»' } },
    });
    const get = await fetch(`${server.url}/api/auth.me`);
    expect(get.status).toBe(404);
  });

  it('returns conflict for a stale version and rule_violation for a broken rule', async () => {
    const list = await server.call<{ users: { id: number; username: string; version: number }[] }>(
      'users.list',
      {},
      adminToken,
    );
    if (!list.body.ok) throw new Error('list failed');
    const admin = list.body.value.users.find((u) => u.username === 'admin')!;
    const first = await server.call(
      'users.update',
      { id: admin.id, version: admin.version, fullName: 'Nguyễn Văn Quản Trị' },
      adminToken,
    );
    expect(first.status).toBe(200);
    const stale = await server.call(
      'users.update',
      { id: admin.id, version: admin.version, fullName: 'Tên khác' },
      adminToken,
    );
    expect(stale).toEqual({
      status: 409,
      body: { ok: false, error: { code: 'conflict', message: 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại' } },
    });
    const self = await server.call('users.status.set', { id: admin.id, disabled: true }, adminToken);
    expect(self).toEqual({
      status: 422,
      body: { ok: false, error: { code: 'rule_violation', message: 'Bạn không thể tự khóa tài khoản của mình' } },
    });
    const missing = await server.call('users.update', { id: 9999, version: 0, fullName: 'Ai đó' }, adminToken);
    expect(missing.status).toBe(404);
  });

  it('serves the health check and keeps the UI headers off the API', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const response = await fetch(`${server.url}/api/school.status`, { method: 'POST' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('answers the server gives before a procedure runs', () => {
  const invalid = (message: string) => ({ ok: false, error: { code: 'invalid_input', message } });

  it('answers a too long address in the envelope, not with a bare 414', async () => {
    const { status, body } = await raw(`/api/${'a'.repeat(300)}`, { method: 'POST' });
    expect({ status, body }).toEqual({ status: 400, body: invalid('Địa chỉ yêu cầu quá dài') });
    const badlyEncoded = await raw('/api/%E0%A4%A', { method: 'POST' });
    expect(badlyEncoded).toEqual({ status: 400, body: invalid('Địa chỉ yêu cầu không hợp lệ') });
  });

  it('answers oversized headers and malformed HTTP in the envelope', async () => {
    const big = await rawExchange(
      server.port,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(statusOf(big)).toBe(400);
    expect(bodyOf(big)).toEqual(invalid('Địa chỉ hoặc phần đầu (header) của yêu cầu quá dài'));
    const longUrl = await rawExchange(server.port, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(bodyOf(longUrl)).toEqual(invalid('Địa chỉ hoặc phần đầu (header) của yêu cầu quá dài'));
    const garbage = await rawExchange(server.port, 'HELLO THERE\r\n\r\n');
    expect(statusOf(garbage)).toBe(400);
    expect(bodyOf(garbage)).toEqual(invalid('Yêu cầu gửi lên không đúng định dạng'));
  });

  it('answers a plain GET of /events as not found, in the envelope', async () => {
    const { status, body } = await raw('/events', {});
    expect({ status, body }).toEqual({
      status: 404,
      body: { ok: false, error: { code: 'not_found', message: 'Không tìm thấy' } },
    });
  });

  it('marks every /api and /files answer nosniff and no-store, errors included', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` };
    const answers = [
      await fetch(`${server.url}/api/auth.me`, { method: 'POST', headers }),
      await fetch(`${server.url}/api/auth.me`, { method: 'POST', headers, body: '{' }),
      await fetch(`${server.url}/api/users.drop`, { method: 'POST', headers }),
      await fetch(`${server.url}/api/${'a'.repeat(300)}`, { method: 'POST', headers }),
      await fetch(`${server.url}/api/auth.me`),
      await fetch(`${server.url}/files/1`),
      await fetch(`${server.url}/files/999999`, { headers }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options'), answer.url).toBe('nosniff');
      expect(answer.headers.get('cache-control'), answer.url).toMatch(/no-store/);
    }
    const id = await uploadFile(server, adminToken, 'trang.html', Buffer.from('<script>alert(1)</script>'));
    const download = await fetch(`${server.url}/files/${id}`, { headers });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

/** Issue 10 over real HTTP: login limits that a burst cannot outrun, and temporary passwords enforced by the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, setupSchool, startTestServer, type TestServer } from './support/server';
import type { UserView } from '../../src-shared/api/auth';
import { ADDRESS_MAX_FAILURES, MAX_FAILURES } from '../../src-main/core/auth/loginThrottle';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await setupSchool(server);
});
afterAll(() => server.close());

async function createUser(username: string, password: string, mustChangePassword = false): Promise<UserView> {
  return callOk<UserView>(
    server,
    'users.create',
    { username, fullName: `Người ${username}`, role: 'clerk', password, mustChangePassword },
    admin,
  );
}

const PAIR_LIMIT =
  'Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này từ máy này. Vui lòng thử lại sau 15 phút hoặc nhờ quản trị viên đặt lại mật khẩu';

describe('login throttling', () => {
  it('counts a burst of parallel logins like the same logins one after the other', async () => {
    await createUser('vt.burst', 'dung-mat-khau-1');
    const passwords = [...Array.from({ length: 59 }, (_, i) => `sai-mat-khau-${i}`), 'dung-mat-khau-1'];
    const answers = await Promise.all(
      passwords.map((password) => server.call('auth.login', { username: 'vt.burst', password })),
    );
    const messages = answers.map((a) => (a.body.ok ? 'ok' : a.body.error.message));
    // Only as many passwords were checked as a sequence of attempts would have had checked.
    expect(messages.filter((m) => m === 'Tên đăng nhập hoặc mật khẩu không đúng')).toHaveLength(MAX_FAILURES);
    expect(messages.filter((m) => m === PAIR_LIMIT)).toHaveLength(60 - MAX_FAILURES);
    // The right password came last: refused, as it would have been after 59 wrong ones in a row.
    expect(answers[59]!.status).toBe(401);
    expect(answers[59]!.body).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: PAIR_LIMIT, details: { reason: 'rate_limited', scope: 'pair' } },
    });
  });

  it('lets another user of the same address sign in while one username is locked', async () => {
    await createUser('vt.khoa', 'khoa-pass-1');
    await createUser('vt.ban', 'ban-pass-1');
    for (let i = 0; i < MAX_FAILURES; i++)
      await server.call('auth.login', { username: 'vt.khoa', password: `sai-${i}` });
    const locked = await server.call('auth.login', { username: 'vt.khoa', password: 'khoa-pass-1' });
    expect(locked.body).toMatchObject({ ok: false, error: { message: PAIR_LIMIT } });
    // Same PC (the school's one NAT'd address), another account: not locked.
    const other = await server.call('auth.login', { username: 'vt.ban', password: 'ban-pass-1' });
    expect(other.status).toBe(200);
  });

  it('limits one address over all usernames more softly, and says so', async () => {
    const fresh = await startTestServer();
    try {
      const freshAdmin = await setupSchool(fresh);
      // Failures spread over many usernames, each under the per-username limit.
      for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
        const wrong = await fresh.call('auth.login', { username: `khong-co-${i % 10}`, password: 'sai-sai-sai' });
        expect(wrong.body).toMatchObject({ ok: false, error: { message: 'Tên đăng nhập hoặc mật khẩu không đúng' } });
      }
      const refused = await fresh.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        ok: false,
        error: {
          message:
            'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này (nhiều máy trong trường có thể dùng chung địa chỉ). Mọi tài khoản đăng nhập từ địa chỉ này vui lòng thử lại sau 5 phút',
          details: { reason: 'rate_limited', scope: 'address' },
        },
      });
      // Sessions already open carry on.
      expect((await fresh.call('auth.me', {}, freshAdmin)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('temporary passwords', () => {
  const MUST_CHANGE = {
    ok: false,
    error: {
      code: 'forbidden',
      message: 'Bạn cần đổi mật khẩu tạm trước khi tiếp tục.',
      details: { reason: 'must_change_password' },
    },
  };

  it('after an administrator’s reset, allow only auth.me, auth.password.change and auth.logout', async () => {
    const user = await createUser('vt.tam', 'cu-mat-khau-1');
    await callOk(server, 'users.password.reset', { id: user.id, newPassword: 'tam-thoi-123' }, admin);
    const token = await server.login('vt.tam', 'tam-thoi-123');

    const profile = await server.call('school.profile.get', {}, token);
    expect(profile.status).toBe(403);
    expect(profile.body).toEqual(MUST_CHANGE);
    expect((await server.call('records.classes.list', {}, token)).body).toEqual(MUST_CHANGE);
    expect((await server.call('jobs.list', {}, token)).body).toMatchObject(MUST_CHANGE);
    // Public procedures stay public: the start page asks for the school's status with the token attached.
    expect((await server.call('school.status', {}, token)).status).toBe(200);
    // Nor may it hand in or fetch files.
    const upload = await fetch(`${server.url}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: Buffer.from('hello'),
    });
    expect(upload.status).toBe(403);
    expect(await upload.json()).toEqual(MUST_CHANGE);

    const me = await server.call<{ user: UserView }>('auth.me', {}, token);
    expect(me.body).toMatchObject({ ok: true, value: { user: { mustChangePassword: true } } });
    await callOk(
      server,
      'auth.password.change',
      { currentPassword: 'tam-thoi-123', newPassword: 'moi-moi-123' },
      token,
    );
    expect((await server.call('school.profile.get', {}, token)).status).toBe(200);
  });

  it('applies to a new account made with a temporary password, and lets it sign out', async () => {
    await createUser('vt.moi', 'tam-thoi-456', true);
    const token = await server.login('vt.moi', 'tam-thoi-456');
    expect((await server.call('school.profile.get', {}, token)).body).toEqual(MUST_CHANGE);
    expect((await server.call('auth.logout', {}, token)).status).toBe(200);
    expect((await server.call('auth.me', {}, token)).status).toBe(401);
  });
});

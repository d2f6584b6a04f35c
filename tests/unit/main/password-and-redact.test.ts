import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/core/auth/password';
import { redact } from '../../../src-main/core/dispatch';

describe('password hashing', () => {
  it('verifies the right password, NFC-insensitively, and rejects others', async () => {
    const hash = await hashPassword('Mật khẩu 123');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('Mật khẩu');
    expect(await verifyPassword('Mật khẩu 123', hash)).toBe(true);
    expect(await verifyPassword('Mật khẩu 123'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('mật khẩu 123', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('audit redaction', () => {
  it('hides secrets at any depth and cuts long text', () => {
    const out = redact({
      username: 'a',
      password: 'p',
      admin: { newPassword: 'n', pin: '1234' },
      note: 'x'.repeat(300),
    }) as Record<string, unknown>;
    expect(out).toMatchObject({ username: 'a', password: '***', admin: { newPassword: '***', pin: '***' } });
    expect((out.note as string).length).toBeLessThan(210);
  });
});

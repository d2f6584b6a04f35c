/**
 * Every procedure × every role (and no session): who gets through the permission check. The expected
 * tables (permissions/) are written out by hand, independently of src-shared/domain/roles.ts, so a
 * change to either shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { api } from '../../src-shared/api';
import { ROLES, type Role } from '../../src-shared/domain/roles';
import { auditLog } from '../../src-main/core/audit/schema';
import { startTestServer, usersForEveryRole, type TestServer } from './support/server';
import { ANYONE, EXPECTED, SAFE_INPUT, SIGNED_IN } from './permissions';

let server: TestServer;
let tokens: Record<Role, string>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await usersForEveryRole(server);
});
afterAll(() => server.close());

describe('role matrix', () => {
  it('lists every procedure of the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(api).sort());
  });

  const names = Object.keys(EXPECTED).filter((n) => n !== 'auth.logout');

  for (const role of ROLES) {
    it(`${role}: allowed procedures pass the check, others are forbidden and audited`, async () => {
      const forbiddenBefore = server.app.store.orm
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.outcome, 'forbidden'), eq(auditLog.role, role)))
        .get()!.n;
      let refused = 0;
      for (const name of names) {
        const allowed = EXPECTED[name]!;
        const permitted = allowed === ANYONE || allowed === SIGNED_IN || allowed.includes(role);
        const { status, body } = await server.call(name, SAFE_INPUT[name] ?? {}, tokens[role]);
        if (permitted) {
          expect([401, 403], `${role} → ${name}: ${JSON.stringify(body)}`).not.toContain(status);
        } else {
          refused++;
          expect({ name, status, body }).toEqual({
            name,
            status: 403,
            body: { ok: false, error: { code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này' } },
          });
        }
      }
      const forbiddenAfter = server.app.store.orm
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.outcome, 'forbidden'), eq(auditLog.role, role)))
        .get()!.n;
      expect(forbiddenAfter - forbiddenBefore).toBe(refused);
      const logout = await server.call('auth.logout', {}, tokens[role]);
      expect(logout.status).toBe(200);
    });
  }

  it('without a session only the public procedures answer; the rest say unauthenticated', async () => {
    for (const [name, allowed] of Object.entries(EXPECTED)) {
      const { status, body } = await server.call(name, SAFE_INPUT[name] ?? {});
      if (allowed === ANYONE) expect([401, 403], name).not.toContain(status);
      else
        expect({ name, status, code: body.ok ? null : body.error.code }).toEqual({
          name,
          status: 401,
          code: 'unauthenticated',
        });
    }
  });
});

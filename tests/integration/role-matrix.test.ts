/**
 * Every procedure × every role (and no session): who gets through the permission check. The expected
 * table is written out here, independently of src-shared/domain/roles.ts, so a change to either shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { api } from '../../src-shared/api';
import { ROLES, type Role } from '../../src-shared/domain/roles';
import { auditLog } from '../../src-main/core/audit/schema';
import { startTestServer, usersForEveryRole, type TestServer } from './support/server';

const ANYONE = 'anyone';
const SIGNED_IN = 'signed-in';
type Allowed = typeof ANYONE | typeof SIGNED_IN | Role[];
const ALL_ROLES: Role[] = ['admin', 'principal', 'clerk', 'teacher', 'medical'];
const RECORDS_STAFF: Role[] = ['admin', 'principal', 'clerk'];

const EXPECTED: Record<string, Allowed> = {
  'auth.login': ANYONE,
  'auth.logout': SIGNED_IN,
  'auth.me': SIGNED_IN,
  'auth.password.change': SIGNED_IN,
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.password.reset': ['admin'],
  'users.status.set': ['admin'],
  'school.status': ANYONE,
  'school.setup': ANYONE,
  'school.profile.get': SIGNED_IN,
  'school.profile.update': ['admin', 'principal'],
  'school.years.list': SIGNED_IN,
  'school.years.create': ['admin', 'principal'],
  'school.years.update': ['admin', 'principal'],
  'school.years.setCurrent': ['admin', 'principal'],
  'school.years.delete': ['admin', 'principal'],
  'audit.list': ['admin', 'principal'],
  'audit.actors': ['admin', 'principal'],
  'jobs.get': SIGNED_IN,
  'jobs.list': SIGNED_IN,
  'jobs.cancel': SIGNED_IN,
  'backup.list': ['admin'],
  'backup.create': ['admin'],
  'backup.restore': ['admin'],
  'backup.settings.update': ['admin'],
  'records.pupils.list': ALL_ROLES,
  'records.pupils.get': ALL_ROLES,
  'records.pupils.create': RECORDS_STAFF,
  'records.pupils.update': RECORDS_STAFF,
  'records.pupils.moveClass': RECORDS_STAFF,
  'records.pupils.transferOut': RECORDS_STAFF,
  'records.pupils.dropOut': RECORDS_STAFF,
  'records.pupils.readmit': RECORDS_STAFF,
  'records.classes.list': ALL_ROLES,
  'records.classes.create': RECORDS_STAFF,
  'records.classes.update': RECORDS_STAFF,
  'records.classes.delete': RECORDS_STAFF,
  'records.staff.list': ALL_ROLES,
  'records.staff.create': RECORDS_STAFF,
  'records.staff.update': RECORDS_STAFF,
  'records.staff.delete': RECORDS_STAFF,
  'records.assignments.list': ALL_ROLES,
  'records.assignments.set': RECORDS_STAFF,
  'records.rooms.list': ALL_ROLES,
  'records.rooms.create': RECORDS_STAFF,
  'records.rooms.update': RECORDS_STAFF,
  'records.rooms.delete': RECORDS_STAFF,
  'records.import.preview': RECORDS_STAFF,
  'records.import.run': RECORDS_STAFF,
  'records.export.pupils': ALL_ROLES,
  'records.export.classList': ALL_ROLES,
  'records.export.staff': ALL_ROLES,
  'records.export.classes': ALL_ROLES,
};

/** Inputs that pass validation where that is harmless, so an allowed call reaches its handler. */
const SAFE_INPUT: Record<string, unknown> = {
  'audit.list': { limit: 1 },
  'jobs.get': { id: 'none' },
  'jobs.cancel': { id: 'none' },
  'users.update': { id: 999999, version: 0, fullName: 'Không có' },
  'school.years.delete': { id: 999999 },
  'school.years.setCurrent': { id: 999999 },
  'records.pupils.get': { id: 999999 },
  'records.classes.delete': { id: 999999 },
  'records.staff.delete': { id: 999999 },
  'records.rooms.delete': { id: 999999 },
  'records.import.preview': { fileId: 999999, kind: 'pupils' },
  'records.export.classList': { classId: 999999 },
};

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

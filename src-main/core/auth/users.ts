/** Accounts: creation, changes, passwords, enabling and disabling. */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { users } from './schema';
import { hashPassword } from './password';
import { AppError } from '../../errors';
import type { Store } from '../../store/open';
import type { Role } from '../../../src-shared/domain/roles';
import type { UserView } from '../../../src-shared/api/auth';
import { foldForSearch } from '../../../src-shared/domain/vnName';

export type UserRow = typeof users.$inferSelect;

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: new Date(u.createdAt).toISOString(),
    lastLoginAt: u.lastLoginAt === null ? null : new Date(u.lastLoginAt).toISOString(),
    version: u.version,
  };
}

export function findUserByUsername(store: Store, username: string): UserRow | undefined {
  return store.orm.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
}

export function getUser(store: Store, id: number): UserRow {
  const row = store.orm.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('not_found', 'users.not_found');
  return row;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  password: string;
  mustChangePassword: boolean;
}

/** The hash is computed before the write so the insert itself stays a short synchronous statement. */
/** `alsoWithin` runs in the same transaction once the row exists (the audit row that records it). */
export async function createUser(store: Store, input: NewUser, alsoWithin?: (row: UserRow) => void): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return store.transaction(() => {
    const row = insertUser(store, { ...input, passwordHash });
    alsoWithin?.(row);
    return row;
  });
}

export function insertUser(store: Store, input: Omit<NewUser, 'password'> & { passwordHash: string }): UserRow {
  const username = input.username.trim().toLowerCase();
  if (findUserByUsername(store, username)) {
    throw new AppError('conflict', 'users.username_taken', { username }, { field: 'username' });
  }
  const now = Date.now();
  return store.orm
    .insert(users)
    .values({
      username,
      fullName: input.fullName,
      role: input.role,
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export function listUsers(store: Store, search?: string, includeDisabled = true): UserRow[] {
  const rows = store.orm
    .select()
    .from(users)
    .where(includeDisabled ? undefined : eq(users.disabled, false))
    .orderBy(asc(users.username))
    .all();
  if (!search?.trim()) return rows;
  const q = foldForSearch(search);
  return rows.filter((u) => foldForSearch(`${u.username} ${u.fullName}`).includes(q));
}

function activeAdminsOtherThan(store: Store, id: number): number {
  return (
    store.orm
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)))
      .get()?.n ?? 0
  );
}

/** Refuses a change that would leave the school without an active administrator. */
export function assertAdminRemains(store: Store, target: UserRow, next: { role: Role; disabled: boolean }): void {
  const wasActiveAdmin = target.role === 'admin' && !target.disabled;
  const staysActiveAdmin = next.role === 'admin' && !next.disabled;
  if (wasActiveAdmin && !staysActiveAdmin && activeAdminsOtherThan(store, target.id) === 0) {
    throw new AppError('rule_violation', 'users.last_admin');
  }
}

/** Updates a row if its version still matches; a stale version is a 'conflict'. */
export function updateUserRow(store: Store, id: number, expectedVersion: number, changes: Partial<UserRow>): UserRow {
  const row = store.orm
    .update(users)
    .set({ ...changes, updatedAt: Date.now(), version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning()
    .get();
  if (!row) {
    getUser(store, id);
    throw new AppError('conflict', 'error.conflict');
  }
  return row;
}

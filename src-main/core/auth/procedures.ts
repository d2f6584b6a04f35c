import { eq } from 'drizzle-orm';
import type { authApi } from '../../../src-shared/api/auth';
import type { usersApi } from '../../../src-shared/api/users';
import { PERMISSION_ROLES, roleHas, type Permission } from '../../../src-shared/domain/roles';
import type { HandlersFor } from '../handlers';
import { currentUser, type AppContext, type CallContext } from '../context';
import { AppError } from '../../errors';
import { users } from './schema';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { createSession, endSession, endUserSessions } from './sessions';
import {
  assertAdminRemains,
  createUser,
  findUserByUsername,
  getUser,
  listUsers,
  toUserView,
  updateUserRow,
  type UserRow,
} from './users';
import { school } from '../school/schema';

export function permissionsOf(role: UserRow['role']): Permission[] {
  return (Object.keys(PERMISSION_ROLES) as Permission[]).filter((p) => roleHas(role, p));
}

/** Signs a user in: used by auth.login and by first-run setup. */
export function openSession(app: AppContext, ctx: CallContext, user: UserRow) {
  const now = Date.now();
  app.store.orm.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).run();
  const { token, expiresAt } = createSession(app, user.id, ctx.ip);
  ctx.audit.actor = { id: user.id, username: user.username, fullName: user.fullName, role: user.role };
  return { token, expiresAt: new Date(expiresAt).toISOString(), user: toUserView({ ...user, lastLoginAt: now }) };
}

export const authHandlers: HandlersFor<typeof authApi> = {
  'auth.login': async (ctx, { username, password }) => {
    const { app } = ctx;
    const name = username.toLowerCase();
    ctx.audit.target = name;
    const wait = app.throttle.retryAfter(name, ctx.ip);
    if (wait > 0) {
      throw new AppError('unauthenticated', 'auth.rate_limited', { minutes: Math.ceil(wait / 60_000) });
    }
    const user = findUserByUsername(app.store, name);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches) {
      app.throttle.recordFailure(name, ctx.ip);
      throw new AppError('unauthenticated', 'auth.bad_credentials');
    }
    if (user.disabled) throw new AppError('unauthenticated', 'auth.disabled');
    app.throttle.recordSuccess(name);
    return openSession(app, ctx, user);
  },

  'auth.logout': (ctx) => {
    if (ctx.sessionTokenHash) endSession(ctx.app, ctx.sessionTokenHash);
    return {};
  },

  'auth.me': (ctx) => {
    const me = getUser(ctx.app.store, currentUser(ctx).id);
    const profile = ctx.app.store.orm.select({ name: school.name, demo: school.demo }).from(school).get();
    return {
      user: toUserView(me),
      permissions: permissionsOf(me.role),
      schoolName: profile?.name ?? null,
      demo: profile?.demo ?? false,
    };
  },

  'auth.password.change': async (ctx, { currentPassword, newPassword }) => {
    const me = getUser(ctx.app.store, currentUser(ctx).id);
    if (!(await verifyPassword(currentPassword, me.passwordHash))) {
      throw new AppError('rule_violation', 'auth.wrong_current_password', {}, { field: 'currentPassword' });
    }
    const passwordHash = await hashPassword(newPassword);
    ctx.app.store.transaction(() => {
      updateUserRow(ctx.app.store, me.id, me.version, { passwordHash, mustChangePassword: false });
      endUserSessions(ctx.app, me.id, ctx.sessionTokenHash);
    });
    return {};
  },
};

export const usersHandlers: HandlersFor<typeof usersApi> = {
  'users.list': (ctx, { search, includeDisabled }) => ({
    users: listUsers(ctx.app.store, search, includeDisabled).map(toUserView),
  }),

  'users.create': async (ctx, input) => {
    const row = await createUser(ctx.app.store, input);
    ctx.audit.target = `user:${row.id}`;
    return toUserView(row);
  },

  'users.update': (ctx, { id, version, fullName, role }) => {
    ctx.audit.target = `user:${id}`;
    const { store } = ctx.app;
    return store.transaction(() => {
      const target = getUser(store, id);
      if (role !== undefined && role !== target.role && id === currentUser(ctx).id) {
        throw new AppError('rule_violation', 'users.cannot_demote_self');
      }
      assertAdminRemains(store, target, { role: role ?? target.role, disabled: target.disabled });
      const changes: Partial<UserRow> = {};
      if (fullName !== undefined) changes.fullName = fullName;
      if (role !== undefined) changes.role = role;
      const row = updateUserRow(store, id, version, changes);
      // A new role means new permissions: make the user sign in again rather than keep a stale session.
      if (role !== undefined && role !== target.role) endUserSessions(ctx.app, id);
      return toUserView(row);
    });
  },

  'users.password.reset': async (ctx, { id, newPassword }) => {
    ctx.audit.target = `user:${id}`;
    const { store } = ctx.app;
    const passwordHash = await hashPassword(newPassword);
    return store.transaction(() => {
      const target = getUser(store, id);
      const row = updateUserRow(store, id, target.version, {
        passwordHash,
        mustChangePassword: id !== currentUser(ctx).id,
      });
      endUserSessions(ctx.app, id, ctx.sessionTokenHash);
      return toUserView(row);
    });
  },

  'users.status.set': (ctx, { id, disabled }) => {
    ctx.audit.target = `user:${id}`;
    const { store } = ctx.app;
    return store.transaction(() => {
      const target = getUser(store, id);
      if (disabled && id === currentUser(ctx).id) throw new AppError('rule_violation', 'users.cannot_disable_self');
      assertAdminRemains(store, target, { role: target.role, disabled });
      const row = updateUserRow(store, id, target.version, { disabled });
      if (disabled) endUserSessions(ctx.app, id);
      return toUserView(row);
    });
  },
};

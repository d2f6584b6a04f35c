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
import { isRefusal, type ThrottleScope } from './loginThrottle';
import type { MessageKey } from '../../../src-shared/i18n';

const RATE_LIMIT_MESSAGES: Record<ThrottleScope, MessageKey> = {
  pair: 'auth.rate_limited.pair',
  address: 'auth.rate_limited.address',
  account: 'auth.rate_limited.account',
};

export function permissionsOf(role: UserRow['role']): Permission[] {
  return (Object.keys(PERMISSION_ROLES) as Permission[]).filter((p) => roleHas(role, p));
}

/** Signs a user in: used by auth.login and by first-run setup. */
export function openSession(app: AppContext, ctx: CallContext, user: UserRow) {
  const now = Date.now();
  // One transaction with the call's audit row, which names the user signed in as its actor.
  const { token, expiresAt } = app.store.transaction(() => {
    ctx.audit.actor = { id: user.id, username: user.username, fullName: user.fullName, role: user.role };
    app.store.orm.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).run();
    return createSession(app, user.id, ctx.ip);
  });
  return { token, expiresAt: new Date(expiresAt).toISOString(), user: toUserView({ ...user, lastLoginAt: now }) };
}

export const authHandlers: HandlersFor<typeof authApi> = {
  'auth.login': async (ctx, { username, password }) => {
    const { app } = ctx;
    const name = username.toLowerCase();
    ctx.audit.target = name;
    // The slot is taken before the first await: parallel attempts are counted as they arrive.
    const attempt = app.throttle.begin(name, ctx.ip);
    if (isRefusal(attempt)) {
      const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
      throw new AppError(
        'unauthenticated',
        RATE_LIMIT_MESSAGES[attempt.scope],
        { minutes },
        {
          reason: 'rate_limited',
          scope: attempt.scope,
          retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000),
        },
      );
    }
    const user = findUserByUsername(app.store, name);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches) throw new AppError('unauthenticated', 'auth.bad_credentials');
    attempt.succeeded();
    if (user.disabled) throw new AppError('unauthenticated', 'auth.disabled');
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
    const row = await createUser(ctx.app.store, input, (made) => (ctx.audit.target = `user:${made.id}`));
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

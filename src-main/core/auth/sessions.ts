/** Bearer-token sessions: random tokens handed out once, stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import { sessions, users } from './schema';
import type { AppContext, SessionUser } from '../context';
import { AppError } from '../../errors';

/** Writing last_seen on every call would turn each read into a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSession(
  app: AppContext,
  userId: number,
  ip: string | null,
): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = now + app.config.sessionIdleMs;
  app.store.orm
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, lastSeenAt: now, ip })
    .run();
  return { token, expiresAt };
}

/**
 * The user behind a token, extending the session's idle expiry. Throws 'unauthenticated' for an unknown
 * or expired token or a disabled user.
 */
export interface ResolvedSession {
  user: SessionUser;
  tokenHash: string;
  /** The password was set by someone else: see temporaryPassword.ts. */
  mustChangePassword: boolean;
}

export function resolveSession(app: AppContext, token: string): ResolvedSession {
  const tokenHash = hashToken(token);
  const row = app.store.orm
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  const now = Date.now();
  if (!row) throw new AppError('unauthenticated', 'error.session_expired');
  if (row.session.expiresAt <= now || row.session.createdAt + app.config.sessionMaxMs <= now) {
    app.store.orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    throw new AppError('unauthenticated', 'error.session_expired');
  }
  if (row.user.disabled) throw new AppError('unauthenticated', 'auth.disabled');
  if (now - row.session.lastSeenAt >= TOUCH_EVERY_MS) {
    app.store.orm
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: now + app.config.sessionIdleMs })
      .where(eq(sessions.tokenHash, tokenHash))
      .run();
  }
  return {
    user: { id: row.user.id, username: row.user.username, fullName: row.user.fullName, role: row.user.role },
    tokenHash,
    mustChangePassword: row.user.mustChangePassword,
  };
}

export function endSession(app: AppContext, tokenHash: string): void {
  app.store.transaction(() => app.store.orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run());
}

/** Ends every session of a user, optionally sparing the caller's own. */
export function endUserSessions(app: AppContext, userId: number, exceptTokenHash?: string | null): void {
  const mine = eq(sessions.userId, userId);
  app.store.orm
    .delete(sessions)
    .where(exceptTokenHash ? and(mine, ne(sessions.tokenHash, exceptTokenHash)) : mine)
    .run();
}

export function purgeExpiredSessions(app: AppContext): void {
  app.store.orm.delete(sessions).where(lt(sessions.expiresAt, Date.now())).run();
}

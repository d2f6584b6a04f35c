/**
 * A password set by someone else (a new account, an administrator's reset) is temporary: until its
 * owner replaces it, the session may only see who it is, change the password, or sign out. The server
 * enforces it (dispatch, for every transport); the UI's redirect to the change-password page is only
 * a convenience.
 */
import { AppError } from '../../errors';

const ALLOWED_WITH_TEMPORARY_PASSWORD: ReadonlySet<string> = new Set([
  'auth.me',
  'auth.password.change',
  'auth.logout',
]);

/**
 * Throws 'forbidden' (reason must_change_password) when a temporary password's session calls anything
 * else. `procedure` is the procedure's name, or any other name for a route that is not one ('files').
 */
export function assertPasswordNotTemporary(session: { mustChangePassword: boolean }, procedure: string): void {
  if (session.mustChangePassword && !ALLOWED_WITH_TEMPORARY_PASSWORD.has(procedure)) {
    throw new AppError('forbidden', 'auth.must_change_password', {}, { reason: 'must_change_password' });
  }
}

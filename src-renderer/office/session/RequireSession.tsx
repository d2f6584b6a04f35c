/**
 * The gate in front of every signed-in page: no session, to the login page (remembering where the
 * user was going); a password that must be changed, to the change-password page first.
 */
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './SessionContext';

export const CHANGE_PASSWORD_PATH = '/change-password';

export function RequireSession() {
  const { session, notice } = useSession();
  const location = useLocation();
  if (!session) {
    // After an expiry the user comes back to the page they were on; after signing out, the next
    // person at this PC starts from the home page.
    const keepPlace = notice === null || notice === 'expired';
    return <Navigate to="/login" replace state={keepPlace ? { from: location.pathname + location.search } : null} />;
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

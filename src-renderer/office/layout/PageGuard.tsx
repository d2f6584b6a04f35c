import { Outlet, useLocation } from 'react-router';
import { useSignedIn } from '../session/SessionContext';
import { ForbiddenPage } from '../common/ForbiddenPage';
import { mayOpen } from './routeAccess';

/**
 * A module's pages, or the 403 page in their place for a page of the module this role is not offered
 * (routeAccess.ts decides); the module's section tabs above stay, so the user can go where they may.
 */
export function PageGuard() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  return mayOpen(user.role, pathname) ? <Outlet /> : <ForbiddenPage />;
}

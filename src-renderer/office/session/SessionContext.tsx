/**
 * Who is signed in. The token lives in the client (sessionStorage in a browser tab); this context
 * holds what the screens need about the user, and notices when the server ends the session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserView } from '../../../src-shared/api/auth';
import type { ApiError } from '../../../src-shared/api/envelope';
import { roleHas, type Permission } from '../../../src-shared/domain/roles';
import { useClient } from '../../lib/ClientContext';
import { FullPageSpinner } from '../common/FullPageSpinner';

export interface Session {
  user: UserView;
  schoolName: string | null;
  demo: boolean;
}

/** Why the user is back on the login page, to tell them. */
export type SessionNotice = 'expired' | 'restored' | 'signedOut';

export interface SessionValue {
  session: Session | null;
  notice: SessionNotice | null;
  /** Takes the token of a new session (login, first-run setup) and loads the user. */
  signIn(token: string): Promise<ApiError | null>;
  signOut(): Promise<void>;
  /** Forgets the session without asking the server: it already ended it (restore, expiry). */
  endLocally(notice: SessionNotice): void;
  refresh(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<SessionNotice | null>(null);
  // A token kept from before a reload is checked before anything is shown.
  const [checking, setChecking] = useState(client.token !== null);

  const loadMe = useCallback(async (): Promise<ApiError | null> => {
    const result = await client.call('auth.me', {});
    if (!result.ok) {
      setSession(null);
      return result.error;
    }
    const { user, schoolName, demo } = result.value;
    setSession({ user, schoolName, demo });
    return null;
  }, [client]);

  useEffect(() => {
    if (!checking) return;
    let live = true;
    void client.call('auth.me', {}).then((result) => {
      if (!live) return;
      // A stale token is dropped by the client itself ('unauthenticated'); after a network failure it
      // is kept, so that a reload can still resume the session.
      if (result.ok) {
        setSession({ user: result.value.user, schoolName: result.value.schoolName, demo: result.value.demo });
      }
      setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [client, checking]);

  useEffect(() => {
    client.onUnauthenticated(() => {
      setSession(null);
      setNotice('expired');
    });
    return () => client.onUnauthenticated(null);
  }, [client]);

  const signIn = useCallback(
    async (token: string) => {
      client.setToken(token);
      const error = await loadMe();
      if (error) client.setToken(null);
      else setNotice(null);
      return error;
    },
    [client, loadMe],
  );

  const signOut = useCallback(async () => {
    if (client.token) await client.call('auth.logout', {});
    client.setToken(null);
    setSession(null);
    setNotice('signedOut');
  }, [client]);

  const endLocally = useCallback(
    (why: SessionNotice) => {
      client.setToken(null);
      setSession(null);
      setNotice(why);
    },
    [client],
  );

  const refresh = useCallback(async () => {
    await loadMe();
  }, [loadMe]);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      notice,
      signIn,
      signOut,
      endLocally,
      refresh,
      can: (permission) => roleHas(session?.user.role ?? null, permission),
    }),
    [session, notice, signIn, signOut, endLocally, refresh],
  );

  if (checking) return <FullPageSpinner />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in user, for screens behind <RequireSession>. */
export function useSignedIn(): Session & Pick<SessionValue, 'can'> {
  const { session, can } = useSession();
  if (!session) throw new Error('useSignedIn() without a session');
  return { ...session, can };
}

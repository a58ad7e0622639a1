// Who is signed in: loaded from GET /v1/auth/session once, refreshed after sign-in and
// two-factor changes. The server decides what a role may do; the portal only hides what it
// knows the role cannot do.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { AuthenticationError, PermissionDeniedError } from '@cx-engage/sdk';
import { api, whenSignedOut } from './api.ts';
import type { Me } from './types.ts';

interface SessionState {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const next = await api('get', '/v1/auth/session');
      setMe(next);
      return next;
    } catch (err) {
      if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) {
        setMe(null);
        return null;
      }
      throw err;
    }
  }, []);
  const signOut = useCallback(async () => {
    await api('post', '/v1/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    void refresh().catch(() => setMe(null));
  }, [refresh]);
  return <SessionContext.Provider value={{ me, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (only inside the signed-in layout). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function can(me: Me, scope: string): boolean {
  return me.scopes.includes(scope) || (scope === 'platform:read' && me.scopes.includes('platform:admin'));
}

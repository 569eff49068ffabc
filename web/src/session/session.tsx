import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { signOutAtProvider } from './oidc';

/**
 * Who is signed in, for this tab only: the session lives in sessionStorage (it survives a reload,
 * not the closing of the tab) and never in localStorage, where every script of the origin could
 * read it for ever.
 */
export interface Session {
  token: string;
  /** ISO time the token expires. */
  expiresAt: string;
  via: 'personas' | 'oidc';
  /** Who, for the header: "Kim Kiel, Landeshauptstadt Kiel". */
  label: string;
  /** The OIDC id token, for sign-out at the provider. */
  idToken?: string;
}

export interface SessionApi {
  current: Session | null;
  signIn(session: Session): void;
  /** Ends the session here and, for OIDC, at the identity provider. */
  signOut(): Promise<void>;
  /** The API said UNAUTHENTICATED, or the token ran out: back to sign-in, then back here. */
  expire(): void;
}

const STORAGE_KEY = 'nachnutzungsregister.sitzung';

export function readStoredSession(storage: Storage = window.sessionStorage): Session | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) {
      return null;
    }
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || Number.isNaN(Date.parse(session.expiresAt))) {
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({
  children,
  onExpired,
  onSignedOut,
}: {
  children: React.ReactNode;
  /** Called with the path (and query) the user was on. */
  onExpired: (returnTo: string) => void;
  onSignedOut?: () => void;
}) {
  const [current, setCurrent] = useState<Session | null>(() => readStoredSession());

  const signIn = useCallback((session: Session) => {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    setCurrent(session);
  }, []);

  const clear = useCallback(() => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    setCurrent(null);
  }, []);

  const expire = useCallback(() => {
    // Once: a second UNAUTHENTICATED (another request of the old token) must not turn the page to
    // return to into the sign-in page itself.
    if (!readStoredSession() || window.location.pathname.startsWith('/anmelden')) {
      clear();
      return;
    }
    clear();
    onExpired(window.location.pathname + window.location.search);
  }, [clear, onExpired]);

  const signOut = useCallback(async () => {
    const session = current;
    clear();
    if (session?.via === 'oidc') {
      try {
        await signOutAtProvider(session.idToken);
        return;
      } catch {
        // The provider is unreachable: signed out here at least; its own session ends with its expiry.
      }
    }
    onSignedOut?.();
  }, [current, clear, onSignedOut]);

  // A token that runs out while the page is open ends the session at that moment, not at the next click.
  useEffect(() => {
    if (!current) {
      return;
    }
    const left = Date.parse(current.expiresAt) - Date.now();
    if (left <= 0) {
      expire();
      return;
    }
    // setTimeout takes at most 2^31-1 ms (24.8 days): a longer token is looked at again then.
    const MAX_DELAY = 2 ** 31 - 1;
    const timer = window.setTimeout(
      () => (left > MAX_DELAY ? setCurrent({ ...current }) : expire()),
      Math.min(left, MAX_DELAY),
    );
    return () => window.clearTimeout(timer);
  }, [current, expire]);

  const api = useMemo(() => ({ current, signIn, signOut, expire }), [current, signIn, signOut, expire]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) {
    throw new Error('useSession outside SessionProvider');
  }
  return api;
}

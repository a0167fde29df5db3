import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionChange, refreshSession, setSession } from '../api/client';
import * as endpoints from '../api/endpoints';
import type { Language, Me, Session } from '../api/types';
import i18n, { rememberLanguage } from '../i18n';

type Status = 'loading' | 'signedIn' | 'signedOut';

interface AuthValue {
  status: Status;
  user: Me | null;
  /** Store a session returned by login/setup/accept. */
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
  setUser: (user: Me) => void;
  /** Change the UI language; persisted to the profile when signed in. */
  changeLanguage: (lang: Language) => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUserState] = useState<Me | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    const off = onSessionChange((session) => {
      if (session) {
        setUserState(session.user);
        setStatus('signedIn');
      } else {
        setUserState(null);
        setStatus('signedOut');
      }
    });
    void refreshSession();
    return () => {
      off();
    };
  }, []);

  // The UI language follows the signed-in user's profile.
  useEffect(() => {
    if (user && user.language !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(user.language);
      rememberLanguage(user.language);
    }
  }, [user]);

  const signIn = useCallback((session: Session) => setSession(session), []);

  const signOut = useCallback(async () => {
    try {
      await endpoints.logout();
    } catch {
      // the cookie may already be gone; sign out locally anyway
    }
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const setUser = useCallback((me: Me) => setUserState(me), []);

  const changeLanguage = useCallback(
    async (lang: Language) => {
      rememberLanguage(lang);
      await i18n.changeLanguage(lang);
      if (user && user.language !== lang) {
        const me = await endpoints.updateMe({ language: lang });
        setUserState(me);
      }
    },
    [user],
  );

  const value = useMemo(
    () => ({ status, user, signIn, signOut, setUser, changeLanguage }),
    [status, user, signIn, signOut, setUser, changeLanguage],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Whether the user may edit the profile of organisation `organisationId` (the server decides finally). */
export function mayEditOrganisation(user: Me | null, organisationId: string): boolean {
  if (!user) return false;
  return user.isAdmin || user.memberships.some((m) => m.role === 'coordinator') || user.organisationId === organisationId;
}

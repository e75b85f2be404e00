import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { getToken, onTokenChange, setToken } from '../../api/session.ts';
import { signIn, signOut, useMe, type Me } from './auth.api.ts';

interface AuthState {
  token: string | null;
  me: Me | undefined;
  meError: unknown;
  loading: boolean;
  login: (login: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider(props: { children: ReactNode }) {
  const [token, setTokenState] = useState(getToken);
  const queryClient = useQueryClient();
  useEffect(() => onTokenChange(() => setTokenState(getToken())), []);
  useEffect(() => {
    if (!token) queryClient.clear();
  }, [token, queryClient]);
  const me = useMe(!!token);

  const login = useCallback(
    async (login: string, password: string) => {
      const answer = await signIn(login, password);
      queryClient.clear();
      queryClient.setQueryData(['me'], answer.user);
      setToken(answer.token);
    },
    [queryClient],
  );
  const logout = useCallback(async () => {
    try {
      await signOut();
    } finally {
      setToken(null);
    }
  }, []);

  const value: AuthState = {
    token,
    me: token ? me.data : undefined,
    meError: me.error,
    loading: !!token && me.isPending,
    login,
    logout,
  };
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user (screens behind the sign-in gate only). */
export function useCurrentUser(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('No signed-in user');
  return me;
}

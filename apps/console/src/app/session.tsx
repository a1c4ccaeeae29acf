import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { request, setTokenSource } from '../api/client';
import { ConsoleLoginDocument, ConsoleLogoutDocument, ConsoleRefreshSessionDocument, ConsoleViewerDocument, type ConsoleViewerQuery } from '../generated/graphql';

/*
 * The signed-in account: the access token in memory only, the single-use refresh token in this tab's
 * sessionStorage (a reload keeps the session, closing the tab ends it), rotated on every refresh.
 * What the account may do comes from `viewer.permissions`, as the API computes it.
 */

export type Viewer = ConsoleViewerQuery['viewer'];

/** The permissions that open the console's pages. */
export const ADMIN_PERMISSIONS = ['access.role:read', 'access.user:read', 'access.api-client:read', 'kernel.audit:read'] as const;

interface SessionState {
  readonly status: 'loading' | 'signed-out' | 'signed-in';
  readonly viewer: Viewer | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Whether the account holds the permission anywhere. */
  can(permission: string): boolean;
  /** Reads the viewer again (after a change to the account's own roles). */
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const REFRESH_KEY = 'console.refreshToken';

export function SessionProvider({ children }: { children: ReactNode }) {
  // A tab with a refresh token continues its session (below); one without starts signed out.
  const [status, setStatus] = useState<SessionState['status']>(() => (sessionStorage.getItem(REFRESH_KEY) ? 'loading' : 'signed-out'));
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const access = useRef<string | null>(null);
  const refreshing = useRef<Promise<string | null> | null>(null);

  const endLocally = useCallback(() => {
    access.current = null;
    sessionStorage.removeItem(REFRESH_KEY);
    setViewer(null);
    setStatus('signed-out');
  }, []);

  // One refresh at a time: the refresh token is single-use, a second concurrent use would end the session.
  const refresh = useCallback((): Promise<string | null> => {
    if (refreshing.current) return refreshing.current;
    const token = sessionStorage.getItem(REFRESH_KEY);
    if (!token) return Promise.resolve(null);
    refreshing.current = (async () => {
      try {
        access.current = null;
        const { refreshSession } = await request(ConsoleRefreshSessionDocument, { refreshToken: token });
        access.current = refreshSession.accessToken;
        sessionStorage.setItem(REFRESH_KEY, refreshSession.refreshToken);
        return refreshSession.accessToken;
      } catch {
        endLocally();
        return null;
      } finally {
        refreshing.current = null;
      }
    })();
    return refreshing.current;
  }, [endLocally]);

  useEffect(() => {
    setTokenSource({ accessToken: () => access.current, refresh });
    return () => setTokenSource(null);
  }, [refresh]);

  // Every page of the viewer's permissions (a super admin holds more than one page of them).
  const loadViewer = useCallback(async () => {
    const { viewer: first } = await request(ConsoleViewerDocument, {});
    const edges = [...first.permissions.edges];
    let page = first.permissions.pageInfo;
    while (page.hasNextPage && page.endCursor) {
      const { viewer: next } = await request(ConsoleViewerDocument, { after: page.endCursor });
      edges.push(...next.permissions.edges);
      page = next.permissions.pageInfo;
    }
    setViewer({ ...first, permissions: { ...first.permissions, edges, pageInfo: page } });
    setStatus('signed-in');
  }, []);

  // A reload of the page: continue the tab's session when its refresh token is still good.
  useEffect(() => {
    if (!sessionStorage.getItem(REFRESH_KEY)) return;
    void refresh().then((token) => (token ? loadViewer().catch(endLocally) : endLocally()));
  }, [refresh, loadViewer, endLocally]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { login } = await request(ConsoleLoginDocument, { input: { username, password } });
      access.current = login.accessToken;
      sessionStorage.setItem(REFRESH_KEY, login.refreshToken);
      await loadViewer();
    },
    [loadViewer],
  );

  const signOut = useCallback(async () => {
    const token = sessionStorage.getItem(REFRESH_KEY);
    try {
      if (token) await request(ConsoleLogoutDocument, { refreshToken: token });
    } finally {
      endLocally();
    }
  }, [endLocally]);

  const value = useMemo<SessionState>(() => {
    const held = new Set(viewer?.permissions.edges.map((e) => e.node.permission) ?? []);
    return { status, viewer, signIn, signOut, reload: loadViewer, can: (p) => held.has(p) };
  }, [status, viewer, signIn, signOut, loadViewer]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

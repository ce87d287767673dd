import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Api, ApiError, type Me } from '../api/client.js';

interface Session {
  api: Api;
  me: Me;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);
const STORAGE = 'care-pathways.key';

/** The signed-in API and principal; components below the sign-in gate can rely on it. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the sign-in gate');
  return s;
}

/** Asks for an API key, checks it with /api/me, keeps it for this browser tab only. */
export function SignInGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ key: string; me: Me } | null>(null);
  const [key, setKey] = useState(() => sessionStorage.getItem(STORAGE) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useMemo<Session | null>(
    () =>
      state && {
        api: new Api(state.key),
        me: state.me,
        signOut: () => {
          sessionStorage.removeItem(STORAGE);
          setState(null);
          setKey('');
        },
      },
    [state],
  );

  async function signIn(k: string) {
    setBusy(true);
    setError(null);
    try {
      const me = await new Api(k).me();
      sessionStorage.setItem(STORAGE, k);
      setState({ key: k, me });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Cannot reach the server');
    } finally {
      setBusy(false);
    }
  }

  // A reload keeps the tab's key: sign in with it once, without asking again.
  const tried = useRef(false);
  useEffect(() => {
    const saved = sessionStorage.getItem(STORAGE);
    if (!tried.current && saved) {
      tried.current = true;
      void signIn(saved);
    }
  }, []);

  if (session) return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  return (
    <main className="signin">
      <h1>Care Pathways</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void signIn(key.trim());
        }}
      >
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          placeholder="cpk_…"
          required
        />
        <button type="submit" disabled={busy || !key.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p className="hint">
          The demo keys are printed when the server starts and saved in data/demo-keys.json. The
          admin key can do everything: edit, publish, set live and the worklist.
        </p>
      </form>
    </main>
  );
}

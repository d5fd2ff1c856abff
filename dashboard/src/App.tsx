import { useEffect, useState } from 'react';
import { oidcSession, Session, signOut, storedSession } from './auth';
import type { DashboardConfig } from './config';
import { Dashboard } from './Dashboard';
import { SignIn } from './components/SignIn';

export function App({ config }: { config: DashboardConfig }) {
  const [session, setSession] = useState<Session | undefined>(() => (config.signIn === 'dev' ? storedSession() : undefined));
  const [checking, setChecking] = useState(config.signIn === 'oidc');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (config.signIn !== 'oidc') return;
    oidcSession(config)
      .then(setSession, (e: Error) => setError(`Inloggningen misslyckades: ${e.message}`))
      .finally(() => setChecking(false));
  }, [config]);
  const leave = () => {
    void signOut(config);
    setSession(undefined);
  };
  if (checking) return <p aria-busy="true">Kontrollerar inloggningen …</p>;
  if (!session) {
    return (
      <>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <SignIn config={config} onSignedIn={setSession} />
      </>
    );
  }
  return <Dashboard config={config} session={session} onSignOut={leave} />;
}

import { FormEvent, useEffect, useState } from 'react';
import { DemoOrganisation, devSignIn, devSignInOptions, oidcSignIn, Session } from '../auth';
import type { DashboardConfig } from '../config';
import { graphql } from '../graphql';
import { ROLES } from '../labels';
import { ACTOR_NAMES } from '../queries';

/** Development sign-in (embedded default): pick a demo organisation and a role; the local issuer signs the token. */
function DevSignIn({ config, onSignedIn }: { config: DashboardConfig; onSignedIn: (session: Session) => void }) {
  const [organisations, setOrganisations] = useState<Array<DemoOrganisation & { name: string }>>();
  const [roles, setRoles] = useState<string[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    (async () => {
      const options = await devSignInOptions();
      // The names from the registry, through the gateway like everything else.
      const { data } = await graphql<{ actors: { nodes: Array<{ id: string; name: string }> } }>(config.gatewayUrl, undefined, ACTOR_NAMES);
      const names = new Map(data.actors.nodes.map((actor) => [actor.id, actor.name]));
      const named = options.organisations.map((o) => ({ ...o, name: names.get(o.id) ?? o.key }));
      named.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      if (!current) return;
      setOrganisations(named);
      setRoles(options.roles);
      // A first choice, unless one has been made.
      const first = options.organisations.find((o) => o.role === 'NATIONAL_COORDINATOR') ?? options.organisations[0];
      setOrganisationId((chosen) => chosen || first.id);
      setRole((chosen) => chosen || (first.role ?? 'MEMBER'));
    })().catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [config.gatewayUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // What the form shows is what is asked for.
      const form = new FormData(event.currentTarget as HTMLFormElement);
      onSignedIn(await devSignIn(String(form.get('organisation')), String(form.get('role'))));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="sign-in" aria-describedby="dev-note">
      <p id="dev-note" className="note">
        Utvecklingsinloggning: bara i den inbyggda demomiljön. Välj en demoorganisation och en roll; den lokala utfärdaren skapar en
        token. I produktion loggar du in hos organisationens identitetsleverantör.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <label htmlFor="organisation">Organisation</label>
      <select id="organisation" name="organisation" value={organisationId} onChange={(e) => {
        setOrganisationId(e.target.value);
        const suggested = organisations?.find((o) => o.id === e.target.value)?.role;
        if (suggested) setRole(suggested);
      }} disabled={!organisations}>
        {organisations?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <label htmlFor="role">Roll</label>
      <select id="role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLES[r] ?? r}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !organisationId}>
        Logga in
      </button>
    </form>
  );
}

export function SignIn({ config, onSignedIn }: { config: DashboardConfig; onSignedIn: (session: Session) => void }) {
  return (
    <>
    <header className="top">
      <p className="brand">Samverkan · nationell lägesbild</p>
    </header>
    <main id="main" className="sign-in-page">
      <h1>Logga in till lägesbilden</h1>
      <p>
        Nationell lägesbild över lokal samverkan kring barn och unga: aktörer, överenskommelser (IOP, medborgarlöften,
        samverkansöverenskommelser), aktiviteter och lägesbilder i Sveriges län och kommuner.
      </p>
      {config.signIn === 'dev' ? (
        <DevSignIn config={config} onSignedIn={onSignedIn} />
      ) : (
        <button type="button" onClick={() => void oidcSignIn(config)}>
          Logga in med din organisations konto
        </button>
      )}
    </main>
    </>
  );
}

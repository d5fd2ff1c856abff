import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ActivityCard } from './ActivityCard';
import type { FinderConfig } from './config';
import { TIMES, type TimeOfDay, WHEN, type When } from './dates';
import { graphql } from './graphql';
import { KINDS, KINDS_FOR_CHILDREN, WEEKDAYS } from './labels';
import { ACTIVITIES, DISTRICTS, MUNICIPALITIES } from './queries';
import { activityVariables, addressOf, type ActivityPage, type Choices, choicesFromAddress, type FoundActivity, inReadingOrder } from './search';

interface Municipality {
  code: string;
  name: string;
}
interface County {
  code: string;
  name: string;
  children: Array<Municipality & { kind: string }>;
}

type Results = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; page: ActivityPage['activities']; nodes: FoundActivity[]; calendarUrl?: string };

const OTHER_KINDS = Object.keys(KINDS).filter((k) => !KINDS_FOR_CHILDREN.includes(k));

export function App({ config }: { config: FinderConfig }) {
  const [choices, setChoices] = useState<Choices>(() => choicesFromAddress(window.location.search));
  const [counties, setCounties] = useState<County[]>([]);
  const [districts, setDistricts] = useState<Array<{ code: string; name: string }>>([]);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [position, setPosition] = useState<'idle' | 'asking' | 'denied'>('idle');
  const summary = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof Choices>(key: K, value: Choices[K]) => setChoices((c) => ({ ...c, [key]: value }));

  useEffect(() => {
    graphql<{ area: { children: County[] } | null }>(config.gatewayUrl, MUNICIPALITIES).then(
      ({ data }) => setCounties(data.area?.children ?? []),
      () => setCounties([]),
    );
  }, [config.gatewayUrl]);

  useEffect(() => {
    setDistricts([]);
    if (!choices.municipality) return;
    let current = true;
    graphql<{ area: { children: Array<{ code: string; name: string; kind: string }> } | null }>(config.gatewayUrl, DISTRICTS, { code: choices.municipality }).then(
      ({ data }) => current && setDistricts((data.area?.children ?? []).filter((a) => a.kind === 'DISTRICT' || a.kind === 'NAMED_AREA')),
      () => undefined,
    );
    return () => void (current = false);
  }, [config.gatewayUrl, choices.municipality]);

  const municipalities = useMemo(() => counties.flatMap((c) => c.children.filter((m) => m.kind === 'MUNICIPALITY')), [counties]);

  async function search(wanted: Choices, after?: string) {
    if (!after) setResults({ state: 'loading' });
    try {
      const variables = { ...activityVariables(wanted), after };
      const { data } = await graphql<ActivityPage>(config.gatewayUrl, ACTIVITIES, variables);
      setResults((previous) => {
        const earlier = after && previous.state === 'done' ? previous.nodes : [];
        // The list as a calendar only for an area (the calendar export has no "near me").
        const calendarUrl = wanted.near ? undefined : data.listCalendarUrl;
        return { state: 'done', page: data.activities, nodes: [...earlier, ...inReadingOrder(data.activities.nodes, wanted.near)], calendarUrl };
      });
      if (!after) summary.current?.focus();
    } catch (error) {
      setResults({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  // A shared or bookmarked search is shown at once.
  useEffect(() => {
    if (window.location.search) void search(choices);
  }, []); // once, with the choices the address held

  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.history.replaceState(null, '', addressOf(choices) || window.location.pathname);
    void search(choices);
  };

  /** "Nära mig": the phone's position, asked only when the parent presses the button; the API finds what is near it. */
  const nearMe = () => {
    if (!navigator.geolocation) return setPosition('denied');
    setPosition('asking');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const near = { latitude: coords.latitude, longitude: coords.longitude };
        setPosition('idle');
        setChoices((c) => ({ ...c, near, municipality: '', district: '' }));
      },
      () => setPosition('denied'),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  return (
    <>
      <a className="skip" href="#resultat">
        Hoppa till resultaten
      </a>
      <header>
        <h1>Hitta aktiviteter för barn och unga</h1>
        <p>Välj var ni bor, barnets ålder och vad ni vill göra. Du behöver inget konto.</p>
      </header>
      <main>
        <form onSubmit={submit} aria-labelledby="sok">
          <h2 id="sok" className="visually-hidden">
            Sök
          </h2>
          <fieldset>
            <legend>Var?</legend>
            <label htmlFor="kommun">Kommun</label>
            <select id="kommun" value={choices.municipality} onChange={(e) => setChoices((c) => ({ ...c, municipality: e.target.value, district: '', near: undefined }))}>
              <option value="">{choices.near ? 'Nära mig' : 'Hela Sverige'}</option>
              {counties.map((county) => (
                <optgroup key={county.code} label={county.name}>
                  {county.children
                    .filter((m) => m.kind === 'MUNICIPALITY')
                    .map((m) => (
                      <option key={m.code} value={m.code}>
                        {m.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {districts.length ? (
              <>
                <label htmlFor="omrade">Stadsdel eller område</label>
                <select id="omrade" value={choices.district} onChange={(e) => set('district', e.target.value)}>
                  <option value="">Hela kommunen</option>
                  {districts.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <button type="button" className="secondary" onClick={nearMe} disabled={position === 'asking' || !municipalities.length}>
              {position === 'asking' ? 'Söker din position …' : 'Nära mig'}
            </button>
            <p className="hint" aria-live="polite">
              {position === 'denied'
                ? 'Vi fick inte veta var du är. Välj kommun i listan i stället.'
                : choices.near
                  ? 'Vi visar det som finns nära dig, närmast först. Din position sparas inte.'
                  : 'Med "Nära mig" frågar telefonen om din position. Den används bara för sökningen.'}
            </p>
          </fieldset>
          <label htmlFor="alder">Barnets ålder</label>
          <input id="alder" type="number" inputMode="numeric" min={0} max={25} value={choices.age} onChange={(e) => set('age', e.target.value)} />
          <label htmlFor="typ">Vad vill ni göra?</label>
          <select id="typ" value={choices.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">Allt</option>
            {KINDS_FOR_CHILDREN.map((k) => (
              <option key={k} value={k}>
                {KINDS[k]}
              </option>
            ))}
            <optgroup label="Annat">
              {OTHER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KINDS[k]}
                </option>
              ))}
            </optgroup>
          </select>
          <label htmlFor="nar">När?</label>
          <select id="nar" value={choices.when} onChange={(e) => set('when', e.target.value as When)}>
            {(Object.keys(WHEN) as When[]).map((w) => (
              <option key={w} value={w}>
                {WHEN[w]}
              </option>
            ))}
          </select>
          <fieldset className="days">
            <legend>Vilka dagar? (inget val: alla dagar)</legend>
            {Object.entries(WEEKDAYS).map(([day, label]) => (
              <label key={day} className="day">
                <input
                  type="checkbox"
                  checked={choices.weekdays.includes(day)}
                  onChange={(e) => set('weekdays', e.target.checked ? [...choices.weekdays, day] : choices.weekdays.filter((d) => d !== day))}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <label htmlFor="tid">Tid på dagen</label>
          <select id="tid" value={choices.time} onChange={(e) => set('time', e.target.value as TimeOfDay)}>
            <option value="">Hela dagen</option>
            {Object.entries(TIMES).map(([key, t]) => (
              <option key={key} value={key}>
                {t.label}
              </option>
            ))}
          </select>
          <button type="submit">Visa aktiviteter</button>
        </form>
        <section id="resultat" aria-labelledby="resultat-rubrik" aria-busy={results.state === 'loading'}>
          <h2 id="resultat-rubrik" ref={summary} tabIndex={-1}>
            {results.state === 'done'
              ? results.page.totalCount === 0
                ? 'Inga aktiviteter hittades'
                : `${results.page.totalCount} ${results.page.totalCount === 1 ? 'aktivitet' : 'aktiviteter'}`
              : 'Aktiviteter'}
          </h2>
          <div aria-live="polite">
            {results.state === 'idle' ? <p>Gör dina val ovan och tryck på "Visa aktiviteter".</p> : null}
            {results.state === 'loading' ? <p>Söker …</p> : null}
            {results.state === 'error' ? <p role="alert">Det gick inte att söka just nu. Försök igen om en stund. ({results.message})</p> : null}
            {results.state === 'done' && results.page.totalCount === 0 ? <p>Prova en annan dag, en annan tid eller ett större område.</p> : null}
          </div>
          {results.state === 'done' ? (
            <>
              {results.calendarUrl ? (
                <p>
                  <a className="button secondary" href={results.calendarUrl}>
                    Prenumerera på listan i din kalender
                  </a>
                </p>
              ) : null}
              {results.nodes.map((a) => (
                <ActivityCard key={a.id} activity={a} />
              ))}
              {results.page.pageInfo.hasNextPage ? (
                <button type="button" className="secondary" onClick={() => void search(choices, results.page.pageInfo.endCursor ?? undefined)}>
                  Visa fler
                </button>
              ) : null}
            </>
          ) : null}
        </section>
      </main>
      <footer>
        <p>Uppgifterna kommer från kommuner, föreningar och andra som ordnar aktiviteterna. Sidan sparar inget om dig och använder inga kakor.</p>
      </footer>
    </>
  );
}

import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Session } from './auth';
import type { DashboardConfig } from './config';
import { CountCell, countText, SuppressedNote } from './components/CountCell';
import { Column, DataTable } from './components/DataTable';
import { SwedenMap } from './components/SwedenMap';
import {
  AGE_GROUPS,
  AGREEMENT_KINDS,
  AREA_KINDS,
  breakdownLabels,
  FAMILIES,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  monthLabel,
  ROLES,
  ROSTER_GAP_KINDS,
  SERVICE_CATEGORIES,
} from './labels';
import { AreaRow, DEFAULT_MEASURE, defaultMeasure, FIGURE_MEASURES, hasFigures, Measure, MEASURES, TEXT_FIGURES } from './measures';
import { EXPIRING, INCIDENTS, LEVEL, ONE_PERSON, ROSTER_GAPS, SERIES, WHO_AM_I } from './queries';
import { useQuery } from './useQuery';

interface Ancestor {
  code: string;
  name: string;
  parent?: Ancestor | null;
}
interface LevelData {
  area: (AreaRow & { parent: Ancestor | null; children: AreaRow[] }) | null;
}
interface SeriesData {
  figureSeries: Array<{ month: string } & Record<string, unknown>>;
}
interface ExpiringData {
  agreements: {
    totalCount: number;
    nodes: Array<{
      id: string;
      title: string;
      kind: string;
      endsOn: string | null;
      parties: Array<{ actor: { name: string } | null }>;
      areas: Array<{ code: string; name: string }> | null;
    }>;
  };
}
interface OnePersonData {
  onePersonDependencies: {
    totalCount: number;
    nodes: Array<{ id: string; name: string; holderCount: number | null; actor: { name: string }; area: { code: string; name: string } }>;
  };
}
interface IncidentRow {
  id: string;
  title: string;
  kind: string;
  severity: string;
  status: string;
  activatedAt: string;
  contactDeadline: string;
  overdue: boolean;
  area: { code: string; name: string } | null;
  contacts: Array<{ status: string }>;
  notContacted: Array<{ id: string }>;
  organisationsNotReached: Array<{ id: string; name: string }>;
}
interface IncidentsData {
  incidents: { totalCount: number; nodes: IncidentRow[] };
}
interface RosterRow {
  id: string;
  gapCount: number;
  area: { code: string; name: string } | null;
  owner: { name: string } | null;
  gaps: Array<{ kind: string; incidentKind: string; position: number | null }>;
  entries: Array<{ contactFunction: { id: string; name: string; isOnePersonDependency: boolean } | null }>;
}
interface RosterGapsData {
  crisisRosters: { totalCount: number; nodes: RosterRow[] };
}

/** An instant as Swedes read it: "2026-03-14 21:05", Swedish time. */
const swedishTime = (instant: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));

/** Where an incident's contact list stands, in words (after the flag "Kontakter dröjer" when overdue). */
function contactsDetail(incident: IncidentRow): string {
  const missing = incident.notContacted.length;
  const total = incident.contacts.length;
  if (total === 0) return 'ingen kontaktlista (ingen krisberedskapslista med rader för händelsens slag)';
  if (missing === 0) return `alla ${total} rader kontaktade`;
  const notReached = incident.organisationsNotReached.map((o) => o.name).join(', ');
  const deadline = incident.overdue ? '' : `, tidsgräns ${swedishTime(incident.contactDeadline)}`;
  return `${missing} av ${total} rader inte kontaktade${deadline}${notReached ? `; inte nådda: ${notReached}` : ''}`;
}
/** The flag is words, not colour alone, and comes first: a screen reader and the CSV file say it too. */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const contactsText = (incident: IncidentRow) => (incident.overdue ? `Kontakter dröjer: ${contactsDetail(incident)}` : capital(contactsDetail(incident)));

/** A roster's gaps in Swedish, e.g. "Ingen kontakt: Brand; Ingen ersättare: Suicid, plats 2". */
const gapsText = (roster: RosterRow) =>
  roster.gaps
    .map((g) => `${ROSTER_GAP_KINDS[g.kind] ?? g.kind}: ${INCIDENT_KINDS[g.incidentKind] ?? g.incidentKind}${g.position != null ? `, plats ${g.position}` : ''}`)
    .join('; ');
/** The roster's contact functions resting on one person, each once. */
const onePersonFunctions = (roster: RosterRow) =>
  [...new Map(roster.entries.flatMap((e) => (e.contactFunction?.isOnePersonDependency ? [[e.contactFunction.id, e.contactFunction.name]] : []))).values()].join(', ');

/** The rows of a level: counties and municipalities by code, districts by name; named areas (which span districts) left out. */
const rowsOf = (children: AreaRow[]) =>
  children.filter((child) => child.kind !== 'NAMED_AREA').sort((a, b) => (a.kind === 'DISTRICT' ? a.name.localeCompare(b.name, 'sv') : a.code.localeCompare(b.code)));

/** Today and months in Swedish time, as the figures count them. */
const swedishDay = (date = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);
const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
function lastMonths(count: number): string[] {
  const [year, month] = swedishDay().split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The charts (Recharts, the larger part of the code) load once the rest of the page is there. */
const TrendChart = lazy(() => import('./components/TrendChart').then((module) => ({ default: module.TrendChart })));
const StackedTrendChart = lazy(() => import('./components/TrendChart').then((module) => ({ default: module.StackedTrendChart })));
const BreakdownChart = lazy(() => import('./components/TrendChart').then((module) => ({ default: module.BreakdownChart })));

/** The distributions (breakdown figures grouped by their list), e.g. "agreements.activeByKind" with one measure per kind. */
const BREAKDOWN_GROUPS = [...new Set(FIGURE_MEASURES.filter((m) => m.breakdown).map((m) => m.id.split('.').slice(0, -1).join('.')))].map((group) => ({
  group,
  measures: FIGURE_MEASURES.filter((m) => m.breakdown && m.id.startsWith(`${group}.`)),
}));

/** Distributions shown month by month too: the situation picture's levels are its trend. */
const STACKED_TRENDS = ['situation.byLevel', 'agreements.activeByKind'];

const PLURALS: Record<string, string> = { län: 'län', kommun: 'kommuner', stadsdel: 'stadsdelar' };
const plural = (count: number, word: string) => (count === 1 ? word : PLURALS[word] ?? word);

const MEASURE_GROUPS: Array<[string, Measure[]]> = [
  ['Siffror över alla parters poster', MEASURES.filter((m) => m.figure && !m.breakdown)],
  ['Fördelningar', MEASURES.filter((m) => m.breakdown)],
  ['Aktörsregistret i dag', MEASURES.filter((m) => !m.figure)],
];

/** The view is in the fragment: `#/01` is Stockholms län; other fragments (`#main`, the skip link's) are no view. */
const codeFromHash = () => (location.hash.startsWith('#/') ? decodeURIComponent(location.hash.slice(2)) || 'SE' : location.hash ? undefined : 'SE');

export function Dashboard({ config, session, onSignOut }: { config: DashboardConfig; session: Session; onSignOut: () => void }) {
  const [code, setCode] = useState(() => codeFromHash() ?? 'SE');
  useEffect(() => {
    const follow = () => {
      const next = codeFromHash();
      if (next) setCode(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const open = (next: string) => {
    location.hash = `/${next}`;
  };
  const months = useMemo(() => lastMonths(24), []);
  const [month, setMonth] = useState(months[0]);
  // Until one is chosen, the map shows the first figure with something to show.
  const [measureId, setMeasureId] = useState<string>();
  const today = swedishDay();

  const run = <T,>(query: string | undefined, variables: Record<string, unknown>) =>
    useQuery<T>(config.gatewayUrl, session.token, query, variables, onSignOut);

  const me = run<{ actor: { name: string } | null }>(WHO_AM_I, { id: session.organisationId });
  const level = run<LevelData>(LEVEL, { code, ...(hasFigures ? { month } : {}) });
  const series = run<SeriesData>(SERIES, { code });
  const expiring = run<ExpiringData>(EXPIRING, { code, from: today, to: addDays(today, 90) });
  const onePerson = run<OnePersonData>(ONE_PERSON, { code });
  const incidents = run<IncidentsData>(INCIDENTS, { code });
  const rosterGaps = run<RosterGapsData>(ROSTER_GAPS, { code });

  const area = level.data?.area;
  const kind = area?.kind;
  const rows = useMemo(() => rowsOf(level.data?.area?.children ?? []), [level.data]);
  const measure = MEASURES.find((m) => m.id === measureId) ?? (rows.length ? defaultMeasure(rows) : DEFAULT_MEASURE);
  const basis = area?.figures as { basis: string; minimumCount: number } | undefined;
  const trail: Ancestor[] = [];
  for (let a: Ancestor | null | undefined = area?.parent; a; a = a.parent) trail.unshift(a);

  useEffect(() => {
    if (area) document.title = `${area.name} – lägesbild – Samverkan`;
  }, [area]);

  const tableColumns: Column<AreaRow>[] = [
    {
      key: 'name',
      label: 'Område',
      render: (row) =>
        row.kind === 'COUNTY' || row.kind === 'MUNICIPALITY' ? (
          <a href={`#/${row.code}`} aria-label={`${row.name}: visa ${row.kind === 'COUNTY' ? 'länets kommuner' : 'kommunens stadsdelar'}`}>
            {row.name}
          </a>
        ) : (
          row.name
        ),
      text: (row) => row.name,
    },
    { key: 'code', label: 'Kod', render: (row) => row.code, text: (row) => row.code },
    // Every total, and the chosen value of a distribution (all of them would be some thirty columns).
    ...MEASURES.filter((m) => !m.breakdown || m.id === measure.id).map<Column<AreaRow>>((m: Measure) => ({
      key: m.id,
      label: m.label,
      numeric: true,
      render: (row) => <CountCell count={m.read(row)} />,
      text: (row) => countText(m.read(row)),
    })),
    ...TEXT_FIGURES.map<Column<AreaRow>>((t) => ({ key: t.id, label: t.label, render: (row) => t.read(row) ?? '–', text: (row) => t.read(row) ?? '' })),
  ];
  const childWord = kind === 'COUNTRY' ? 'län' : kind === 'COUNTY' ? 'kommun' : 'stadsdel';
  const partial = [level, series, expiring, onePerson, incidents, rosterGaps].flatMap((q) => q.partial);
  const overdue = (incidents.data?.incidents.nodes ?? []).filter((i) => i.overdue);
  const trendMeasures = hasFigures
    ? [measure, ...Object.keys(FAMILIES).flatMap((family) => FIGURE_MEASURES.filter((m) => !m.breakdown && m.id.startsWith(`${family}.`)).slice(0, 1))]
        .filter((m, i, all) => m.figure && all.findIndex((x) => x.id === m.id) === i)
        .slice(0, 5)
    : [];

  return (
    <>
      <header className="top">
        <a
          className="skip"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          Hoppa till innehållet
        </a>
        <p className="brand">Samverkan · nationell lägesbild</p>
        <p className="who">
          Inloggad: <strong>{me.data?.actor?.name ?? '…'}</strong> ({session.roles.map((r) => ROLES[r] ?? r).join(', ')}){' '}
          <button type="button" className="secondary" onClick={onSignOut}>
            Logga ut
          </button>
        </p>
      </header>
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <ol>
          {trail.map((a) => (
            <li key={a.code}>
              <a href={`#/${a.code}`}>{a.name}</a>
            </li>
          ))}
          {area && (
            <li>
              <span aria-current="page">{area.name}</span>
            </li>
          )}
        </ol>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1>
          Lägesbild: {area?.name ?? code} {kind && <span className="kind">({AREA_KINDS[kind] ?? kind})</span>}
        </h1>
        {level.data && !level.data.area && <p role="alert" className="error">Det finns inget område med koden {code}.</p>}
        {level.error && <p role="alert" className="error">{level.error.message}</p>}
        {partial.length > 0 && (
          <p role="status" className="warning">
            En del uppgifter saknas just nu: {[...new Set(partial.map((e) => e.message))].join('; ')}
          </p>
        )}
        <div className="controls">
          <label htmlFor="measure">Färglägg kartan efter</label>
          <select id="measure" value={measure.id} onChange={(e) => setMeasureId(e.target.value)}>
            {MEASURE_GROUPS.map(([group, measures]) =>
              measures.length ? (
                <optgroup key={group} label={group}>
                  {measures.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
          {hasFigures && (
            <>
              <label htmlFor="month">Månad</label>
              <select id="month" value={month} onChange={(e) => setMonth(e.target.value)}>
                {months.map((m) => (
                  <option key={m} value={m}>
                    {monthLabel(m)}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        {!hasFigures && (
          <p className="note">Siffrorna över alla parters poster (figures-API:t) finns inte i gatewayens schema ännu; kartan och tabellen visar aktörsregistrets uppgifter.</p>
        )}
        <section aria-labelledby="overview" className="overview">
          <h2 id="overview" className="visually-hidden">
            Karta och tabell
          </h2>
          {kind && (
            <SwedenMap
              areaCode={code}
              areaKind={kind}
              measureLabel={measure.label}
              regions={rows.map((row) => ({ code: row.code, name: row.name, count: measure.read(row) }))}
              onSelect={kind === 'COUNTRY' || kind === 'COUNTY' ? open : undefined}
            />
          )}
          <div className="area-table">
            <DataTable
              testId="area-table"
              busy={level.loading}
              caption={`${area?.name ?? code}: ${rows.length} ${plural(rows.length, childWord)}${hasFigures ? `, ${monthLabel(month)}` : ''}`}
              filename={`lagesbild-${code}-${hasFigures ? month : today}.csv`}
              columns={tableColumns}
              rows={rows}
              rowKey={(row) => row.code}
              empty={level.loading ? 'Laddar …' : `Inga ${plural(2, childWord)} att visa.`}
            />
            {area && (
              <p className="total">
                Hela {area.name}: {measure.label.toLowerCase()} <CountCell count={measure.read(area)} />
              </p>
            )}
            {basis && (
              <p className="note">
                {basis.basis === 'ALL_RECORDS'
                  ? `Siffrorna räknar alla parters poster, också dem du inte får läsa; tal under ${basis.minimumCount} visas inte, och några andra med dem, så att ingen enskild post kan röjas.`
                  : 'Siffrorna räknar bara offentliga poster (du är inte inloggad).'}
              </p>
            )}
            <SuppressedNote />
          </div>
        </section>

        <section aria-labelledby="incidents">
          <h2 id="incidents">Pågående händelser</h2>
          <p className="note">
            Öppnade och pågående händelser som du får se, senast aktiverade först. <strong>Kontakter dröjer</strong> betyder att tidsgränsen efter att
            krisberedskapslistan aktiverades har passerat och att rader i kontaktlistan fortfarande inte är kontaktade.
          </p>
          {incidents.error && <p role="alert" className="error">{incidents.error.message}</p>}
          {overdue.length > 0 && (
            <p className="warning" data-testid="overdue-summary">
              <strong className="flag">Kontakter dröjer</strong> i {overdue.length} {overdue.length === 1 ? 'händelse' : 'händelser'}:{' '}
              {overdue.map((i) => i.title).join(', ')}.
            </p>
          )}
          <DataTable
            testId="incidents-table"
            busy={incidents.loading}
            caption={`Pågående händelser i ${area?.name ?? code}: ${incidents.data?.incidents.totalCount ?? '…'}${overdue.length ? `, varav ${overdue.length} där kontakter dröjer` : ''}`}
            filename={`pagaende-handelser-${code}.csv`}
            rowKey={(i) => i.id}
            rows={incidents.data?.incidents.nodes ?? []}
            empty={incidents.loading ? 'Laddar …' : 'Inga öppnade eller pågående händelser som du får se.'}
            columns={[
              { key: 'title', label: 'Händelse', render: (i) => i.title, text: (i) => i.title },
              { key: 'kind', label: 'Slag', render: (i) => INCIDENT_KINDS[i.kind] ?? i.kind, text: (i) => INCIDENT_KINDS[i.kind] ?? i.kind },
              { key: 'severity', label: 'Allvarlighet', render: (i) => INCIDENT_SEVERITIES[i.severity] ?? i.severity, text: (i) => INCIDENT_SEVERITIES[i.severity] ?? i.severity },
              { key: 'status', label: 'Läge', render: (i) => INCIDENT_STATUSES[i.status] ?? i.status, text: (i) => INCIDENT_STATUSES[i.status] ?? i.status },
              { key: 'area', label: 'Område', render: (i) => i.area?.name ?? '–', text: (i) => i.area?.name ?? '' },
              { key: 'activatedAt', label: 'Aktiverad', render: (i) => swedishTime(i.activatedAt), text: (i) => swedishTime(i.activatedAt) },
              {
                key: 'contacts',
                label: 'Kontakter',
                render: (i) =>
                  i.overdue ? (
                    <>
                      <strong className="flag">Kontakter dröjer</strong>: {contactsDetail(i)}
                    </>
                  ) : (
                    contactsText(i)
                  ),
                text: contactsText,
              },
            ]}
          />
        </section>

        {hasFigures && (
          <section aria-labelledby="trends">
            <h2 id="trends">Utveckling de senaste 24 månaderna</h2>
            {series.error && <p role="alert" className="error">{series.error.message}</p>}
            <Suspense fallback={<p aria-busy="true">Laddar diagrammen …</p>}>
            <div className="trends">
              {series.data &&
                trendMeasures.map((m) => (
                  <TrendChart
                    key={m.id}
                    title={m.label}
                    filename={`utveckling-${code}-${m.id}.csv`}
                    points={series.data!.figureSeries.map((f) => ({ month: f.month, count: m.read({ figures: f } as unknown as AreaRow) }))}
                  />
                ))}
              {series.data &&
                BREAKDOWN_GROUPS.filter(({ group }) => STACKED_TRENDS.includes(group)).map(({ group, measures }) => (
                  <StackedTrendChart
                    key={group}
                    title={`${breakdownLabels(group, '').title} per månad`}
                    filename={`utveckling-${code}-${group}.csv`}
                    series={series.data!.figureSeries.map((f) => ({
                      month: f.month,
                      values: measures.map((m) => ({ value: breakdownLabels(group, m.id.split('.').pop()!).value, count: m.read({ figures: f } as unknown as AreaRow) })),
                    }))}
                  />
                ))}
            </div>
            </Suspense>
          </section>
        )}

        {hasFigures && area && BREAKDOWN_GROUPS.length > 0 && (
          <section aria-labelledby="breakdowns">
            <h2 id="breakdowns">
              Fördelningar för {area.name}, {monthLabel(month)}
            </h2>
            <Suspense fallback={<p aria-busy="true">Laddar diagrammen …</p>}>
              <div className="trends">
                {BREAKDOWN_GROUPS.map(({ group, measures }) => (
                  <BreakdownChart
                    key={group}
                    title={breakdownLabels(group, '').title}
                    filename={`fordelning-${code}-${group}-${month}.csv`}
                    entries={measures.map((m) => ({ value: breakdownLabels(group, m.id.split('.').pop()!).value, count: m.read(area) }))}
                  />
                ))}
              </div>
            </Suspense>
          </section>
        )}

        <section aria-labelledby="expiring">
          <h2 id="expiring">Överenskommelser som löper ut inom 90 dagar</h2>
          {expiring.error && <p role="alert" className="error">{expiring.error.message}</p>}
          <DataTable
            caption={`Aktiva överenskommelser i ${area?.name ?? code} som upphör ${today} – ${addDays(today, 90)} (de du får se), tidigast först`}
            filename={`overenskommelser-loper-ut-${code}.csv`}
            rowKey={(a) => a.id}
            rows={expiring.data?.agreements.nodes ?? []}
            empty={expiring.loading ? 'Laddar …' : 'Inga överenskommelser löper ut inom 90 dagar.'}
            columns={[
              { key: 'title', label: 'Överenskommelse', render: (a) => a.title, text: (a) => a.title },
              { key: 'kind', label: 'Slag', render: (a) => AGREEMENT_KINDS[a.kind] ?? a.kind, text: (a) => AGREEMENT_KINDS[a.kind] ?? a.kind },
              { key: 'endsOn', label: 'Upphör', render: (a) => a.endsOn, text: (a) => a.endsOn },
              {
                key: 'parties',
                label: 'Parter',
                render: (a) => a.parties.map((p) => p.actor?.name ?? '(okänd)').join(', '),
                text: (a) => a.parties.map((p) => p.actor?.name ?? '').join(', '),
              },
              { key: 'areas', label: 'Områden', render: (a) => (a.areas ?? []).map((x) => x.name).join(', '), text: (a) => (a.areas ?? []).map((x) => x.name).join(', ') },
            ]}
          />
        </section>

        <section aria-labelledby="one-person">
          <h2 id="one-person">Kontaktfunktioner som hänger på en person</h2>
          <p className="note">Funktioner med färre än två personer (innehavare och ersättare) i dag: sårbara när någon slutar eller är borta.</p>
          {onePerson.error && <p role="alert" className="error">{onePerson.error.message}</p>}
          <DataTable
            caption={`Enpersonsberoenden i ${area?.name ?? code}: ${onePerson.data?.onePersonDependencies.totalCount ?? '…'}`}
            filename={`enpersonsberoenden-${code}.csv`}
            rowKey={(f) => f.id}
            rows={onePerson.data?.onePersonDependencies.nodes ?? []}
            empty={onePerson.loading ? 'Laddar …' : 'Inga kontaktfunktioner hänger på en person.'}
            columns={[
              { key: 'name', label: 'Kontaktfunktion', render: (f) => f.name, text: (f) => f.name },
              { key: 'actor', label: 'Aktör', render: (f) => f.actor.name, text: (f) => f.actor.name },
              { key: 'area', label: 'Område', render: (f) => f.area.name, text: (f) => f.area.name },
              { key: 'holders', label: 'Personer i dag', numeric: true, render: (f) => f.holderCount ?? '–', text: (f) => f.holderCount },
            ]}
          />
        </section>

        <section aria-labelledby="roster-gaps">
          <h2 id="roster-gaps">Krisberedskapslistor med luckor</h2>
          <p className="note">
            Listor som du får se, för området och områden inom det: slag av händelser där ingen skulle kontaktas, och platser i ordningen utan ersättare.
          </p>
          {rosterGaps.error && <p role="alert" className="error">{rosterGaps.error.message}</p>}
          <DataTable
            testId="roster-gaps-table"
            busy={rosterGaps.loading}
            caption={`Krisberedskapslistor med luckor i ${area?.name ?? code}: ${rosterGaps.data?.crisisRosters.totalCount ?? '…'}`}
            filename={`krisberedskapslistor-med-luckor-${code}.csv`}
            rowKey={(r) => r.id}
            rows={rosterGaps.data?.crisisRosters.nodes ?? []}
            empty={rosterGaps.loading ? 'Laddar …' : 'Inga krisberedskapslistor med luckor.'}
            columns={[
              { key: 'area', label: 'Område', render: (r) => r.area?.name ?? '–', text: (r) => r.area?.name ?? '' },
              { key: 'owner', label: 'Ägare', render: (r) => r.owner?.name ?? '–', text: (r) => r.owner?.name ?? '' },
              { key: 'gapCount', label: 'Luckor', numeric: true, render: (r) => r.gapCount, text: (r) => r.gapCount },
              { key: 'gaps', label: 'Vad som saknas', render: gapsText, text: gapsText },
              { key: 'onePerson', label: 'Funktioner som hänger på en person', render: (r) => onePersonFunctions(r) || 'inga', text: onePersonFunctions },
            ]}
          />
        </section>

        <section aria-labelledby="coverage">
          <h2 id="coverage">Täckningsluckor</h2>
          <p className="note">Ur det öppna aktörsregistret: verksamhet som ingen aktör erbjuder lokalt, per {childWord}.</p>
          <DataTable
            caption={`Täckningsluckor i ${area?.name ?? code} per ${childWord}`}
            filename={`tackningsluckor-${code}.csv`}
            rowKey={(row) => row.code}
            rows={area ? [...rows, area] : rows}
            columns={[
              { key: 'name', label: 'Område', render: (row) => (row.code === code ? `Hela ${row.name}` : row.name), text: (row) => row.name },
              {
                key: 'categories',
                label: 'Verksamhetsslag som saknas lokalt',
                render: (row) => (row.coverage?.missingCategoriesLocally ?? []).map((c) => SERVICE_CATEGORIES[c] ?? c).join(', ') || 'inga',
                text: (row) => (row.coverage?.missingCategoriesLocally ?? []).map((c) => SERVICE_CATEGORIES[c] ?? c).join(', '),
              },
              {
                key: 'ages',
                label: 'Åldersgrupper utan lokal verksamhet',
                render: (row) => (row.coverage?.ageGroupsWithoutLocalService ?? []).map((g) => AGE_GROUPS[g] ?? g).join(', ') || 'inga',
                text: (row) => (row.coverage?.ageGroupsWithoutLocalService ?? []).map((g) => AGE_GROUPS[g] ?? g).join(', '),
              },
              {
                key: 'districts',
                label: 'Stadsdelar utan civilsamhälle',
                render: (row) => (row.coverage?.districtsWithoutCivilSociety ?? []).map((d) => d.name).join(', ') || 'inga',
                text: (row) => (row.coverage?.districtsWithoutCivilSociety ?? []).map((d) => d.name).join(', '),
              },
            ]}
          />
        </section>
      </main>
      <footer>
        <p>
          Kartunderlag: kommungränser från Valmyndigheten via okfse/sweden-geojson (fri återanvändning). Siffror över alla parters poster
          visas med röjandeskydd: {`..`} betyder färre än 3 eller skyddat.
        </p>
      </footer>
    </>
  );
}

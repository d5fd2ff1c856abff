import { addMonths, currentMonth, Role } from '@samverkan/federation';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { actorsSubgraph } from '../src';

/**
 * The registry's figures: counted straight from the registry (recounted here in SQL), as of each
 * month's day, and the same few statements for one area, a county table or a 24-month series.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let subgraph: TestSubgraph;
let signedIn: Record<string, string>;
const id = (n: number) => `f1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const month = currentMonth();
const lastYear = addMonths(month, -12);

const FIELDS = `areaCode month basis minimumCount area { code }
  registry { actors { value suppressed } actorsByKind { kind count { value suppressed } }
    services { value } servicesByCategory { category count { value } }
    contactFunctions { value } onePersonDependencies { value } }`;

beforeAll(async () => {
  process.env.SAMVERKAN_SQL_STATS = 'true';
  subgraph = await startTestSubgraph(actorsSubgraph, { seed: false });
  signedIn = await bearer(id(1), [Role.NATIONAL_COORDINATOR]);
  const db = subgraph.dataSource;
  // Västerbotten: Umeå (2480) with a district, Skellefteå (2482); one actor Sweden-wide.
  await db.query(`INSERT INTO areas (code, name, kind, parent_code) VALUES ('2480-ost', 'Öst', 'DISTRICT', '2480')`);
  const actors: Array<[number, string, string[], string, string | null]> = [
    [1, 'CIVIL_SOCIETY', ['2480', '2480-ost'], '2020-01-15', null], // one actor in two nested areas counts once
    [2, 'CIVIL_SOCIETY', ['2480-ost'], `${lastYear}-28`, null],
    [3, 'POLICE', ['2482'], '2020-01-15', null],
    [4, 'FAITH_COMMUNITY', ['2482'], `${month}-01`, null], // registered this month
    [5, 'CIVIL_SOCIETY', ['2480'], '2020-01-15', '2021-06-01'], // archived: gone since
    [6, 'CIVIL_SOCIETY', ['SE'], '2020-01-15', null],
  ];
  for (const [n, kind, areas, created, archived] of actors) {
    await db.query(
      `INSERT INTO actors (id, name, kind, owner_id, version, created_at, archived_at, archived_reason)
       VALUES ($1, $2, $3, $1, 1, $4::date + time '12:00', $5::date + time '12:00', CASE WHEN $5::date IS NULL THEN NULL ELSE 'Nedlagd' END)`,
      [id(n), `Aktör ${n}`, kind, created, archived],
    );
    for (const area of areas) await db.query('INSERT INTO actor_areas (actor_id, area_code) VALUES ($1, $2)', [id(n), area]);
  }
  const services: Array<[number, number, string, string[]]> = [
    [11, 1, 'SPORT', ['2480-ost']],
    [12, 2, 'SPORT', ['2480', '2482']], // one service in two municipalities counts once in the county
    [13, 3, 'SAFETY_HOSTS', ['2482']],
    [14, 5, 'SPORT', ['2480']], // of the archived actor
  ];
  for (const [n, actor, category, areas] of services) {
    await db.query(
      `INSERT INTO services (id, actor_id, name, category, target_groups, version, created_at) VALUES ($1, $2, $3, $4, '{CHILDREN}', 1, '2020-02-01')`,
      [id(n), id(actor), `Tjänst ${n}`, category],
    );
    for (const area of areas) await db.query('INSERT INTO service_areas (service_id, area_code) VALUES ($1, $2)', [id(n), area]);
  }
  // A function with one holder (a one-person dependency), one with two.
  for (const [n, actor, holders] of [[21, 1, 1], [22, 3, 2]] as const) {
    await db.query(`INSERT INTO contact_functions (id, actor_id, name, area_code, version, created_at) VALUES ($1, $2, $3, $4, 1, '2020-02-01')`, [
      id(n), id(actor), `Funktion ${n}`, n === 21 ? '2480-ost' : '2482',
    ]);
    for (let h = 0; h < holders; h++) {
      await db.query(`INSERT INTO contact_function_holders (function_id, person_name, role, position) VALUES ($1, $2, $3, $4)`, [
        id(n), `Person ${h}`, h === 0 ? 'HOLDER' : 'BACKUP', h,
      ]);
    }
  }
}, 120000);

afterAll(async () => {
  delete process.env.SAMVERKAN_SQL_STATS;
  await subgraph?.stop();
});

/** The registry recounted: actors registered by `day` and not archived by then, in the area or below. */
async function recount(area: string, day: string) {
  const db = subgraph.dataSource;
  const within = `(a.area_code = $1 OR $1 = 'SE' OR a.area_code LIKE $1 || (CASE WHEN length($1) = 2 THEN '%' ELSE '-%' END))`;
  const alive = (o: string) => `(${o}.created_at AT TIME ZONE 'Europe/Stockholm')::date <= $2 AND (${o}.archived_at IS NULL OR (${o}.archived_at AT TIME ZONE 'Europe/Stockholm')::date > $2)`;
  const [actors] = await db.query(`SELECT count(DISTINCT o.id)::int AS n FROM actors o JOIN actor_areas a ON a.actor_id = o.id WHERE ${within} AND ${alive('o')}`, [area, day]);
  const [services] = await db.query(
    `SELECT count(DISTINCT s.id)::int AS n FROM services s JOIN actors o ON o.id = s.actor_id JOIN service_areas a ON a.service_id = s.id WHERE ${within} AND ${alive('o')}`,
    [area, day],
  );
  return { actors: actors.n, services: services.n };
}

describe('registry figures', () => {
  it.each(['SE', '24', '2480', '2480-ost', '2482'])('count what the registry holds in %s, sub-areas included, each record once', async (area) => {
    const response = await subgraph.query(`query($area: ID!) { figures(areaCode: $area) { ${FIELDS} } }`, { area }, signedIn);
    expect(response.errors).toBeUndefined();
    const figures: Json = response.data!.figures;
    const expected = await recount(area, (await subgraph.dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS d`))[0].d);
    expect(figures.registry.actors).toEqual({ value: expected.actors, suppressed: false });
    expect(figures.registry.services.value).toBe(expected.services);
    const byKind = figures.registry.actorsByKind.reduce((sum: number, entry: Json) => sum + entry.count.value, 0);
    expect(byKind).toBe(expected.actors);
    expect(figures.basis).toBe('ALL_RECORDS');
    expect(figures.area.code).toBe(area);
  });

  it('counts the county once per record and shows one-person dependencies to signed-in parties only', async () => {
    const query = `{ figures(areaCode: "24") { registry { actors { value } services { value } servicesByCategory { category count { value } }
      contactFunctions { value } onePersonDependencies { value } } basis } }`;
    const mine: Json = (await subgraph.query(query, {}, signedIn)).data!.figures;
    // Actors 1, 2, 3, 4 (5 archived; 6 is Sweden-wide); services 11, 12, 13.
    expect(mine.registry.actors.value).toBe(4);
    expect(mine.registry.services.value).toBe(3);
    expect(mine.registry.servicesByCategory.find((c: Json) => c.category === 'SPORT').count.value).toBe(2);
    expect(mine.registry.contactFunctions.value).toBe(2);
    expect(mine.registry.onePersonDependencies.value).toBe(1);
    const anonymous: Json = (await subgraph.query(query)).data!.figures;
    expect(anonymous.basis).toBe('PUBLIC_RECORDS');
    expect(anonymous.registry.actors.value).toBe(4);
    expect(anonymous.registry.onePersonDependencies).toBeNull();
  });

  it('counts each month as of its day: registered by then and not archived by then', async () => {
    const response = await subgraph.query(`{ area(code: "2480") { figureSeries(months: 24) { month registry { actors { value } } } } }`, {}, signedIn);
    expect(response.errors).toBeUndefined();
    const series = response.data!.area.figureSeries as Json[];
    expect(series.map((entry) => entry.month)).toEqual(Array.from({ length: 24 }, (_, i) => addMonths(month, i - 23)));
    for (const entry of series) {
      const day = entry.month === month ? undefined : entry.month;
      const expected = day
        ? await recount('2480', (await subgraph.dataSource.query(`SELECT (date_trunc('month', $1::date) + interval '1 month - 1 day')::date::text AS d`, [`${day}-01`]))[0].d)
        : await recount('2480', (await subgraph.dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS d`))[0].d);
      expect(entry.registry.actors.value).toBe(expected.actors);
    }
    // Actor 2 came on the 28th a year ago: not in the month before, in that month.
    expect(series.find((entry) => entry.month === addMonths(lastYear, -1)).registry.actors.value).toBe(1);
    expect(series.find((entry) => entry.month === lastYear).registry.actors.value).toBe(2);
  });

  it('costs the same statements for one area, a county table and a 24-month series', async () => {
    const statements = async (query: string) => {
      const response = await subgraph.query(query, {}, signedIn);
      expect(response.errors).toBeUndefined();
      return (response.extensions as Json).sqlStatements;
    };
    const one = await statements(`{ figures(areaCode: "24") { registry { actors { value } services { value } } } }`);
    const table = (code: string) => statements(`{ area(code: "${code}") { children { figures { registry { actors { value } services { value } } } } } }`);
    const series = await statements(`{ figureSeries(areaCode: "24", months: 24) { registry { actors { value } services { value } } } }`);
    expect(series).toBe(one);
    // Sweden's 21 counties and Västerbotten's 15 municipalities alike.
    expect(await table('SE')).toBe(await table('24'));
  });

  it('keeps counts until the change log moves, so a write through the API shows at once', async () => {
    process.env.FIGURES_CACHE_SECONDS = '600';
    try {
      const count = async () => ((await subgraph.query(`{ figures(areaCode: "2482") { registry { actors { value } } } }`, {}, signedIn)).data!.figures as Json).registry.actors.value;
      const before = await count();
      // Written beside the API: no change-log entry, so the kept count stands (for up to FIGURES_CACHE_SECONDS).
      await subgraph.dataSource.query(`INSERT INTO actors (id, name, kind, owner_id, version) VALUES ($1, 'Sidoförening', 'CIVIL_SOCIETY', $1, 1)`, [id(31)]);
      await subgraph.dataSource.query(`INSERT INTO actor_areas (actor_id, area_code) VALUES ($1, '2482')`, [id(31)]);
      expect(await count()).toBe(before);
      const created = await subgraph.query(`mutation { createActor(input: { name: "Skellefteå ungdomsförening", kind: CIVIL_SOCIETY, areaCodes: ["2482"] }) { id } }`, {}, signedIn);
      expect(created.errors).toBeUndefined();
      expect(await count()).toBe(before + 2);
    } finally {
      process.env.FIGURES_CACHE_SECONDS = '0';
    }
  });

  it.each([
    ['a malformed month', `{ figures(areaCode: "24", month: "2026-13") { month } }`, 'BAD_USER_INPUT'],
    ['a malformed area code', `{ figures(areaCode: "Umeå") { month } }`, 'BAD_USER_INPUT'],
    ['an unknown area', `{ figures(areaCode: "2499") { month } }`, 'NOT_FOUND'],
    ['too long a series', `{ figureSeries(areaCode: "24", months: 25) { month } }`, 'BAD_USER_INPUT'],
    ['an empty series', `{ figureSeries(areaCode: "24", months: 0) { month } }`, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear code', async (_, query, code) => {
    const response = await subgraph.query(query, {}, signedIn);
    expect(errorCode(response)).toBe(code);
    expect(response.data?.figures ?? response.data?.figureSeries ?? null).toBeNull();
  });
});


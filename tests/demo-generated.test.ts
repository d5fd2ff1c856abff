import { Client } from 'pg';
import { DEMO_ACTORS, DEMO_AREAS, DEMO_GENERATED_MARK, demoCalendar, demoGeneration } from '@samverkan/demo';
import { Role, Visibility } from '@samverkan/federation';
import { SubgraphName } from '@samverkan/platform';
import { bearer, startFederation, TestFederation } from '@samverkan/test-support';
import { generatedActivities } from '../subgraphs/activities/src/demo/seed-generated';
import { generatedAgreements } from '../subgraphs/agreements/src/demo/seed-generated';
import { generatedSituationReports } from '../subgraphs/situation/src/demo/seed-generated';

/** The generated layer of the demo data: deterministic, marked, and with something for a national view to show. */
describe('the generated demo data', () => {
  const cal = demoCalendar('2026-11-30');

  it('is the same records on every day and every run: ids and choices come from the seed, never from the calendar', () => {
    const ids = (today: string) => {
      const other = demoCalendar(today);
      return [generatedAgreements(other), generatedActivities(other), generatedSituationReports(other)].map((records) => records.map(({ id }) => id));
    };
    const today = ids(cal.today);
    expect(ids('2027-07-15')).toEqual(today);
    expect(ids('2026-02-28')).toEqual(today);
    const all = [...demoGeneration().actors.map(({ id }) => id), ...today.flat()];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is marked as demo data, and stays out of the municipalities of the hand-written demo', () => {
    const { actors, municipalities } = demoGeneration();
    for (const actor of actors) expect(actor.description.startsWith(`${DEMO_GENERATED_MARK}:`)).toBe(true);
    for (const a of generatedAgreements(cal)) expect(a.description.startsWith(`${DEMO_GENERATED_MARK}:`)).toBe(true);
    for (const a of generatedActivities(cal)) expect(a.publicDescription.startsWith(`${DEMO_GENERATED_MARK}:`)).toBe(true);
    for (const r of generatedSituationReports(cal)) expect(r.summary.startsWith(`${DEMO_GENERATED_MARK}:`)).toBe(true);
    const handWritten = [DEMO_AREAS.stockholm, DEMO_AREAS.goteborg, DEMO_AREAS.malmo, DEMO_AREAS.uppsala, DEMO_AREAS.linkoping];
    expect(municipalities.filter((m) => handWritten.includes(m.code as never))).toEqual([]);
  });

  it('has actors of every kind asked for in at least six counties', () => {
    const { actors } = demoGeneration();
    const counties = (kind: string) => new Set(actors.filter((a) => a.kind === kind).map((a) => a.municipalityCode.slice(0, 2)));
    for (const kind of ['CIVIL_SOCIETY', 'FAITH_COMMUNITY', 'SCHOOL', 'POLICE']) expect(counties(kind)).toEqual(new Set(['01', '03', '05', '12', '14', '25']));
  });

  it('has agreements of each kind in force, running out within 90 days and ended, with every visibility', () => {
    const agreements = generatedAgreements(cal);
    const in90 = cal.days(90);
    const active = agreements.filter((a) => a.status === 'ACTIVE');
    const ending = active.filter((a) => a.endsOn !== null && a.endsOn <= in90);
    const ended = agreements.filter((a) => a.status === 'ENDED');
    for (const kind of ['IOP', 'CITIZEN_PROMISE', 'COLLABORATION_AGREEMENT']) {
      expect(active.filter((a) => a.kind === kind).length).toBeGreaterThan(3);
      expect(ended.filter((a) => a.kind === kind).length).toBeGreaterThan(0);
    }
    expect(ending.filter((a) => a.kind !== 'CITIZEN_PROMISE').length).toBeGreaterThan(3);
    for (const a of ended) expect(a.endsOn! < cal.today).toBe(true);
    for (const a of active) expect(a.startsOn! <= cal.today && (a.endsOn === null || a.endsOn >= cal.today)).toBe(true);
    expect(new Set(agreements.map((a) => a.visibility))).toEqual(new Set(Object.values(Visibility)));
  });

  it('spreads activities over the last 24 months, rising towards now', () => {
    const activities = generatedActivities(cal);
    const months = new Map<string, number>();
    for (const a of activities) months.set(a.startsOn.slice(0, 7), (months.get(a.startsOn.slice(0, 7)) ?? 0) + 1);
    expect([...months.keys()].sort()[0]).toBe(cal.month(-23).slice(0, 7));
    expect(months.size).toBe(24);
    const year = (from: number) => Array.from({ length: 12 }, (_, i) => months.get(cal.month(from - i).slice(0, 7)) ?? 0).reduce((s, n) => s + n, 0);
    expect(year(0)).toBeGreaterThan(year(-12));
    expect(new Set(activities.map((a) => a.visibility))).toEqual(new Set(Object.values(Visibility)));
  });

  it('has a monthly situation history of 24 months per generated district, with improving and worsening districts', () => {
    const reports = generatedSituationReports(cal);
    const { districts } = demoGeneration();
    for (const district of districts) {
      const police = reports.filter((r) => r.areaCode === district.code && r.periodStart === r.periodEnd.slice(0, 8) + '01');
      expect(police.map((r) => r.periodStart)).toEqual(Array.from({ length: 24 }, (_, i) => cal.month(i - 24)));
    }
    const levels = ['NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL'];
    const change = (code: string) => {
      const monthly = reports.filter((r) => r.areaCode === code && r.periodStart.slice(0, 7) === r.periodEnd.slice(0, 7));
      return levels.indexOf(monthly[23].level) - levels.indexOf(monthly[0].level);
    };
    const changes = districts.map((d) => change(d.code));
    expect(Math.min(...changes)).toBeLessThan(0);
    expect(Math.max(...changes)).toBeGreaterThan(0);
  });
});

/** The generated layer loaded by the subgraphs themselves (SEED_GENERATED_DEMO_DATA), as `npm start` does. */
describe('the generated demo data in a running federation', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederation({ SEED_GENERATED_DEMO_DATA: 'true' });
  });
  afterAll(() => federation?.stop());

  /** Generated rows per subgraph, counted by their mark. */
  const MARKED: Record<Exclude<SubgraphName, 'concerns'>, string> = {
    actors: "SELECT count(*)::int AS n FROM actors WHERE description LIKE 'Demodata:%'",
    agreements: "SELECT count(*)::int AS n FROM agreements WHERE description LIKE 'Demodata:%'",
    activities: "SELECT count(*)::int AS n FROM activities WHERE public_description LIKE 'Demodata:%'",
    situation: "SELECT count(*)::int AS n FROM situation_reports WHERE summary LIKE 'Demodata:%'",
  };
  async function marked(name: keyof typeof MARKED): Promise<number> {
    const client = new Client({ connectionString: federation.databases[name] });
    await client.connect();
    try {
      return (await client.query(MARKED[name])).rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('loads every generated record once, also when a subgraph starts again', async () => {
    const today = demoCalendar();
    const expected = {
      actors: demoGeneration().actors.length,
      agreements: generatedAgreements(today).length,
      activities: generatedActivities(today).length,
      situation: generatedSituationReports(today).length,
    };
    expect(Object.fromEntries(await Promise.all((Object.keys(expected) as Array<keyof typeof MARKED>).map(async (name) => [name, await marked(name)])))).toEqual(expected);
    await federation.restart('activities');
    expect(await marked('activities')).toBe(expected.activities);
  });

  it('answers through the gateway: the activities of Norrbotten and the actors of a generated district', async () => {
    const today = demoCalendar();
    const norrbotten = generatedActivities(today).filter((a) => a.area.startsWith('25')).length;
    const district = demoGeneration().districts[0].code;
    const response = await federation.query(
      `query($district: ID!) {
        activities(filter: { areaCode: "25" }, first: 1) { totalCount }
        area(code: $district) { name parent { code } actors { name } }
      }`,
      { district },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.activities.totalCount).toBe(norrbotten);
    expect(response.data!.area.parent.code).toBe(district.slice(0, 4));
    expect(response.data!.area.actors.length).toBeGreaterThan(0);
  });

  it('gives a national coordinator figures for a county only generated data covers, and a two-year situation history', async () => {
    const headers = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
    const response = await federation.query(
      `{
        area(code: "25") { figures { registry { actors { value suppressed } } } }
        figureSeries(areaCode: "SE", months: 24) { month situation { reports { value suppressed } } }
      }`,
      {},
      headers,
    );
    expect(response.errors).toBeUndefined();
    const norrbotten = demoGeneration().actors.filter((a) => a.municipalityCode.startsWith('25')).length;
    expect(response.data!.area.figures.registry.actors).toEqual({ value: norrbotten, suppressed: false });
    // Every generated district has a report for each of the last 24 months (this month has none yet).
    const series: Array<{ month: string; situation: { reports: { value: number | null } } }> = response.data!.figureSeries;
    expect(series).toHaveLength(24);
    for (const { situation } of series.slice(0, 23)) expect(situation.reports.value).toBeGreaterThanOrEqual(demoGeneration().districts.length);
  });
});

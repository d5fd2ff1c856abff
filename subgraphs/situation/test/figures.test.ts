import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACTORS as A } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { figuresMinimumCount, FixedClock } from '@samverkan/platform';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';

/**
 * The situation figures (`Figures.situation`) as the gateway asks for them (`_entities`), against a
 * recount straight from the table, hidden reports of other organisations included; the differencing
 * an attacker would try; and the statements they cost.
 */
let subgraph: TestSubgraph;
/** The test's "now" (the incident figures' contact deadlines pass by it): late on the last day of May 2025. */
const clock = new FixedClock(new Date('2025-05-31T21:59:00Z'));
/** A signed-in party (Fryshuset) and the public. */
let party: Record<string, string>;
const PUBLIC = {};

const OTHER = A.hyresgastforeningen;
const THIRD = A.safeTrygghetsvardar;
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const LEVELS = ['NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL'];

/** Every county and municipality code, from the registry's reference data. */
const MUNICIPALITIES = readFileSync(join(__dirname, '../../actors/data/swedish_municipalities.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map(([code, , county]) => ({ code, county }));
const COUNTIES = [...new Set(MUNICIPALITIES.map((m) => m.county))];
const municipalitiesOf = (county: string) => MUNICIPALITIES.filter((m) => m.county === county).map((m) => m.code);

/** Where the generated reports are: Västerbotten (24) and a little of Norrbotten (25), its districts and the county itself. */
const REPORT_AREAS = ['24', '2480', '2480-ersboda', '2480-holmsund', '2480-ersboda', '2482', '2482-centrum', '2481', '2401', '25', '2580'];
/** Vännäs: no reports, until the differencing test adds one hidden report. */
const EMPTY = '2460';
const DISTRICTS = { '2480': ['2480-ersboda', '2480-holmsund'], '2482': ['2482-centrum'] } as Record<string, string[]>;

/** A deterministic generator, so the data (and a failure) is the same every run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

async function insertReport(r: { area: string; start: string; end: string; level: string; visibility: string; owner: string; sharedWith?: string[] }) {
  await subgraph.dataSource.query(
    `INSERT INTO situation_reports (area_code, period_start, period_end, reported_by_id, owner_id, level, trend, summary, version, visibility, shared_with)
     VALUES ($1, $2, $3, $4, $4, $5, 'STABLE', 'Genererad lägesbild för test.', 1, $6, $7::uuid[])`,
    [r.area, r.start, r.end, r.owner, r.level, r.visibility, r.sharedWith ?? []],
  );
}

const lastDay = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false, clock });
  party = await bearer(A.fryshuset, [Role.MEMBER]);
  const next = random(9);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  for (const area of REPORT_AREAS) {
    for (const month of MONTHS) {
      const reports = Math.floor(next() * (area.length === 2 ? 2 : 6));
      for (let i = 0; i < reports; i++) {
        // Mostly one month; some run into the next one.
        const long = next() < 0.3 && month !== MONTHS[MONTHS.length - 1];
        const end = long ? lastDay(MONTHS[MONTHS.indexOf(month) + 1]) : lastDay(month);
        const owner = pick([A.fryshuset, OTHER, THIRD]);
        const visibility = pick(['PUBLIC', 'NETWORK', 'SHARED', 'OWNER']);
        await insertReport({ area, start: `${month}-01`, end, level: pick(LEVELS), visibility, owner, sharedWith: visibility === 'SHARED' ? [pick([A.fryshuset, A.skr])] : [] });
      }
    }
  }
}, 180000);
afterAll(() => subgraph?.stop());

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface LevelCount {
  level: string;
  count: Count;
}
interface SituationFigures {
  reports: Count;
  byLevel: LevelCount[];
  reportedAreas: Count;
  latestByLevel: LevelCount[];
  trend: string | null;
}
interface Figures {
  areaCode: string;
  month: string;
  situation: SituationFigures;
}

const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode month situation {
  reports { value suppressed } byLevel { level count { value suppressed } }
  reportedAreas { value suppressed } latestByLevel { level count { value suppressed } } trend } } } }`;

async function figures(areas: string[], months: string[], headers: Record<string, string>): Promise<Figures[]> {
  const representations = months.flatMap((month) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })));
  const response = await subgraph.query(FIGURES, { r: representations }, headers);
  expect(response.errors).toBeUndefined();
  return response.data!._entities as Figures[];
}

/** SQL: the report's area is `$code` or lies within it. */
const WITHIN = `($1 = 'SE' OR area_code = $1 OR (length($1) IN (2, 4) AND left(area_code, length($1)) = $1))`;

/** The recount straight from the table: reports overlapping the month by level, and areas by their latest level (per party, then per area). */
async function recount(code: string, month: string, onlyPublic: boolean) {
  const basis = onlyPublic ? `AND visibility = 'PUBLIC'` : '';
  const reports: Array<{ level: string; n: number }> = await subgraph.dataSource.query(
    `SELECT level, count(*)::int AS n FROM situation_reports
      WHERE ${WITHIN} AND period_start <= $3 AND period_end >= $2 ${basis} GROUP BY level`,
    [code, `${month}-01`, lastDay(month)],
  );
  const latest: Array<{ level: string; n: number }> = await subgraph.dataSource.query(
    `WITH per_party AS (
       SELECT DISTINCT ON (area_code, reported_by_id) area_code, level, period_end, created_at, id FROM situation_reports
        WHERE period_start <= $2 ${basis} ORDER BY area_code, reported_by_id, period_end DESC, created_at DESC, id DESC
     ), per_area AS (
       SELECT DISTINCT ON (area_code) area_code, level FROM per_party ORDER BY area_code, period_end DESC, created_at DESC, id DESC
     )
     SELECT level, count(*)::int AS n FROM per_area WHERE ${WITHIN} GROUP BY level`,
    [code, lastDay(month)],
  );
  const of = (rows: Array<{ level: string; n: number }>, level: string) => rows.find((row) => row.level === level)?.n ?? 0;
  const sum = (rows: Array<{ n: number }>) => rows.reduce((total, row) => total + row.n, 0);
  return {
    reports: sum(reports),
    byLevel: LEVELS.map((level) => of(reports, level)),
    reportedAreas: sum(latest),
    latestByLevel: LEVELS.map((level) => of(latest, level)),
  };
}

/** Every count of a figure, with its name, in one list. */
const cells = (s: SituationFigures): Array<[string, Count]> => [
  ['reports', s.reports],
  ...s.byLevel.map((c): [string, Count] => [`byLevel.${c.level}`, c.count]),
  ['reportedAreas', s.reportedAreas],
  ...s.latestByLevel.map((c): [string, Count] => [`latestByLevel.${c.level}`, c.count]),
];
const expectedCells = (r: Awaited<ReturnType<typeof recount>>): number[] => [r.reports, ...r.byLevel, r.reportedAreas, ...r.latestByLevel];

/** The trend as the field documents it, from two published distributions. */
function trendOf(before: LevelCount[], now: LevelCount[]): string | null {
  const average = (counts: LevelCount[]) => {
    if (counts.some((c) => c.count.suppressed)) return null;
    const n = counts.reduce((sum, c) => sum + c.count.value!, 0);
    return n ? counts.reduce((sum, c) => sum + LEVELS.indexOf(c.level) * c.count.value!, 0) / n : null;
  };
  const [a, b] = [average(before), average(now)];
  if (a === null || b === null) return null;
  return b > a + 1e-9 ? 'WORSENING' : b < a - 1e-9 ? 'IMPROVING' : 'STABLE';
}

const AREAS = ['SE', '24', '25', '2480', '2480-ersboda', '2480-holmsund', '2482', '2482-centrum', '2481', '2401', EMPTY, '2580', '01'];

describe('Figures.situation', () => {
  it('counts every report for a signed-in party, hidden ones of other organisations included, where it publishes a count', async () => {
    const found = await figures(AREAS, MONTHS, party);
    let published = 0;
    let beyondWhatThePartySees = 0;
    for (const f of found) {
      const all = expectedCells(await recount(f.areaCode, f.month, false));
      const visible = await visibleRecount(f.areaCode, f.month);
      cells(f.situation).forEach(([name, count], index) => {
        if (count.suppressed) {
          expect([f.areaCode, f.month, name, count.value]).toEqual([f.areaCode, f.month, name, null]);
        } else {
          published++;
          expect([f.areaCode, f.month, name, count.value]).toEqual([f.areaCode, f.month, name, all[index]]);
          // A count below the minimum is never published to a party.
          expect(count.value).toBeGreaterThanOrEqual(3);
          if (index === 0 && visible !== count.value) beyondWhatThePartySees++;
        }
      });
    }
    // Not vacuous: many counts are published, and some count reports the party may not read.
    expect(published).toBeGreaterThan(40);
    expect(beyondWhatThePartySees).toBeGreaterThan(0);
  });

  it('counts PUBLIC reports only for the public, exactly, suppressing nothing', async () => {
    const found = await figures(AREAS, MONTHS, PUBLIC);
    for (const f of found) {
      const expected = expectedCells(await recount(f.areaCode, f.month, true));
      expect(cells(f.situation).map(([name, count]) => [f.areaCode, f.month, name, count])).toEqual(
        cells(f.situation).map(([name], index) => [f.areaCode, f.month, name, { value: expected[index], suppressed: false }]),
      );
    }
    // Some areas have public reports, so this compares numbers, not only zeros.
    expect(found.some((f) => f.situation.reports.value! > 0)).toBe(true);
  });

  it('gives a trend only from the published level counts of the month and the month before', async () => {
    for (const headers of [party, PUBLIC]) {
      const found = await figures(AREAS, MONTHS, headers);
      const at = (code: string, month: string) => found.find((f) => f.areaCode === code && f.month === month)!.situation;
      for (const f of found.filter((x) => x.month !== MONTHS[0])) {
        const before = at(f.areaCode, MONTHS[MONTHS.indexOf(f.month) - 1]);
        expect([f.areaCode, f.month, f.situation.trend]).toEqual([f.areaCode, f.month, trendOf(before.byLevel, f.situation.byLevel)]);
      }
      expect(found.some((f) => f.situation.trend !== null)).toBe(true);
    }
  });

  it('refuses a bad month or area code with BAD_USER_INPUT', async () => {
    for (const [areaCode, month] of [['24', '2025-13'], ['24', '2025-1'], ['24', 'maj'], ['Västerbotten', '2025-01']]) {
      const response = await subgraph.query(FIGURES, { r: [{ __typename: 'Figures', areaCode, month }] }, party);
      expect([areaCode, month, errorCode(response)]).toEqual([areaCode, month, 'BAD_USER_INPUT']);
    }
  });

  it('costs the same statements for one county or 21, and for one month or 24', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (areas: string[], months: string[]) => {
        const representations = months.flatMap((month) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })));
        const response = await subgraph.query(FIGURES, { r: representations }, party);
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities).toHaveLength(representations.length);
        return response.extensions!.sqlStatements as number;
      };
      const months24 = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`);
      const one = await statements(['24'], ['2025-03']);
      expect(await statements(COUNTIES, ['2025-03'])).toBe(one);
      expect(await statements(['24'], months24)).toBe(one);
      expect(await statements(COUNTIES, months24.slice(0, 12))).toBe(one);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

/** How many reports overlapping the month the party (Fryshuset) may read. */
async function visibleRecount(code: string, month: string): Promise<number> {
  const rows: Array<{ n: number }> = await subgraph.dataSource.query(
    `SELECT count(*)::int AS n FROM situation_reports
      WHERE ${WITHIN} AND period_start <= $3 AND period_end >= $2
        AND (visibility IN ('PUBLIC', 'NETWORK') OR owner_id = $4 OR (visibility = 'SHARED' AND $4 = ANY(shared_with)))`,
    [code, `${month}-01`, lastDay(month), A.fryshuset],
  );
  return rows[0].n;
}

describe('differencing', () => {
  /** Everything a party can ask for around the hidden report: Sweden, every county, every municipality of Västerbotten, the districts. */
  const around = ['SE', ...COUNTIES, ...municipalitiesOf('24'), ...Object.values(DISTRICTS).flat()];
  const key = (f: Figures) => `${f.areaCode} ${f.month}`;

  it('cannot find one hidden report in an otherwise empty municipality', async () => {
    const before = new Map((await figures(around, MONTHS, party)).map((f) => [key(f), f.situation]));
    // The only report of Vännäs: written by another organisation, for itself alone, in April.
    await insertReport({ area: EMPTY, start: '2025-04-01', end: '2025-04-30', level: 'CRITICAL', visibility: 'OWNER', owner: OTHER });
    try {
      const after = await figures(around, MONTHS, party);
      for (const f of after) {
        const was = before.get(key(f))!;
        // The municipality: every figure, every month, the same as with nothing there.
        if (f.areaCode === EMPTY) expect([key(f), f.situation]).toEqual([key(f), was]);
        // Months before the report: nothing changed anywhere (months are disjoint).
        if (f.month < '2025-04') expect([key(f), f.situation]).toEqual([key(f), was]);
      }
      const at = (code: string, month: string) => after.find((f) => f.areaCode === code && f.month === month)!.situation;
      // Along every line an attacker can subtract (a parent against its children, whose records at the
      // parent itself are never published on their own; a total against its levels), what the
      // published figures leave over is nothing, or at least the minimum spread over two unknown cells.
      const minimum = figuresMinimumCount();
      const lines: Array<[string, string[]]> = [['SE', COUNTIES], ['24', municipalitiesOf('24')], ...Object.entries(DISTRICTS)];
      const guarded = (margin: Count, parts: Count[], atParent: boolean) => {
        if (margin.suppressed) return true;
        const left = margin.value! - parts.reduce((sum, part) => sum + (part.value ?? 0), 0);
        const unknown = parts.filter((part) => part.suppressed).length + (atParent ? 1 : 0);
        return left === 0 || (unknown >= 2 && left >= minimum);
      };
      let lineCount = 0;
      for (const month of MONTHS) {
        for (const [parent, children] of lines) {
          cells(at(parent, month)).forEach(([name, margin], index) => {
            lineCount++;
            expect([parent, month, name, guarded(margin, children.map((child) => cells(at(child, month))[index][1]), true)]).toEqual([parent, month, name, true]);
          });
        }
        for (const code of around) {
          const s = at(code, month);
          for (const [name, total, levels] of [['byLevel', s.reports, s.byLevel], ['latestByLevel', s.reportedAreas, s.latestByLevel]] as Array<[string, Count, LevelCount[]]>) {
            lineCount++;
            expect([code, month, name, guarded(total, levels.map((c) => c.count), false)]).toEqual([code, month, name, true]);
          }
        }
      }
      expect(lineCount).toBeGreaterThan(100);
      // The county's published figures of the month do not pin the report to Vännäs: Vännäs is
      // suppressed, and so is some other cell of Västerbotten's line.
      const april = cells(at('24', '2025-04'));
      expect(april[0][1].suppressed || municipalitiesOf('24').filter((m) => at(m, '2025-04').reports.suppressed).length >= 2).toBe(true);
    } finally {
      await subgraph.dataSource.query(`DELETE FROM situation_reports WHERE area_code = $1`, [EMPTY]);
    }
  });
});

/**
 * The incident figures (`incidents`, `incidentsByKind`, `lateActivations`) over a small set of
 * incidents written out below, with the expected counts worked out by hand (minimum count 3).
 */
describe('Figures.situation incidents', () => {
  const MINUTE = 60_000;
  /** A contact-log entry of a line: outcome, contact time in minutes after activation, and when it was logged (default: then). */
  type Entry = [outcome: 'CONTACTED' | 'ACKNOWLEDGED' | 'NOT_REACHED', contactedAfter: number, loggedAfter?: number];

  async function insertIncident(i: { area: string; kind: string; visibility: string; owner: string; activatedAt: string; lines: Entry[][] }) {
    const activated = new Date(i.activatedAt);
    const [{ id }] = await subgraph.dataSource.query(
      `INSERT INTO incidents (area_code, kind, severity, status, title, occurred_at, activated_at, roster_area_code, owner_id, visibility, version)
       VALUES ($1, $2, 'SEVERE', 'OPEN', 'Händelse för test', $3, $3, $4, $5, $6, 1) RETURNING id`,
      [i.area, i.kind, activated, i.lines.length > 0 ? i.area : null, i.owner, i.visibility],
    );
    for (const [index, entries] of i.lines.entries()) {
      const [{ id: contactId }] = await subgraph.dataSource.query(
        `INSERT INTO incident_contacts (incident_id, position, role, contact_function_id, actor_id, status) VALUES ($1, $2, 'PRIMARY', gen_random_uuid(), gen_random_uuid(), 'UNCONTACTED') RETURNING id`,
        [id, index + 1],
      );
      for (const [outcome, contactedAfter, loggedAfter = contactedAfter] of entries) {
        await subgraph.dataSource.query(
          `INSERT INTO incident_contact_log (incident_id, contact_id, logged_at, contacted_at, outcome, channel, contacted_by_id) VALUES ($1, $2, $3, $4, $5, 'PHONE', $6)`,
          [id, contactId, new Date(activated.getTime() + loggedAfter * MINUTE), new Date(activated.getTime() + contactedAfter * MINUTE), outcome, i.owner],
        );
      }
    }
  }

  const KINDS = ['FATAL_VIOLENCE', 'SHOOTING_OR_EXPLOSION', 'FIRE', 'PUBLIC_DISORDER', 'SUICIDE', 'LARGE_ACCIDENT', 'THREAT_AGAINST_ACTIVITY'];
  const INCIDENT_AREAS = ['SE', '01', '0180', '03', '0380', '0380-gottsunda', '0380-centrum', '0381'];
  interface IncidentFigures {
    incidents: Count;
    incidentsByKind: Array<{ kind: string; count: Count }>;
    lateActivations: Count;
  }
  const INCIDENT_FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode month situation {
    incidents { value suppressed } incidentsByKind { kind count { value suppressed } } lateActivations { value suppressed } } } } }`;
  async function incidentFigures(areas: string[], months: string[], headers: Record<string, string>) {
    const representations = months.flatMap((month) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })));
    const response = await subgraph.query(INCIDENT_FIGURES, { r: representations }, headers);
    expect(response.errors).toBeUndefined();
    const found = response.data!._entities as Array<{ areaCode: string; month: string; situation: IncidentFigures }>;
    return new Map(found.map((f) => [`${f.areaCode} ${f.month}`, f.situation]));
  }
  /** A published count as a number, a suppressed one as null. */
  const shown = (count: Count) => (count.suppressed ? null : count.value);

  beforeAll(async () => {
    const uppsala = A.uppsalaKommun;
    // Gottsunda, May 2025. The deadline is 60 minutes (INCIDENT_CONTACT_DEADLINE_MINUTES' default).
    // Reached one minute before the deadline: in time.
    await insertIncident({ area: '0380-gottsunda', kind: 'SHOOTING_OR_EXPLOSION', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-10T18:00:00Z', lines: [[['CONTACTED', 59]]] });
    // Reached one minute after the deadline: late.
    await insertIncident({ area: '0380-gottsunda', kind: 'SHOOTING_OR_EXPLOSION', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-11T18:00:00Z', lines: [[['CONTACTED', 61]]] });
    // One line acknowledged in time, the other not reached: late.
    await insertIncident({ area: '0380-gottsunda', kind: 'FIRE', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-12T10:00:00Z', lines: [[['ACKNOWLEDGED', 30]], [['NOT_REACHED', 20]]] });
    // No roster for the kind, an empty contact list: late.
    await insertIncident({ area: '0380-gottsunda', kind: 'FIRE', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-12T12:00:00Z', lines: [] });
    // Hidden from everyone but its owner (another organisation): both lines in time.
    await insertIncident({ area: '0380-gottsunda', kind: 'FATAL_VIOLENCE', visibility: 'OWNER', owner: OTHER, activatedAt: '2025-05-13T22:00:00Z', lines: [[['CONTACTED', 10]], [['ACKNOWLEDGED', 40]]] });
    // Centrum: not reached, then reached in time but logged after the deadline: in time.
    await insertIncident({ area: '0380-centrum', kind: 'PUBLIC_DISORDER', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-20T19:00:00Z', lines: [[['NOT_REACHED', 10], ['CONTACTED', 30, 120]]] });
    // Centrum, NETWORK: reached exactly at the deadline: in time.
    await insertIncident({ area: '0380-centrum', kind: 'SHOOTING_OR_EXPLOSION', visibility: 'NETWORK', owner: uppsala, activatedAt: '2025-05-21T19:00:00Z', lines: [[['ACKNOWLEDGED', 60]]] });
    // Uppsala itself: 00:00 on 1 May in Sweden (22:00 UTC on 30 April), so May's; in time.
    await insertIncident({ area: '0380', kind: 'LARGE_ACCIDENT', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-04-30T22:00:00Z', lines: [[['CONTACTED', 5]]] });
    // Uppsala itself, opened at 23:00 on 31 May in Sweden: its deadline (22:00 UTC) is a minute after the clock's now.
    await insertIncident({ area: '0380', kind: 'THREAT_AGAINST_ACTIVITY', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-31T21:00:00Z', lines: [[]] });
    // 00:30 on 1 June in Sweden: June's, not May's.
    await insertIncident({ area: '0380-centrum', kind: 'SUICIDE', visibility: 'PUBLIC', owner: uppsala, activatedAt: '2025-05-31T22:30:00Z', lines: [] });
    // Enköping: one incident, shared with one party only; no line reached: late.
    await insertIncident({ area: '0381', kind: 'FIRE', visibility: 'SHARED', owner: OTHER, activatedAt: '2025-05-15T08:00:00Z', lines: [[]] });
    // Stockholm itself: four NETWORK incidents, two with empty lists (late), two reached in time.
    for (const [kind, lines] of [['SHOOTING_OR_EXPLOSION', []], ['SHOOTING_OR_EXPLOSION', []], ['FIRE', [[['CONTACTED', 15]]]], ['FIRE', [[['CONTACTED', 15]]]]] as Array<[string, Entry[][]]>) {
      await insertIncident({ area: '0180', kind, visibility: 'NETWORK', owner: THIRD, activatedAt: '2025-05-05T12:00:00Z', lines });
    }
  });

  it('counts PUBLIC incidents only for the public, exactly, by kind adding up, late ones as documented', async () => {
    const found = await incidentFigures(INCIDENT_AREAS, ['2025-04', '2025-05', '2025-06'], PUBLIC);
    const may = (code: string) => found.get(`${code} 2025-05`)!;
    // [incidents, lateActivations] for the public: Gottsunda's four public ones (three late), Centrum's
    // public disorder (in time), Uppsala's own two (the one whose deadline is ahead is not late yet).
    const expected: Record<string, [number, number]> = {
      SE: [7, 3], '01': [0, 0], '0180': [0, 0], '03': [7, 3], '0380': [7, 3], '0380-gottsunda': [4, 3], '0380-centrum': [1, 0], '0381': [0, 0],
    };
    for (const [code, [incidents, late]] of Object.entries(expected)) {
      const f = may(code);
      expect([code, f.incidents, f.lateActivations]).toEqual([code, { value: incidents, suppressed: false }, { value: late, suppressed: false }]);
      expect([code, f.incidentsByKind.reduce((sum, c) => sum + c.count.value!, 0)]).toEqual([code, incidents]);
      expect(f.incidentsByKind.map((c) => c.kind)).toEqual(KINDS);
    }
    const byKind = (code: string) => Object.fromEntries(may(code).incidentsByKind.map((c) => [c.kind, c.count.value]));
    expect(byKind('0380')).toEqual({ FATAL_VIOLENCE: 0, SHOOTING_OR_EXPLOSION: 2, FIRE: 2, PUBLIC_DISORDER: 1, SUICIDE: 0, LARGE_ACCIDENT: 1, THREAT_AGAINST_ACTIVITY: 1 });
    expect(byKind('0380-gottsunda')).toEqual({ FATAL_VIOLENCE: 0, SHOOTING_OR_EXPLOSION: 2, FIRE: 2, PUBLIC_DISORDER: 0, SUICIDE: 0, LARGE_ACCIDENT: 0, THREAT_AGAINST_ACTIVITY: 0 });
    // The Swedish calendar month: 00:00 on 1 May is May's, 00:30 on 1 June is June's.
    expect(shown(found.get('0380 2025-04')!.incidents)).toBe(0);
    expect(shown(found.get('0380 2025-06')!.incidents)).toBe(1);
    expect(shown(found.get('0380-centrum 2025-06')!.incidentsByKind.find((c) => c.kind === 'SUICIDE')!.count)).toBe(1);
  });

  it('counts every incident for a signed-in party, hidden ones included, with small counts suppressed', async () => {
    const found = await incidentFigures(INCIDENT_AREAS, ['2025-05'], party);
    const may = (code: string) => found.get(`${code} 2025-05`)!;
    // Every incident: Sweden 14. Stockholm county and Uppsala municipality are withheld so that
    // Sweden minus Uppsala county, and Uppsala county minus Uppsala, do not give the one hidden
    // incident of Enköping (or the none given Sweden or the county itself).
    const incidents = Object.fromEntries(INCIDENT_AREAS.map((code) => [code, shown(may(code).incidents)]));
    expect(incidents).toEqual({ SE: 14, '01': null, '0180': 4, '03': 10, '0380': null, '0380-gottsunda': 5, '0380-centrum': null, '0381': null });
    // The hidden incident of Enköping is never published on its own.
    expect(may('0381').incidents).toEqual({ value: null, suppressed: true });
    // Late: Sweden 6 (Gottsunda 3, Enköping 1, Stockholm 2). Uppsala's 3 is withheld with its total
    // (late and in time add up to it); the rest are below the minimum or withheld along their lines.
    const late = Object.fromEntries(INCIDENT_AREAS.map((code) => [code, shown(may(code).lateActivations)]));
    expect(late).toEqual({ SE: 6, '01': null, '0180': null, '03': null, '0380': null, '0380-gottsunda': null, '0380-centrum': null, '0381': null });
    // By kind, Sweden: shootings 5 and fires 5 published, the kinds with one or none withheld (4 together).
    expect(Object.fromEntries(may('SE').incidentsByKind.map((c) => [c.kind, shown(c.count)]))).toEqual({
      FATAL_VIOLENCE: null, SHOOTING_OR_EXPLOSION: 5, FIRE: 5, PUBLIC_DISORDER: null, SUICIDE: null, LARGE_ACCIDENT: null, THREAT_AGAINST_ACTIVITY: null,
    });
    // Nothing published is below the minimum, and what is published by kind never exceeds the total.
    for (const code of INCIDENT_AREAS) {
      const f = may(code);
      for (const count of [f.incidents, f.lateActivations, ...f.incidentsByKind.map((c) => c.count)]) if (!count.suppressed) expect(count.value).toBeGreaterThanOrEqual(figuresMinimumCount());
    }
  });

  it('counts an incident late once its deadline passes on the clock with a line not reached', async () => {
    const before = await incidentFigures(['0380'], ['2025-05'], PUBLIC);
    expect(shown(before.get('0380 2025-05')!.lateActivations)).toBe(3);
    clock.set(new Date('2025-05-31T22:00:00Z'));
    try {
      const after = await incidentFigures(['0380', 'SE'], ['2025-05'], PUBLIC);
      expect(shown(after.get('0380 2025-05')!.lateActivations)).toBe(4);
      expect(shown(after.get('SE 2025-05')!.lateActivations)).toBe(4);
      expect(shown(after.get('0380 2025-05')!.incidents)).toBe(7);
    } finally {
      clock.set(new Date('2025-05-31T21:59:00Z'));
    }
  });

  it('costs the same statements for one county or 21, and for one month or 24', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (areas: string[], months: string[]) => {
        const representations = months.flatMap((month) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })));
        const response = await subgraph.query(INCIDENT_FIGURES, { r: representations }, party);
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities).toHaveLength(representations.length);
        return response.extensions!.sqlStatements as number;
      };
      const months24 = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`);
      const one = await statements(['03'], ['2025-05']);
      // The report figures' two (`situation` counts them first) and the incidents' one.
      expect(one).toBe(3);
      expect(await statements(COUNTIES, ['2025-05'])).toBe(one);
      expect(await statements(['03'], months24)).toBe(one);
      expect(await statements(COUNTIES, months24.slice(0, 12))).toBe(one);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

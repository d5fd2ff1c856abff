import { randomBytes } from 'node:crypto';
import { DEMO_ACTORS as A } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import { minutesToFirstContactSql } from '../src/figures/minutes-to-first-contact';
import { appendAudit } from '../src/audit/audit-log';
import { insertConcern as insertTestConcern, LEAD_ONLY } from './support/concerns';

/**
 * The concerns' figures (`Figures.concerns`) as the gateway asks for them (`_entities`), over concerns
 * and tombstones written out below with the expected figures worked out by hand (minimum count 3,
 * answer time 24 hours); null for the public; and the statements they cost.
 */
process.env.CONCERN_CONTACT_KEY = randomBytes(32).toString('base64');
process.env.FIGURES_MINIMUM_COUNT = '3';

let subgraph: TestSubgraph;
/** The test's "now": May 2025, so every April concern is past its 24 hours. */
const clock = new FixedClock(new Date('2025-05-20T12:00:00Z'));
let party: Record<string, string>;
const PUBLIC = {};

/** A concern registered at `at` (received by Fryshuset), first contacted `minutes` later (null: not yet). */
async function insertConcern(area: string, at: string, minutes: number | null): Promise<string> {
  const registeredAt = new Date(at);
  const firstContactAt = minutes === null ? null : new Date(registeredAt.getTime() + minutes * 60_000);
  const { concern } = await insertTestConcern(subgraph.dataSource, { areaCode: area, registeredAt, firstContactAt, receivingActorId: A.fryshuset, team: LEAD_ONLY });
  return concern.id;
}

/** What retention leaves of a deleted concern. */
async function insertTombstone(area: string, month: string, minutes: number | null) {
  await subgraph.dataSource.query(
    `INSERT INTO concern_tombstones (id, area_code, registered_month, receiving_actor_kind, minutes_to_first_contact, closed_at, deleted_at)
     VALUES (gen_random_uuid(), $1, $2, 'MUNICIPALITY', $3, '2025-05-01T00:00:00Z', '2025-05-10T00:00:00Z')`,
    [area, month, minutes],
  );
}

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface ConcernFigures {
  registered: Count;
  answeredInTime: Count;
  medianMinutesToFirstContact: number | null;
}

const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode month concerns {
  registered { value suppressed } answeredInTime { value suppressed } medianMinutesToFirstContact } } } }`;

async function figures(areas: string[], month: string, headers: Record<string, string>): Promise<Map<string, ConcernFigures | null>> {
  const response = await subgraph.query(FIGURES, { r: areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })) }, headers);
  expect(response.errors).toBeUndefined();
  const found = response.data!._entities as Array<{ areaCode: string; concerns: ConcernFigures | null }>;
  return new Map(found.map((f) => [f.areaCode, f.concerns]));
}

const shown = (value: number): Count => ({ value, suppressed: false });
const SUPPRESSED: Count = { value: null, suppressed: true };
const AREAS = ['SE', '24', '2480', '2480-ersboda', '2480-holmsund', '2480-teg', '2482', '25', '2580'];
const LATE_CONCERN = { area: '2580', at: '2025-04-10T08:00:00Z', minutes: 1600 };

beforeAll(async () => {
  subgraph = await startTestSubgraph(concernsSubgraph, { seed: false, clock });
  party = await bearer(A.fryshuset, [Role.MEMBER]);
  const april = (day: number) => `2025-04-${String(day).padStart(2, '0')}T08:00:00Z`;
  // Umeå, Ersboda: 9 in April. In time: 30, 90, 200 and exactly 1440 minutes (the last registered at
  // 23:30 on 30 April, Swedish time) and a tombstone's 60; not in time: 1500, never answered, and
  // tombstones of 2000 and never answered. Answered: 30 60 90 200 1440 1500 2000, median 200.
  await insertConcern('2480-ersboda', april(2), 30);
  await insertConcern('2480-ersboda', april(3), 90);
  await insertConcern('2480-ersboda', april(4), 200);
  await insertConcern('2480-ersboda', '2025-04-30T21:30:00Z', 1440);
  await insertConcern('2480-ersboda', april(5), 1500);
  await insertConcern('2480-ersboda', april(6), null);
  await insertTombstone('2480-ersboda', '2025-04', 60);
  await insertTombstone('2480-ersboda', '2025-04', 2000);
  await insertTombstone('2480-ersboda', '2025-04', null);
  // 00:30 on 1 May, Swedish time: May's, not April's.
  await insertConcern('2480-ersboda', '2025-04-30T22:30:00Z', 20);
  // Holmsund: 2 (one in time, one never answered); Teg: 3, all in time.
  await insertConcern('2480-holmsund', april(7), 45);
  await insertConcern('2480-holmsund', april(8), null);
  for (const minutes of [10, 20, 30]) await insertConcern('2480-teg', april(9), minutes);
  // Skellefteå itself: 3 in time; Luleå: 3 in time and 1 late.
  for (const minutes of [100, 110, 120]) await insertConcern('2482', april(10), minutes);
  for (const minutes of [15, 25, 35]) await insertConcern('2580', april(11), minutes);
  await insertConcern(LATE_CONCERN.area, LATE_CONCERN.at, LATE_CONCERN.minutes);
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('Figures.concerns', () => {
  it('counts every concern and tombstone of the month exactly where published, suppresses small counts and their complement, and takes medians', async () => {
    const found = await figures(AREAS, '2025-04', party);
    expect(Object.fromEntries(AREAS.map((code) => [code, found.get(code)]))).toEqual({
      // Sweden 21 (15 in time); every answered concern: 18 minutes, median (60 + 90) / 2.
      SE: { registered: shown(21), answeredInTime: shown(15), medianMinutesToFirstContact: 75 },
      // Västerbotten 17 (12 in time), 14 answered: the middle two 90 and 100. Norrbotten's 4 are withheld
      // so that Sweden minus Västerbotten does not tell that no concern was given Sweden itself.
      '24': { registered: shown(17), answeredInTime: shown(12), medianMinutesToFirstContact: 95 },
      '25': { registered: SUPPRESSED, answeredInTime: SUPPRESSED, medianMinutesToFirstContact: null },
      // Luleå 4, answered 15 25 35 1600: its 3 in time are withheld, else 4 minus 3 gives its one late concern.
      '2580': { registered: shown(4), answeredInTime: SUPPRESSED, medianMinutesToFirstContact: 30 },
      // Umeå 14 (9 in time), 11 answered: 10 20 30 30 45 60 90 200 1440 1500 2000; Skellefteå withheld as Norrbotten.
      '2480': { registered: shown(14), answeredInTime: shown(9), medianMinutesToFirstContact: 60 },
      '2482': { registered: SUPPRESSED, answeredInTime: SUPPRESSED, medianMinutesToFirstContact: null },
      '2480-ersboda': { registered: shown(9), answeredInTime: shown(5), medianMinutesToFirstContact: 200 },
      // Holmsund's 2 are below the minimum; Teg's 3 are withheld too, else Umeå minus the others gives Holmsund.
      '2480-holmsund': { registered: SUPPRESSED, answeredInTime: SUPPRESSED, medianMinutesToFirstContact: null },
      '2480-teg': { registered: SUPPRESSED, answeredInTime: SUPPRESSED, medianMinutesToFirstContact: null },
    });
    // The concern registered after midnight, Swedish time, is May's: one, withheld.
    expect((await figures(['2480-ersboda'], '2025-05', party)).get('2480-ersboda')!.registered).toEqual(SUPPRESSED);
  });

  it('keeps a month\'s figures when retention replaces a concern by its tombstone', async () => {
    const before = await figures(AREAS, '2025-04', party);
    const [{ id }] = await subgraph.dataSource.query('SELECT id FROM concerns WHERE area_code = $1 AND registered_at = $2', [LATE_CONCERN.area, LATE_CONCERN.at]);
    await subgraph.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO concern_tombstones (id, area_code, registered_month, receiving_actor_kind, minutes_to_first_contact, closed_at, deleted_at)
         SELECT c.id, c.area_code, '2025-04', c.receiving_actor_kind, ${minutesToFirstContactSql('c')}, $2, $2 FROM concerns c WHERE c.id = $1`,
        [id, clock.now()],
      );
      await manager.query('DELETE FROM concerns WHERE id = $1', [id]);
    });
    expect(await figures(AREAS, '2025-04', party)).toEqual(before);
  });

  it('keeps counted figures until the audit log, the stand-in for a change log here, moves', async () => {
    process.env.FIGURES_CACHE_SECONDS = '600';
    try {
      const umea = async () => (await figures(['2480'], '2025-04', party)).get('2480')!.registered;
      expect(await umea()).toEqual(shown(14));
      // Its May concern moved into April beside the API: no audit entry, so the kept count stands.
      const [{ id }] = await subgraph.dataSource.query(`SELECT id FROM concerns WHERE area_code = '2480-ersboda' AND registered_at = '2025-04-30T22:30:00Z'`);
      await subgraph.dataSource.query(`UPDATE concerns SET registered_at = '2025-04-12T08:00:00Z' WHERE id = $1`, [id]);
      expect(await umea()).toEqual(shown(14));
      // Every change through the API appends to the audit log: then it counts afresh.
      await subgraph.dataSource.transaction((manager) => appendAudit(manager, [{ concernId: id, action: 'READ' }], null, clock.now()));
      expect(await umea()).toEqual(shown(15));
    } finally {
      process.env.FIGURES_CACHE_SECONDS = '0';
    }
  });

  it('is null for the public: the figures of concerns are for signed-in parties only', async () => {
    const found = await figures(AREAS, '2025-04', PUBLIC);
    for (const code of AREAS) expect([code, found.get(code)]).toEqual([code, null]);
  });

  it('costs one statement for 2 areas or 20, and for one month or several', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (areas: string[], months: string[]) => {
        const representations = months.flatMap((month) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month })));
        const response = await subgraph.query(FIGURES, { r: representations }, party);
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities).toHaveLength(representations.length);
        return response.extensions!.sqlStatements as number;
      };
      const twenty = [...AREAS, '01', '0180', '0380', '0381', '03', '12', '1280', '14', '1480', '2481', '2401'];
      expect(twenty).toHaveLength(20);
      expect(await statements(['2480', '2480-ersboda'], ['2025-04'])).toBe(1);
      expect(await statements(twenty, ['2025-04'])).toBe(1);
      expect(await statements(twenty, ['2025-02', '2025-03', '2025-04', '2025-05'])).toBe(1);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONCERNS as C } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { verifyAuditChain } from '../src/audit/verify-audit';
import { counts } from './concern-setup';
import { TEST_CONTACT_KEY } from './support/concerns';

/** The demo concerns: seeded once through the registration path and the clock's own firing, read only by the right organisations, counted in the figures. */
process.env.CONCERN_CONTACT_KEY = TEST_CONTACT_KEY;
process.env.FIGURES_MINIMUM_COUNT = '1';

const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(concernsSubgraph, { seed: false, clock });
  await seedDemoData(subgraph.dataSource, clock);
});
afterAll(async () => {
  await subgraph?.stop();
});

const [R0, R1, R2, R3, R4, R5, R6, R7] = C.rinkebyKista;
const [A0, A1, A2, A3] = C.angered;

const ids = async (organisationId: string, filter: Record<string, unknown> = {}) => {
  const response = await subgraph.query(`query($filter: ConcernFilter) { concerns(filter: $filter, first: 50) { totalCount nodes { id } } }`, { filter }, await bearer(organisationId, [Role.MEMBER]));
  expect(response.errors).toBeUndefined();
  const { totalCount, nodes } = response.data!.concerns as { totalCount: number; nodes: Array<{ id: string }> };
  expect(totalCount).toBe(nodes.length);
  return nodes.map((node) => node.id).sort();
};

it('seeds twelve concerns, each read only by the organisations the access rule names', async () => {
  const expected: Record<string, string[]> = {
    // Rinkeby-Kista: the district administration's reception for children and young people is the team's social services (lead): it reads them all.
    [A.rinkebyKistaStadsdel]: [R0, R1, R2, R3, R4, R5, R6, R7],
    // Fryshuset (civil society in the team): what it received, and what consent gave civil society.
    [A.fryshuset]: [R1, R3, R5, R7],
    // The local police (the team's coordinator, function POLICE): what it received, and consent to the police.
    [A.lpoRinkeby]: [R1, R3, R4],
    [A.mammaUnited]: [R3, R7],
    // The school's pupil health (function SCHOOL): what it received, and consent to the school.
    [A.rinkebySkolan]: [R0, R2],
    // Angered: the police lead reads what it received and what consent gave the police.
    [A.lpoGoteborgNordost]: [A0, A1, A2, A3],
    [A.kfumGoteborg]: [A1, A3],
    // Göteborg's social services in the team read them all.
    [A.goteborgsStad]: [A0, A1, A2, A3],
    // A team line without consent (function OTHER), and outsiders: nothing.
    [A.folketsHusOchParker]: [],
    [A.uppsalaKommun]: [],
    [A.skr]: [],
  };
  for (const [organisationId, concerns] of Object.entries(expected)) expect([organisationId, await ids(organisationId)]).toEqual([organisationId, [...concerns].sort()]);
});

it("shows the one registered two hours ago in the Rinkeby-Kista lead's inbox, with the guardian's contact decrypted", async () => {
  expect(await ids(A.rinkebyKistaStadsdel, { awaitingMe: true })).toEqual([R7]);
  expect(await ids(A.lpoGoteborgNordost, { awaitingMe: true })).toEqual([]);
  const response = await subgraph.query(
    `query($id: ID!) { concern(id: $id) { status registeredAt guardianContact dueBy answeredWithin } }`,
    { id: R7 },
    await bearer(A.rinkebyKistaStadsdel, [Role.MEMBER]),
  );
  expect(response.data!.concern).toEqual({
    status: 'OPEN',
    registeredAt: '2026-06-15T10:00:00.000Z',
    guardianContact: '070-000 00 00 (demo)',
    dueBy: '2026-06-16T10:00:00.000Z',
    answeredWithin: null,
  });
});

it("keeps every concern's clock consistent with its history: points before the first contact fired, after it skipped, one breach", async () => {
  const [state] = await subgraph.dataSource.query(
    `SELECT count(*) FILTER (WHERE d.due_at <= $1 AND (d.fired_at IS NULL) = (NOT d.skipped))::int AS unhandled,
            count(*) FILTER (WHERE d.due_at > $1 AND (d.fired_at IS NOT NULL OR d.skipped))::int AS early,
            count(*) FILTER (WHERE d.fired_at IS NOT NULL AND c.first_contact_at <= d.due_at)::int AS fired_after_contact,
            count(*) FILTER (WHERE d.skipped AND (c.first_contact_at IS NULL OR c.first_contact_at > d.due_at))::int AS skipped_before_contact
       FROM concern_deadlines d JOIN concerns c ON c.id = d.concern_id`,
    [clock.now()],
  );
  expect(state).toEqual({ unhandled: 0, early: 0, fired_after_contact: 0, skipped_before_contact: 0 });
  const breached = await subgraph.dataSource.query(`SELECT id, extract(epoch FROM breached_at - registered_at)::int / 3600 AS late, extract(epoch FROM first_contact_at - registered_at)::int / 3600 AS contact FROM concerns WHERE breached_at IS NOT NULL`);
  expect(breached).toEqual([{ id: R3, late: 24, contact: 30 }]);
  const [{ closed, statuses }] = await subgraph.dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'CLOSED' AND outcome IS NOT NULL)::int AS closed, array_agg(DISTINCT status ORDER BY status) AS statuses FROM concerns`,
  );
  expect({ closed, statuses }).toEqual({ closed: 2, statuses: ['CLOSED', 'CONTACTED', 'OPEN'] });
  // The breach told the lead and the coordinator, as the clock does.
  const [{ notices }] = await subgraph.dataSource.query(`SELECT array_agg(role || ':' || kind ORDER BY role, kind) AS notices FROM concern_notifications WHERE concern_id = $1 AND kind = 'BREACH'`, [R3]);
  expect(notices).toEqual(['COORDINATOR:BREACH', 'LEAD:BREACH']);
});

it("counts the district's concerns in the figures month by month; Stockholm municipality's own total is withheld beside its empty districts", async () => {
  const months = (await subgraph.dataSource.query(
    `SELECT to_char(registered_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month, count(*)::int AS n FROM concerns WHERE area_code = $1 GROUP BY 1 ORDER BY 1`,
    [AR.rinkebyKista],
  )) as Array<{ month: string; n: number }>;
  expect(months.reduce((sum, { n }) => sum + n, 0)).toBe(8);
  const areas = [AR.rinkebyKista, AR.stockholm, '01'];
  const response = await subgraph.query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode month concerns { registered { value suppressed } } } } }`,
    { r: months.flatMap(({ month }) => areas.map((areaCode) => ({ __typename: 'Figures', areaCode, month }))) },
    await bearer(A.skr, [Role.NATIONAL_COORDINATOR]),
  );
  expect(response.errors).toBeUndefined();
  const found = response.data!._entities as Array<{ areaCode: string; month: string; concerns: { registered: { value: number | null; suppressed: boolean } } }>;
  // The district and the county (whose only concerns these are) show each month's count; the
  // municipality's total is suppressed, complementing its districts without concerns (zero is below
  // FIGURES_MINIMUM_COUNT, set to 1 here), so no empty district can be worked out from it.
  const shown = (value: number) => ({ value, suppressed: false });
  expect(found.map((f) => [f.month, f.areaCode, f.concerns.registered])).toEqual(
    months.flatMap(({ month, n }) => [[month, AR.rinkebyKista, shown(n)], [month, AR.stockholm, { value: null, suppressed: true }], [month, '01', shown(n)]]),
  );
});

it('changes nothing when seeded again, and leaves an audit chain that verifies', async () => {
  const before = await counts(subgraph);
  await seedDemoData(subgraph.dataSource, clock);
  expect(await counts(subgraph)).toEqual(before);
  const registered = await subgraph.dataSource.query(`SELECT concern_id, actor_id FROM concern_audit WHERE action = 'REGISTERED' ORDER BY concern_id`);
  expect(registered).toHaveLength(12);
  expect(registered.find((entry: { concern_id: string }) => entry.concern_id === R2).actor_id).toBe(A.rinkebySkolan);
  expect(await verifyAuditChain((sql, parameters) => subgraph.dataSource.query(sql, parameters))).toEqual({ ok: true, entries: expect.any(Number) });
});

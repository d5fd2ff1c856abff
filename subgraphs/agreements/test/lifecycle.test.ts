import { Role, todayInSweden } from '@samverkan/federation';
import { FixedClock } from '@samverkan/platform';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { AddAgreementLifecycle1765200000400 } from '../src/migrations/1765200000400-AddAgreementLifecycle';
import { EXPIRY_SUBJECT, recordExpiringAgreements } from '../src/lifecycle/expiry-upkeep';
import { bearer, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Issue 14, lifecycle: the expiring filter and `daysUntilEnd` against the request's clock, renewal,
 * status history, the expiry notice, and who sees them. Every answer is checked against the tables.
 */

// Half past midnight in Sweden, still the day before in UTC: "today" is the Swedish day.
const START = new Date('2027-03-09T23:30:00Z');
const clock = new FixedClock(START);
const TODAY = todayInSweden(START);
const calendar = demoCalendar(TODAY);
const day = (offset: number) => calendar.days(offset);
/** An instant at noon in Sweden `offset` days from the first day. */
const noonOn = (offset: number) => new Date(`${day(offset)}T11:00:00Z`);

const WHO = {
  public: null,
  /** Göteborgs Stad: owns the IOP in Angered and every record this test creates. */
  owner: { organisationId: A.goteborgsStad, roles: [Role.COORDINATOR] },
  /** KFUM Göteborg: named as a party of the IOP in Angered, which this test makes private to its owner (OWNER). */
  party: { organisationId: A.kfumGoteborg, roles: [Role.COORDINATOR] },
  /** Uppsala kommun: signed in, named in none of the agreements of Göteborg. */
  unrelated: { organisationId: A.uppsalaKommun, roles: [Role.COORDINATOR] },
} as const;
type Who = keyof typeof WHO;
const VIEWERS = Object.keys(WHO) as Who[];

let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;

/** Runs an operation as `who`; the errors stay in the answer. */
const run = (who: Who, query: string, variables: Record<string, unknown> = {}) => subgraph.query(query, variables, headers[who]);
/** Runs an operation as `who` that must succeed, and returns its data. */
async function ok(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const response = await run(who, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** Records this test adds as the owner, with the owner as the only party (ACTIVE ones hold under the activation rule). */
const RECORDS = [
  { title: 'Slutar i dag', status: 'ACTIVE', endsOn: day(0), visibility: 'PUBLIC' },
  { title: 'Slutar om tio dagar, bara ägaren', status: 'ACTIVE', endsOn: day(10), visibility: 'OWNER' },
  { title: 'Slutar om tio dagar, nätverket', status: 'ACTIVE', endsOn: day(10), visibility: 'NETWORK' },
  { title: 'Slutar om 90 dagar', status: 'ACTIVE', endsOn: day(90), visibility: 'PUBLIC' },
  { title: 'Slutar om 91 dagar', status: 'ACTIVE', endsOn: day(91), visibility: 'PUBLIC' },
  { title: 'Slutade i går', status: 'ACTIVE', endsOn: day(-1), visibility: 'PUBLIC' },
  { title: 'Avslutad, slutar om fem dagar', status: 'ENDED', endsOn: day(5), visibility: 'PUBLIC' },
  { title: 'Utkast, slutar om fem dagar', status: 'DRAFT', endsOn: day(5), visibility: 'PUBLIC' },
  { title: 'Tills vidare', status: 'ACTIVE', endsOn: null, visibility: 'PUBLIC' },
  ...Array.from({ length: 12 }, (_, i) => ({ title: `Fler avtal ${i + 10}`, status: 'ACTIVE', endsOn: day(200 + i), visibility: 'PUBLIC' })),
];

const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { id version } }`;
const RENEW = `mutation($id: ID!, $version: Int!, $input: RenewAgreementInput!, $key: String) {
  renewAgreement(id: $id, version: $version, input: $input, idempotencyKey: $key) { id version status title startsOn endsOn renews { id } } }`;

const ownAgreement = (fields: Record<string, unknown>) => ({
  kind: 'IOP',
  startsOn: day(-30),
  parties: [{ actorId: A.goteborgsStad, role: 'FUNDING', responsibilities: 'Finansierar.' }],
  areaCodes: [AR.angered],
  ...fields,
});

beforeAll(async () => {
  // The change log is stamped by the database's clock, months before the test's: the feed must keep its entries.
  process.env.CHANGE_FEED_RETENTION_DAYS = '3650';
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false, clock });
  await seedDemoData(subgraph.dataSource, calendar);
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles], { subject: who }) : {};
  }
  for (const record of RECORDS) await ok('owner', CREATE, { input: ownAgreement(record) });
  // The IOP in Angered (ACTIVE, every party confirmed by the seed) made private: its other parties see it only as named parties.
  const [{ version }] = await subgraph.dataSource.query('SELECT version FROM agreements WHERE id = $1', [G.iopGoteborgAngered]);
  await ok('owner', UPDATE, { id: G.iopGoteborgAngered, version, input: { visibility: 'OWNER' } });
});
afterAll(async () => {
  delete process.env.CHANGE_FEED_RETENTION_DAYS;
  await subgraph?.stop();
});

interface Row {
  id: string;
  status: string;
  ends_on: string | null;
  visibility: string;
  owner_id: string;
  shared_with: string[];
  parties: string[];
}

/** Every agreement, straight from the tables, soonest end first, open-ended last, ties by id. */
const rowsByEndDate = (): Promise<Row[]> =>
  subgraph.dataSource.query(
    `SELECT g.id, g.status, g.ends_on::text AS ends_on, g.visibility, g.owner_id, g.shared_with::text[] AS shared_with,
            ARRAY(SELECT DISTINCT p.actor_id::text FROM agreement_parties p WHERE p.agreement_id = g.id) AS parties
       FROM agreements g ORDER BY g.ends_on NULLS LAST, g.id`,
  );

/** The visibility rule of the design, recounted here apart from the subgraph's SQL: the owner's choice, and every named party. */
function maySee(who: Who, row: Row) {
  const person = WHO[who];
  if (row.visibility === 'PUBLIC') return true;
  if (!person) return false;
  const org = person.organisationId;
  return row.visibility === 'NETWORK' || row.owner_id === org || (row.visibility === 'SHARED' && row.shared_with.includes(org)) || row.parties.includes(org);
}

/** All pages of the root list, `first` at a time: the ids in order, and the totalCount of each page. */
async function allPages(who: Who, variables: Record<string, unknown>, first: number) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response: GraphQLResponse<any> = await run( // eslint-disable-line @typescript-eslint/no-explicit-any
      who,
      `query($filter: AgreementFilter, $orderBy: AgreementOrder, $first: Int, $after: String) {
        agreements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { ...variables, first, after },
    );
    expect(response.errors).toBeUndefined();
    const { nodes, totalCount, pageInfo } = response.data!.agreements;
    seen.push(...nodes.map((n: { id: string }) => n.id));
    totals.add(totalCount);
    if (!pageInfo.hasNextPage) return { seen, totals: [...totals] };
    after = pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/** Whole days from `from` to `to`, counted here by calendar steps rather than the subgraph's arithmetic. */
function stepsBetween(from: string, to: string) {
  let steps = 0;
  if (to >= from) {
    while (calendar.days(steps, from) < to) steps++;
  } else {
    while (calendar.days(steps, from) > to) steps--;
  }
  return steps;
}

/** What the tables behind renewal hold, to compare before and after a refused mutation. */
async function snapshot() {
  const tables = ['agreements', 'agreement_parties', 'agreement_areas', 'agreement_invitations', 'agreement_status_changes', 'change_log'];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [{ digest }] = await subgraph.dataSource.query(`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS digest FROM ${table} t`);
    result[table] = digest;
  }
  return result;
}

const versionOf = async (id: string): Promise<number> => (await subgraph.dataSource.query('SELECT version FROM agreements WHERE id = $1', [id]))[0].version;

describe('the migration', () => {
  it('begins the status history of every agreement of before: from nothing to its status, as of its registration, by its owner', async () => {
    // Run again over the agreements there now: down drops what it added, up backfills.
    const runner = subgraph.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const migration = new AddAgreementLifecycle1765200000400();
      await migration.down(runner);
      await migration.up(runner);
      const history = await runner.query(
        `SELECT agreement_id, from_status, to_status, changed_at, organisation_id FROM agreement_status_changes ORDER BY agreement_id`,
      );
      const expected = await runner.query(
        `SELECT id AS agreement_id, NULL AS from_status, status AS to_status, created_at AS changed_at, owner_id AS organisation_id FROM agreements ORDER BY id`,
      );
      expect(history).toEqual(expected);
      expect(history.length).toBeGreaterThan(RECORDS.length);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('expiresWithinDays', () => {
  const expiring = (row: Row, days: number) => row.status === 'ACTIVE' && row.ends_on !== null && row.ends_on >= TODAY && row.ends_on <= day(days);

  it('finds records on both sides of each edge, and hides some from each viewer but the owner', async () => {
    const rows = await rowsByEndDate();
    const within = rows.filter((r) => expiring(r, 90));
    expect(within.some((r) => r.ends_on === TODAY)).toBe(true);
    expect(within.some((r) => r.ends_on === day(90))).toBe(true);
    expect(rows.some((r) => r.status === 'ACTIVE' && r.ends_on === day(91))).toBe(true);
    expect(within.some((r) => !maySee('public', r) && maySee('party', r) && r.owner_id !== A.kfumGoteborg)).toBe(true);
    expect(within.some((r) => !maySee('unrelated', r))).toBe(true);
  });

  it.each(VIEWERS)('lists for %s the ACTIVE agreements ending from today to day 90, both included, soonest first, as the table has them', async (who) => {
    const expected = (await rowsByEndDate()).filter((r) => expiring(r, 90) && maySee(who, r)).map((r) => r.id);
    const { seen, totals } = await allPages(who, { filter: { expiresWithinDays: 90 }, orderBy: 'END_DATE' }, 2);
    expect(seen).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('takes 0 as today only, combines with other filters, and follows the clock to the next day', async () => {
    const rows = await rowsByEndDate();
    const today = await allPages('owner', { filter: { expiresWithinDays: 0 } }, 100);
    expect([...today.seen].sort()).toEqual(rows.filter((r) => expiring(r, 0) && maySee('owner', r)).map((r) => r.id).sort());
    expect(today.seen.length).toBeGreaterThan(0);
    const inAngered = await allPages('owner', { filter: { expiresWithinDays: 90, partyId: A.kfumGoteborg } }, 100);
    expect([...inAngered.seen].sort()).toEqual(rows.filter((r) => expiring(r, 90) && r.parties.includes(A.kfumGoteborg)).map((r) => r.id).sort());
    expect(inAngered.seen).toContain(G.iopGoteborgAngered);
    clock.set(noonOn(1));
    try {
      const tomorrow = await allPages('owner', { filter: { expiresWithinDays: 89 }, orderBy: 'END_DATE' }, 100);
      const expected = rows.filter((r) => r.status === 'ACTIVE' && r.ends_on !== null && r.ends_on >= day(1) && r.ends_on <= day(90)).map((r) => r.id);
      expect(tomorrow.seen).toEqual(expected);
      expect(rows.some((r) => expiring(r, 90) && !expected.includes(r.id))).toBe(true);
    } finally {
      clock.set(START);
    }
  });

  it.each(VIEWERS)('narrows Area.agreements and Actor.agreements for %s the same way, with the same statements for a wider window', async (who) => {
    const rows = (await rowsByEndDate()).filter((r) => maySee(who, r));
    const areas: Array<{ agreement_id: string; area_code: string }> = await subgraph.dataSource.query('SELECT agreement_id, area_code FROM agreement_areas');
    const inAngered = (r: Row) => areas.some((a) => a.agreement_id === r.id && a.area_code === AR.angered);
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const nested = async (days: number) => {
        const response = await run(
          who,
          `query($r: [_Any!]!, $days: Int) { _entities(representations: $r) {
            ... on Area { agreements(first: 100, expiresWithinDays: $days) { id } } ... on Actor { agreements(first: 100, expiresWithinDays: $days) { id } } } }`,
          { r: [{ __typename: 'Area', code: AR.angered }, { __typename: 'Actor', id: A.kfumGoteborg }], days },
        );
        expect(response.errors).toBeUndefined();
        const [area, actor] = response.data!._entities.map((e: { agreements: Array<{ id: string }> }) => e.agreements.map((a) => a.id).sort());
        return { area, actor, statements: response.extensions!.sqlStatements as number };
      };
      const [ninety, sixty, ten] = [await nested(90), await nested(60), await nested(10)];
      expect(ninety.area).toEqual(rows.filter((r) => expiring(r, 90) && inAngered(r)).map((r) => r.id).sort());
      expect(ninety.actor).toEqual(rows.filter((r) => expiring(r, 90) && r.parties.includes(A.kfumGoteborg)).map((r) => r.id).sort());
      expect(ten.area).toEqual(rows.filter((r) => expiring(r, 10) && inAngered(r)).map((r) => r.id).sort());
      // The same statements for a wider window (an empty list skips its second statement, so both windows find some).
      if (who === 'owner' || who === 'party') expect(sixty.actor.length).toBeGreaterThan(0);
      expect(sixty.statements).toBe(ninety.statements);
      if (who === 'owner') expect(ninety.area.length).toBeGreaterThan(ten.area.length);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });

  it.each([-1, 3651])('refuses %s days as BAD_USER_INPUT', async (days) => {
    const response = await run('owner', `query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }`, { filter: { expiresWithinDays: days } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('gives daysUntilEnd from the request clock: 0 today, negative when past, null when open-ended', async () => {
    const { agreements } = await ok('owner', '{ agreements(first: 100) { nodes { id endsOn daysUntilEnd } } }');
    const nodes: Array<{ id: string; endsOn: string | null; daysUntilEnd: number | null }> = agreements.nodes;
    for (const node of nodes) expect(node.daysUntilEnd).toBe(node.endsOn === null ? null : stepsBetween(TODAY, node.endsOn));
    expect(nodes.map((n) => n.daysUntilEnd)).toEqual(expect.arrayContaining([0, -1, 10, 90, 91, null]));
  });
});

describe('renewAgreement', () => {
  const IOP = G.iopGoteborgAngered;
  const partiesOf = (id: string) =>
    subgraph.dataSource.query('SELECT actor_id, role, responsibilities FROM agreement_parties WHERE agreement_id = $1 ORDER BY actor_id, role', [id]);
  const areasOf = (id: string) => subgraph.dataSource.query('SELECT area_code FROM agreement_areas WHERE agreement_id = $1 ORDER BY area_code', [id]);
  const previousEnd = async (): Promise<string> => (await subgraph.dataSource.query('SELECT ends_on::text AS e FROM agreements WHERE id = $1', [IOP]))[0].e;

  it('refuses, writing nothing: a stale version, a period not after the previous one, a party, an organisation that may not see it', async () => {
    const before = await snapshot();
    const version = await versionOf(IOP);
    const end = await previousEnd();
    const input = { startsOn: calendar.days(1, end), endsOn: calendar.days(365, end) };
    expect(errorCode(await run('owner', RENEW, { id: IOP, version: version - 1, input }))).toBe('VERSION_CONFLICT');
    const early = await run('owner', RENEW, { id: IOP, version, input: { ...input, startsOn: end } });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'input.startsOn' })]);
    const backwards = await run('owner', RENEW, { id: IOP, version, input: { startsOn: input.endsOn, endsOn: input.startsOn } });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(errorCode(await run('party', RENEW, { id: IOP, version, input }))).toBe('FORBIDDEN');
    expect(errorCode(await run('unrelated', RENEW, { id: IOP, version, input }))).toBe('NOT_FOUND');
    expect(errorCode(await run('public', RENEW, { id: IOP, version, input }))).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a draft, a terminated and an open-ended agreement, writing nothing', async () => {
    const [draft] = await subgraph.dataSource.query(`SELECT id, version FROM agreements WHERE title = 'Utkast, slutar om fem dagar'`);
    const [open] = await subgraph.dataSource.query(`SELECT id, version FROM agreements WHERE title = 'Tills vidare'`);
    const before = await snapshot();
    for (const { id, version } of [draft, open]) {
      const response = await run('owner', RENEW, { id, version, input: { startsOn: day(400) } });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'id' })]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("creates the next period's draft with what it should copy, linked both ways, in one change to each", async () => {
    const previous = (await subgraph.dataSource.query('SELECT * FROM agreements WHERE id = $1', [IOP]))[0];
    const end = await previousEnd();
    const logBefore = Number((await subgraph.dataSource.query('SELECT count(*) AS n FROM change_log'))[0].n);
    clock.set(noonOn(2));
    const { renewAgreement: next } = await ok('owner', RENEW, {
      id: IOP,
      version: previous.version,
      input: { startsOn: calendar.days(1, end), endsOn: calendar.days(730, end), title: 'IOP Trygga mötesplatser i Angered, period 2' },
    });
    clock.set(START);
    expect(next).toMatchObject({ status: 'DRAFT', title: 'IOP Trygga mötesplatser i Angered, period 2', startsOn: calendar.days(1, end), endsOn: calendar.days(730, end), renews: { id: IOP }, version: 1 });
    const [row] = await subgraph.dataSource.query('SELECT * FROM agreements WHERE id = $1', [next.id]);
    expect(row).toMatchObject({ kind: previous.kind, description: previous.description, owner_id: previous.owner_id, visibility: previous.visibility, shared_with: previous.shared_with, renews: IOP, external_id: null });
    expect(await partiesOf(next.id)).toEqual(await partiesOf(IOP));
    expect(await areasOf(next.id)).toEqual(await areasOf(IOP));
    expect([row.sections, row.template_id, row.template_version]).toEqual([previous.sections, previous.template_id, previous.template_version]);
    // Resources for the whole new period; phases as a plan (kind and purpose only). The demo IOP has both.
    const resourcesOf = (id: string) =>
      subgraph.dataSource.query('SELECT actor_id, kind, description, amount, currency, hours, venue_id, position, starts_on, ends_on FROM agreement_resources WHERE agreement_id = $1 ORDER BY position', [id]);
    const previousResources = await resourcesOf(IOP);
    expect(previousResources.length).toBeGreaterThan(0);
    expect(await resourcesOf(next.id)).toEqual(previousResources.map((line: object) => ({ ...line, starts_on: null, ends_on: null })));
    const phasesOf = (id: string) =>
      subgraph.dataSource.query('SELECT kind, description, position, starts_on, ends_on, participant_ids, outcomes, documents FROM agreement_phases WHERE agreement_id = $1 ORDER BY position', [id]);
    const previousPhases = await phasesOf(IOP);
    expect(previousPhases.length).toBeGreaterThan(0);
    expect(await phasesOf(next.id)).toEqual(
      previousPhases.map(({ kind, description, position }: { kind: string; description: string; position: number }) => ({ kind, description, position, starts_on: null, ends_on: null, participant_ids: [], outcomes: null, documents: [] })),
    );
    // Every party invited again; the owner's organisation confirmed by naming itself.
    const invitations = await subgraph.dataSource.query('SELECT actor_id, answer FROM agreement_invitations WHERE agreement_id = $1 ORDER BY actor_id', [next.id]);
    const named = [...new Set((await partiesOf(IOP)).map((p: { actor_id: string }) => p.actor_id))].sort();
    expect(invitations).toEqual(named.map((actor_id) => ({ actor_id, answer: actor_id === previous.owner_id ? 'CONFIRMED' : 'INVITED' })));
    expect(await versionOf(IOP)).toBe(previous.version + 1);
    const log = await subgraph.dataSource.query('SELECT entity_id, action, fields FROM change_log ORDER BY sequence OFFSET $1', [logBefore]);
    expect(log).toEqual([
      { entity_id: next.id, action: 'CREATED', fields: ['renews', 'startsOn', 'endsOn', 'title'] },
      { entity_id: IOP, action: 'UPDATED', fields: ['renewedBy'] },
    ]);
    const { agreement } = await ok('owner', `query($id: ID!) { agreement(id: $id) { renewedBy { id renews { id } statusHistory { from to changedAt changedBy { id } } } } }`, { id: IOP });
    expect(agreement.renewedBy).toEqual({
      id: next.id,
      renews: { id: IOP },
      statusHistory: [{ from: null, to: 'DRAFT', changedAt: noonOn(2).toISOString(), changedBy: { id: A.goteborgsStad } }],
    });
  });

  it('renews an agreement once: a second renewal is BAD_USER_INPUT naming the first, and writes nothing', async () => {
    const [renewal] = await subgraph.dataSource.query('SELECT id FROM agreements WHERE renews = $1', [IOP]);
    const before = await snapshot();
    const end = await previousEnd();
    const response = await run('owner', RENEW, { id: IOP, version: await versionOf(IOP), input: { startsOn: calendar.days(10, end) } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain(renewal.id);
    expect(response.errors![0].extensions!.fields).toEqual([{ field: 'id', message: `already renewed by ${renewal.id}` }]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a retry with the same idempotency key with the first renewal', async () => {
    const [ended] = await subgraph.dataSource.query(`SELECT id, version FROM agreements WHERE title = 'Avslutad, slutar om fem dagar'`);
    const variables = { id: ended.id, version: ended.version, input: { startsOn: day(6), endsOn: day(371) }, key: 'renew-avslutad-1' };
    const first = (await ok('owner', RENEW, variables)).renewAgreement;
    const again = (await ok('owner', RENEW, variables)).renewAgreement;
    expect(again.id).toBe(first.id);
    expect(Number((await subgraph.dataSource.query('SELECT count(*) AS n FROM agreements WHERE renews = $1', [ended.id]))[0].n)).toBe(1);
  });
});

describe('deleting a renewed or renewing agreement', () => {
  const DELETE = `mutation($id: ID!, $version: Int!) { deleteAgreement(id: $id, version: $version) }`;
  const logOf = (id: string) => subgraph.dataSource.query('SELECT action, fields FROM change_log WHERE entity_id = $1 ORDER BY sequence', [id]);

  it('unlinks the other period as a change of it (a new version, logged), so a deleted renewal can be made again', async () => {
    const { createAgreement: previous } = await ok('owner', CREATE, { input: ownAgreement({ title: 'Period ett', status: 'ACTIVE', endsOn: day(100), visibility: 'PUBLIC' }) });
    const { renewAgreement: renewal } = await ok('owner', RENEW, { id: previous.id, version: previous.version, input: { startsOn: day(101) } });
    const previousVersion = await versionOf(previous.id);
    await ok('owner', DELETE, { id: renewal.id, version: renewal.version });
    expect(await versionOf(previous.id)).toBe(previousVersion + 1);
    expect((await logOf(previous.id)).slice(-1)).toEqual([{ action: 'UPDATED', fields: ['renewedBy'] }]);
    const again = (await ok('owner', RENEW, { id: previous.id, version: previousVersion + 1, input: { startsOn: day(101) } })).renewAgreement;
    expect(again.renews).toEqual({ id: previous.id });

    // Deleting the earlier period leaves the renewal on its own, as a change of it.
    await ok('owner', DELETE, { id: previous.id, version: await versionOf(previous.id) });
    expect(await versionOf(again.id)).toBe(again.version + 1);
    expect((await logOf(again.id)).slice(-1)).toEqual([{ action: 'UPDATED', fields: ['renews'] }]);
    expect((await ok('owner', `query($id: ID!) { agreement(id: $id) { renews { id } } }`, { id: again.id })).agreement.renews).toBeNull();
  });
});

describe('statusHistory', () => {
  it('records create → update → update exactly, oldest first, and nothing for an update that keeps the status', async () => {
    clock.set(noonOn(3));
    let { createAgreement: created } = await ok('owner', CREATE, { input: ownAgreement({ title: 'Statusresan', status: 'DRAFT', endsOn: day(300), visibility: 'PUBLIC' }) });
    clock.set(noonOn(4));
    created = (await ok('owner', UPDATE, { id: created.id, version: created.version, input: { status: 'ACTIVE' } })).updateAgreement;
    clock.set(noonOn(5));
    created = (await ok('owner', UPDATE, { id: created.id, version: created.version, input: { title: 'Statusresan, nytt namn' } })).updateAgreement;
    clock.set(noonOn(6));
    created = (await ok('owner', UPDATE, { id: created.id, version: created.version, input: { status: 'ENDED', endsOn: day(6) } })).updateAgreement;
    clock.set(START);
    const expected = [
      { from: null, to: 'DRAFT', changedAt: noonOn(3).toISOString(), changedBy: { id: A.goteborgsStad } },
      { from: 'DRAFT', to: 'ACTIVE', changedAt: noonOn(4).toISOString(), changedBy: { id: A.goteborgsStad } },
      { from: 'ACTIVE', to: 'ENDED', changedAt: noonOn(6).toISOString(), changedBy: { id: A.goteborgsStad } },
    ];
    const query = `query($id: ID!, $first: Int) { agreement(id: $id) { statusHistory(first: $first) { from to changedAt changedBy { id } } } }`;
    expect((await ok('public', query, { id: created.id })).agreement.statusHistory).toEqual(expected);
    expect((await ok('public', query, { id: created.id, first: 2 })).agreement.statusHistory).toEqual(expected.slice(0, 2));
    const rows = await subgraph.dataSource.query('SELECT from_status, to_status, changed_at, organisation_id FROM agreement_status_changes WHERE agreement_id = $1 ORDER BY id', [created.id]);
    expect(rows.map((r: { from_status: string | null; to_status: string; changed_at: Date; organisation_id: string }) => ({ from: r.from_status, to: r.to_status, changedAt: r.changed_at.toISOString(), changedBy: { id: r.organisation_id } }))).toEqual(expected);
    expect(errorCode(await run('public', query, { id: created.id, first: 101 }))).toBe('BAD_USER_INPUT');
  });
});

describe('the expiry notice', () => {
  const notices = (id: string) =>
    subgraph.dataSource.query(`SELECT action, fields, organisation_id, subject FROM change_log WHERE entity_id = $1 AND 'expiresSoon' = ANY(fields) ORDER BY sequence`, [id]);

  it('is recorded once, on the day the agreement comes within AGREEMENT_EXPIRY_NOTICE_DAYS of its end, and not before, without a new version', async () => {
    const end = (await ok('owner', '{ agreementFeedEnd }')).agreementFeedEnd;
    const { createAgreement: created } = await ok('owner', CREATE, { input: ownAgreement({ title: 'Snart slut', status: 'ACTIVE', endsOn: day(100), visibility: 'OWNER' }) });
    const version = await versionOf(created.id);
    const feed = async (who: Who) =>
      (await ok(who, 'query($after: String) { agreementChanges(after: $after, types: ["Agreement"]) { entries { id action fields } } }', { after: end })).agreementChanges.entries.filter(
        (e: { id: string }) => e.id === created.id,
      );
    for (const offset of [0, 9]) {
      clock.set(noonOn(offset));
      await recordExpiringAgreements(subgraph.dataSource, clock);
      expect(await notices(created.id)).toEqual([]);
    }
    // Day 10: the end is 90 days away. Told once, however often the upkeep runs, also the next day.
    clock.set(noonOn(10));
    await recordExpiringAgreements(subgraph.dataSource, clock);
    await recordExpiringAgreements(subgraph.dataSource, clock);
    clock.set(noonOn(11));
    await recordExpiringAgreements(subgraph.dataSource, clock);
    const told = [{ action: 'UPDATED', fields: ['expiresSoon'], organisation_id: A.goteborgsStad, subject: EXPIRY_SUBJECT }];
    expect(await notices(created.id)).toEqual(told);
    expect(await versionOf(created.id)).toBe(version);
    // The change feed (and so the webhooks) tells those who see the agreement.
    expect(await feed('owner')).toEqual([
      { id: created.id, action: 'CREATED', fields: expect.any(Array) },
      { id: created.id, action: 'UPDATED', fields: ['expiresSoon'] },
    ]);
    expect(await feed('unrelated')).toEqual([]);
    // Every ACTIVE agreement within the window is told by now; none outside it.
    const noticed: Array<{ id: string }> = await subgraph.dataSource.query(`SELECT DISTINCT entity_id AS id FROM change_log WHERE 'expiresSoon' = ANY(fields)`);
    const rows = await rowsByEndDate();
    const expected = rows.filter((r) => r.status === 'ACTIVE' && r.ends_on !== null && r.ends_on >= day(0) && r.ends_on <= day(11 + 90)).map((r) => r.id);
    expect(noticed.map((n) => n.id).sort()).toEqual(expected.sort());
    clock.set(START);
  });

  it('follows AGREEMENT_EXPIRY_NOTICE_DAYS, and tells again when the end date moves', async () => {
    const { createAgreement: created } = await ok('owner', CREATE, { input: ownAgreement({ title: 'Längre varsel', status: 'ACTIVE', endsOn: day(150), visibility: 'OWNER' }) });
    process.env.AGREEMENT_EXPIRY_NOTICE_DAYS = '150';
    try {
      clock.set(noonOn(0));
      await recordExpiringAgreements(subgraph.dataSource, clock);
      expect(await notices(created.id)).toHaveLength(1);
      await ok('owner', UPDATE, { id: created.id, version: await versionOf(created.id), input: { endsOn: day(160) } });
      await recordExpiringAgreements(subgraph.dataSource, clock);
      expect(await notices(created.id)).toHaveLength(1);
      clock.set(noonOn(10));
      await recordExpiringAgreements(subgraph.dataSource, clock);
      expect(await notices(created.id)).toHaveLength(2);
    } finally {
      delete process.env.AGREEMENT_EXPIRY_NOTICE_DAYS;
      clock.set(START);
    }
  });
});

describe('who sees the lifecycle fields', () => {
  const FIELDS = 'id daysUntilEnd renews { id } renewedBy { id } statusHistory { to changedBy { id } }';
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Agreement { ${FIELDS} }
    ... on Area { agreements(first: 100) { ${FIELDS} } }
    ... on Actor { agreements(first: 100) { ${FIELDS} } } } }`;

  /** What `who` is shown of an agreement on every path: null where it is not shown at all. */
  async function shown(who: Who, id: string) {
    const root = (await ok(who, `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`, { id })).agreement;
    const list = (await ok(who, `{ agreements(first: 100, filter: { areaCode: "${AR.angered}" }) { nodes { ${FIELDS} } } }`)).agreements.nodes;
    const [entity, area, actor] = (
      await ok(who, ENTITIES, { r: [{ __typename: 'Agreement', id }, { __typename: 'Area', code: AR.angered }, { __typename: 'Actor', id: A.kfumGoteborg }] })
    )._entities;
    const find = (nodes: Array<{ id: string }>) => nodes.find((n) => n.id === id) ?? null;
    return [root, find(list), entity, find(area.agreements), find(actor.agreements)];
  }

  it('shows the private IOP and its renewal, with their lifecycle, to the owner and to a named party only', async () => {
    const [renewal] = await subgraph.dataSource.query('SELECT id FROM agreements WHERE renews = $1', [G.iopGoteborgAngered]);
    for (const who of ['owner', 'party'] as Who[]) {
      const paths = await shown(who, G.iopGoteborgAngered);
      for (const seen of paths) {
        expect(seen).toMatchObject({ id: G.iopGoteborgAngered, renews: null, renewedBy: { id: renewal.id }, daysUntilEnd: expect.any(Number) });
        expect(seen.statusHistory.map((s: { to: string }) => s.to)).toEqual(['ACTIVE']);
      }
      for (const seen of await shown(who, renewal.id)) expect(seen).toMatchObject({ id: renewal.id, renews: { id: G.iopGoteborgAngered }, renewedBy: null });
    }
    for (const who of ['public', 'unrelated'] as Who[]) {
      expect(await shown(who, G.iopGoteborgAngered)).toEqual([null, null, null, null, null]);
      expect(await shown(who, renewal.id)).toEqual([null, null, null, null, null]);
    }
  });

  it('shows the public a PUBLIC agreement with its lifecycle, and not its renewal once that is private', async () => {
    const [previous] = await subgraph.dataSource.query(`SELECT id, version FROM agreements WHERE title = 'Slutar om 90 dagar'`);
    const { renewAgreement: renewal } = await ok('owner', RENEW, { id: previous.id, version: previous.version, input: { startsOn: day(91) } });
    await ok('owner', UPDATE, { id: renewal.id, version: renewal.version, input: { visibility: 'OWNER' } });
    for (const [who, renewedBy] of [['public', null], ['unrelated', null], ['owner', { id: renewal.id }]] as Array<[Who, unknown]>) {
      const [root] = await shown(who, previous.id);
      expect(root).toMatchObject({ id: previous.id, daysUntilEnd: 90, renewedBy, statusHistory: [{ to: 'ACTIVE', changedBy: { id: A.goteborgsStad } }] });
    }
    expect((await shown('public', renewal.id))[0]).toBeNull();
  });
});

describe('statement counts', () => {
  it('do not grow with the agreements listed with their status history and renewals', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const count = async (first: number) => {
        const response = await run(
          'owner',
          `{ agreements(first: ${first}) { nodes { id daysUntilEnd statusHistory(first: 5) { from to changedBy { id } }
              renews { id statusHistory { to } renewedBy { id } } renewedBy { id renews { id } } } } }`,
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.agreements.nodes).toHaveLength(first);
        return response.extensions!.sqlStatements as number;
      };
      const two = await count(2);
      expect(await count(20)).toBe(two);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

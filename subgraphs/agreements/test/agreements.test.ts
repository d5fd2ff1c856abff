import { assertReferencesExist, Role } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { envName } from '@samverkan/platform';
import { agreementsSubgraph } from '../src';
import { demoAgreements, seedDemoData } from '../src/demo/seed';
import { bearer, PEOPLE } from '@samverkan/test-support';
import { createAgreedAgreement, errorCode, graphql } from '@samverkan/test-support';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** Who asks: the people of the access matrix, and people of the organisations the demo agreements involve. */
const WHO = {
  public: null,
  ...PEOPLE,
  /** Polismyndigheten: owns the NOA–RF agreement and the draft declaration of intent. */
  policeCoordinator: { organisationId: A.polisen, roles: [Role.COORDINATOR] },
  /** Göteborgs Stad: owns the IOP in Angered. */
  goteborgCoordinator: { organisationId: A.goteborgsStad, roles: [Role.COORDINATOR] },
  /** KFUM Göteborg: a party the IOP is shared with. */
  kfumGoteborgMember: { organisationId: A.kfumGoteborg, roles: [Role.MEMBER] },
  /** Uppsala kommun: owns SSPF Uppsala. */
  uppsalaCoordinator: { organisationId: A.uppsalaKommun, roles: [Role.COORDINATOR] },
  /** Riksidrottsförbundet: owns the whistle-blower collaboration; a party to the draft declaration. */
  rfCoordinator: { organisationId: A.riksidrottsforbundet, roles: [Role.COORDINATOR] },
  /** Lokalpolisområde Rinkeby again, without a coordinator role. */
  policeMember: { organisationId: A.lpoRinkeby, roles: [Role.MEMBER] },
  /** Lokalpolisområde Rinkeby again: a second coordinator. */
  policeColleague: { organisationId: A.lpoRinkeby, roles: [Role.COORDINATOR] },
  linkopingCoordinator: { organisationId: A.linkopingsKommun, roles: [Role.COORDINATOR] },
  stadsmissionMember: { organisationId: A.ostergotlandsStadsmission, roles: [Role.MEMBER] },
  erikshjalpenMember: { organisationId: A.erikshjalpen, roles: [Role.MEMBER] },
} as const;
type Who = keyof typeof WHO;

/** The demo data is seeded for this day, so the expected dates are computed from the same calendar. */
const calendar = demoCalendar();
const SEEDED = Object.fromEntries(demoAgreements(calendar).map((a) => [a.id, a]));

let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;
/** The request headers of a person (none for the public); the token's subject is the person's name here. */
const as = (who: Who) => headers[who];

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles], { subject: who }) : {};
  }
});
afterAll(() => subgraph?.stop());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ALL_SEEDED = Object.values(G);
const NATIONAL = [G.noaRiksidrottsforbundet, G.nationalDeclarationOfIntent, G.visselblasartjanstRf];

/** Who owns each demo agreement and whom it chose to show it to (the seed's intent). */
const SEEDED_OWNERSHIP: Record<string, { owner: string; visibility: string; sharedWith: string[] }> = {
  [G.noaRiksidrottsforbundet]: { owner: A.polisen, visibility: 'PUBLIC', sharedWith: [] },
  [G.nationalDeclarationOfIntent]: { owner: A.polisen, visibility: 'OWNER', sharedWith: [] },
  [G.iopGoteborgAngered]: { owner: A.goteborgsStad, visibility: 'SHARED', sharedWith: [A.kfumGoteborg, A.raddaBarnenGoteborg, A.lpoGoteborgNordost] },
  [G.rattKurvaJarva]: {
    owner: A.lpoRinkeby,
    visibility: 'SHARED',
    sharedWith: [A.stockholmsStad, A.rinkebyKistaStadsdel, A.familjebostader, A.jarvaISamverkan],
  },
  [G.sspfUppsala]: { owner: A.uppsalaKommun, visibility: 'NETWORK', sharedWith: [] },
  [G.medborgarloftRinkebyKista]: { owner: A.lpoRinkeby, visibility: 'PUBLIC', sharedWith: [] },
  [G.visselblasartjanstRf]: { owner: A.riksidrottsforbundet, visibility: 'PUBLIC', sharedWith: [] },
  [G.medborgarloftRinkebyKistaPrevious]: { owner: A.lpoRinkeby, visibility: 'PUBLIC', sharedWith: [] },
};
const OWNER_PERSON: Record<string, Who> = {
  [A.polisen]: 'policeCoordinator',
  [A.goteborgsStad]: 'goteborgCoordinator',
  [A.lpoRinkeby]: 'policeOfficer',
  [A.uppsalaKommun]: 'uppsalaCoordinator',
  [A.riksidrottsforbundet]: 'rfCoordinator',
};

/** The national agreements and the citizen promises are public commitments. */
const PUBLICLY = [G.noaRiksidrottsforbundet, G.medborgarloftRinkebyKista, G.medborgarloftRinkebyKistaPrevious, G.visselblasartjanstRf];
/** Last year's citizen promise and this year's, in title order, and Rätt kurva Järva: the agreements for Rinkeby-Kista. */
const PROMISES = [G.medborgarloftRinkebyKistaPrevious, G.medborgarloftRinkebyKista];
const RINKEBY_KISTA = [...PROMISES, G.rattKurvaJarva];
/** SSPF Uppsala is shown to the whole network. */
const IN_NETWORK = [...PUBLICLY, G.sspfUppsala];

/**
 * Which demo agreements each person may see, derived from the seed's intent: whom each owner lets see
 * it, and (`withNamedParties`) every organisation an agreement names as a party, whatever its answer.
 */
const VISIBLE = withNamedParties({
  public: PUBLICLY,
  // Fryshuset is a party to the draft declaration: Polismyndigheten keeps the draft to itself, but its parties read what they are asked to agree to.
  ngoMember: IN_NETWORK,
  ngoCoordinator: IN_NETWORK,
  // Lokalpolisområde Rinkeby owns Rätt kurva Järva (and the public citizen promise).
  policeOfficer: [...IN_NETWORK, G.rattKurvaJarva],
  // Rinkeby-Kista stadsdelsförvaltning is a party Rätt kurva Järva is shared with.
  municipalityOfficial: [...IN_NETWORK, G.rattKurvaJarva],
  nationalCoordinator: IN_NETWORK,
  // Acts for Polismyndigheten, which owns the draft; the administrator role itself adds nothing.
  administrator: [...IN_NETWORK, G.nationalDeclarationOfIntent],
  policeCoordinator: [...IN_NETWORK, G.nationalDeclarationOfIntent],
  goteborgCoordinator: [...IN_NETWORK, G.iopGoteborgAngered],
  kfumGoteborgMember: [...IN_NETWORK, G.iopGoteborgAngered],
  uppsalaCoordinator: IN_NETWORK,
  rfCoordinator: IN_NETWORK,
});
type Viewer = keyof typeof VISIBLE;

/** A named party sees the agreement that names it (issue 14): the demo agreements naming each person's organisation added to what its owner shows them. */
function withNamedParties<T extends Partial<Record<Who, readonly string[]>>>(shown: T): Record<keyof T, string[]> {
  const naming = (organisationId: string) => demoAgreements(calendar).filter((a) => a.parties.some(([actorId]) => actorId === organisationId)).map((a) => a.id);
  return Object.fromEntries(
    Object.entries(shown).map(([who, ids]) => {
      const person = WHO[who as Who];
      return [who, [...new Set([...(ids as string[]), ...(person ? naming(person.organisationId) : [])])]];
    }),
  ) as Record<keyof T, string[]>;
}
const MATRIX = Object.keys(VISIBLE) as Viewer[];
const visibleTo = (who: Viewer, candidates: readonly string[]) => candidates.filter((id) => VISIBLE[who].includes(id));

type Node = { id: string };
const ids = (nodes: Node[]) => nodes.map((n) => n.id);
const sorted = (values: readonly string[]) => [...values].sort();

const count = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const countRows = async () => ({
  agreements: await count('agreements'),
  parties: await count('agreement_parties'),
  areas: await count('agreement_areas'),
  changeLog: await count('change_log'),
});

/** Ids of the agreements matching a filter that a person sees, in the list's order (all pages). */
async function listIds(filter: Record<string, unknown>, who: Who = 'policeOfficer'): Promise<string[]> {
  const response = await subgraph.query(
    `query($filter: AgreementFilter) { agreements(filter: $filter, first: 100) { totalCount nodes { id } } }`,
    { filter },
    as(who),
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.agreements.totalCount).toBe(response.data!.agreements.nodes.length);
  return ids(response.data!.agreements.nodes);
}

/**
 * A filter lists, for every person of the matrix, exactly the matching agreements that person may
 * see: `matching` are all the demo agreements that match (in list order when `ordered`).
 */
async function expectListed(filter: Record<string, unknown>, matching: readonly string[], { ordered = false } = {}) {
  for (const who of MATRIX) {
    const listed = await listIds(filter, who);
    const expected = visibleTo(who, matching);
    expect({ who, listed: ordered ? listed : sorted(listed) }).toEqual({ who, listed: ordered ? expected : sorted(expected) });
  }
}

describe('demo data', () => {
  it('seeds the agreements named in the dialogue meeting, consistent with their own rules', async () => {
    // Together, the owners of the private and shared ones see them all.
    const nodes: Array<{
      id: string;
      kind: string;
      status: string;
      startsOn: string | null;
      endsOn: string | null;
      parties: Array<{ role: string; actor: { id: string } }>;
      areas: Array<{ code: string }>;
    }> = [];
    for (const who of ['policeCoordinator', 'goteborgCoordinator', 'policeOfficer'] as const) {
      const { data, errors } = await subgraph.query(
        `{ agreements(first: 100) { nodes { id kind status startsOn endsOn parties { role actor { id } } areas { code } } } }`,
        {},
        as(who),
      );
      expect(errors).toBeUndefined();
      nodes.push(...data!.agreements.nodes.filter((n: Node) => !nodes.some((seen) => seen.id === n.id)));
    }
    expect(sorted(ids(nodes))).toEqual(sorted(ALL_SEEDED));
    for (const agreement of nodes) {
      expect(agreement.parties.length).toBeGreaterThan(0);
      expect(agreement.areas.length).toBeGreaterThan(0);
      if (agreement.status !== 'DRAFT') expect(agreement.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (agreement.startsOn && agreement.endsOn) expect(agreement.endsOn >= agreement.startsOn).toBe(true);
      // Relative to the seeding day: active ones are in force today, ended ones ended before it.
      if (agreement.status === 'ACTIVE') expect([agreement.id, agreement.startsOn! <= calendar.today, (agreement.endsOn ?? calendar.today) >= calendar.today]).toEqual([agreement.id, true, true]);
      if (agreement.status === 'ENDED') expect([agreement.id, agreement.endsOn! < calendar.today]).toEqual([agreement.id, true]);
      if (agreement.kind === 'NATIONAL_AGREEMENT') expect(agreement.areas.map((a) => a.code)).toContain('SE');
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(G.noaRiksidrottsforbundet)).toMatchObject({ kind: 'NATIONAL_AGREEMENT', status: 'ACTIVE', areas: [{ code: 'SE' }] });
    expect(byId.get(G.nationalDeclarationOfIntent)).toMatchObject({ kind: 'DECLARATION_OF_INTENT', status: 'DRAFT' });
    expect(byId.get(G.iopGoteborgAngered)).toMatchObject({ kind: 'IOP', areas: [{ code: AR.angered }] });
    expect(byId.get(G.rattKurvaJarva)).toMatchObject({ kind: 'METHOD_FRAMEWORK', areas: [{ code: AR.rinkebyKista }, { code: AR.spangaTensta }] });
    expect(byId.get(G.sspfUppsala)!.kind).toBe('METHOD_FRAMEWORK');
    expect(byId.get(G.medborgarloftRinkebyKista)).toMatchObject({ kind: 'CITIZEN_PROMISE', status: 'ACTIVE', startsOn: calendar.yearStart(0), endsOn: calendar.yearEnd(0) });
    expect(byId.get(G.medborgarloftRinkebyKistaPrevious)).toMatchObject({ kind: 'CITIZEN_PROMISE', status: 'ENDED', startsOn: calendar.yearStart(-1), endsOn: calendar.yearEnd(-1) });
    expect(byId.get(G.visselblasartjanstRf)).toMatchObject({ kind: 'COLLABORATION_AGREEMENT', areas: [{ code: 'SE' }] });
    // Whatever the day, the NOA–RF agreement and the IOP run out within 90 days (this year's citizen promise too, from October).
    const expiring = nodes.filter((a) => a.status === 'ACTIVE' && a.endsOn && a.endsOn <= calendar.days(90)).map((a) => a.id);
    expect(expiring).toEqual(expect.arrayContaining([G.noaRiksidrottsforbundet, G.iopGoteborgAngered]));
  });

  it("names each citizen promise after the year it is for", async () => {
    const { data } = await subgraph.query(`{ agreements(filter: { kinds: [CITIZEN_PROMISE] }) { nodes { title startsOn } } }`);
    expect(data!.agreements.nodes).toEqual([
      { title: `Medborgarlöfte Rinkeby-Kista ${calendar.yearStart(-1).slice(0, 4)}`, startsOn: calendar.yearStart(-1) },
      { title: `Medborgarlöfte Rinkeby-Kista ${calendar.yearStart(0).slice(0, 4)}`, startsOn: calendar.yearStart(0) },
    ]);
  });

  it.each(ALL_SEEDED)('gives %s the owner that registered it and the visibility that owner chose', async (id) => {
    const { owner, visibility, sharedWith } = SEEDED_OWNERSHIP[id];
    const { data, errors } = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { owner { id } visibility sharedWith { id } changeLog { action } parties { actor { id } } } }`,
      { id },
      as(OWNER_PERSON[owner]),
    );
    expect(errors).toBeUndefined();
    const agreement = data!.agreement;
    expect(agreement).toMatchObject({ owner: { id: owner }, visibility, changeLog: [] });
    expect(sorted(ids(agreement.sharedWith))).toEqual(sorted(sharedWith));
    // A SHARED demo agreement is shared with exactly its parties, as one registered through the API.
    if (visibility === 'SHARED') {
      const parties = new Set<string>(agreement.parties.map((p: { actor: Node }) => p.actor.id));
      parties.delete(owner);
      expect(sorted([...parties])).toEqual(sorted(sharedWith));
    }
  });

  it('refers only to actors and areas the actors registry knows', async () => {
    const links: Array<{ actor_id: string }> = await subgraph.dataSource.query('SELECT DISTINCT actor_id FROM agreement_parties');
    const codes: Array<{ area_code: string }> = await subgraph.dataSource.query('SELECT DISTINCT area_code FROM agreement_areas');
    const representations = [
      ...links.map((l) => ({ __typename: 'Actor', id: l.actor_id })),
      ...codes.map((c) => ({ __typename: 'Area', code: c.area_code })),
    ];
    const { data } = await graphql(
      subgraph.actors!.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { id } ... on Area { code } } }`,
      { r: representations },
    );
    expect(data!._entities).toHaveLength(representations.length);
    expect(data!._entities.filter((e: unknown) => e === null)).toEqual([]);
  });

  it('is idempotent: seeding again changes nothing, also on a later day', async () => {
    const agreements = () => subgraph.dataSource.query('SELECT id, title, status, starts_on, ends_on, version, created_at, updated_at FROM agreements ORDER BY id');
    const before = [await countRows(), await agreements()];
    await (await agreementsSubgraph.loadDemoSeed())(subgraph.dataSource);
    await seedDemoData(subgraph.dataSource, demoCalendar(calendar.days(200)));
    expect([await countRows(), await agreements()]).toEqual(before);
  });

  it('gives the demo agreements times of registration in the past, not all the moment of seeding', async () => {
    const rows: Array<{ created_at: Date; updated_at: Date }> = await subgraph.dataSource.query('SELECT created_at, updated_at FROM agreements');
    expect(new Set(rows.map((r) => r.created_at.getTime())).size).toBeGreaterThan(3);
    for (const { created_at, updated_at } of rows) {
      expect(created_at.toISOString().slice(0, 10) < calendar.today).toBe(true);
      expect(updated_at).toEqual(created_at);
    }
  });
});

describe('agreement queries', () => {
  it('returns one agreement with its parties (several roles per actor) and areas', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { id title kind status startsOn endsOn version parties { role responsibilities actor { id } } areas { code } } }`,
      { id: G.iopGoteborgAngered },
      as('goteborgCoordinator'),
    );
    const agreement = data!.agreement;
    expect(agreement).toMatchObject({ id: G.iopGoteborgAngered, kind: 'IOP', status: 'ACTIVE', version: 1, areas: [{ code: AR.angered }] });
    expect(agreement.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const parties = agreement.parties.map((p: { role: string; actor: Node }) => [p.actor.id, p.role]);
    expect(sorted(parties.map((p: string[]) => p.join(' ')))).toEqual(
      sorted([
        `${A.goteborgsStad} FUNDING`,
        `${A.goteborgsStad} ACCOUNTABLE`,
        `${A.kfumGoteborg} IMPLEMENTING`,
        `${A.raddaBarnenGoteborg} IMPLEMENTING`,
        `${A.lpoGoteborgNordost} IMPLEMENTING`,
      ]),
    );
    // Listed role by role: the funder first, implementers last.
    const roles = agreement.parties.map((p: { role: string }) => p.role);
    expect(roles[0]).toBe('FUNDING');
    expect(roles.slice(-3)).toEqual(['IMPLEMENTING', 'IMPLEMENTING', 'IMPLEMENTING']);
  });

  it('returns null for an unknown or malformed id', async () => {
    const { data, errors } = await subgraph.query(
      `query($a: ID!, $b: ID!) { a: agreement(id: $a) { id } b: agreement(id: $b) { id } }`,
      { a: UNKNOWN_ID, b: 'not-a-uuid' },
      as('policeOfficer'),
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  // Each filter is checked for every person of the matrix: it lists exactly the matching agreements
  // that person may see, so a filter only ever narrows the visible rows.
  it('filters by area, sub-areas included', async () => {
    const local = RINKEBY_KISTA;
    // "Medborgarlöfte ... <last year>" sorts before "Medborgarlöfte ... <this year>" and "Rätt kurva ...".
    await expectListed({ areaCode: AR.stockholm }, local, { ordered: true });
    await expectListed({ areaCode: AR.stockholmsLan }, local);
    await expectListed({ areaCode: AR.rinkebyKista, areaScope: 'WITHIN' }, local);
    await expectListed({ areaCode: AR.spangaTensta }, [G.rattKurvaJarva]);
    await expectListed({ areaCode: AR.goteborg }, [G.iopGoteborgAngered]);
    await expectListed({ areaCode: AR.malmo }, []);
    await expectListed({ areaCode: 'SE' }, ALL_SEEDED);
  });

  it('with scope OVERLAPPING also finds agreements for wider areas, such as national ones', async () => {
    await expectListed({ areaCode: AR.rinkebyKista, areaScope: 'OVERLAPPING' }, [...RINKEBY_KISTA, ...NATIONAL]);
    await expectListed({ areaCode: AR.gottsunda, areaScope: 'OVERLAPPING' }, [G.sspfUppsala, ...NATIONAL]);
    await expectListed({ areaCode: AR.gottsunda, areaScope: 'WITHIN' }, []);
  });

  it('filters by kind and status', async () => {
    await expectListed({ kinds: ['METHOD_FRAMEWORK'] }, [G.rattKurvaJarva, G.sspfUppsala]);
    await expectListed({ kinds: ['IOP', 'CITIZEN_PROMISE'] }, [G.iopGoteborgAngered, ...PROMISES]);
    await expectListed({ statuses: ['DRAFT'] }, [G.nationalDeclarationOfIntent]);
    await expectListed({ statuses: ['ENDED'] }, [G.medborgarloftRinkebyKistaPrevious]);
    await expectListed({ statuses: ['ACTIVE'], kinds: ['DECLARATION_OF_INTENT'] }, []);
  });

  it('filters by party, listing each agreement once even when the actor holds several roles', async () => {
    await expectListed({ partyId: A.riksidrottsforbundet }, NATIONAL);
    await expectListed({ partyId: A.lpoRinkeby }, RINKEBY_KISTA, { ordered: true });
    await expectListed({ partyId: A.goteborgsStad }, [G.iopGoteborgAngered]);
    await expectListed({ partyId: A.fryshuset }, [G.nationalDeclarationOfIntent]);
    await expectListed({ partyId: A.linkopingsKommun }, []);
  });

  it('filters by period overlap, open ends included and undated drafts left out', async () => {
    const dated = ALL_SEEDED.filter((id) => id !== G.nationalDeclarationOfIntent);
    const inForce = dated.filter((id) => id !== G.medborgarloftRinkebyKistaPrevious);
    // Started by the month before SSPF Uppsala: Rätt kurva Järva and the RF whistle-blower collaboration.
    const sspfStarts = SEEDED[G.sspfUppsala].startsOn!;
    await expectListed({ from: calendar.month(-40), to: calendar.days(-1, sspfStarts) }, [G.rattKurvaJarva, G.visselblasartjanstRf]);
    // Still running after the last dated agreement ends: only the open-ended ones.
    const lastEnd = [...dated.map((id) => SEEDED[id].endsOn ?? '')].sort().pop()!;
    await expectListed({ from: calendar.days(1, lastEnd) }, [G.rattKurvaJarva, G.sspfUppsala, G.visselblasartjanstRf]);
    // Everything in force today overlaps today; last year's citizen promise has ended.
    await expectListed({ from: calendar.today, to: calendar.today }, inForce);
    // Not yet started on the last day of last year: this year's citizen promise.
    await expectListed({ to: calendar.yearEnd(-1) }, dated.filter((id) => id !== G.medborgarloftRinkebyKista));
    // On the first day of this year, this year's promise has started and last year's has ended.
    await expectListed({ from: calendar.yearStart(0), to: calendar.yearStart(0) }, inForce);
    await expectListed({ from: calendar.yearEnd(-1), to: calendar.yearEnd(-1) }, dated.filter((id) => id !== G.medborgarloftRinkebyKista));
  });

  it('filters by text in title or description, case-insensitively', async () => {
    await expectListed({ text: 'rätt kurva' }, [G.rattKurvaJarva]);
    await expectListed({ text: '8–15' }, [G.rattKurvaJarva]);
    await expectListed({ text: 'barns och ungas röster' }, [G.medborgarloftRinkebyKista]);
    await expectListed({ text: 'visselblås' }, [G.visselblasartjanstRf]);
    await expectListed({ text: 'avsiktsförklaring' }, [G.nationalDeclarationOfIntent]);
    await expectListed({ text: 'angered' }, [G.iopGoteborgAngered]);
    await expectListed({ text: '100%' }, []);
  });

  it('combines filters', async () => {
    await expectListed({ areaCode: AR.rinkebyKista, areaScope: 'OVERLAPPING', kinds: ['NATIONAL_AGREEMENT'], partyId: A.polisen }, [
      G.noaRiksidrottsforbundet,
    ]);
    await expectListed({ partyId: A.polisen, statuses: ['DRAFT'], areaCode: 'SE' }, [G.nationalDeclarationOfIntent]);
  });

  it.each([
    ['from after to', { from: '2026-01-02', to: '2026-01-01' }],
    ['a malformed date', { from: '2026-02-30' }],
    ['a malformed area code', { areaCode: 'Stockholm' }],
    ['a malformed party id', { partyId: 'polisen' }],
    ['an unknown kind', { kinds: ['CONTRACT'] }],
  ])('refuses a filter with %s', async (_case, filter) => {
    const response = await subgraph.query(`query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }`, { filter }, as('policeOfficer'));
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it.each(['public', 'policeOfficer', 'goteborgCoordinator'] as const)('pages with cursors, by title, without gaps or repeats, for %s', async (who) => {
    const seen: string[] = [];
    const titles: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const { data }: { data?: any } = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
        `query($after: String) { agreements(first: 2, after: $after) { totalCount nodes { id title } pageInfo { hasNextPage endCursor } } }`,
        { after },
        as(who),
      );
      total = data.agreements.totalCount;
      seen.push(...ids(data.agreements.nodes));
      titles.push(...data.agreements.nodes.map((n: { title: string }) => n.title));
      if (!data.agreements.pageInfo.hasNextPage) break;
      after = data.agreements.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(VISIBLE[who].length);
    const inDatabaseOrder: Array<{ id: string }> = await subgraph.dataSource.query('SELECT id FROM agreements ORDER BY title, id');
    expect(seen).toEqual(visibleTo(who, inDatabaseOrder.map((r) => r.id)));
  });

  it('refuses a foreign cursor and a too-large page', async () => {
    expect(errorCode(await subgraph.query(`{ agreements(after: "bm9wZQ") { totalCount } }`, {}, as('policeOfficer')))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(`{ agreements(first: 101) { totalCount } }`, {}, as('policeOfficer')))).toBe('BAD_USER_INPUT');
  });

  it('loads parties and areas of a whole page in a fixed number of statements', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (first: number) => {
        const response = await subgraph.query(
          `query($first: Int!) { agreements(first: $first) { nodes { id parties { role actor { id } } areas { code } } } }`,
          { first },
          as('policeOfficer'),
        );
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements as number;
      };
      const small = await statements(1);
      expect(await statements(7)).toBe(small);
      expect(small).toBeLessThanOrEqual(4);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('contributed fields', () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Actor { id all: agreements { id } active: agreements(statuses: [ACTIVE]) { id } }
    ... on Area { code within: agreements { id } overlapping: agreements(scope: OVERLAPPING) { id } } } }`;

  // Title order: "Avsiktsförklaring ...", "IOP ...", "Medborgarlöfte ... <last year>", "Medborgarlöfte ... <this year>", "Nationell samverkan ...", "Nationell överenskommelse ...", "Rätt kurva ...", "SSPF ...".
  it.each(MATRIX)('lists, for %s, the visible agreements an actor is a party to, optionally by status, by title', async (who) => {
    const { data, errors } = await subgraph.query(
      entities,
      {
        r: [
          { __typename: 'Actor', id: A.riksidrottsforbundet },
          { __typename: 'Actor', id: A.lpoRinkeby },
          { __typename: 'Actor', id: A.fryshuset },
          { __typename: 'Actor', id: A.goteborgsStad },
          { __typename: 'Actor', id: A.rinkebyKistaStadsdel },
          { __typename: 'Actor', id: A.linkopingsKommun },
        ],
      },
      as(who),
    );
    expect(errors).toBeUndefined();
    const [rf, lpo, fryshuset, goteborg, stadsdel, linkoping] = data!._entities;
    expect(sorted(ids(rf.all))).toEqual(sorted(visibleTo(who, NATIONAL)));
    expect(sorted(ids(rf.active))).toEqual(sorted(visibleTo(who, [G.noaRiksidrottsforbundet, G.visselblasartjanstRf])));
    expect(ids(lpo.all)).toEqual(visibleTo(who, RINKEBY_KISTA));
    expect(ids(fryshuset.all)).toEqual(visibleTo(who, [G.nationalDeclarationOfIntent]));
    expect(ids(goteborg.all)).toEqual(visibleTo(who, [G.iopGoteborgAngered]));
    expect(ids(stadsdel.all)).toEqual(visibleTo(who, RINKEBY_KISTA));
    expect(linkoping).toEqual({ id: A.linkopingsKommun, all: [], active: [] });
  });

  it.each(MATRIX)('lists, for %s, the visible agreements covering an area, per scope', async (who) => {
    const { data, errors } = await subgraph.query(
      entities,
      {
        r: [
          { __typename: 'Area', code: AR.stockholm },
          { __typename: 'Area', code: AR.angered },
          { __typename: 'Area', code: AR.uppsala },
          { __typename: 'Area', code: 'SE' },
        ],
      },
      as(who),
    );
    expect(errors).toBeUndefined();
    const [stockholm, angered, uppsala, sweden] = data!._entities;
    expect(ids(stockholm.within)).toEqual(visibleTo(who, RINKEBY_KISTA));
    expect(sorted(ids(stockholm.overlapping))).toEqual(sorted(visibleTo(who, [...RINKEBY_KISTA, ...NATIONAL])));
    expect(ids(angered.within)).toEqual(visibleTo(who, [G.iopGoteborgAngered]));
    expect(sorted(ids(uppsala.overlapping))).toEqual(sorted(visibleTo(who, [G.sspfUppsala, ...NATIONAL])));
    expect(sorted(ids(sweden.within))).toEqual(sorted(VISIBLE[who]));
  });
});

describe('changing agreements', () => {
  const fields =
    'id title kind status description startsOn endsOn version visibility owner { id } sharedWith { id } parties { role responsibilities actor { id } } areas { code }';
  const create = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${fields} } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { ${fields} } }`;
  const read = `query($id: ID!) { agreement(id: $id) { ${fields} } }`;
  /** Linköpings kommun records and changes its own agreements here. */
  const asLinkoping = (query: string, variables?: Record<string, unknown>) => subgraph.query(query, variables, as('linkopingCoordinator'));

  const iopLinkoping = () => ({
    title: 'IOP Läxhjälp och föräldrastöd i Skäggetorp',
    kind: 'IOP',
    status: 'ACTIVE',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    description: 'Partnerskap om läxhjälp och föräldrastöd.',
    parties: [
      { actorId: A.linkopingsKommun, role: 'FUNDING', responsibilities: 'Finansierar verksamheten.' },
      { actorId: A.linkopingsKommun, role: 'ACCOUNTABLE' },
      { actorId: A.ostergotlandsStadsmission, role: 'IMPLEMENTING', responsibilities: 'Driver läxhjälpen.' },
    ],
    areaCodes: [AR.skaggetorp],
  });

  const partyKeys = (parties: Array<{ role: string; actor: Node }>) => sorted(parties.map((p) => `${p.actor.id} ${p.role}`));

  it('creates an agreement with its parties and areas, then finds it by area, party and text', async () => {
    // Recorded as a draft, confirmed by the stadsmission, then made ACTIVE (the activation rule).
    const agreement = await createAgreedAgreement(subgraph.query, as('linkopingCoordinator'), iopLinkoping(), { select: fields });
    expect(agreement).toMatchObject({
      title: 'IOP Läxhjälp och föräldrastöd i Skäggetorp',
      kind: 'IOP',
      status: 'ACTIVE',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      version: 3,
      areas: [{ code: AR.skaggetorp }],
      // The coordinator's organisation owns it, and it is private unless the owner chooses otherwise.
      owner: { id: A.linkopingsKommun },
      visibility: 'OWNER',
      sharedWith: [],
    });
    expect(partyKeys(agreement.parties)).toEqual(
      sorted([`${A.linkopingsKommun} FUNDING`, `${A.linkopingsKommun} ACCOUNTABLE`, `${A.ostergotlandsStadsmission} IMPLEMENTING`]),
    );
    expect(await listIds({ areaCode: AR.linkoping }, 'linkopingCoordinator')).toEqual([agreement.id]);
    expect(await listIds({ partyId: A.ostergotlandsStadsmission }, 'linkopingCoordinator')).toEqual([agreement.id]);
    expect(await listIds({ text: 'skäggetorp' }, 'linkopingCoordinator')).toEqual([agreement.id]);
    // The party it names sees it (it was asked to agree to it); nobody else does before the owner shares it.
    expect(await listIds({ partyId: A.ostergotlandsStadsmission }, 'stadsmissionMember')).toEqual([agreement.id]);
    expect(await listIds({ partyId: A.ostergotlandsStadsmission }, 'erikshjalpenMember')).toEqual([]);
    expect(await listIds({ text: 'skäggetorp' }, 'public')).toEqual([]);
  });

  it('creates a draft by default, without dates', async () => {
    const { parties, areaCodes } = iopLinkoping();
    const created = await asLinkoping(create, { input: { title: 'Utkast till samverkansavtal', kind: 'COLLABORATION_AGREEMENT', parties, areaCodes } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgreement).toMatchObject({ status: 'DRAFT', startsOn: null, endsOn: null, description: null, version: 1 });
  });

  it('updates fields with patch semantics, replaces parties and areas, and bumps the version every time', async () => {
    // A draft: its parties change before they have all agreed.
    const { data } = await asLinkoping(create, { input: { ...iopLinkoping(), status: 'DRAFT' } });
    const id = data!.createAgreement.id;

    const first = await asLinkoping(update, { id, version: 1, input: { title: 'IOP Skäggetorp 2026', description: null } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateAgreement).toMatchObject({
      title: 'IOP Skäggetorp 2026',
      description: null,
      kind: 'IOP',
      startsOn: '2026-01-01',
      version: 2,
      areas: [{ code: AR.skaggetorp }],
    });
    expect(first.data!.updateAgreement.parties).toHaveLength(3);

    // Only the parties change: still a new version.
    const second = await asLinkoping(update, {
      id,
      version: 2,
      input: { parties: [{ actorId: A.ostergotlandsStadsmission, role: 'ACCOUNTABLE' }, { actorId: A.erikshjalpen, role: 'IMPLEMENTING' }] },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.updateAgreement.version).toBe(3);
    expect(partyKeys(second.data!.updateAgreement.parties)).toEqual(
      sorted([`${A.ostergotlandsStadsmission} ACCOUNTABLE`, `${A.erikshjalpen} IMPLEMENTING`]),
    );

    const third = await asLinkoping(update, { id, version: 3, input: { areaCodes: [AR.linkoping, AR.skaggetorp], endsOn: null, status: 'ENDED' } });
    expect(third.errors).toBeUndefined();
    expect(third.data!.updateAgreement).toMatchObject({
      version: 4,
      status: 'ENDED',
      endsOn: null,
      areas: [{ code: AR.linkoping }, { code: AR.skaggetorp }],
      title: 'IOP Skäggetorp 2026',
    });
    expect(await listIds({ partyId: A.linkopingsKommun }, 'linkopingCoordinator')).not.toContain(id);

    const reread = await asLinkoping(read, { id });
    expect(reread.data!.agreement).toEqual(third.data!.updateAgreement);
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { data } = await asLinkoping(create, { input: { ...iopLinkoping(), status: 'DRAFT' } });
    const id = data!.createAgreement.id;
    const first = await asLinkoping(update, { id, version: 1, input: { title: 'Ny titel' } });
    expect(first.errors).toBeUndefined();
    const stale = await asLinkoping(update, { id, version: 1, input: { title: 'Gammal titel', parties: [{ actorId: A.erikshjalpen, role: 'FUNDING' }] } });
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const { data: after } = await asLinkoping(read, { id });
    expect(after!.agreement).toMatchObject({ title: 'Ny titel', version: 2 });
    expect(after!.agreement.parties).toHaveLength(3);
  });

  const party = (actorId: string, role = 'IMPLEMENTING', responsibilities?: string) => ({ actorId, role, responsibilities });
  const withInput = (changes: Record<string, unknown>) => ({ input: { ...iopLinkoping(), ...changes } });

  // The last column names the field the error points at: `extensions.fields[].field` for rules and
  // validation, or the variable path in the message for values GraphQL itself refuses.
  it.each([
    ['an invalid kind', withInput({ kind: 'CONTRACT' }), 'input.kind'],
    ['an invalid status', withInput({ status: 'SIGNED' }), 'input.status'],
    ['an invalid party role', withInput({ parties: [party(A.linkopingsKommun, 'OWNER')] }), 'input.parties[0].role'],
    ['a malformed date', withInput({ startsOn: '2026-02-30' }), 'input.startsOn'],
    ['a date with a time', withInput({ endsOn: '2026-12-31T00:00:00Z' }), 'input.endsOn'],
    ['an empty title', withInput({ title: '' }), 'title'],
    ['a too-long title', withInput({ title: 'x'.repeat(201) }), 'title'],
    ['a too-long description', withInput({ description: 'x'.repeat(4001) }), 'description'],
    ['too-long responsibilities', withInput({ parties: [party(A.linkopingsKommun, 'FUNDING', 'x'.repeat(2001))] }), 'parties.0.responsibilities'],
    ['no parties', withInput({ parties: [] }), 'parties'],
    ['no areas', withInput({ areaCodes: [] }), 'areaCodes'],
    ['an unknown actor', withInput({ parties: [party(A.linkopingsKommun), party(UNKNOWN_ID)] }), 'parties'],
    ['a malformed actor id', withInput({ parties: [party('linkoping')] }), 'parties.0.actorId'],
    ['an unknown area', withInput({ areaCodes: ['9999'] }), 'areaCodes'],
    ['an unknown district', withInput({ areaCodes: [AR.skaggetorp, '0580-nowhere'] }), 'areaCodes'],
    ['a malformed area code', withInput({ areaCodes: ['Linköping'] }), 'areaCodes'],
    ['the same actor twice in one role', withInput({ parties: [party(A.linkopingsKommun, 'FUNDING'), party(A.linkopingsKommun.toUpperCase(), 'FUNDING')] }), 'parties'],
    ['an end before the start', withInput({ startsOn: '2026-06-01', endsOn: '2026-05-31' }), 'endsOn'],
    ['an active agreement without a start date', withInput({ startsOn: null, endsOn: null }), 'startsOn'],
    ['a national agreement not covering SE', withInput({ kind: 'NATIONAL_AGREEMENT', areaCodes: [AR.linkoping] }), 'areaCodes'],
  ])('refuses to create with %s, writing nothing', async (_case, variables, field) => {
    const before = await countRows();
    const response = await asLinkoping(create, variables);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    const error = response.errors![0];
    expect(error.message).not.toMatch(/QueryFailedError|at .*\.ts/);
    if (field.startsWith('input.')) expect(error.message).toContain(`"${field}"`);
    else expect((error.extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await countRows()).toEqual(before);
  });

  it('accepts a national agreement covering SE, and a draft without dates', async () => {
    const created = await asLinkoping(create, withInput({ kind: 'NATIONAL_AGREEMENT', areaCodes: ['SE'], status: 'DRAFT', startsOn: null, endsOn: null }));
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgreement).toMatchObject({ kind: 'NATIONAL_AGREEMENT', status: 'DRAFT', startsOn: null, areas: [{ code: 'SE' }] });
  });

  describe('refused updates leave the agreement as it was', () => {
    let id: string;
    let version: number;
    let original: Record<string, unknown>;

    beforeAll(async () => {
      original = await createAgreedAgreement(subgraph.query, as('linkopingCoordinator'), iopLinkoping(), { select: fields });
      ({ id, version } = original as { id: string; version: number });
    });

    it.each([
      ['clearing the start date of an active agreement', { startsOn: null }, 'BAD_USER_INPUT'],
      ['an end before the kept start', { endsOn: '2025-12-31' }, 'BAD_USER_INPUT'],
      ['a start after the kept end', { startsOn: '2027-01-01' }, 'BAD_USER_INPUT'],
      ['becoming national without covering SE', { kind: 'NATIONAL_AGREEMENT' }, 'BAD_USER_INPUT'],
      ['clearing the title', { title: null }, 'BAD_USER_INPUT'],
      ['clearing the status', { status: null }, 'BAD_USER_INPUT'],
      ['clearing the parties', { parties: null }, 'BAD_USER_INPUT'],
      ['emptying the areas', { areaCodes: [] }, 'BAD_USER_INPUT'],
      ['an unknown actor among new parties', { title: 'Ändrad', parties: [party(A.erikshjalpen), party(UNKNOWN_ID)] }, 'BAD_USER_INPUT'],
      ['an unknown area', { title: 'Ändrad', areaCodes: ['9999'] }, 'BAD_USER_INPUT'],
      ['a malformed date', { endsOn: '31/12/2026' }, 'BAD_USER_INPUT'],
    ])('refuses %s', async (_case, input, code) => {
      const before = await countRows();
      const response = await asLinkoping(update, { id, version, input });
      expect(errorCode(response)).toBe(code);
      expect(await countRows()).toEqual(before);
      const { data } = await asLinkoping(read, { id });
      expect(data!.agreement).toEqual(original);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID],
      ['a malformed id', 'not-a-uuid'],
    ])('answers NOT_FOUND for %s', async (_case, unknown) => {
      const response = await asLinkoping(update, { id: unknown, version: 1, input: { title: 'X' } });
      expect(errorCode(response)).toBe('NOT_FOUND');
    });

    it('lets a draft go without a start date, but not become active without one', async () => {
      // Linköpings kommun is its only party, so it has agreed to it by naming itself.
      const parties = iopLinkoping().parties.filter((p) => p.actorId === A.linkopingsKommun);
      const { areaCodes } = iopLinkoping();
      const { data } = await asLinkoping(create, { input: { title: 'Utkast', kind: 'DECLARATION_OF_INTENT', parties, areaCodes } });
      const draft = data!.createAgreement.id;
      const refused = await asLinkoping(update, { id: draft, version: 1, input: { status: 'ACTIVE' } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      const accepted = await asLinkoping(update, { id: draft, version: 1, input: { status: 'ACTIVE', startsOn: '2026-12-01' } });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.updateAgreement).toMatchObject({ status: 'ACTIVE', startsOn: '2026-12-01', version: 2 });
    });
  });

  it('writes nothing when the actors registry cannot be reached', async () => {
    const actorsUrl = process.env.ACTORS_URL;
    process.env.ACTORS_URL = 'http://127.0.0.1:9/graphql';
    try {
      const before = await countRows();
      const response = await asLinkoping(create, { input: iopLinkoping() });
      expect(errorCode(response)).toBe('DEPENDENCY_UNAVAILABLE');
      expect(response.errors![0].message).toMatch(/nothing was written/);
      expect(await countRows()).toEqual(before);
    } finally {
      process.env.ACTORS_URL = actorsUrl;
    }
  });
});

describe('federation', () => {
  it('publishes its keys in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    const sdl = data!._service.sdl as string;
    expect(sdl).toMatch(/type Agreement\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Actor\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Area\s+@key\(fields: "code"\)/);
  });

  it('resolves its own entities and the stubs it extends, unknown agreements to null', async () => {
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { id title } ... on Actor { id } ... on Area { code } } }`,
      {
        r: [
          { __typename: 'Agreement', id: G.rattKurvaJarva },
          { __typename: 'Agreement', id: UNKNOWN_ID },
          { __typename: 'Agreement', id: 'nope' },
          { __typename: 'Actor', id: A.polisen },
          { __typename: 'Area', code: AR.angered },
        ],
      },
      as('policeOfficer'),
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: G.rattKurvaJarva, title: 'Rätt kurva Järva' },
      null,
      null,
      { id: A.polisen },
      { code: AR.angered },
    ]);
  });

  it("answers another subgraph's reference check as the caller whose Authorization it passes on", async () => {
    // As the activities subgraph checks a funding agreement: a hidden agreement is unknown.
    const previous = process.env[envName('agreements', 'URL')];
    process.env[envName('agreements', 'URL')] = subgraph.url;
    try {
      const check = (id: string, who: Who) => assertReferencesExist([{ type: 'Agreement', keys: [id], field: 'fundingAgreementId' }], as(who).authorization);
      // A visible agreement is found: the check returns it.
      const found = async (id: string, who: Who) => (await check(id, who)).get('Agreement')?.get(id);
      await expect(found(G.iopGoteborgAngered, 'kfumGoteborgMember')).resolves.toEqual({ id: G.iopGoteborgAngered });
      await expect(found(G.iopGoteborgAngered, 'goteborgCoordinator')).resolves.toEqual({ id: G.iopGoteborgAngered });
      await expect(found(G.medborgarloftRinkebyKista, 'public')).resolves.toEqual({ id: G.medborgarloftRinkebyKista });
      // A party the private draft names sees it.
      await expect(found(G.nationalDeclarationOfIntent, 'rfCoordinator')).resolves.toEqual({ id: G.nationalDeclarationOfIntent });
      for (const [id, who] of [
        [G.iopGoteborgAngered, 'ngoCoordinator'],
        [G.iopGoteborgAngered, 'public'],
        [G.rattKurvaJarva, 'goteborgCoordinator'],
        [G.sspfUppsala, 'public'],
        [G.nationalDeclarationOfIntent, 'uppsalaCoordinator'],
      ] as Array<[string, Who]>) {
        await expect(check(id, who)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'fundingAgreementId' }] } });
      }
    } finally {
      if (previous === undefined) delete process.env[envName('agreements', 'URL')];
      else process.env[envName('agreements', 'URL')] = previous;
    }
  });
});

describe('who sees which agreement', () => {
  const byId = `query { ${ALL_SEEDED.map((id, i) => `a${i}: agreement(id: "${id}") { id }`).join(' ')} }`;

  it.each(MATRIX)('agreement(id) answers %s with exactly the agreements they may see, null for the others', async (who) => {
    const { data, errors } = await subgraph.query(byId, {}, as(who));
    expect(errors).toBeUndefined();
    ALL_SEEDED.forEach((id, i) => expect({ id, found: data![`a${i}`] }).toEqual({ id, found: VISIBLE[who].includes(id) ? { id } : null }));
  });

  it.each(MATRIX)('the list and its totalCount hold for %s exactly the agreements they may see, on every page size', async (who) => {
    for (const first of [100, 1]) {
      const { data, errors } = await subgraph.query(`query($first: Int!) { agreements(first: $first) { totalCount nodes { id } } }`, { first }, as(who));
      expect(errors).toBeUndefined();
      expect(data!.agreements.totalCount).toBe(VISIBLE[who].length);
      if (first === 100) expect(sorted(ids(data!.agreements.nodes))).toEqual(sorted(VISIBLE[who]));
    }
  });

  it.each(MATRIX)('_entities resolves for %s exactly the agreements they may see', async (who) => {
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { id title parties { role } } } }`,
      { r: ALL_SEEDED.map((id) => ({ __typename: 'Agreement', id })) },
      as(who),
    );
    expect(errors).toBeUndefined();
    ALL_SEEDED.forEach((id, i) => {
      const entity = data!._entities[i];
      expect({ id, found: entity?.id ?? null }).toEqual({ id, found: VISIBLE[who].includes(id) ? id : null });
    });
  });

  // Uppsala kommun and SKR are named in neither (the draft's parties see it: `VISIBLE`).
  it.each(['public', 'uppsalaCoordinator', 'nationalCoordinator'] as const)('aliases and fragments show %s nothing more', async (who) => {
    const { data, errors } = await subgraph.query(
      `query($draft: ID!, $iop: ID!, $r: [_Any!]!) {
        draft: agreement(id: $draft) { ...Seen }
        again: agreement(id: $draft) { ... on Agreement { title description parties { actor { id } } } }
        iop: agreement(id: $iop) { ...Seen }
        drafts: agreements(filter: { statuses: [DRAFT] }) { totalCount nodes { ...Seen } }
        iops: agreements(filter: { kinds: [IOP] }) { totalCount nodes { id } }
        entities: _entities(representations: $r) { ... on Agreement { ...Seen } ... on Actor { id viaActor: agreements { ...Seen } } ... on Area { code viaArea: agreements { ...Seen } } }
      }
      fragment Seen on Agreement { id title status owner { id } }`,
      {
        draft: G.nationalDeclarationOfIntent,
        iop: G.iopGoteborgAngered,
        r: [
          { __typename: 'Agreement', id: G.nationalDeclarationOfIntent },
          { __typename: 'Agreement', id: G.iopGoteborgAngered },
          { __typename: 'Actor', id: A.fryshuset },
          { __typename: 'Actor', id: A.kfumGoteborg },
          { __typename: 'Area', code: AR.angered },
        ],
      },
      as(who),
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      draft: null,
      again: null,
      iop: null,
      drafts: { totalCount: 0, nodes: [] },
      iops: { totalCount: 0, nodes: [] },
      entities: [null, null, { id: A.fryshuset, viaActor: [] }, { id: A.kfumGoteborg, viaActor: [] }, { code: AR.angered, viaArea: [] }],
    });
  });

  it('shows the owner to everyone who sees an agreement, and sharedWith and changeLog only to members of the owner', async () => {
    const query = `query($id: ID!) { agreement(id: $id) { owner { id } visibility sharedWith { id } changeLog { action } } }`;
    const read = async (id: string, who: Who) => (await subgraph.query(query, { id }, as(who))).data!.agreement;
    // Rätt kurva Järva, owned by Lokalpolisområde Rinkeby and shared with its parties.
    const rattKurva = SEEDED_OWNERSHIP[G.rattKurvaJarva];
    for (const who of ['policeOfficer', 'policeMember'] as const) {
      const own = await read(G.rattKurvaJarva, who);
      expect(own).toMatchObject({ owner: { id: A.lpoRinkeby }, visibility: 'SHARED', changeLog: [] });
      expect(sorted(ids(own.sharedWith))).toEqual(sorted(rattKurva.sharedWith));
    }
    expect(await read(G.rattKurvaJarva, 'municipalityOfficial')).toEqual({
      owner: { id: A.lpoRinkeby },
      visibility: 'SHARED',
      sharedWith: null,
      changeLog: null,
    });
    // The public citizen promise, to the public and to a party.
    for (const who of ['public', 'municipalityOfficial', 'administrator'] as const) {
      expect(await read(G.medborgarloftRinkebyKista, who)).toEqual({ owner: { id: A.lpoRinkeby }, visibility: 'PUBLIC', sharedWith: null, changeLog: null });
    }
    // The administrator acts for Polismyndigheten, so sees its records as any of its members would.
    expect(await read(G.nationalDeclarationOfIntent, 'administrator')).toEqual({ owner: { id: A.polisen }, visibility: 'OWNER', sharedWith: [], changeLog: [] });
  });
});

describe('who may change agreements', () => {
  const create = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version visibility owner { id } sharedWith { id } } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) {
    updateAgreement(id: $id, version: $version, input: $input) { id title version } }`;
  const remove = `mutation($id: ID!, $version: Int!) { deleteAgreement(id: $id, version: $version) }`;
  const history = `query($id: ID!) { agreement(id: $id) { changeLog { action organisationId subject fields } } }`;

  const trygghetsvandringar = () => ({
    title: 'Trygghetsvandringar i Rinkeby 2026',
    kind: 'COLLABORATION_AGREEMENT',
    // Until the other parties have confirmed it.
    status: 'DRAFT',
    startsOn: '2026-03-01',
    visibility: 'SHARED',
    parties: [
      { actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' },
      { actorId: A.rinkebyKistaStadsdel, role: 'ACCOUNTABLE' },
      { actorId: A.mammaUnited, role: 'IMPLEMENTING', responsibilities: 'Vuxennärvaro kvällstid.' },
    ],
    areaCodes: [AR.rinkebyKista],
  });

  /** Everything a refused mutation must leave as it was. */
  const snapshot = async () => ({
    rows: await countRows(),
    agreements: await subgraph.dataSource.query('SELECT id, version, title, owner_id, visibility, shared_with, updated_at FROM agreements ORDER BY id'),
    parties: await subgraph.dataSource.query('SELECT * FROM agreement_parties ORDER BY agreement_id, actor_id, role'),
  });

  it.each([
    ['the public', 'public', 'UNAUTHENTICATED'],
    ['a member without a coordinator role', 'ngoMember', 'FORBIDDEN'],
    ['an administrator', 'administrator', 'FORBIDDEN'],
  ] as Array<[string, Who, string]>)('refuses %s to record an agreement, writing nothing', async (_case, who, code) => {
    const before = await snapshot();
    const response = await subgraph.query(create, { input: trygghetsvandringar() }, as(who));
    expect(errorCode(response)).toBe(code);
    expect(response.data).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['the public, on a public agreement', 'public', G.medborgarloftRinkebyKista, 'UNAUTHENTICATED'],
    ['the public, on a shared agreement', 'public', G.iopGoteborgAngered, 'UNAUTHENTICATED'],
    ["an NGO coordinator, on another party's public agreement", 'ngoCoordinator', G.medborgarloftRinkebyKista, 'FORBIDDEN'],
    ['an NGO coordinator, on an agreement shared with others', 'ngoCoordinator', G.iopGoteborgAngered, 'NOT_FOUND'],
    ['an NGO coordinator, on a draft its organisation is a party to (it sees it, to answer it)', 'ngoCoordinator', G.nationalDeclarationOfIntent, 'FORBIDDEN'],
    ['a coordinator of an organisation the private draft does not name', 'uppsalaCoordinator', G.nationalDeclarationOfIntent, 'NOT_FOUND'],
    ['the municipality official, on the agreement shared with it', 'municipalityOfficial', G.rattKurvaJarva, 'FORBIDDEN'],
    ['the municipality official, on the citizen promise it is accountable for but does not own', 'municipalityOfficial', G.medborgarloftRinkebyKista, 'FORBIDDEN'],
    ['the police officer, on the network-wide SSPF', 'policeOfficer', G.sspfUppsala, 'FORBIDDEN'],
    ['the police officer, on the draft Polismyndigheten keeps to itself', 'policeOfficer', G.nationalDeclarationOfIntent, 'NOT_FOUND'],
    ['the police officer, on the IOP shared with its parties', 'policeOfficer', G.iopGoteborgAngered, 'NOT_FOUND'],
    ['a national coordinator, on a national agreement of others', 'nationalCoordinator', G.noaRiksidrottsforbundet, 'FORBIDDEN'],
    ["an administrator, on their own organisation's agreement", 'administrator', G.nationalDeclarationOfIntent, 'FORBIDDEN'],
    ['a member of the owner without a coordinator role', 'policeMember', G.rattKurvaJarva, 'FORBIDDEN'],
    ['a party the IOP is shared with', 'kfumGoteborgMember', G.iopGoteborgAngered, 'FORBIDDEN'],
  ] as Array<[string, Who, string, string]>)('refuses %s to change or delete it, writing nothing', async (_case, who, id, code) => {
    const before = await snapshot();
    const updated = await subgraph.query(update, { id, version: 1, input: { title: 'Kapad' } }, as(who));
    expect(errorCode(updated)).toBe(code);
    const deleted = await subgraph.query(remove, { id, version: 1 }, as(who));
    expect(errorCode(deleted)).toBe(code);
    expect(await snapshot()).toEqual(before);
    if (code === 'NOT_FOUND') {
      // Exactly as for an agreement that does not exist.
      const unknown = await subgraph.query(remove, { id: UNKNOWN_ID, version: 1 }, as(who));
      expect(deleted.errors![0].message.replace(id, '?')).toBe(unknown.errors![0].message.replace(UNKNOWN_ID, '?'));
      expect(deleted.errors![0].extensions).toEqual({ ...unknown.errors![0].extensions, id });
    }
  });

  it('lets coordinators of the owner change and delete an agreement, keeping an append-only change log only they see', async () => {
    const created = await subgraph.query(create, { input: trygghetsvandringar() }, as('policeOfficer'));
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createAgreement;
    expect(created.data!.createAgreement).toMatchObject({ version: 1, visibility: 'SHARED', owner: { id: A.lpoRinkeby } });

    // A colleague at the same police area may change it; the history names who did what.
    const updated = await subgraph.query(update, { id, version: 1, input: { title: 'Trygghetsvandringar i Rinkeby och Kista 2026' } }, as('policeColleague'));
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAgreement).toMatchObject({ version: 2 });

    const expectedLog = [
      { action: 'CREATED', organisationId: A.lpoRinkeby, subject: 'policeOfficer', fields: expect.arrayContaining(['title', 'visibility', 'parties', 'areaCodes']) },
      { action: 'UPDATED', organisationId: A.lpoRinkeby, subject: 'policeColleague', fields: ['title'] },
    ];
    for (const who of ['policeOfficer', 'policeMember'] as const) {
      expect((await subgraph.query(history, { id }, as(who))).data!.agreement.changeLog).toEqual(expectedLog);
    }
    // A party it is shared with sees the agreement, not its history.
    expect((await subgraph.query(history, { id }, as('municipalityOfficial'))).data!.agreement).toEqual({ changeLog: null });
    expect((await subgraph.query(history, { id }, as('ngoMember'))).data!.agreement).toBeNull();

    // A stale version deletes nothing.
    const stale = await subgraph.query(remove, { id, version: 1 }, as('policeOfficer'));
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect((await subgraph.query(history, { id }, as('policeOfficer'))).data!.agreement).not.toBeNull();

    const deleted = await subgraph.query(remove, { id, version: 2 }, as('policeOfficer'));
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteAgreement).toBe(id);
    expect((await subgraph.query(history, { id }, as('policeOfficer'))).data!.agreement).toBeNull();
    for (const table of ['agreement_parties', 'agreement_areas']) {
      expect(await subgraph.dataSource.query(`SELECT * FROM ${table} WHERE agreement_id = $1`, [id])).toEqual([]);
    }
    const log = await subgraph.dataSource.query('SELECT action, organisation_id, subject, fields FROM change_log WHERE entity_id = $1 ORDER BY sequence', [id]);
    expect(log).toEqual([
      { action: 'CREATED', organisation_id: A.lpoRinkeby, subject: 'policeOfficer', fields: expect.any(Array) },
      { action: 'UPDATED', organisation_id: A.lpoRinkeby, subject: 'policeColleague', fields: ['title'] },
      { action: 'DELETED', organisation_id: A.lpoRinkeby, subject: 'policeOfficer', fields: [] },
    ]);

    // Deleting it again: it is gone.
    expect(errorCode(await subgraph.query(remove, { id, version: 2 }, as('policeOfficer')))).toBe('NOT_FOUND');

    // Nobody rewrites history, not even with direct database access through the subgraph's connection.
    await expect(subgraph.dataSource.query(`UPDATE change_log SET subject = 'someone else' WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('DELETE FROM change_log WHERE entity_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('TRUNCATE change_log')).rejects.toThrow(/append-only/);
    expect(await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log WHERE entity_id = $1', [id])).toEqual([{ n: 3 }]);
  });

  it('lets a national coordinator record an agreement for their national organisation, which owns it', async () => {
    const input = {
      title: 'Överenskommelse om kunskapsstöd till kommunernas brottsförebyggande samordnare',
      kind: 'NATIONAL_AGREEMENT',
      status: 'ACTIVE',
      startsOn: '2026-01-01',
      visibility: 'PUBLIC',
      parties: [
        { actorId: A.skr, role: 'ACCOUNTABLE' },
        { actorId: A.polisen, role: 'ACCOUNTABLE' },
      ],
      areaCodes: ['SE'],
    };
    // Polismyndigheten confirms before it becomes ACTIVE.
    const created = await createAgreedAgreement(subgraph.query, as('nationalCoordinator'), input, { select: 'id version visibility owner { id } sharedWith { id }' });
    const { id, version } = created;
    expect(created).toMatchObject({ owner: { id: A.skr }, visibility: 'PUBLIC', sharedWith: [] });
    // Public: anyone sees it; only SKR changes it, not the other party.
    expect((await subgraph.query(`query($id: ID!) { agreement(id: $id) { id } }`, { id })).data!.agreement).toEqual({ id });
    expect(errorCode(await subgraph.query(update, { id, version, input: { title: 'X' } }, as('policeCoordinator')))).toBe('FORBIDDEN');
    expect((await subgraph.query(update, { id, version, input: { status: 'ENDED' } }, as('nationalCoordinator'))).errors).toBeUndefined();
  });
});

describe('sharing with the parties', () => {
  const fields = 'id version visibility sharedWith { id }';
  const create = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${fields} } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { ${fields} } }`;
  const owner = 'linkopingCoordinator';

  /** Linköpings kommun funds homework help that Östergötlands stadsmission runs. */
  const laxhjalp = (changes: Record<string, unknown> = {}) => ({
    input: {
      title: 'IOP Läxhjälp i Skäggetorp',
      kind: 'IOP',
      parties: [
        { actorId: A.linkopingsKommun, role: 'FUNDING' },
        { actorId: A.linkopingsKommun, role: 'ACCOUNTABLE' },
        { actorId: A.ostergotlandsStadsmission, role: 'IMPLEMENTING' },
      ],
      areaCodes: [AR.skaggetorp],
      ...changes,
    },
  });

  const sharedWith = (agreement: { sharedWith: Node[] | null }) => sorted(ids(agreement.sharedWith ?? []));
  /** Which of these people see the agreement. */
  async function seers(id: string, people: Who[] = ['stadsmissionMember', 'erikshjalpenMember', 'ngoMember', 'public']): Promise<Who[]> {
    const seen: Who[] = [];
    for (const who of people) {
      const { data } = await subgraph.query(`query($id: ID!) { agreement(id: $id) { id } }`, { id }, as(who));
      if (data!.agreement) seen.push(who);
    }
    return seen;
  }

  it('shares a SHARED agreement with its parties when sharedWithIds is left out', async () => {
    const { data, errors } = await subgraph.query(create, laxhjalp({ visibility: 'SHARED' }), as(owner));
    expect(errors).toBeUndefined();
    const agreement = data!.createAgreement;
    // The owner is a party too, but sees it anyway and is not listed.
    expect(sharedWith(agreement)).toEqual([A.ostergotlandsStadsmission]);
    expect(await seers(agreement.id)).toEqual(['stadsmissionMember']);
  });

  it('shares with exactly the actors named in sharedWithIds; [] means nobody but the owner', async () => {
    const named = await subgraph.query(create, laxhjalp({ visibility: 'SHARED', sharedWithIds: [A.erikshjalpen.toUpperCase(), A.linkopingsKommun] }), as(owner));
    expect(named.errors).toBeUndefined();
    expect(sharedWith(named.data!.createAgreement)).toEqual([A.erikshjalpen]);
    // The stadsmission, a party, sees it whatever the list: it is asked to agree to it.
    expect(await seers(named.data!.createAgreement.id)).toEqual(['stadsmissionMember', 'erikshjalpenMember']);

    const nobody = await subgraph.query(create, laxhjalp({ visibility: 'SHARED', sharedWithIds: [] }), as(owner));
    expect(named.errors).toBeUndefined();
    expect(sharedWith(nobody.data!.createAgreement)).toEqual([]);
    expect(await seers(nobody.data!.createAgreement.id)).toEqual(['stadsmissionMember']);
  });

  it('follows the parties as they change, keeping the actors the owner added', async () => {
    const { data } = await subgraph.query(create, laxhjalp(), as(owner));
    const { id } = data!.createAgreement;
    expect(data!.createAgreement).toMatchObject({ visibility: 'OWNER', sharedWith: [] });
    // Private to the owner, and to the party it names.
    expect(await seers(id)).toEqual(['stadsmissionMember']);

    // Becoming SHARED: with the parties.
    const shared = await subgraph.query(update, { id, version: 1, input: { visibility: 'SHARED' } }, as(owner));
    expect(shared.errors).toBeUndefined();
    expect(sharedWith(shared.data!.updateAgreement)).toEqual([A.ostergotlandsStadsmission]);

    // The owner adds Fryshuset, which is not a party.
    const added = await subgraph.query(update, { id, version: 2, input: { sharedWithIds: [A.ostergotlandsStadsmission, A.fryshuset] } }, as(owner));
    expect(sharedWith(added.data!.updateAgreement)).toEqual(sorted([A.ostergotlandsStadsmission, A.fryshuset]));
    expect(await seers(id)).toEqual(['stadsmissionMember', 'ngoMember']);

    // Erikshjälpen takes over from the stadsmission: it joins, the stadsmission leaves, Fryshuset stays.
    const parties = [
      { actorId: A.linkopingsKommun, role: 'FUNDING' },
      { actorId: A.erikshjalpen, role: 'IMPLEMENTING' },
    ];
    const handedOver = await subgraph.query(update, { id, version: 3, input: { parties } }, as(owner));
    expect(handedOver.errors).toBeUndefined();
    expect(sharedWith(handedOver.data!.updateAgreement)).toEqual(sorted([A.erikshjalpen, A.fryshuset]));
    expect(await seers(id)).toEqual(['erikshjalpenMember', 'ngoMember']);

    // Other changes leave the list alone, also when the same visibility is sent again.
    const renamed = await subgraph.query(update, { id, version: 4, input: { title: 'IOP Läxhjälp 2026', visibility: 'SHARED' } }, as(owner));
    expect(sharedWith(renamed.data!.updateAgreement)).toEqual(sorted([A.erikshjalpen, A.fryshuset]));

    // Another visibility empties the list; becoming SHARED again starts from the parties.
    const network = await subgraph.query(update, { id, version: 5, input: { visibility: 'NETWORK' } }, as(owner));
    expect(network.data!.updateAgreement).toMatchObject({ visibility: 'NETWORK', sharedWith: [] });
    expect(await seers(id)).toEqual(['stadsmissionMember', 'erikshjalpenMember', 'ngoMember']);
    const again = await subgraph.query(update, { id, version: 6, input: { visibility: 'SHARED' } }, as(owner));
    expect(sharedWith(again.data!.updateAgreement)).toEqual([A.erikshjalpen]);
    expect(await seers(id)).toEqual(['erikshjalpenMember']);

    // The change log names the list among the fields changed when it followed the parties.
    const { data: logged } = await subgraph.query(`query($id: ID!) { agreement(id: $id) { changeLog { action fields } } }`, { id }, as(owner));
    expect(logged!.agreement.changeLog.map((e: { action: string; fields: string[] }) => [e.action, sorted(e.fields)])).toEqual([
      ['CREATED', expect.any(Array)],
      ['UPDATED', ['sharedWithIds', 'visibility']],
      ['UPDATED', ['sharedWithIds']],
      ['UPDATED', ['parties', 'sharedWithIds']],
      ['UPDATED', ['title', 'visibility']],
      ['UPDATED', ['sharedWithIds', 'visibility']],
      ['UPDATED', ['sharedWithIds', 'visibility']],
    ]);
  });

  const manyIds = Array.from({ length: 51 }, (_v, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

  it.each([
    ['sharedWithIds with another visibility', laxhjalp({ visibility: 'NETWORK', sharedWithIds: [A.erikshjalpen] }), 'sharedWithIds'],
    ['sharedWithIds with the default visibility', laxhjalp({ sharedWithIds: [A.erikshjalpen] }), 'sharedWithIds'],
    ['an unknown actor to share with', laxhjalp({ visibility: 'SHARED', sharedWithIds: [UNKNOWN_ID] }), 'sharedWithIds'],
    ['a malformed actor id to share with', laxhjalp({ visibility: 'SHARED', sharedWithIds: ['erikshjalpen'] }), 'sharedWithIds'],
    ['more than 50 actors to share with', laxhjalp({ visibility: 'SHARED', sharedWithIds: manyIds }), 'sharedWithIds'],
    ['an unknown visibility', laxhjalp({ visibility: 'FRIENDS' }), 'input.visibility'],
  ])('refuses to create with %s, writing nothing', async (_case, variables, field) => {
    const before = await countRows();
    const response = await subgraph.query(create, variables, as(owner));
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    if (field.startsWith('input.')) expect(response.errors![0].message).toContain(`"${field}"`);
    else expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await countRows()).toEqual(before);
  });

  it.each([
    ['clearing the visibility', { visibility: null }],
    ['sharedWithIds while it stays NETWORK', { sharedWithIds: [A.erikshjalpen] }],
    ['sharedWithIds with a visibility other than SHARED', { visibility: 'OWNER', sharedWithIds: [A.erikshjalpen] }],
    ['an unknown actor to share with', { visibility: 'SHARED', sharedWithIds: [UNKNOWN_ID] }],
  ])('refuses to update with %s, writing nothing', async (_case, input) => {
    const { data } = await subgraph.query(create, laxhjalp({ visibility: 'NETWORK' }), as(owner));
    const { id } = data!.createAgreement;
    const before = await countRows();
    expect(errorCode(await subgraph.query(update, { id, version: 1, input }, as(owner)))).toBe('BAD_USER_INPUT');
    expect(await countRows()).toEqual(before);
    const { data: after } = await subgraph.query(`query($id: ID!) { agreement(id: $id) { ${fields} } }`, { id }, as(owner));
    expect(after!.agreement).toEqual({ id, version: 1, visibility: 'NETWORK', sharedWith: [] });
  });
});

describe('seeding after a change', () => {
  it('never brings back parties the owner has replaced', async () => {
    const read = `query($id: ID!) { agreement(id: $id) { version parties { role actor { id } } } }`;
    const { data } = await subgraph.query(read, { id: G.medborgarloftRinkebyKista }, as('policeOfficer'));
    // Mamma United leaves; the two owners of the promise's commitments stay (the city district on the terms it confirmed).
    const parties = [
      { actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' },
      { actorId: A.rinkebyKistaStadsdel, role: 'ACCOUNTABLE', responsibilities: 'Står bakom löftet och leder dialogerna med barn och unga på fritidsgårdarna.' },
    ];
    const changed = await subgraph.query(
      `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { version } }`,
      { id: G.medborgarloftRinkebyKista, version: data!.agreement.version, input: { parties } },
      as('policeOfficer'),
    );
    expect(changed.errors).toBeUndefined();
    await (await agreementsSubgraph.loadDemoSeed())(subgraph.dataSource);
    const after = await subgraph.query(read, { id: G.medborgarloftRinkebyKista }, as('policeOfficer'));
    expect(after.data!.agreement.parties).toEqual([
      { role: 'ACCOUNTABLE', actor: { id: A.lpoRinkeby } },
      { role: 'ACCOUNTABLE', actor: { id: A.rinkebyKistaStadsdel } },
    ]);
  });
});

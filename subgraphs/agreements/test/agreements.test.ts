import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR } from '@samverkan/shared';
import { agreementsSubgraph } from '../src';
import { errorCode, graphql } from '../../../tests/support/graphql';
import { startTestSubgraph, TestSubgraph } from '../../../tests/support/subgraph';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph);
});
afterAll(() => subgraph?.stop());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ALL_SEEDED = Object.values(G);
const NATIONAL = [G.noaRiksidrottsforbundet, G.nationalDeclarationOfIntent, G.visselblasartjanstRf];

type Node = { id: string };
const ids = (nodes: Node[]) => nodes.map((n) => n.id);
const sorted = (values: string[]) => [...values].sort();

const count = async (table: string) => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const countRows = async () => ({
  agreements: await count('agreements'),
  parties: await count('agreement_parties'),
  areas: await count('agreement_areas'),
});

/** Ids of the agreements matching a filter, in the list's order (all pages). */
async function listIds(filter: Record<string, unknown>): Promise<string[]> {
  const response = await subgraph.query(
    `query($filter: AgreementFilter) { agreements(filter: $filter, first: 100) { totalCount nodes { id } } }`,
    { filter },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.agreements.totalCount).toBe(response.data!.agreements.nodes.length);
  return ids(response.data!.agreements.nodes);
}

describe('demo data', () => {
  it('seeds the agreements named in the dialogue meeting, consistent with their own rules', async () => {
    const { data } = await subgraph.query(`{ agreements(first: 100) { nodes { id kind status startsOn endsOn parties { role actor { id } } areas { code } } } }`);
    const nodes = data!.agreements.nodes as Array<{
      id: string;
      kind: string;
      status: string;
      startsOn: string | null;
      endsOn: string | null;
      parties: Array<{ role: string; actor: { id: string } }>;
      areas: Array<{ code: string }>;
    }>;
    expect(sorted(ids(nodes))).toEqual(sorted(ALL_SEEDED));
    for (const agreement of nodes) {
      expect(agreement.parties.length).toBeGreaterThan(0);
      expect(agreement.areas.length).toBeGreaterThan(0);
      if (agreement.status !== 'DRAFT') expect(agreement.startsOn).toMatch(/^202[4-6]-\d{2}-\d{2}$/);
      if (agreement.startsOn && agreement.endsOn) expect(agreement.endsOn >= agreement.startsOn).toBe(true);
      if (agreement.kind === 'NATIONAL_AGREEMENT') expect(agreement.areas.map((a) => a.code)).toContain('SE');
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(G.noaRiksidrottsforbundet)).toMatchObject({ kind: 'NATIONAL_AGREEMENT', status: 'ACTIVE', areas: [{ code: 'SE' }] });
    expect(byId.get(G.nationalDeclarationOfIntent)).toMatchObject({ kind: 'DECLARATION_OF_INTENT', status: 'DRAFT' });
    expect(byId.get(G.iopGoteborgAngered)).toMatchObject({ kind: 'IOP', areas: [{ code: AR.angered }] });
    expect(byId.get(G.rattKurvaJarva)).toMatchObject({ kind: 'METHOD_FRAMEWORK', areas: [{ code: AR.rinkebyKista }, { code: AR.spangaTensta }] });
    expect(byId.get(G.sspfUppsala)!.kind).toBe('METHOD_FRAMEWORK');
    expect(byId.get(G.medborgarloftRinkebyKista)!.kind).toBe('CITIZEN_PROMISE');
    expect(byId.get(G.visselblasartjanstRf)).toMatchObject({ kind: 'COLLABORATION_AGREEMENT', areas: [{ code: 'SE' }] });
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

  it('is idempotent: seeding again changes nothing', async () => {
    const before = await countRows();
    await agreementsSubgraph.seedDemoData(subgraph.dataSource);
    expect(await countRows()).toEqual(before);
  });
});

describe('agreement queries', () => {
  it('returns one agreement with its parties (several roles per actor) and areas', async () => {
    const { data } = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { id title kind status startsOn endsOn version parties { role responsibilities actor { id } } areas { code } } }`,
      { id: G.iopGoteborgAngered },
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
    const { data, errors } = await subgraph.query(`query($a: ID!, $b: ID!) { a: agreement(id: $a) { id } b: agreement(id: $b) { id } }`, {
      a: UNKNOWN_ID,
      b: 'not-a-uuid',
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it('filters by area, sub-areas included', async () => {
    const local = [G.medborgarloftRinkebyKista, G.rattKurvaJarva];
    // "Medborgarlöfte ..." sorts before "Rätt kurva ...".
    expect(await listIds({ areaCode: AR.stockholm })).toEqual(local);
    expect(sorted(await listIds({ areaCode: AR.stockholmsLan }))).toEqual(sorted(local));
    expect(sorted(await listIds({ areaCode: AR.rinkebyKista, areaScope: 'WITHIN' }))).toEqual(sorted(local));
    expect(await listIds({ areaCode: AR.spangaTensta })).toEqual([G.rattKurvaJarva]);
    expect(await listIds({ areaCode: AR.goteborg })).toEqual([G.iopGoteborgAngered]);
    expect(await listIds({ areaCode: AR.malmo })).toEqual([]);
    expect(sorted(await listIds({ areaCode: 'SE' }))).toEqual(sorted(ALL_SEEDED));
  });

  it('with scope OVERLAPPING also finds agreements for wider areas, such as national ones', async () => {
    expect(sorted(await listIds({ areaCode: AR.rinkebyKista, areaScope: 'OVERLAPPING' }))).toEqual(
      sorted([G.medborgarloftRinkebyKista, G.rattKurvaJarva, ...NATIONAL]),
    );
    expect(sorted(await listIds({ areaCode: AR.gottsunda, areaScope: 'OVERLAPPING' }))).toEqual(sorted([G.sspfUppsala, ...NATIONAL]));
    expect(await listIds({ areaCode: AR.gottsunda, areaScope: 'WITHIN' })).toEqual([]);
  });

  it('filters by kind and status', async () => {
    expect(sorted(await listIds({ kinds: ['METHOD_FRAMEWORK'] }))).toEqual(sorted([G.rattKurvaJarva, G.sspfUppsala]));
    expect(sorted(await listIds({ kinds: ['IOP', 'CITIZEN_PROMISE'] }))).toEqual(sorted([G.iopGoteborgAngered, G.medborgarloftRinkebyKista]));
    expect(await listIds({ statuses: ['DRAFT'] })).toEqual([G.nationalDeclarationOfIntent]);
    expect(await listIds({ statuses: ['ACTIVE'], kinds: ['DECLARATION_OF_INTENT'] })).toEqual([]);
  });

  it('filters by party, listing each agreement once even when the actor holds several roles', async () => {
    expect(sorted(await listIds({ partyId: A.riksidrottsforbundet }))).toEqual(sorted(NATIONAL));
    expect(sorted(await listIds({ partyId: A.lpoRinkeby }))).toEqual(sorted([G.medborgarloftRinkebyKista, G.rattKurvaJarva]));
    expect(await listIds({ partyId: A.goteborgsStad })).toEqual([G.iopGoteborgAngered]);
    expect(await listIds({ partyId: A.linkopingsKommun })).toEqual([]);
  });

  it('filters by period overlap, open ends included and undated drafts left out', async () => {
    // Started by mid-2024: Rätt kurva Järva (March) and the RF whistle-blower collaboration (May).
    expect(sorted(await listIds({ from: '2024-01-01', to: '2024-06-30' }))).toEqual(sorted([G.rattKurvaJarva, G.visselblasartjanstRf]));
    // Still running after 2026: only the open-ended ones.
    expect(sorted(await listIds({ from: '2027-01-01' }))).toEqual(sorted([G.rattKurvaJarva, G.sspfUppsala, G.visselblasartjanstRf]));
    // Everything with a start date overlaps 2026 except nothing that ended before it.
    const dated = ALL_SEEDED.filter((id) => id !== G.nationalDeclarationOfIntent);
    expect(sorted(await listIds({ from: '2026-06-01', to: '2026-06-30' }))).toEqual(sorted(dated));
    // Not yet started at the end of 2025: the 2026 citizen promise.
    expect(await listIds({ to: '2025-12-31' })).not.toContain(G.medborgarloftRinkebyKista);
    expect(await listIds({ from: '2026-01-01', to: '2026-01-01' })).toContain(G.medborgarloftRinkebyKista);
  });

  it('filters by text in title or description, case-insensitively', async () => {
    expect(await listIds({ text: 'rätt kurva' })).toEqual([G.rattKurvaJarva]);
    expect(await listIds({ text: '8–15' })).toEqual([G.rattKurvaJarva]);
    expect(await listIds({ text: 'barns och ungas röster' })).toEqual([G.medborgarloftRinkebyKista]);
    expect(await listIds({ text: 'visselblås' })).toEqual([G.visselblasartjanstRf]);
    expect(await listIds({ text: '100%' })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await listIds({ areaCode: AR.rinkebyKista, areaScope: 'OVERLAPPING', kinds: ['NATIONAL_AGREEMENT'], partyId: A.polisen })).toEqual([
      G.noaRiksidrottsforbundet,
    ]);
  });

  it.each([
    ['from after to', { from: '2026-01-02', to: '2026-01-01' }],
    ['a malformed date', { from: '2026-02-30' }],
    ['a malformed area code', { areaCode: 'Stockholm' }],
    ['a malformed party id', { partyId: 'polisen' }],
    ['an unknown kind', { kinds: ['CONTRACT'] }],
  ])('refuses a filter with %s', async (_case, filter) => {
    const response = await subgraph.query(`query($filter: AgreementFilter) { agreements(filter: $filter) { totalCount } }`, { filter });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('pages with cursors, by title, without gaps or repeats', async () => {
    const seen: string[] = [];
    const titles: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const { data }: { data?: any } = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
        `query($after: String) { agreements(first: 2, after: $after) { totalCount nodes { id title } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = data.agreements.totalCount;
      seen.push(...ids(data.agreements.nodes));
      titles.push(...data.agreements.nodes.map((n: { title: string }) => n.title));
      if (!data.agreements.pageInfo.hasNextPage) break;
      after = data.agreements.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(await count('agreements'));
    const inDatabaseOrder: Array<{ id: string }> = await subgraph.dataSource.query('SELECT id FROM agreements ORDER BY title, id');
    expect(seen).toEqual(inDatabaseOrder.map((r) => r.id));
  });

  it('refuses a foreign cursor and a too-large page', async () => {
    expect(errorCode(await subgraph.query(`{ agreements(after: "bm9wZQ") { totalCount } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(`{ agreements(first: 101) { totalCount } }`))).toBe('BAD_USER_INPUT');
  });

  it('loads parties and areas of a whole page in a fixed number of statements', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'on';
    try {
      const statements = async (first: number) => {
        const response = await subgraph.query(
          `query($first: Int!) { agreements(first: $first) { nodes { id parties { role actor { id } } areas { code } } } }`,
          { first },
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

  it('lists the agreements an actor is a party to, optionally by status, by title', async () => {
    const { data, errors } = await subgraph.query(entities, {
      r: [
        { __typename: 'Actor', id: A.riksidrottsforbundet },
        { __typename: 'Actor', id: A.lpoRinkeby },
        { __typename: 'Actor', id: A.linkopingsKommun },
      ],
    });
    expect(errors).toBeUndefined();
    const [rf, lpo, linkoping] = data!._entities;
    expect(sorted(ids(rf.all))).toEqual(sorted(NATIONAL));
    expect(sorted(ids(rf.active))).toEqual(sorted([G.noaRiksidrottsforbundet, G.visselblasartjanstRf]));
    expect(ids(lpo.all)).toEqual([G.medborgarloftRinkebyKista, G.rattKurvaJarva]);
    expect(linkoping).toEqual({ id: A.linkopingsKommun, all: [], active: [] });
  });

  it('lists the agreements covering an area, per scope', async () => {
    const { data, errors } = await subgraph.query(entities, {
      r: [
        { __typename: 'Area', code: AR.stockholm },
        { __typename: 'Area', code: AR.angered },
        { __typename: 'Area', code: AR.uppsala },
      ],
    });
    expect(errors).toBeUndefined();
    const [stockholm, angered, uppsala] = data!._entities;
    expect(ids(stockholm.within)).toEqual([G.medborgarloftRinkebyKista, G.rattKurvaJarva]);
    expect(sorted(ids(stockholm.overlapping))).toEqual(sorted([G.medborgarloftRinkebyKista, G.rattKurvaJarva, ...NATIONAL]));
    expect(ids(angered.within)).toEqual([G.iopGoteborgAngered]);
    expect(sorted(ids(uppsala.overlapping))).toEqual(sorted([G.sspfUppsala, ...NATIONAL]));
  });
});

describe('changing agreements', () => {
  const fields = 'id title kind status description startsOn endsOn version parties { role responsibilities actor { id } } areas { code }';
  const create = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${fields} } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { ${fields} } }`;
  const read = `query($id: ID!) { agreement(id: $id) { ${fields} } }`;

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
    const created = await subgraph.query(create, { input: iopLinkoping() });
    expect(created.errors).toBeUndefined();
    const agreement = created.data!.createAgreement;
    expect(agreement).toMatchObject({
      title: 'IOP Läxhjälp och föräldrastöd i Skäggetorp',
      kind: 'IOP',
      status: 'ACTIVE',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      version: 1,
      areas: [{ code: AR.skaggetorp }],
    });
    expect(partyKeys(agreement.parties)).toEqual(
      sorted([`${A.linkopingsKommun} FUNDING`, `${A.linkopingsKommun} ACCOUNTABLE`, `${A.ostergotlandsStadsmission} IMPLEMENTING`]),
    );
    expect(await listIds({ areaCode: AR.linkoping })).toEqual([agreement.id]);
    expect(await listIds({ partyId: A.ostergotlandsStadsmission })).toEqual([agreement.id]);
    expect(await listIds({ text: 'skäggetorp' })).toEqual([agreement.id]);
  });

  it('creates a draft by default, without dates', async () => {
    const { parties, areaCodes } = iopLinkoping();
    const created = await subgraph.query(create, { input: { title: 'Utkast till samverkansavtal', kind: 'COLLABORATION_AGREEMENT', parties, areaCodes } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgreement).toMatchObject({ status: 'DRAFT', startsOn: null, endsOn: null, description: null, version: 1 });
  });

  it('updates fields with patch semantics, replaces parties and areas, and bumps the version every time', async () => {
    const { data } = await subgraph.query(create, { input: iopLinkoping() });
    const id = data!.createAgreement.id;

    const first = await subgraph.query(update, { id, version: 1, input: { title: 'IOP Skäggetorp 2026', description: null } });
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
    const second = await subgraph.query(update, {
      id,
      version: 2,
      input: { parties: [{ actorId: A.ostergotlandsStadsmission, role: 'ACCOUNTABLE' }, { actorId: A.erikshjalpen, role: 'IMPLEMENTING' }] },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.updateAgreement.version).toBe(3);
    expect(partyKeys(second.data!.updateAgreement.parties)).toEqual(
      sorted([`${A.ostergotlandsStadsmission} ACCOUNTABLE`, `${A.erikshjalpen} IMPLEMENTING`]),
    );

    const third = await subgraph.query(update, { id, version: 3, input: { areaCodes: [AR.linkoping, AR.skaggetorp], endsOn: null, status: 'ENDED' } });
    expect(third.errors).toBeUndefined();
    expect(third.data!.updateAgreement).toMatchObject({
      version: 4,
      status: 'ENDED',
      endsOn: null,
      areas: [{ code: AR.linkoping }, { code: AR.skaggetorp }],
      title: 'IOP Skäggetorp 2026',
    });
    expect(await listIds({ partyId: A.linkopingsKommun })).not.toContain(id);

    const reread = await subgraph.query(read, { id });
    expect(reread.data!.agreement).toEqual(third.data!.updateAgreement);
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { data } = await subgraph.query(create, { input: iopLinkoping() });
    const id = data!.createAgreement.id;
    const first = await subgraph.query(update, { id, version: 1, input: { title: 'Ny titel' } });
    expect(first.errors).toBeUndefined();
    const stale = await subgraph.query(update, { id, version: 1, input: { title: 'Gammal titel', parties: [{ actorId: A.erikshjalpen, role: 'FUNDING' }] } });
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const { data: after } = await subgraph.query(read, { id });
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
    const response = await subgraph.query(create, variables);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    const error = response.errors![0];
    expect(error.message).not.toMatch(/QueryFailedError|at .*\.ts/);
    if (field.startsWith('input.')) expect(error.message).toContain(`"${field}"`);
    else expect((error.extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await countRows()).toEqual(before);
  });

  it('accepts a national agreement covering SE, and a draft without dates', async () => {
    const created = await subgraph.query(create, withInput({ kind: 'NATIONAL_AGREEMENT', areaCodes: ['SE'], status: 'DRAFT', startsOn: null, endsOn: null }));
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgreement).toMatchObject({ kind: 'NATIONAL_AGREEMENT', status: 'DRAFT', startsOn: null, areas: [{ code: 'SE' }] });
  });

  describe('refused updates leave the agreement as it was', () => {
    let id: string;
    let original: Record<string, unknown>;

    beforeAll(async () => {
      const { data } = await subgraph.query(create, { input: iopLinkoping() });
      id = data!.createAgreement.id;
      original = data!.createAgreement;
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
      const response = await subgraph.query(update, { id, version: 1, input });
      expect(errorCode(response)).toBe(code);
      expect(await countRows()).toEqual(before);
      const { data } = await subgraph.query(read, { id });
      expect(data!.agreement).toEqual(original);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID],
      ['a malformed id', 'not-a-uuid'],
    ])('answers NOT_FOUND for %s', async (_case, unknown) => {
      const response = await subgraph.query(update, { id: unknown, version: 1, input: { title: 'X' } });
      expect(errorCode(response)).toBe('NOT_FOUND');
    });

    it('lets a draft go without a start date, but not become active without one', async () => {
      const { parties, areaCodes } = iopLinkoping();
      const { data } = await subgraph.query(create, { input: { title: 'Utkast', kind: 'DECLARATION_OF_INTENT', parties, areaCodes } });
      const draft = data!.createAgreement.id;
      const refused = await subgraph.query(update, { id: draft, version: 1, input: { status: 'ACTIVE' } });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      const accepted = await subgraph.query(update, { id: draft, version: 1, input: { status: 'ACTIVE', startsOn: '2026-12-01' } });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.updateAgreement).toMatchObject({ status: 'ACTIVE', startsOn: '2026-12-01', version: 2 });
    });
  });

  it('writes nothing when the actors registry cannot be reached', async () => {
    const actorsUrl = process.env.ACTORS_URL;
    process.env.ACTORS_URL = 'http://127.0.0.1:9/graphql';
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = await countRows();
      const response = await subgraph.query(create, { input: iopLinkoping() });
      expect(errorCode(response)).toBe('DEPENDENCY_UNAVAILABLE');
      expect(await countRows()).toEqual(before);
    } finally {
      process.env.ACTORS_URL = actorsUrl;
      logged.mockRestore();
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
});

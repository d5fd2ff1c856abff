import { asOfDay, Role, selfAndAncestors } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, DEMO_VENUES as V, demoCalendar } from '@samverkan/demo';
import { figuresMinimumCount } from '@samverkan/platform';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { angeredPhases, angeredResources, generatedResourcesAndPhases } from '../src/demo/seed-resources';
import { generatedAgreements, seedGeneratedDemoData } from '../src/demo/seed-generated';
import { bearer, errorCode, expectOneVersionPerChange, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Resources and phases of agreements (issue 14): what each party commits, its exact totals and the
 * figures over them, the phases with who took part, every check before anything is written, and the
 * agreement's visibility on every path.
 */
const calendar = demoCalendar();
const monthOf = (offset: number) => calendar.month(offset).slice(0, 7);

let subgraph: TestSubgraph;
const who = {} as Record<'goteborg' | 'kfum' | 'kfumMember' | 'uppsala' | 'national' | 'public', Record<string, string>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  who.goteborg = await bearer(A.goteborgsStad, [Role.COORDINATOR]);
  who.kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
  who.kfumMember = await bearer(A.kfumGoteborg, [Role.MEMBER]);
  who.uppsala = await bearer(A.uppsalaKommun, [Role.COORDINATOR]);
  who.national = await bearer(A.skr, [Role.NATIONAL_COORDINATOR]);
  who.public = {};
}, 120000);
afterAll(() => subgraph?.stop());

const db = () => subgraph.dataSource;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PERIOD = { startsOn: calendar.month(-3), endsOn: calendar.monthEnd(8) };

interface NewAgreement {
  status?: string;
  visibility?: string;
  parties?: string[];
  areaCodes?: string[];
  startsOn?: string | null;
  endsOn?: string | null;
}

/** An IOP registered by Göteborgs Stad through the API (a DRAFT naming others, so it holds under the activation rule). */
async function createAgreement({ status = 'DRAFT', visibility = 'OWNER', parties = [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg], areaCodes = [AR.angered], ...period }: NewAgreement = {}) {
  const response = await subgraph.query<{ createAgreement: { id: string; version: number } }>(
    `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version } }`,
    {
      input: {
        title: 'IOP för resurser och faser',
        kind: 'IOP',
        status,
        visibility,
        parties: parties.map((actorId, i) => ({ actorId, role: i === 0 ? 'FUNDING' : 'IMPLEMENTING' })),
        areaCodes,
        ...PERIOD,
        ...period,
      },
    },
    who.goteborg,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createAgreement;
}

const SET_RESOURCES = `mutation($id: ID!, $version: Int!, $resources: [AgreementResourceInput!]!) {
  setAgreementResources(agreementId: $id, version: $version, resources: $resources) { version updatedAt } }`;
const SET_PHASES = `mutation($id: ID!, $version: Int!, $phases: [AgreementPhaseInput!]!) {
  setAgreementPhases(agreementId: $id, version: $version, phases: $phases) { version updatedAt } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { version } }`;

const setResources = (id: string, version: number, resources: unknown[], headers = who.goteborg) => subgraph.query(SET_RESOURCES, { id, version, resources }, headers);
const setPhases = (id: string, version: number, phases: unknown[], headers = who.goteborg) => subgraph.query(SET_PHASES, { id, version, phases }, headers);
const fieldsOf = (response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  ((response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>).map((f) => f.field);

/** Everything a refused write must leave as it was: the agreements, their resources and phases, and the change log. */
const snapshot = async () => ({
  agreements: await db().query('SELECT id, version, status, starts_on::text, ends_on::text, updated_at FROM agreements ORDER BY id'),
  resources: await db().query('SELECT * FROM agreement_resources ORDER BY agreement_id, position'),
  phases: await db().query('SELECT * FROM agreement_phases ORDER BY agreement_id, position'),
  changeLog: await db().query('SELECT count(*)::int AS n FROM change_log'),
});

const money = (partyId: string, amount: string | null, currency = 'SEK', more = {}) => ({ partyId, kind: 'MONEY', amount, currency, ...more });
const hours = (partyId: string, value: number, more = {}) => ({ partyId, kind: 'STAFF_TIME', hours: value, ...more });
const premises = (partyId: string, venueId: string, more = {}) => ({ partyId, kind: 'PREMISES', venueId, ...more });
const plain = (partyId: string, kind: 'COMPETENCE' | 'NETWORK', more = {}) => ({ partyId, kind, description: `${kind} från ${partyId}`, ...more });

describe('the demo IOP in Angered', () => {
  it('has its resources and four phases, within its period, and seeding again adds nothing and bumps nothing', async () => {
    const read = async () =>
      (
        await subgraph.query(
          `query($id: ID!) { agreement(id: $id) { version startsOn endsOn
            resources { kind party { id } money { amount currency } hours venue { id } startsOn endsOn }
            resourceTotals { money { currency amount } staffHours premises competence networks }
            phases { kind startsOn participants { id } civilSocietyIncluded documents { title url } } } }`,
          { id: G.iopGoteborgAngered },
          who.goteborg,
        )
      ).data!.agreement;
    const iop = await read();
    expect(iop.version).toBe(1);
    expect(iop.resources.map((r: { kind: string }) => r.kind)).toEqual(angeredResources(calendar).map((r) => r.kind));
    expect(iop.resources.filter((r: { venue: unknown }) => r.venue).map((r: { venue: { id: string } }) => r.venue.id)).toEqual([V.folketsHusAngered, V.kfumHallAngered]);
    for (const r of iop.resources) {
      expect(!r.startsOn || r.startsOn >= iop.startsOn).toBe(true);
      expect(!r.endsOn || r.endsOn <= iop.endsOn).toBe(true);
    }
    expect(iop.resourceTotals).toEqual({ money: [{ currency: 'SEK', amount: '1535000.50' }], staffHours: 3950.5, premises: 2, competence: 1, networks: 2 });
    expect(iop.phases.map((p: { kind: string }) => p.kind)).toEqual(['NEEDS_ANALYSIS', 'PLANNING', 'EFFORT', 'FOLLOW_UP']);
    expect(iop.phases[0].startsOn < iop.startsOn).toBe(true);
    expect(iop.phases[0].civilSocietyIncluded).toBe(true);
    expect(iop.phases[0].participants.map((p: { id: string }) => p.id)).toEqual(angeredPhases(calendar)[0].participantIds);
    expect(iop.phases[0].documents[0].url).toMatch(/^https:/);

    await seedDemoData(db(), calendar);
    expect(await read()).toEqual(iop);
  });
});

describe('resources', () => {
  it('sums money per currency exactly, with staff hours and lines per kind, per agreement and per party, equal to a recount', async () => {
    const { id, version } = await createAgreement();
    const parties = [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg];
    // Ten öre lines that a float sum would get wrong, large amounts, and several currencies.
    const resources = [
      ...Array.from({ length: 30 }, (_, i) => money(parties[i % 3], i % 2 ? '0.10' : '0.20', ['SEK', 'EUR', 'NOK'][i % 3])),
      money(A.goteborgsStad, '999999999999.99'),
      money(A.kfumGoteborg, '12345.67', 'EUR'),
      money(A.raddaBarnenGoteborg, null, 'SEK', { description: 'Beloppet förhandlas' }),
      hours(A.goteborgsStad, 0.1),
      hours(A.goteborgsStad, 0.2),
      hours(A.kfumGoteborg, 1234.5),
      premises(A.goteborgsStad, V.folketsHusAngered),
      plain(A.raddaBarnenGoteborg, 'COMPETENCE'),
      plain(A.kfumGoteborg, 'NETWORK'),
      plain(A.raddaBarnenGoteborg, 'NETWORK'),
    ];
    const set = await setResources(id, version, resources);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAgreementResources.version).toBe(version + 1);

    const response = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { resources { party { id } kind money { amount currency } currency hours }
        resourceTotals { money { currency amount lines } staffHours premises competence networks lines
          byParty { party { id } money { currency amount lines } staffHours premises competence networks lines } } } }`,
      { id },
      who.goteborg,
    );
    expect(response.errors).toBeUndefined();
    const { resourceTotals, resources: stored } = response.data!.agreement;
    expect(stored).toHaveLength(resources.length);

    // The recount: every row from the table, added in integer öre and tenths of hours.
    const rows: Array<{ actor_id: string; kind: string; currency: string | null; amount: string | null; hours: string | null }> = await db().query(
      'SELECT actor_id::text, kind, currency, amount::text, hours::text FROM agreement_resources WHERE agreement_id = $1',
      [id],
    );
    const units = (text: string, scale: number) => BigInt(text.split('.')[0] + (text.split('.')[1] ?? '').padEnd(scale, '0'));
    const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
    const sums = (lines: typeof rows) => {
      const currencies = [...new Set(lines.filter((l) => l.amount !== null).map((l) => l.currency!))].sort();
      return {
        money: currencies.map((currency) => {
          const of = lines.filter((l) => l.currency === currency && l.amount !== null);
          return { currency, amount: decimal(of.reduce((sum, l) => sum + units(l.amount!, 2), 0n)), lines: of.length };
        }),
        staffHours: Number(lines.filter((l) => l.hours !== null).reduce((sum, l) => sum + units(l.hours!, 1), 0n)) / 10,
        premises: lines.filter((l) => l.kind === 'PREMISES').length,
        competence: lines.filter((l) => l.kind === 'COMPETENCE').length,
        networks: lines.filter((l) => l.kind === 'NETWORK').length,
        lines: lines.length,
      };
    };
    const byParty = [...new Set(rows.map((r) => r.actor_id))].sort().map((actorId) => ({ party: { id: actorId }, ...sums(rows.filter((r) => r.actor_id === actorId)) }));
    expect(resourceTotals).toEqual({ ...sums(rows), byParty });
    expect(resourceTotals.money.find((m: { currency: string }) => m.currency === 'SEK').amount).toBe('1000000000001.49');
    expect(resourceTotals.staffHours).toBe(1234.8);
    // The amount left open in the draft is listed with its currency, and counted in no sum.
    expect(stored.find((r: { money: unknown; kind: string }) => r.kind === 'MONEY' && !r.money)).toMatchObject({ currency: 'SEK', money: null });
  });

  it('setAgreementResources: one new version with a change-log entry of ["resources"]; a stale writer gets VERSION_CONFLICT and writes nothing', async () => {
    const { id } = await createAgreement();
    await expectOneVersionPerChange(subgraph, {
      table: 'agreements',
      id,
      mutation: SET_RESOURCES,
      first: { resources: [money(A.goteborgsStad, '100.00')] },
      second: { resources: [hours(A.kfumGoteborg, 10)] },
      children: 'SELECT * FROM agreement_resources WHERE agreement_id = $1 ORDER BY position',
      headers: who.goteborg,
    });
    const [entry] = await db().query(`SELECT fields, action FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1`, [id]);
    expect(entry).toEqual({ fields: ['resources'], action: 'UPDATED' });
  });

  it('refuses a resource period outside the agreement\'s, naming the line and field, and writes nothing', async () => {
    const { id, version } = await createAgreement();
    const before = await snapshot();
    const within = [money(A.goteborgsStad, '5.00'), hours(A.kfumGoteborg, 3, { startsOn: PERIOD.startsOn, endsOn: PERIOD.endsOn })];
    const late = await setResources(id, version, [...within, plain(A.kfumGoteborg, 'NETWORK', { endsOn: calendar.days(1, PERIOD.endsOn) })]);
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(late)).toEqual(['resources[2].endsOn']);
    const early = await setResources(id, version, [money(A.goteborgsStad, '5.00', 'SEK', { startsOn: calendar.days(-1, PERIOD.startsOn) })]);
    expect(fieldsOf(early)).toEqual(['resources[0].startsOn']);
    const afterEnd = await setResources(id, version, [plain(A.kfumGoteborg, 'COMPETENCE', { startsOn: calendar.days(1, PERIOD.endsOn) })]);
    expect(fieldsOf(afterEnd)).toEqual(['resources[0].startsOn']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a party the agreement does not name, and every kind without the fields it needs, writing nothing', async () => {
    const { id, version } = await createAgreement();
    const active = await createAgreement({ status: 'ACTIVE', parties: [A.goteborgsStad] });
    const before = await snapshot();
    const cases: Array<[string, number, unknown[], string]> = [
      ['not a party', version, [money(A.goteborgsStad, '1.00'), money(A.uppsalaKommun, '1.00')], 'resources[1].partyId'],
      ['no currency', version, [{ partyId: A.goteborgsStad, kind: 'MONEY', amount: '1.00' }], 'resources[0].currency'],
      ['no ISO 4217 code', version, [money(A.goteborgsStad, '1.00', 'XQZ')], 'resources[0].currency'],
      ['a negative amount', version, [money(A.goteborgsStad, '-1.00')], 'resources[0].amount'],
      ['three decimals', version, [money(A.goteborgsStad, '1.005')], 'resources[0].amount'],
      ['no amount once not a DRAFT', active.version, [money(A.goteborgsStad, null)], 'resources[0].amount'],
      ['no hours', version, [hours(A.goteborgsStad, 0)], 'resources[0].hours'],
      ['hours on money', version, [money(A.goteborgsStad, '1.00', 'SEK', { hours: 2 })], 'resources[0].hours'],
      ['no venue', version, [{ partyId: A.goteborgsStad, kind: 'PREMISES' }], 'resources[0].venueId'],
      ['an unknown venue', version, [premises(A.goteborgsStad, UNKNOWN_ID)], 'resources[0].venueId'],
      ['a venue on a network', version, [plain(A.goteborgsStad, 'NETWORK', { venueId: V.folketsHusAngered })], 'resources[0].venueId'],
      ['an end before the start', version, [plain(A.goteborgsStad, 'NETWORK', { startsOn: calendar.month(1), endsOn: calendar.month(0) })], 'resources[0].endsOn'],
      ['more than 200', version, Array.from({ length: 201 }, () => plain(A.goteborgsStad, 'NETWORK')), 'resources'],
    ];
    for (const [problem, at, resources, field] of cases) {
      const response = await setResources(problem === 'no amount once not a DRAFT' ? active.id : id, at, resources);
      expect({ problem, code: errorCode(response), fields: fieldsOf(response) }).toEqual({ problem, code: 'BAD_USER_INPUT', fields: [field] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the agreement\'s own changes from stranding its resources: period, activation and parties, writing nothing', async () => {
    const { id, version } = await createAgreement();
    const set = await setResources(id, version, [money(A.kfumGoteborg, null), hours(A.raddaBarnenGoteborg, 8, { endsOn: calendar.month(6) })]);
    expect(set.errors).toBeUndefined();
    const current = version + 1;
    const before = await snapshot();
    const shorter = await subgraph.query(UPDATE, { id, version: current, input: { endsOn: calendar.month(5) } }, who.goteborg);
    expect({ code: errorCode(shorter), fields: fieldsOf(shorter) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['endsOn'] });
    const later = await subgraph.query(UPDATE, { id, version: current, input: { startsOn: calendar.month(7) } }, who.goteborg);
    expect({ code: errorCode(later), fields: fieldsOf(later) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['startsOn'] });
    const dropped = await subgraph.query(
      UPDATE,
      { id, version: current, input: { parties: [{ actorId: A.goteborgsStad, role: 'FUNDING' }, { actorId: A.raddaBarnenGoteborg, role: 'IMPLEMENTING' }] } },
      who.goteborg,
    );
    expect({ code: errorCode(dropped), fields: fieldsOf(dropped) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['parties'] });
    expect(await snapshot()).toEqual(before);
    // Activation (of an agreement naming only its owner, so the activation rule holds) needs every amount agreed.
    const alone = await createAgreement({ parties: [A.goteborgsStad] });
    expect((await setResources(alone.id, alone.version, [money(A.goteborgsStad, null)])).errors).toBeUndefined();
    const beforeActivation = await snapshot();
    const activated = await subgraph.query(UPDATE, { id: alone.id, version: alone.version + 1, input: { status: 'ACTIVE' } }, who.goteborg);
    expect({ code: errorCode(activated), fields: fieldsOf(activated) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['status'] });
    expect(await snapshot()).toEqual(beforeActivation);
    // A change that keeps them is made.
    const longer = await subgraph.query(UPDATE, { id, version: current, input: { endsOn: calendar.month(9) } }, who.goteborg);
    expect(longer.errors).toBeUndefined();
  });

  it('lets only the owner\'s coordinators set them: a named party gets FORBIDDEN, anyone else NOT_FOUND, and nothing is written', async () => {
    const { id, version } = await createAgreement();
    const before = await snapshot();
    expect(errorCode(await setResources(id, version, [], who.kfum))).toBe('FORBIDDEN');
    expect(errorCode(await setResources(id, version, [], who.uppsala))).toBe('NOT_FOUND');
    expect(errorCode(await setPhases(id, version, [], who.kfum))).toBe('FORBIDDEN');
    expect(errorCode(await setPhases(id, version, [], who.uppsala))).toBe('NOT_FOUND');
    expect(errorCode(await setResources(id, version, [], who.public))).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });
});

describe('phases', () => {
  it('records participants, outcomes and documents, and whether civil society took part; phases may lie before the agreement', async () => {
    const { id, version } = await createAgreement();
    const phases = [
      {
        kind: 'NEEDS_ANALYSIS',
        startsOn: calendar.month(-9),
        endsOn: calendar.monthEnd(-7),
        participantIds: [A.goteborgsStad, A.kfumGoteborg],
        outcomes: 'Behov av mötesplatser kvällstid.',
        documents: [{ title: 'Behovsanalys', url: 'https://example.org/behovsanalys.pdf' }],
      },
      { kind: 'PLANNING', participantIds: [A.goteborgsStad, A.lpoGoteborgNordost] },
      // Any actor of the registry, not only the parties: a faith community heard in the effort.
      { kind: 'EFFORT', startsOn: PERIOD.startsOn, participantIds: [A.fralsningsarmen] },
      { kind: 'FOLLOW_UP' },
    ];
    const set = await setPhases(id, version, phases);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAgreementPhases.version).toBe(version + 1);
    const response = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { phases { kind startsOn endsOn participants { id } civilSocietyIncluded outcomes documents { title url } } } }`,
      { id },
      who.kfumMember,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.agreement.phases).toEqual([
      { ...phases[0], participantIds: undefined, participants: phases[0].participantIds!.map((p) => ({ id: p })), civilSocietyIncluded: true },
      { kind: 'PLANNING', startsOn: null, endsOn: null, participants: [{ id: A.goteborgsStad }, { id: A.lpoGoteborgNordost }], civilSocietyIncluded: false, outcomes: null, documents: [] },
      { kind: 'EFFORT', startsOn: PERIOD.startsOn, endsOn: null, participants: [{ id: A.fralsningsarmen }], civilSocietyIncluded: true, outcomes: null, documents: [] },
      { kind: 'FOLLOW_UP', startsOn: null, endsOn: null, participants: [], civilSocietyIncluded: false, outcomes: null, documents: [] },
    ].map(({ participantIds: _ignored, ...phase }: Record<string, unknown>) => phase));
    const [entry] = await db().query(`SELECT fields FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1`, [id]);
    expect(entry.fields).toEqual(['phases']);
  });

  it('setAgreementPhases: one new version; a stale writer gets VERSION_CONFLICT and writes nothing', async () => {
    const { id } = await createAgreement();
    await expectOneVersionPerChange(subgraph, {
      table: 'agreements',
      id,
      mutation: SET_PHASES,
      first: { phases: [{ kind: 'NEEDS_ANALYSIS', participantIds: [A.kfumGoteborg] }] },
      second: { phases: [{ kind: 'PLANNING' }] },
      children: 'SELECT * FROM agreement_phases WHERE agreement_id = $1 ORDER BY position',
      headers: who.goteborg,
    });
  });

  it('refuses unknown participants, dates out of order, links that are not http(s) and too many, writing nothing', async () => {
    const { id, version } = await createAgreement();
    const before = await snapshot();
    const link = (url: string) => ({ title: 'Dokument', url });
    const cases: Array<[unknown[], string]> = [
      [[{ kind: 'PLANNING' }, { kind: 'EFFORT', participantIds: [A.kfumGoteborg, UNKNOWN_ID] }], 'phases[1].participantIds'],
      [[{ kind: 'PLANNING', startsOn: calendar.month(2), endsOn: calendar.month(1) }], 'phases[0].endsOn'],
      [[{ kind: 'PLANNING', documents: [link('https://example.org/a'), link('javascript:alert(1)')] }], 'phases[0].documents[1].url'],
      [[{ kind: 'PLANNING', documents: [link('ftp://example.org/a')] }], 'phases[0].documents[0].url'],
      [[{ kind: 'PLANNING', documents: [link('inte en länk')] }], 'phases[0].documents[0].url'],
      [[{ kind: 'PLANNING', documents: Array.from({ length: 21 }, () => link('https://example.org/a')) }], 'phases[0].documents'],
      [Array.from({ length: 21 }, () => ({ kind: 'EFFORT' })), 'phases'],
    ];
    for (const [phases, field] of cases) {
      const response = await setPhases(id, version, phases);
      expect({ field, code: errorCode(response), fields: fieldsOf(response) }).toEqual({ field, code: 'BAD_USER_INPUT', fields: [field] });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('visibility of resources, totals and phases', () => {
  let hidden: string;
  let open: string;
  const RESOURCES = [money(A.goteborgsStad, '10.00'), plain(A.goteborgsStad, 'NETWORK')];
  const PHASES = [{ kind: 'NEEDS_ANALYSIS', participantIds: [A.kfumGoteborg] }];

  beforeAll(async () => {
    // OWNER: only Göteborgs Stad's own, and KFUM Göteborg as an invited (not yet confirmed) party.
    const owner = await createAgreement({ visibility: 'OWNER', parties: [A.goteborgsStad, A.kfumGoteborg], areaCodes: [AR.biskopsgarden] });
    const published = await createAgreement({ visibility: 'PUBLIC', parties: [A.goteborgsStad], areaCodes: [AR.biskopsgarden] });
    for (const { id, version } of [owner, published]) {
      expect((await setResources(id, version, RESOURCES)).errors).toBeUndefined();
      expect((await setPhases(id, version + 1, PHASES)).errors).toBeUndefined();
    }
    [hidden, open] = [owner.id, published.id];
  });

  const NESTED = 'id resources { kind money { amount } } resourceTotals { lines } phases { kind participants { id } }';
  /** The agreements (of the two) shown with their resources, totals and phases, on each path. */
  async function shown(headers: Record<string, string>) {
    const ours = (list: Array<{ id: string; resources: unknown[]; resourceTotals: { lines: number }; phases: unknown[] } | null>) =>
      list
        .filter((a): a is NonNullable<typeof a> => !!a && [hidden, open].includes(a.id))
        .map((a) => {
          expect({ id: a.id, resources: a.resources.length, lines: a.resourceTotals.lines, phases: a.phases.length }).toEqual({ id: a.id, resources: 2, lines: 2, phases: 1 });
          return a.id === hidden ? 'hidden' : 'open';
        })
        .sort();
    const ask = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await subgraph.query(query, variables, headers);
      expect(response.errors).toBeUndefined();
      return response.data!;
    };
    const byId = await ask(`query($a: ID!, $b: ID!) { a: agreement(id: $a) { ${NESTED} } b: agreement(id: $b) { ${NESTED} } }`, { a: hidden, b: open });
    const list = await ask(`{ agreements(first: 100, filter: { areaCode: "${AR.biskopsgarden}" }) { nodes { ${NESTED} } } }`);
    const entities = (representations: unknown[], on: string) =>
      ask(`query($r: [_Any!]!) { _entities(representations: $r) { ${on} } }`, { r: representations });
    const area = await entities([{ __typename: 'Area', code: AR.biskopsgarden }], `... on Area { agreements(first: 100) { ${NESTED} } }`);
    const actor = await entities([{ __typename: 'Actor', id: A.goteborgsStad }], `... on Actor { agreements(first: 100) { ${NESTED} } }`);
    const agreements = await entities([hidden, open].map((id) => ({ __typename: 'Agreement', id })), `... on Agreement { ${NESTED} }`);
    return {
      agreement: ours([byId.a, byId.b]),
      agreements: ours(list.agreements.nodes),
      areaAgreements: ours(area._entities[0].agreements),
      actorAgreements: ours(actor._entities[0].agreements),
      entities: ours(agreements._entities),
    };
  }
  const everywhere = (ids: string[]) => ({ agreement: ids, agreements: ids, areaAgreements: ids, actorAgreements: ids, entities: ids });

  it.each([
    ['the public', 'public', ['open']],
    ['an invited party of an OWNER agreement', 'kfumMember', ['hidden', 'open']],
    ['the owner', 'goteborg', ['hidden', 'open']],
    ['an unrelated organisation', 'uppsala', ['open']],
  ] as const)('%s sees them exactly where it sees the agreement, on every path', async (_who, person, expected) => {
    expect(await shown(who[person])).toEqual(everywhere([...expected]));
  });
});

describe('statements', () => {
  it('loads resources, totals and phases of 2 or 20 agreements in the same number of statements', async () => {
    for (let i = 0; i < 20; i++) {
      const [{ id }] = await db().query(
        `INSERT INTO agreements (version, title, kind, status, starts_on, visibility, owner_id, shared_with)
         VALUES (1, $1, 'IOP', 'ACTIVE', $2, 'PUBLIC', $3, '{}') RETURNING id`,
        [`Räknat avtal ${String(i).padStart(2, '0')}`, PERIOD.startsOn, A.goteborgsStad],
      );
      await db().query(`INSERT INTO agreement_parties (agreement_id, actor_id, role) VALUES ($1, $2, 'FUNDING'), ($1, $3, 'IMPLEMENTING')`, [id, A.goteborgsStad, A.kfumGoteborg]);
      await db().query(`INSERT INTO agreement_areas (agreement_id, area_code) VALUES ($1, '1480')`, [id]);
      await db().query(
        `INSERT INTO agreement_resources (agreement_id, actor_id, kind, amount, currency, hours, venue_id, position) VALUES
           ($1, $2, 'MONEY', 100.5, 'SEK', NULL, NULL, 0), ($1, $3, 'STAFF_TIME', NULL, NULL, 12.5, NULL, 1), ($1, $3, 'PREMISES', NULL, NULL, NULL, $4, 2)`,
        [id, A.goteborgsStad, A.kfumGoteborg, V.kfumHallAngered],
      );
      await db().query(
        `INSERT INTO agreement_phases (agreement_id, kind, participant_ids, documents, position) VALUES
           ($1, 'NEEDS_ANALYSIS', $2::uuid[], '[{"title": "Behovsanalys", "url": "https://example.org/a"}]', 0), ($1, 'EFFORT', '{}', '[]', 1)`,
        [id, [A.goteborgsStad, A.kfumGoteborg]],
      );
    }
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (first: number) => {
        const response = await subgraph.query(
          `query($first: Int!) { agreements(first: $first, filter: { text: "Räknat avtal" }) { nodes { id
            resources { kind party { id } money { amount currency } hours venue { id } }
            resourceTotals { money { amount } staffHours byParty { party { id } lines } }
            phases { kind participants { id } documents { url } civilSocietyIncluded } } } }`,
          { first },
          who.public,
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!.agreements.nodes).toHaveLength(first);
        expect(response.data!.agreements.nodes.every((a: { resources: unknown[]; phases: Array<{ civilSocietyIncluded: boolean }> }) => a.resources.length === 3 && a.phases[0].civilSocietyIncluded)).toBe(true);
        return response.extensions!.sqlStatements as number;
      };
      const few = await statements(2);
      expect(await statements(20)).toBe(few);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('figures', () => {
  const GENERATED_AREAS = ['0180', '0180-rinkeby-kista', '0180-spanga-tensta', '0114', '1480', '1480-angered', '1480-biskopsgarden', '1401', '1280', '1280-rosengard', '0380', '01', '14', 'SE'];
  const AREAS = ['SE', '01', '14', '12', '03', '0180', '0180-rinkeby-kista', '0114', '1480', '1480-angered', '1401', '1280', '0380', '0138'];
  const MONTHS = [monthOf(0), monthOf(-1), monthOf(-6)];
  const PARTICIPANTS = [A.kfumGoteborg, A.fralsningsarmen, A.goteborgsStad, A.lpoGoteborgNordost, A.stockholmsStad, A.fryshuset];
  /** Of kind CIVIL_SOCIETY or FAITH_COMMUNITY in the actors registry's demo data (the demo IOP's needs analysis names Rädda Barnen Göteborg). */
  const CIVIL = [A.kfumGoteborg, A.fralsningsarmen, A.fryshuset, A.raddaBarnenGoteborg];

  /** A deterministic sequence, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)], int: (n: number) => Math.floor(next() * n) };
  }

  beforeAll(async () => {
    const r = random(14);
    for (let i = 0; i < 250; i++) {
      const status = r.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAFT', 'ENDED']);
      const startsOn = calendar.days(-r.int(400));
      const endsOn = r.next() < 0.6 ? calendar.days(r.int(300) + 1, startsOn) : null;
      const [{ id }] = await db().query(
        `INSERT INTO agreements (version, title, kind, status, starts_on, ends_on, visibility, owner_id, shared_with)
         VALUES (1, 'Genererat avtal med resurser', 'IOP', $1, $2, $3, $4, $5, '{}') RETURNING id`,
        [status, startsOn, endsOn, r.pick(['PUBLIC', 'PUBLIC', 'OWNER', 'NETWORK']), A.goteborgsStad],
      );
      for (const code of new Set([r.pick(GENERATED_AREAS), ...(r.next() < 0.2 ? [r.pick(GENERATED_AREAS)] : [])])) {
        await db().query('INSERT INTO agreement_areas (agreement_id, area_code) VALUES ($1, $2)', [id, code]);
      }
      const lines = r.int(5);
      for (let position = 0; position < lines; position++) {
        const kind = r.pick(['MONEY', 'MONEY', 'STAFF_TIME', 'PREMISES', 'COMPETENCE', 'NETWORK']);
        // Some lines have a period of their own, which may not include the as-of day.
        const own = r.next() < 0.3 ? [calendar.days(-r.int(200)), null] : [null, r.next() < 0.2 ? calendar.days(-r.int(60)) : null];
        await db().query(
          `INSERT INTO agreement_resources (agreement_id, actor_id, kind, amount, currency, hours, venue_id, starts_on, ends_on, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, greatest($8::date, $10::date), $9, $11)`,
          [
            id, A.goteborgsStad, kind,
            kind === 'MONEY' ? `${r.int(2000000)}.${String(r.int(100)).padStart(2, '0')}` : null,
            kind === 'MONEY' ? r.pick(['SEK', 'SEK', 'SEK', 'EUR']) : null,
            kind === 'STAFF_TIME' ? `${r.int(3000)}.${r.int(10)}` : null,
            kind === 'PREMISES' ? V.kfumHallAngered : null,
            own[0], own[1] && (!endsOn || own[1] <= endsOn) && own[1] >= startsOn ? own[1] : null, startsOn, position,
          ],
        );
      }
      if (r.next() < 0.6) {
        const participants = [...new Set([r.pick(PARTICIPANTS), ...(r.next() < 0.5 ? [r.pick(PARTICIPANTS)] : [])])];
        await db().query(`INSERT INTO agreement_phases (agreement_id, kind, participant_ids, position) VALUES ($1, 'NEEDS_ANALYSIS', $2::uuid[], 0)`, [id, participants]);
      }
    }
  }, 120000);

  interface CountAnswer {
    value: number | null;
    suppressed: boolean;
  }
  interface Answer {
    resources: {
      withResources: CountAnswer;
      byKind: Array<{ kind: string; count: CountAnswer }>;
      money: { currency: string; amount: string | null; agreements: CountAnswer };
      staffHours: { hours: number | null; agreements: CountAnswer };
    };
    needsAnalysis: { withNeedsAnalysis: CountAnswer; civilSocietyIncluded: CountAnswer };
  }
  const COUNT = '{ value suppressed }';
  async function figures(headers: Record<string, string>) {
    const keys = MONTHS.flatMap((month) => AREAS.map((areaCode) => ({ areaCode, month })));
    const response = await subgraph.query<{ _entities: Array<{ agreements: Answer }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { agreements {
        resources { withResources ${COUNT} byKind { kind count ${COUNT} } money { currency amount agreements ${COUNT} } staffHours { hours agreements ${COUNT} } }
        needsAnalysis { withNeedsAnalysis ${COUNT} civilSocietyIncluded ${COUNT} } } } } }`,
      { r: keys.map((key) => ({ __typename: 'Figures', ...key })) },
      headers,
    );
    expect(response.errors).toBeUndefined();
    return keys.map((key, i) => ({ key, answer: response.data!._entities[i].agreements }));
  }

  interface Stored {
    id: string;
    status: string;
    starts_on: string | null;
    ends_on: string | null;
    visibility: string;
    areas: string[];
    resources: Array<{ kind: string; currency: string | null; amount: string | null; hours: string | null; starts_on: string | null; ends_on: string | null }>;
    analyses: string[][] | null;
  }

  /** Every figure recounted from the tables: cells by name, sums in integer öre and tenths of hours. */
  async function recount(publicOnly: boolean) {
    const rows: Stored[] = await db().query(
      `SELECT g.id, g.status, g.starts_on::text, g.ends_on::text, g.visibility,
              ARRAY(SELECT area_code FROM agreement_areas WHERE agreement_id = g.id) AS areas,
              coalesce((SELECT json_agg(json_build_object('kind', kind, 'currency', currency, 'amount', amount::text, 'hours', hours::text, 'starts_on', starts_on::text, 'ends_on', ends_on::text))
                          FROM agreement_resources WHERE agreement_id = g.id), '[]') AS resources,
              (SELECT json_agg(participant_ids) FROM agreement_phases WHERE agreement_id = g.id AND kind = 'NEEDS_ANALYSIS') AS analyses
         FROM agreements g`,
    );
    const units = (text: string, scale: number) => BigInt(text.split('.')[0] + (text.split('.')[1] ?? '').padEnd(scale, '0'));
    return ({ areaCode, month }: { areaCode: string; month: string }) => {
      const day = asOfDay(month);
      const active = rows.filter(
        (g) =>
          (!publicOnly || g.visibility === 'PUBLIC') &&
          g.areas.some((code) => selfAndAncestors(code).includes(areaCode)) &&
          g.status === 'ACTIVE' && !!g.starts_on && g.starts_on <= day && (!g.ends_on || g.ends_on >= day),
      );
      const inEffect = (g: Stored) => g.resources.filter((r) => (r.starts_on ?? g.starts_on!) <= day && (r.ends_on ?? g.ends_on ?? day) >= day);
      const withKind = (kind: string) => active.filter((g) => inEffect(g).some((r) => r.kind === kind)).length;
      const sek = active.map((g) => inEffect(g).filter((r) => r.currency === 'SEK' && r.amount !== null)).filter((lines) => lines.length);
      const staff = active.map((g) => inEffect(g).filter((r) => r.kind === 'STAFF_TIME')).filter((lines) => lines.length);
      const analysed = active.filter((g) => g.analyses);
      return {
        withResources: active.filter((g) => inEffect(g).length).length,
        byKind: Object.fromEntries(['MONEY', 'STAFF_TIME', 'PREMISES', 'COMPETENCE', 'NETWORK'].map((kind) => [kind, withKind(kind)])),
        moneyAgreements: sek.length,
        money: sek.flat().reduce((sum, r) => sum + units(r.amount!, 2), 0n),
        hoursAgreements: staff.length,
        hours: staff.flat().reduce((sum, r) => sum + units(r.hours!, 1), 0n),
        withNeedsAnalysis: analysed.length,
        civilSocietyIncluded: analysed.filter((g) => g.analyses!.flat().some((id) => CIVIL.includes(id))).length,
      };
    };
  }
  const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
  const cellsOf = (answer: Answer) => ({
    withResources: answer.resources.withResources,
    ...Object.fromEntries(answer.resources.byKind.map(({ kind, count }) => [kind, count])),
    moneyAgreements: answer.resources.money.agreements,
    hoursAgreements: answer.resources.staffHours.agreements,
    withNeedsAnalysis: answer.needsAnalysis.withNeedsAnalysis,
    civilSocietyIncluded: answer.needsAnalysis.civilSocietyIncluded,
  });
  const expectedCells = (e: ReturnType<Awaited<ReturnType<typeof recount>>>) => ({
    withResources: e.withResources,
    ...e.byKind,
    moneyAgreements: e.moneyAgreements,
    hoursAgreements: e.hoursAgreements,
    withNeedsAnalysis: e.withNeedsAnalysis,
    civilSocietyIncluded: e.civilSocietyIncluded,
  });

  it('gives the public exact counts and sums over PUBLIC agreements, equal to a recount', async () => {
    const expected = await recount(true);
    let nonZero = 0;
    for (const { key, answer } of await figures(who.public)) {
      const e = expected(key);
      const published = Object.fromEntries(Object.entries(expectedCells(e)).map(([cell, value]) => [cell, { value, suppressed: false }]));
      expect({ ...key, cells: cellsOf(answer) }).toEqual({ ...key, cells: published });
      expect({ ...key, amount: answer.resources.money.amount, hours: answer.resources.staffHours.hours }).toEqual({ ...key, amount: decimal(e.money), hours: Number(e.hours) / 10 });
      expect(answer.resources.money.currency).toBe('SEK');
      if (e.moneyAgreements) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(10);
  }, 60000);

  it('gives a signed-in viewer counts over all agreements with small ones suppressed, and each sum only with the count behind it', async () => {
    const expected = await recount(false);
    const minimum = figuresMinimumCount();
    let [suppressed, published] = [0, 0];
    for (const { key, answer } of await figures(who.national)) {
      const e = expected(key);
      const wanted = expectedCells(e) as Record<string, number>;
      for (const [cell, count] of Object.entries(cellsOf(answer)) as Array<[string, CountAnswer]>) {
        const where = { ...key, cell };
        if (count.suppressed) expect({ ...where, value: count.value }).toEqual({ ...where, value: null });
        else expect({ ...where, value: count.value, enough: count.value! >= minimum }).toEqual({ ...where, value: wanted[cell], enough: true });
        if (wanted[cell] < minimum) expect({ ...where, suppressed: count.suppressed }).toEqual({ ...where, suppressed: true });
      }
      const { money, staffHours } = answer.resources;
      // A sum is shown exactly when its count is, so no withheld count can be worked out from it.
      expect({ ...key, amount: money.amount }).toEqual({ ...key, amount: money.agreements.suppressed ? null : decimal(e.money) });
      expect({ ...key, hours: staffHours.hours }).toEqual({ ...key, hours: staffHours.agreements.suppressed ? null : Number(e.hours) / 10 });
      if (money.agreements.suppressed) suppressed++;
      else if (e.moneyAgreements) published++;
    }
    expect(suppressed).toBeGreaterThan(0);
    expect(published).toBeGreaterThan(5);
  }, 60000);
});

describe('the generated demo layer', () => {
  it('gives generated IOPs and collaborations resources from their parties and needs analyses in bulk, once, bumping nothing', async () => {
    const generated = generatedAgreements(calendar);
    const counts = async () =>
      (
        await db().query(
          `SELECT (SELECT count(*)::int FROM agreement_resources r WHERE r.agreement_id = ANY($1::uuid[])) AS resources,
                  (SELECT count(*)::int FROM agreement_phases p WHERE p.agreement_id = ANY($1::uuid[])) AS phases,
                  (SELECT count(*)::int FROM agreements g WHERE g.id = ANY($1::uuid[]) AND g.version = 1) AS untouched`,
          [generated.map((a) => a.id)],
        )
      )[0];
    await seedGeneratedDemoData(db(), calendar);
    const first = await counts();
    const expected = generatedResourcesAndPhases(generated, calendar);
    expect(first).toEqual({ resources: expected.resources.length, phases: expected.phases.length, untouched: generated.length });
    expect(expected.resources.length).toBeGreaterThan(generated.length);
    await seedGeneratedDemoData(db(), calendar);
    expect(await counts()).toEqual(first);
    // Every line from a named party, every IOP funded in SEK, positions from 0 in each agreement.
    const strays = await db().query(
      `SELECT r.agreement_id FROM agreement_resources r WHERE r.agreement_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = r.agreement_id AND p.actor_id = r.actor_id)`,
      [generated.map((a) => a.id)],
    );
    expect(strays).toEqual([]);
    const iops = generated.filter((a) => a.kind === 'IOP').map((a) => a.id);
    const funded = await db().query(
      `SELECT count(DISTINCT agreement_id)::int AS n FROM agreement_resources WHERE agreement_id = ANY($1::uuid[]) AND kind = 'MONEY' AND currency = 'SEK' AND amount > 0`,
      [iops],
    );
    expect(funded[0].n).toBe(iops.length);
    const positions = await db().query(
      `SELECT agreement_id FROM agreement_resources WHERE agreement_id = ANY($1::uuid[]) GROUP BY agreement_id HAVING min(position) <> 0 OR max(position) <> count(*) - 1`,
      [generated.map((a) => a.id)],
    );
    expect(positions).toEqual([]);
  }, 60000);
});

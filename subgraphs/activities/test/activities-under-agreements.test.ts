import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as AG, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D, seedDemoData } from '../src/demo/seed';
import { bearer, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Activities carried out under an agreement, and under one commitment of a citizen promise: written
 * only as the caller may see them (a commitment with its own agreement), shown only to those who may
 * see them, and listed per agreement and per commitment for follow-up.
 *
 * The agreements subgraph is played by a stand-in (as in access.test.ts), answering `_entities` of
 * Agreement and Commitment with the visibility the real one applies: commitments are seen exactly
 * when their agreement is. Named here: the citizen promise (PUBLIC) with two commitments, the
 * previous promise (PUBLIC) with one, the IOP in Angered (its parties only) and a draft promise
 * (its parties only) with one commitment.
 */

type Headers = Record<string, string>;
const NO_TOKEN: Headers = {};
const calendar = demoCalendar();

const PROMISE = AG.medborgarloftRinkebyKista;
const PREVIOUS = AG.medborgarloftRinkebyKistaPrevious;
const IOP = AG.iopGoteborgAngered;
const DRAFT = 'b0000000-0000-4000-8000-0000000000d1';
const commitment = (n: number) => `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PRESENCE = commitment(1);
const DIALOGUES = commitment(2);
const PREVIOUS_PRESENCE = commitment(3);
const DRAFT_COMMITMENT = commitment(4);
/** A commitment the stand-in answers without an agreement (as an owner would one whose agreement the caller may not see). */
const ORPHAN = commitment(5);
/** Agreements 1–20 of the statement-count test, public, each with one commitment (commitment 100 + n). */
const many = (n: number) => `b0000000-0000-4000-8000-${String(1000 + n).padStart(12, '0')}`;

const PARTIES: Record<string, string[] | 'PUBLIC'> = {
  [PROMISE]: 'PUBLIC',
  [PREVIOUS]: 'PUBLIC',
  [IOP]: [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg, A.lpoGoteborgNordost],
  [DRAFT]: [A.lpoRinkeby, A.rinkebyKistaStadsdel],
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [many(i + 1), 'PUBLIC' as const])),
};
const AGREEMENT_OF: Record<string, string> = {
  [PRESENCE]: PROMISE,
  [DIALOGUES]: PROMISE,
  [PREVIOUS_PRESENCE]: PREVIOUS,
  [DRAFT_COMMITMENT]: DRAFT,
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [commitment(101 + i), many(i + 1)])),
};

/** Every call the stand-in answered: the type asked for, the token passed on, and the keys. */
const calls: Array<{ type: string; authorization: string | undefined; ids: string[] }> = [];

function organisationOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { org?: string }).org;
}

function startStandInAgreements(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const org = organisationOf(request.headers.authorization);
      const { query, variables } = JSON.parse(body) as { query: string; variables: { representations: Array<{ __typename: string; id: string }> } };
      const representations = variables.representations;
      calls.push({ type: representations[0]?.__typename, authorization: request.headers.authorization, ids: representations.map((r) => r.id) });
      const visible = (agreementId: string | undefined) => {
        const parties = agreementId && PARTIES[agreementId];
        return parties === 'PUBLIC' || (!!parties && !!org && parties.includes(org));
      };
      // The agreement of a commitment only when asked for, as the real `_entities` answers the selection.
      const withAgreement = /\.\.\. on Commitment \{ id agreement \{ id \} \}/.test(query);
      const answer = ({ __typename, id }: { __typename: string; id: string }) => {
        if (__typename === 'Agreement') return visible(id) ? { id } : null;
        if (id === ORPHAN) return { id, agreement: null };
        const agreementId = AGREEMENT_OF[id];
        return visible(agreementId) ? { id, ...(withAgreement ? { agreement: { id: agreementId } } : {}) } : null;
      };
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { _entities: representations.map(answer) } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let subgraph: TestSubgraph;
let agreements: Server;
let lpoRinkeby: Headers;
let stadsdel: Headers;
let kfum: Headers;
let lpoNordost: Headers;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  agreements = await startStandInAgreements();
  process.env.AGREEMENTS_URL = `http://127.0.0.1:${(agreements.address() as AddressInfo).port}/graphql`;
  lpoRinkeby = await bearer(A.lpoRinkeby, [Role.COORDINATOR]);
  stadsdel = await bearer(A.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
  lpoNordost = await bearer(A.lpoGoteborgNordost, [Role.COORDINATOR]);
});

afterAll(async () => {
  await new Promise((resolve) => agreements?.close(resolve));
  await subgraph?.stop();
});

type Ids = Array<{ id: string }>;
const ids = (nodes: Ids) => nodes.map((n) => n.id);

const UNDER = 'id version agreement { id } commitment { id } fundingAgreement { id }';
const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${UNDER} } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { ${UNDER} } }`;

let day = 0;
/** A new activity of the police in Rinkeby-Kista; each starts a day later than the one before (newest first is then the reverse order). */
const input = (title: string, under: Record<string, unknown>) => ({
  title,
  kind: 'SAFETY_WALK',
  organiserIds: [A.lpoRinkeby],
  areaCode: AR.rinkebyKista,
  startsOn: calendar.days(30 + day++),
  targetGroups: ['RESIDENTS'],
  ...under,
});

async function created(title: string, under: Record<string, unknown>, headers: Headers = lpoRinkeby) {
  const response = await subgraph.query(create, { input: input(title, under) }, headers);
  expect(response.errors).toBeUndefined();
  return response.data!.createActivity as { id: string; version: number; agreement: { id: string } | null; commitment: { id: string } | null };
}

/** The rows and the change log, to compare before and after a refused write. */
const snapshot = async () => ({
  activities: await subgraph.dataSource.query('SELECT id, version, agreement_id, commitment_id, updated_at FROM activities ORDER BY id'),
  organisers: await subgraph.dataSource.query('SELECT * FROM activity_organisers ORDER BY activity_id, actor_id'),
  log: await subgraph.dataSource.query('SELECT sequence, entity_id, action, fields FROM change_log ORDER BY sequence'),
});

const logOf = async (id: string) =>
  (await subgraph.dataSource.query('SELECT action, fields FROM change_log WHERE entity_id = $1 ORDER BY sequence', [id])).map(
    (row: { action: string; fields: string[] }) => [row.action, [...row.fields].sort()],
  );

/** Ids of all activities matching a filter. */
async function matching(filter: Record<string, unknown>, headers: Headers = NO_TOKEN): Promise<string[]> {
  const response = await subgraph.query(`query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount nodes { id } } }`, { filter }, headers);
  expect(response.errors).toBeUndefined();
  expect(response.data!.activities.totalCount).toBe(response.data!.activities.nodes.length);
  return ids(response.data!.activities.nodes);
}

const nested = `query($r: [_Any!]!, $first: Int) { _entities(representations: $r) {
  ... on Agreement { id activitiesUnder(first: $first) { id } activities { id } }
  ... on Commitment { id activities(first: $first) { id } } } }`;

async function nestedLists(representations: Array<{ __typename: string; id: string }>, headers: Headers = NO_TOKEN, first = 50) {
  const response = await subgraph.query(nested, { r: representations, first }, headers);
  expect(response.errors).toBeUndefined();
  return response.data!._entities.map((e: { activitiesUnder?: Ids; activities: Ids }) => ({
    ...(e.activitiesUnder ? { under: ids(e.activitiesUnder) } : {}),
    activities: ids(e.activities),
  }));
}

describe('the demo activities carried out under agreements', () => {
  it('lists the citizen promise\'s and the IOP\'s, newest start first, apart from what the IOP funds', async () => {
    const [promise, iop] = await nestedLists(
      [
        { __typename: 'Agreement', id: PROMISE },
        { __typename: 'Agreement', id: IOP },
      ],
      kfum,
    );
    expect(promise).toEqual({ under: [D.mbuRinkeby, D.mammaUnitedTrygg], activities: [] });
    expect(iop).toEqual({ under: [D.mbuAngered], activities: [D.footballAngered, D.homeworkHelpAngered] });
    const { data } = await subgraph.query(`query($id: ID!) { activity(id: $id) { agreement { id } commitment { id } fundingAgreement { id } } }`, { id: D.mbuAngered }, lpoNordost);
    expect(data!.activity).toEqual({ agreement: { id: IOP }, commitment: null, fundingAgreement: null });
  });
});

describe('writing what an activity is carried out under', () => {
  it('takes an agreement, a commitment with its agreement, or a commitment alone (which sets its agreement), and logs the fields', async () => {
    const underPromise = await created('Vandring under löftet', { agreementId: PROMISE });
    expect(underPromise).toMatchObject({ version: 1, agreement: { id: PROMISE }, commitment: null, fundingAgreement: null });

    const both = await created('Vandring under åtagandet', { agreementId: PROMISE, commitmentId: PRESENCE });
    expect(both).toMatchObject({ agreement: { id: PROMISE }, commitment: { id: PRESENCE } });

    const alone = await created('Vandring, bara åtagandet', { commitmentId: DIALOGUES.toUpperCase() });
    expect(alone).toMatchObject({ agreement: { id: PROMISE }, commitment: { id: DIALOGUES } });

    expect(await logOf(underPromise.id)).toEqual([['CREATED', ['agreementId', 'areaCode', 'internalClassification', 'kind', 'organiserIds', 'startsOn', 'targetGroups', 'title', 'visibility']]]);
    // Given alone, the commitment moved the agreement too: both are named.
    expect((await logOf(alone.id))[0][1]).toEqual(expect.arrayContaining(['agreementId', 'commitmentId']));
    expect((await subgraph.dataSource.query('SELECT agreement_id, commitment_id FROM activities WHERE id = $1', [alone.id]))[0]).toEqual({ agreement_id: PROMISE, commitment_id: DIALOGUES });
  });

  it('changes and clears them on update, each change a new version with its fields in the change log', async () => {
    const activity = await created('Vandring som byter', { agreementId: PREVIOUS });
    const step = async (version: number, given: Record<string, unknown>) => {
      const response = await subgraph.query(update, { id: activity.id, version, input: given }, lpoRinkeby);
      expect(response.errors).toBeUndefined();
      return response.data!.updateActivity;
    };
    // A commitment of another agreement given alone moves the activity to that agreement.
    expect(await step(1, { commitmentId: PRESENCE })).toMatchObject({ version: 2, agreement: { id: PROMISE }, commitment: { id: PRESENCE } });
    expect(await step(2, { commitmentId: DIALOGUES })).toMatchObject({ version: 3, agreement: { id: PROMISE }, commitment: { id: DIALOGUES } });
    // Null clears the commitment; the agreement stays.
    expect(await step(3, { commitmentId: null })).toMatchObject({ version: 4, agreement: { id: PROMISE }, commitment: null });
    expect(await step(4, { agreementId: PREVIOUS, commitmentId: PREVIOUS_PRESENCE })).toMatchObject({ version: 5, agreement: { id: PREVIOUS }, commitment: { id: PREVIOUS_PRESENCE } });
    expect(await step(5, { agreementId: null, commitmentId: null })).toMatchObject({ version: 6, agreement: null, commitment: null });
    // Other fields leave them as they are.
    expect(await step(6, { agreementId: PROMISE })).toMatchObject({ version: 7, agreement: { id: PROMISE }, commitment: null });
    expect(await step(7, { title: 'Ny titel' })).toMatchObject({ version: 8, agreement: { id: PROMISE }, commitment: null });
    expect(await logOf(activity.id)).toEqual([
      ['CREATED', expect.arrayContaining(['agreementId'])],
      ['UPDATED', ['agreementId', 'commitmentId']],
      ['UPDATED', ['commitmentId']],
      ['UPDATED', ['commitmentId']],
      ['UPDATED', ['agreementId', 'commitmentId']],
      ['UPDATED', ['agreementId', 'commitmentId']],
      ['UPDATED', ['agreementId']],
      ['UPDATED', ['title']],
    ]);
    // A stale version is refused, and writes nothing.
    const before = await snapshot();
    const stale = await subgraph.query(update, { id: activity.id, version: 7, input: { commitmentId: PRESENCE } }, lpoRinkeby);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a commitment of another agreement, and an agreement changed under a commitment that stays: BAD_USER_INPUT, nothing written', async () => {
    const activity = await created('Vandring med åtagande', { commitmentId: PRESENCE });
    const before = await snapshot();
    const refusedCreate = await subgraph.query(create, { input: input('Fel åtagande', { agreementId: PREVIOUS, commitmentId: PRESENCE }) }, lpoRinkeby);
    const refusedUpdates = [
      await subgraph.query(update, { id: activity.id, version: 1, input: { agreementId: PREVIOUS, commitmentId: PRESENCE } }, lpoRinkeby),
      await subgraph.query(update, { id: activity.id, version: 1, input: { agreementId: null, commitmentId: DIALOGUES } }, lpoRinkeby),
      // The commitment stays (left out) but its agreement would not.
      await subgraph.query(update, { id: activity.id, version: 1, input: { agreementId: PREVIOUS } }, lpoRinkeby),
      await subgraph.query(update, { id: activity.id, version: 1, input: { agreementId: null } }, lpoRinkeby),
    ];
    const fields = (response: GraphQLResponse) => [errorCode(response), response.errors![0].extensions!.fields];
    expect(fields(refusedCreate)).toEqual(['BAD_USER_INPUT', [{ field: 'commitmentId', message: 'not a commitment of agreementId' }]]);
    expect(refusedUpdates.map(fields)).toEqual([
      ['BAD_USER_INPUT', [{ field: 'commitmentId', message: 'not a commitment of agreementId' }]],
      ['BAD_USER_INPUT', [{ field: 'commitmentId', message: 'not a commitment of agreementId' }]],
      ['BAD_USER_INPUT', [{ field: 'agreementId', message: "not the agreement of the activity's commitment" }]],
      ['BAD_USER_INPUT', [{ field: 'agreementId', message: "not the agreement of the activity's commitment" }]],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an agreement or a commitment the caller may not see as unknown, asking as the caller, nothing written', async () => {
    // The IOP in Angered and the draft promise are hidden from the police in Rinkeby and from KFUM respectively.
    const before = await snapshot();
    calls.length = 0;
    const hiddenAgreement = await subgraph.query(create, { input: input('Dold överenskommelse', { agreementId: IOP }) }, lpoRinkeby);
    expect(calls.map((c) => [c.type, c.authorization])).toEqual([['Agreement', lpoRinkeby.authorization]]);
    const kfumInput = { ...input('Dolt åtagande', { commitmentId: DRAFT_COMMITMENT }), organiserIds: [A.kfumGoteborg] };
    const hiddenCommitment = await subgraph.query(create, { input: kfumInput }, kfum);
    const unknown = await subgraph.query(create, { input: input('Okänt åtagande', { agreementId: PROMISE, commitmentId: commitment(999) }) }, lpoRinkeby);
    const orphan = await subgraph.query(create, { input: input('Åtagande utan överenskommelse', { commitmentId: ORPHAN }) }, lpoRinkeby);
    expect([hiddenAgreement, hiddenCommitment, unknown, orphan].map((r) => [errorCode(r), r.errors![0].message, r.errors![0].extensions!.fields])).toEqual([
      ['BAD_USER_INPUT', `Unknown agreement id: ${IOP}`, [{ field: 'agreementId', message: 'unknown agreement' }]],
      ['BAD_USER_INPUT', `Unknown citizen-promise commitment id: ${DRAFT_COMMITMENT}`, [{ field: 'commitmentId', message: 'unknown citizen-promise commitment' }]],
      ['BAD_USER_INPUT', `Unknown citizen-promise commitment id: ${commitment(999)}`, [{ field: 'commitmentId', message: 'unknown citizen-promise commitment' }]],
      ['BAD_USER_INPUT', `Unknown citizen-promise commitment id: ${ORPHAN}`, [{ field: 'commitmentId', message: 'unknown citizen-promise commitment' }]],
    ]);
    const activity = await created('Vandring', {});
    const afterCreate = await snapshot();
    const hiddenOnUpdate = await subgraph.query(update, { id: activity.id, version: 1, input: { agreementId: IOP } }, lpoRinkeby);
    expect(errorCode(hiddenOnUpdate)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(afterCreate);
    expect(afterCreate.activities.length).toBe(before.activities.length + 1);
  });
});

describe('finding activities by what they are carried out under', () => {
  let first: string;
  let second: string;
  let third: string;
  let draftOnly: string;
  let draftCommitment: string;

  beforeAll(async () => {
    // Under new public agreements of their own, so the lists below hold exactly these.
    first = (await created('Under 1', { agreementId: many(1) })).id;
    second = (await created('Under 1, åtagande', { commitmentId: commitment(101) })).id;
    third = (await created('Under 1, åtagande igen', { agreementId: many(1), commitmentId: commitment(101) })).id;
    draftOnly = (await created('Under utkastet', { agreementId: DRAFT })).id;
    draftCommitment = (await created('Under utkastets åtagande', { commitmentId: DRAFT_COMMITMENT })).id;
  });

  it('filters by agreement and by commitment, newest start first', async () => {
    expect(await matching({ agreementId: many(1) })).toEqual([third, second, first]);
    expect(await matching({ commitmentId: commitment(101) })).toEqual([third, second]);
    expect(await matching({ agreementId: many(1), commitmentId: commitment(101), kinds: ['SPORT'] })).toEqual([]);
    expect(await matching({ agreementId: PROMISE, areaCode: AR.rinkebyKista, from: calendar.today, to: calendar.today })).toEqual([D.mbuRinkeby, D.mammaUnitedTrygg]);
  });

  it('lists them under each agreement and commitment, bounded by first', async () => {
    const representations = [
      { __typename: 'Agreement', id: many(1) },
      { __typename: 'Commitment', id: commitment(101) },
      { __typename: 'Agreement', id: many(2) },
      { __typename: 'Commitment', id: commitment(102) },
    ];
    expect(await nestedLists(representations)).toEqual([
      { under: [third, second, first], activities: [] },
      { activities: [third, second] },
      { under: [], activities: [] },
      { activities: [] },
    ]);
    expect(await nestedLists(representations, NO_TOKEN, 2)).toEqual([
      { under: [third, second], activities: [] },
      { activities: [third, second] },
      { under: [], activities: [] },
      { activities: [] },
    ]);
    const tooMany = await subgraph.query(nested, { r: representations, first: 101 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('reveals nothing of a hidden agreement or commitment on any path, to the public and to other organisations', async () => {
    const paths = async (headers: Headers) => {
      const one = await subgraph.query(
        `query($a: ID!, $b: ID!) { a: activity(id: $a) { agreement { id } commitment { id } } b: activity(id: $b) { agreement { id } commitment { id } } }`,
        { a: draftOnly, b: draftCommitment },
        headers,
      );
      const listed = await subgraph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Area { activities(first: 100) { id agreement { id } commitment { id } } }
          ... on Actor { activities(first: 100) { id agreement { id } commitment { id } } }
          ... on Activity { id agreement { id } commitment { id } } } }`,
        {
          r: [
            { __typename: 'Area', code: AR.rinkebyKista },
            { __typename: 'Actor', id: A.lpoRinkeby },
            { __typename: 'Activity', id: draftCommitment },
          ],
        },
        headers,
      );
      expect(listed.errors).toBeUndefined();
      const [area, actor, entity] = listed.data!._entities;
      const ofDraft = (nodes: Array<{ id: string }>) => nodes.filter((n) => n.id === draftOnly || n.id === draftCommitment);
      return {
        one: one.data,
        area: ofDraft(area.activities),
        actor: ofDraft(actor.activities),
        entity,
        byAgreement: await matching({ agreementId: DRAFT }, headers),
        byCommitment: await matching({ commitmentId: DRAFT_COMMITMENT }, headers),
        nested: await nestedLists(
          [
            { __typename: 'Agreement', id: DRAFT },
            { __typename: 'Commitment', id: DRAFT_COMMITMENT },
          ],
          headers,
        ),
      };
    };
    const hidden = (id: string) => ({ id, agreement: null, commitment: null });
    for (const outsider of [NO_TOKEN, kfum, lpoNordost]) {
      expect(await paths(outsider)).toEqual({
        one: { a: { agreement: null, commitment: null }, b: { agreement: null, commitment: null } },
        area: [hidden(draftCommitment), hidden(draftOnly)],
        actor: [hidden(draftCommitment), hidden(draftOnly)],
        entity: hidden(draftCommitment),
        byAgreement: [],
        byCommitment: [],
        nested: [{ under: [], activities: [] }, { activities: [] }],
      });
    }
    // A party to the draft (the district administration, which organises none of them) sees them all.
    const shown = (id: string, withCommitment: boolean) => ({ id, agreement: { id: DRAFT }, commitment: withCommitment ? { id: DRAFT_COMMITMENT } : null });
    expect(await paths(stadsdel)).toEqual({
      one: { a: { agreement: { id: DRAFT }, commitment: null }, b: { agreement: { id: DRAFT }, commitment: { id: DRAFT_COMMITMENT } } },
      area: [shown(draftCommitment, true), shown(draftOnly, false)],
      actor: [shown(draftCommitment, true), shown(draftOnly, false)],
      entity: shown(draftCommitment, true),
      byAgreement: [draftCommitment, draftOnly],
      byCommitment: [draftCommitment],
      nested: [{ under: [draftCommitment, draftOnly], activities: [] }, { activities: [draftCommitment] }],
    });
  });
});

describe('statements and calls', () => {
  const SQL_STATS = 'SAMVERKAN_SQL_STATS';
  const representations = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      { __typename: 'Agreement', id: many(i + 1) },
      { __typename: 'Commitment', id: commitment(101 + i) },
    ]).flat();

  beforeAll(async () => {
    // Every one of the 20 agreements has an activity under one of its commitments.
    for (let i = 2; i <= 20; i++) await created(`Under ${i}`, { commitmentId: commitment(100 + i) });
  });

  it('runs the same statements for 2 agreements and commitments as for 20, and asks the agreements subgraph once per type', async () => {
    process.env[SQL_STATS] = 'true';
    try {
      const run = async (n: number) => {
        calls.length = 0;
        const response = await subgraph.query(
          `query($r: [_Any!]!) { _entities(representations: $r) {
            ... on Agreement { activitiesUnder(first: 5) { id agreement { id } commitment { id } } }
            ... on Commitment { activities(first: 5) { id agreement { id } commitment { id } } } } }`,
          { r: representations(n) },
          stadsdel,
        );
        expect(response.errors).toBeUndefined();
        // Every list holds its activities (and the agreement of each its own).
        response.data!._entities.forEach((e: { activitiesUnder?: Array<{ agreement: { id: string } }>; activities?: Array<{ commitment: { id: string } }> }, i: number) => {
          const list = e.activitiesUnder ?? e.activities!;
          expect(list.length).toBeGreaterThan(0);
          if (e.activitiesUnder) expect(e.activitiesUnder.every((a) => a.agreement.id === many(i / 2 + 1))).toBe(true);
          else expect(e.activities!.every((a) => a.commitment.id === commitment(101 + (i - 1) / 2))).toBe(true);
        });
        return { statements: response.extensions!.sqlStatements, calls: calls.map((c) => c.type).sort() };
      };
      // Pairs and rows for the agreements, and for the commitments; one call per type, for all their ids.
      const expected = { statements: 4, calls: ['Agreement', 'Commitment'] };
      expect(await run(2)).toEqual(expected);
      expect(await run(20)).toEqual(expected);
    } finally {
      delete process.env[SQL_STATS];
    }
  });

  it('shows a whole page\'s agreements and commitments with one call each, and no statement more', async () => {
    process.env[SQL_STATS] = 'true';
    try {
      calls.length = 0;
      const response = await subgraph.query(`{ activities(first: 100) { nodes { id agreement { id } commitment { id } } } }`, {}, stadsdel);
      expect(response.errors).toBeUndefined();
      expect(response.data!.activities.nodes.filter((n: { commitment: unknown }) => n.commitment).length).toBeGreaterThan(20);
      // The page and the total count.
      expect(response.extensions!.sqlStatements).toBe(2);
      expect(calls.map((c) => c.type).sort()).toEqual(['Agreement', 'Commitment']);
    } finally {
      delete process.env[SQL_STATS];
    }
  });
});

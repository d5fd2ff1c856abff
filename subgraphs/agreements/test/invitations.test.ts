import { Role } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { FixedClock } from '@samverkan/platform';
import { agreementsSubgraph } from '../src';
import { bearer, createAgreedAgreement, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Parties that agree (issue 14): naming an organisation invites it; a coordinator of that
 * organisation, and only of it, confirms or declines; an agreement is ACTIVE only when every named
 * party has confirmed; a withdrawal is recorded. The invited organisation sees the draft that names it.
 */
const WHO = {
  public: null,
  /** Linköpings kommun: owns every agreement this test creates. */
  owner: { organisationId: A.linkopingsKommun, roles: [Role.COORDINATOR] },
  ownerMember: { organisationId: A.linkopingsKommun, roles: [Role.MEMBER] },
  /** Östergötlands stadsmission and Erikshjälpen: named as parties. */
  stadsmission: { organisationId: A.ostergotlandsStadsmission, roles: [Role.COORDINATOR] },
  stadsmissionMember: { organisationId: A.ostergotlandsStadsmission, roles: [Role.MEMBER] },
  erikshjalpen: { organisationId: A.erikshjalpen, roles: [Role.COORDINATOR] },
  /** Fryshuset: named in nothing here. */
  unrelated: { organisationId: A.fryshuset, roles: [Role.COORDINATOR] },
} as const;
type Who = keyof typeof WHO;

const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;
const ask = (who: Who, query: string, variables?: Record<string, unknown>) => subgraph.query(query, variables, headers[who]);

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false, clock });
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles]) : {};
  }
});
afterAll(() => subgraph?.stop());

const INVITATIONS = 'invitations { actor { id } answer invitedAt answeredAt comment } allPartiesConfirmed awaitingAnswerFrom { id }';
const FIELDS = `id version status parties { role answer actor { id } } ${INVITATIONS}`;
const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`;
const answer = (mutation: string, extra = '') => `mutation($id: ID!, $version: Int!, $actorId: ID! ${extra ? `, ${extra}` : ''}) {
  ${mutation}(agreementId: $id, version: $version, actorId: $actorId${extra ? `, ${extra.split(':')[0].slice(1)}: ${extra.split(':')[0]}` : ''}) { ${FIELDS} } }`;
const CONFIRM = answer('confirmAgreementParty', '$comment: String');
const DECLINE = answer('declineAgreementParty', '$comment: String');
const WITHDRAW = answer('withdrawFromAgreement', '$reason: String!');
const REINVITE = answer('reinviteAgreementParty');

const PARTIES = [
  { actorId: A.linkopingsKommun, role: 'FUNDING', responsibilities: 'Finansierar läxhjälpen.' },
  { actorId: A.ostergotlandsStadsmission, role: 'IMPLEMENTING', responsibilities: 'Driver läxhjälpen.' },
  { actorId: A.erikshjalpen, role: 'IMPLEMENTING', responsibilities: 'Ordnar föräldraträffar.' },
];
const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'IOP Läxhjälp i Skäggetorp',
  kind: 'IOP',
  status: 'DRAFT',
  startsOn: '2026-04-01',
  parties: PARTIES,
  areaCodes: [AR.skaggetorp],
  ...overrides,
});

function data<T = any>(response: GraphQLResponse, field: string): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(response.errors).toBeUndefined();
  return response.data![field] as T;
}

async function createDraft(overrides: Record<string, unknown> = {}) {
  return data(await ask('owner', CREATE, { input: draft(overrides) }), 'createAgreement');
}

/** What a refused mutation must leave as it was: the agreements' rows, their invitations and the change log. */
const snapshot = async () => ({
  agreements: await subgraph.dataSource.query('SELECT id, version, status, title FROM agreements ORDER BY id'),
  parties: await subgraph.dataSource.query('SELECT * FROM agreement_parties ORDER BY agreement_id, actor_id, role'),
  invitations: await subgraph.dataSource.query('SELECT * FROM agreement_invitations ORDER BY agreement_id, actor_id'),
  changeLog: await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'),
});

const changeLog = async (id: string) =>
  (await subgraph.dataSource.query(`SELECT action, fields FROM change_log WHERE entity_type = 'Agreement' AND entity_id = $1 ORDER BY sequence`, [id])) as Array<{
    action: string;
    fields: string[];
  }>;

const answersOf = (agreement: { invitations: Array<{ actor: { id: string }; answer: string }> }) =>
  Object.fromEntries(agreement.invitations.map((i) => [i.actor.id, i.answer]));

describe('from draft to ACTIVE', () => {
  it('invites every named organisation, takes their confirmations, and only then lets the agreement become ACTIVE', async () => {
    const created = await createDraft();
    expect(answersOf(created)).toEqual({ [A.linkopingsKommun]: 'CONFIRMED', [A.ostergotlandsStadsmission]: 'INVITED', [A.erikshjalpen]: 'INVITED' });
    expect(created.allPartiesConfirmed).toBe(false);
    expect(created.awaitingAnswerFrom.map((a: { id: string }) => a.id).sort()).toEqual([A.ostergotlandsStadsmission, A.erikshjalpen].sort());
    expect(created.invitations.every((i: { invitedAt: string }) => i.invitedAt === clock.now().toISOString())).toBe(true);
    expect(created.parties.map((p: { answer: string }) => p.answer).sort()).toEqual(['CONFIRMED', 'INVITED', 'INVITED']);

    // Not yet: the two invited organisations have not answered.
    const before = await snapshot();
    const early = await ask('owner', UPDATE, { id: created.id, version: 1, input: { status: 'ACTIVE' } });
    expect(errorCode(early)).toBe('PARTIES_NOT_CONFIRMED');
    expect(early.errors![0].extensions!.actorIds).toEqual([A.ostergotlandsStadsmission, A.erikshjalpen].sort());
    expect(await snapshot()).toEqual(before);

    clock.set(new Date('2026-03-03T10:00:00Z'));
    const first = data(await ask('stadsmission', CONFIRM, { id: created.id, version: 1, actorId: A.ostergotlandsStadsmission, comment: 'Styrelsen har godkänt.' }), 'confirmAgreementParty');
    expect(first.version).toBe(2);
    expect(first.invitations.find((i: { actor: { id: string } }) => i.actor.id === A.ostergotlandsStadsmission)).toMatchObject({
      answer: 'CONFIRMED',
      answeredAt: '2026-03-03T10:00:00.000Z',
      comment: 'Styrelsen har godkänt.',
    });
    const second = data(await ask('erikshjalpen', CONFIRM, { id: created.id, version: 2, actorId: A.erikshjalpen }), 'confirmAgreementParty');
    expect(second).toMatchObject({ version: 3, allPartiesConfirmed: true, awaitingAnswerFrom: [] });

    const active = data(await ask('owner', UPDATE, { id: created.id, version: 3, input: { status: 'ACTIVE' } }), 'updateAgreement');
    expect(active).toMatchObject({ status: 'ACTIVE', version: 4, allPartiesConfirmed: true });
    expect(await changeLog(created.id)).toEqual([
      { action: 'CREATED', fields: expect.any(Array) },
      { action: 'UPDATED', fields: ['invitations'] },
      { action: 'UPDATED', fields: ['invitations'] },
      { action: 'UPDATED', fields: ['status'] },
    ]);
  });

  it('refuses to create an agreement ACTIVE before its other parties confirmed, writing nothing; with the owner as the only party it may', async () => {
    const before = await snapshot();
    const refused = await ask('owner', CREATE, { input: draft({ status: 'ACTIVE' }) });
    expect(errorCode(refused)).toBe('PARTIES_NOT_CONFIRMED');
    expect(refused.errors![0].extensions).toMatchObject({ type: 'Agreement', actorIds: [A.ostergotlandsStadsmission, A.erikshjalpen].sort() });
    expect(await snapshot()).toEqual(before);
    // A refusal the caller can fix: HTTP 409, as VERSION_CONFLICT.
    const http = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers.owner },
      body: JSON.stringify({ query: CREATE, variables: { input: draft({ status: 'ACTIVE' }) } }),
    });
    expect(http.status).toBe(409);
    expect(await snapshot()).toEqual(before);

    const own = data(await ask('owner', CREATE, { input: draft({ status: 'ACTIVE', parties: [PARTIES[0]] }) }), 'createAgreement');
    expect(own).toMatchObject({ status: 'ACTIVE', allPartiesConfirmed: true });
  });

  it('the shared helper takes an agreement from draft through confirmations to ACTIVE', async () => {
    const agreement = await createAgreedAgreement(subgraph.query, headers.owner, draft({ status: 'ACTIVE' }), { select: FIELDS });
    expect(agreement).toMatchObject({ status: 'ACTIVE', allPartiesConfirmed: true, version: 4 });
  });
});

describe('declining, withdrawing, inviting again', () => {
  it('a declined party blocks activation; invited again and confirmed, it no longer does', async () => {
    const { id } = await createDraft();
    await ask('stadsmission', CONFIRM, { id, version: 1, actorId: A.ostergotlandsStadsmission });
    const declined = data(await ask('erikshjalpen', DECLINE, { id, version: 2, actorId: A.erikshjalpen, comment: 'Vi saknar ledare i höst.' }), 'declineAgreementParty');
    expect(answersOf(declined)[A.erikshjalpen]).toBe('DECLINED');
    expect(declined).toMatchObject({ version: 3, allPartiesConfirmed: false, awaitingAnswerFrom: [] });

    // The reason is read by the owner and the decliner, not by the other party.
    const comment = async (who: Who) =>
      data(await ask(who, READ, { id }), 'agreement').invitations.find((i: { actor: { id: string } }) => i.actor.id === A.erikshjalpen).comment;
    expect(await comment('ownerMember')).toBe('Vi saknar ledare i höst.');
    expect(await comment('erikshjalpen')).toBe('Vi saknar ledare i höst.');
    expect(await comment('stadsmission')).toBeNull();

    const blocked = await ask('owner', UPDATE, { id, version: 3, input: { status: 'ACTIVE' } });
    expect(errorCode(blocked)).toBe('PARTIES_NOT_CONFIRMED');
    expect(blocked.errors![0].extensions!.actorIds).toEqual([A.erikshjalpen]);

    // Only the owner invites again.
    expect(errorCode(await ask('erikshjalpen', REINVITE, { id, version: 3, actorId: A.erikshjalpen }))).toBe('FORBIDDEN');
    const reinvited = data(await ask('owner', REINVITE, { id, version: 3, actorId: A.erikshjalpen }), 'reinviteAgreementParty');
    expect(reinvited.invitations.find((i: { actor: { id: string } }) => i.actor.id === A.erikshjalpen)).toMatchObject({ answer: 'INVITED', answeredAt: null, comment: null });
    expect(reinvited.awaitingAnswerFrom).toEqual([{ id: A.erikshjalpen }]);
    await ask('erikshjalpen', CONFIRM, { id, version: 4, actorId: A.erikshjalpen });
    expect(data(await ask('owner', UPDATE, { id, version: 5, input: { status: 'ACTIVE' } }), 'updateAgreement')).toMatchObject({ status: 'ACTIVE', version: 6 });
    expect((await changeLog(id)).slice(1).map((e) => e.fields)).toEqual([['invitations'], ['invitations'], ['invitations'], ['invitations'], ['status']]);
  });

  it('records a withdrawal with its time and reason; the ACTIVE agreement then takes no update that keeps it ACTIVE until the party is removed', async () => {
    const { id, version } = await createAgreedAgreement(subgraph.query, headers.owner, draft({ status: 'ACTIVE' }));
    expect(errorCode(await ask('stadsmission', WITHDRAW, { id, version, actorId: A.ostergotlandsStadsmission, reason: '  ' }))).toBe('BAD_USER_INPUT');
    clock.set(new Date('2026-05-04T08:30:00Z'));
    const withdrawn = data(
      await ask('stadsmission', WITHDRAW, { id, version, actorId: A.ostergotlandsStadsmission, reason: 'Verksamheten läggs ned.' }),
      'withdrawFromAgreement',
    );
    expect(withdrawn).toMatchObject({ status: 'ACTIVE', version: version + 1, allPartiesConfirmed: false });
    expect(withdrawn.invitations.find((i: { actor: { id: string } }) => i.actor.id === A.ostergotlandsStadsmission)).toMatchObject({
      answer: 'WITHDRAWN',
      answeredAt: '2026-05-04T08:30:00.000Z',
      comment: 'Verksamheten läggs ned.',
    });
    expect((await changeLog(id)).at(-1)).toEqual({ action: 'UPDATED', fields: ['invitations'] });

    const before = await snapshot();
    const kept = await ask('owner', UPDATE, { id, version: version + 1, input: { title: 'IOP Läxhjälp i Skäggetorp 2026' } });
    expect(errorCode(kept)).toBe('PARTIES_NOT_CONFIRMED');
    expect(kept.errors![0].extensions!.actorIds).toEqual([A.ostergotlandsStadsmission]);
    expect(await snapshot()).toEqual(before);

    const removed = data(
      await ask('owner', UPDATE, { id, version: version + 1, input: { parties: PARTIES.filter((p) => p.actorId !== A.ostergotlandsStadsmission) } }),
      'updateAgreement',
    );
    expect(removed).toMatchObject({ status: 'ACTIVE', allPartiesConfirmed: true });
  });

  it('lets an agreement with a withdrawn party end or be terminated', async () => {
    const { id, version } = await createAgreedAgreement(subgraph.query, headers.owner, draft({ status: 'ACTIVE' }));
    await ask('erikshjalpen', WITHDRAW, { id, version, actorId: A.erikshjalpen, reason: 'Omorganisation.' });
    expect(data(await ask('owner', UPDATE, { id, version: version + 1, input: { status: 'TERMINATED' } }), 'updateAgreement')).toMatchObject({ status: 'TERMINATED' });
  });

  it("refuses to change a party's terms in an ACTIVE agreement unless it goes back to DRAFT in the same update, which invites the party again", async () => {
    const { id, version } = await createAgreedAgreement(subgraph.query, headers.owner, draft({ status: 'ACTIVE' }));
    const changed = PARTIES.map((p) => (p.actorId === A.erikshjalpen ? { ...p, responsibilities: 'Ordnar föräldraträffar och läxhjälp.' } : p));
    const before = await snapshot();
    const refused = await ask('owner', UPDATE, { id, version, input: { parties: changed } });
    expect(errorCode(refused)).toBe('PARTIES_NOT_CONFIRMED');
    expect(refused.errors![0].extensions!.actorIds).toEqual([A.erikshjalpen]);
    expect(await snapshot()).toEqual(before);
    const back = data(await ask('owner', UPDATE, { id, version, input: { parties: changed, status: 'DRAFT' } }), 'updateAgreement');
    expect(back).toMatchObject({ status: 'DRAFT', awaitingAnswerFrom: [{ id: A.erikshjalpen }] });
    expect(answersOf(back)[A.ostergotlandsStadsmission]).toBe('CONFIRMED');
  });

  it('refuses invalid transitions as BAD_USER_INPUT, writing nothing', async () => {
    const { id } = await createDraft();
    await ask('stadsmission', CONFIRM, { id, version: 1, actorId: A.ostergotlandsStadsmission });
    const before = await snapshot();
    const cases: Array<[Who, string, Record<string, unknown>]> = [
      ['stadsmission', CONFIRM, { actorId: A.ostergotlandsStadsmission }], // already CONFIRMED
      ['stadsmission', DECLINE, { actorId: A.ostergotlandsStadsmission }],
      ['erikshjalpen', WITHDRAW, { actorId: A.erikshjalpen, reason: 'Aldrig bekräftat.' }], // still INVITED
      ['owner', REINVITE, { actorId: A.erikshjalpen }], // has not declined
      ['owner', WITHDRAW, { actorId: A.linkopingsKommun, reason: 'Ägaren avslutar i stället.' }],
    ];
    for (const [who, mutation, variables] of cases) {
      const refused = await ask(who, mutation, { id, version: 2, ...variables });
      expect({ variables, code: errorCode(refused), fields: refused.errors?.[0].extensions?.fields }).toEqual({
        variables,
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'actorId' })],
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may answer', () => {
  it('refuses answering on behalf of another organisation (FORBIDDEN), by a member (FORBIDDEN), by the public (UNAUTHENTICATED), writing nothing', async () => {
    const { id } = await createDraft();
    const before = await snapshot();
    expect(errorCode(await ask('stadsmission', CONFIRM, { id, version: 1, actorId: A.erikshjalpen }))).toBe('FORBIDDEN');
    expect(errorCode(await ask('owner', CONFIRM, { id, version: 1, actorId: A.erikshjalpen }))).toBe('FORBIDDEN');
    expect(errorCode(await ask('stadsmissionMember', CONFIRM, { id, version: 1, actorId: A.ostergotlandsStadsmission }))).toBe('FORBIDDEN');
    expect(errorCode(await ask('public', CONFIRM, { id, version: 1, actorId: A.ostergotlandsStadsmission }))).toBe('UNAUTHENTICATED');
    // An organisation that may not see the (private) draft learns nothing of it.
    expect(errorCode(await ask('unrelated', CONFIRM, { id, version: 1, actorId: A.fryshuset }))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an organisation that is not named (BAD_USER_INPUT on actorId) and a stale version (VERSION_CONFLICT), writing nothing', async () => {
    const { id } = await createDraft({ visibility: 'NETWORK' });
    const before = await snapshot();
    const unnamed = await ask('unrelated', CONFIRM, { id, version: 1, actorId: A.fryshuset });
    expect(errorCode(unnamed)).toBe('BAD_USER_INPUT');
    expect(unnamed.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'actorId' })]);
    await ask('stadsmission', CONFIRM, { id, version: 1, actorId: A.ostergotlandsStadsmission });
    const afterConfirm = await snapshot();
    const stale = await ask('erikshjalpen', CONFIRM, { id, version: 1, actorId: A.erikshjalpen });
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(await snapshot()).toEqual(afterConfirm);
    expect(afterConfirm.changeLog[0].n).toBe(before.changeLog[0].n + 1);
  });
});

describe('what an invited organisation sees', () => {
  const LIST = `query($areaCode: ID!, $actorId: ID!, $id: ID!) {
    agreement(id: $id) { id invitations { actor { id } } }
    agreements(first: 100) { nodes { id } }
    _entities(representations: [{ __typename: "Area", code: $areaCode }, { __typename: "Actor", id: $actorId }, { __typename: "Agreement", id: $id }]) {
      ... on Area { agreements(first: 100) { id } }
      ... on Actor { agreements(first: 100) { id } }
      ... on Agreement { id awaitingAnswerFrom { id } }
    }
  }`;

  it('shows the draft that names it on every path, and nothing of it to an unrelated organisation or the public', async () => {
    const { id } = await createDraft({ title: 'Utkast som bara parterna ser' });
    const seen = async (who: Who) => {
      const response = await ask(who, LIST, { id, areaCode: AR.skaggetorp, actorId: A.erikshjalpen });
      expect(response.errors).toBeUndefined();
      const { agreement, agreements, _entities: [area, actor, entity] } = response.data!;
      return {
        agreement: agreement?.id ?? null,
        invitations: agreement?.invitations.length ?? null,
        list: agreements.nodes.some((n: { id: string }) => n.id === id),
        area: area.agreements.some((n: { id: string }) => n.id === id),
        actor: actor.agreements.some((n: { id: string }) => n.id === id),
        entity: entity?.id ?? null,
      };
    };
    const everywhere = { agreement: id, invitations: 3, list: true, area: true, actor: true, entity: id };
    const nowhere = { agreement: null, invitations: null, list: false, area: false, actor: false, entity: null };
    expect(await seen('erikshjalpen')).toEqual(everywhere);
    expect(await seen('stadsmissionMember')).toEqual(everywhere);
    expect(await seen('ownerMember')).toEqual(everywhere);
    expect(await seen('unrelated')).toEqual(nowhere);
    expect(await seen('public')).toEqual(nowhere);
  });

  it("lists in agreementInvitations exactly the viewer's organisation's invitations, newest first, with their agreements", async () => {
    clock.set(new Date('2026-06-01T08:00:00Z'));
    const older = await createDraft({ title: 'Äldre inbjudan' });
    clock.set(new Date('2026-06-02T08:00:00Z'));
    const newer = await createDraft({ title: 'Nyare inbjudan', parties: PARTIES.slice(0, 2) });
    const LIST_INVITATIONS = `query($answers: [PartyAnswer!], $first: Int) {
      agreementInvitations(answers: $answers, first: $first) { answer invitedAt comment actor { id } agreement { id title } } }`;
    const expected = (await subgraph.dataSource.query(
      `SELECT agreement_id, answer FROM agreement_invitations WHERE actor_id = $1 ORDER BY invited_at DESC, agreement_id`,
      [A.ostergotlandsStadsmission],
    )) as Array<{ agreement_id: string; answer: string }>;
    const listed = data(await ask('stadsmissionMember', LIST_INVITATIONS, { first: 200 }), 'agreementInvitations');
    expect(listed.map((i: { agreement: { id: string } }) => i.agreement.id)).toEqual(expected.map((r) => r.agreement_id));
    expect(listed.every((i: { actor: { id: string } }) => i.actor.id === A.ostergotlandsStadsmission)).toBe(true);
    expect(listed.slice(0, 2).map((i: { agreement: { title: string } }) => i.agreement.title)).toEqual(['Nyare inbjudan', 'Äldre inbjudan']);

    const invited = data(await ask('stadsmission', LIST_INVITATIONS, { answers: ['INVITED'], first: 2 }), 'agreementInvitations');
    expect(invited.map((i: { agreement: { id: string } }) => i.agreement.id)).toEqual([newer.id, older.id]);
    const erikshjalpens = data(await ask('erikshjalpen', LIST_INVITATIONS, { answers: ['INVITED'] }), 'agreementInvitations');
    expect(erikshjalpens.map((i: { agreement: { id: string } }) => i.agreement.id)).not.toContain(newer.id);
    expect(erikshjalpens.map((i: { agreement: { id: string } }) => i.agreement.id)).toContain(older.id);
    expect(data(await ask('unrelated', LIST_INVITATIONS, {}), 'agreementInvitations')).toEqual([]);
    expect(errorCode(await ask('public', LIST_INVITATIONS, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await ask('stadsmission', LIST_INVITATIONS, { first: 201 }))).toBe('BAD_USER_INPUT');
  });

  it('shows the invitations of a PUBLIC agreement to the public, without the answering organisations\' comments', async () => {
    const { id } = await createDraft({ title: 'Öppet utkast', visibility: 'PUBLIC' });
    await ask('stadsmission', DECLINE, { id, version: 1, actorId: A.ostergotlandsStadsmission, comment: 'Inte i år.' });
    const comments = async (who: Who) =>
      Object.fromEntries(data(await ask(who, READ, { id }), 'agreement').invitations.map((i: { actor: { id: string }; comment: string | null }) => [i.actor.id, i.comment]));
    expect(await comments('public')).toEqual({ [A.linkopingsKommun]: null, [A.ostergotlandsStadsmission]: null, [A.erikshjalpen]: null });
    expect(await comments('unrelated')).toEqual({ [A.linkopingsKommun]: null, [A.ostergotlandsStadsmission]: null, [A.erikshjalpen]: null });
    expect((await comments('stadsmissionMember'))[A.ostergotlandsStadsmission]).toBe('Inte i år.');
  });

  it('puts the agreement in the change feed of an invited organisation, not in that of an unrelated one', async () => {
    const end = data(await ask('erikshjalpen', '{ agreementFeedEnd }'), 'agreementFeedEnd');
    const { id } = await createDraft({ title: 'I flödet för parterna' });
    const FEED = `query($after: String) { agreementChanges(after: $after) { entries { id action } } }`;
    const entries = async (who: Who) => data(await ask(who, FEED, { after: end }), 'agreementChanges').entries as Array<{ id: string; action: string }>;
    expect(await entries('erikshjalpen')).toContainEqual({ id, action: 'CREATED' });
    expect(await entries('stadsmissionMember')).toContainEqual({ id, action: 'CREATED' });
    expect((await entries('unrelated')).map((e) => e.id)).not.toContain(id);
  });
});

describe('statements', () => {
  it('costs the same number of SQL statements for 2 agreements as for 20 with their invitations', async () => {
    for (let i = 0; i < 20; i++) await createDraft({ title: `Räknad ${String(i).padStart(2, '0')}`, visibility: 'PUBLIC' });
    const QUERY = `query($first: Int!) { agreements(first: $first, filter: { text: "Räknad" }) { nodes { id allPartiesConfirmed awaitingAnswerFrom { id }
      parties { answer actor { id } } invitations { answer comment invitedAt actor { id } } } } }`;
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (first: number) => {
        const response = await ask('stadsmission', QUERY, { first });
        expect(response.errors).toBeUndefined();
        expect(response.data!.agreements.nodes).toHaveLength(first);
        expect(response.data!.agreements.nodes[0].invitations).toHaveLength(3);
        return response.extensions!.sqlStatements as number;
      };
      expect(await statements(20)).toBe(await statements(2));

      const INVITED = `query($first: Int!) { agreementInvitations(first: $first) { answer comment actor { id }
        agreement { id title invitations { answer comment actor { id } } awaitingAnswerFrom { id } parties { answer } } } }`;
      const invitationStatements = async (first: number) => {
        const response = await ask('stadsmission', INVITED, { first });
        expect(response.errors).toBeUndefined();
        expect(response.data!.agreementInvitations).toHaveLength(first);
        return response.extensions!.sqlStatements as number;
      };
      expect(await invitationStatements(20)).toBe(await invitationStatements(2));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('a closed agreement', () => {
  it('takes no more answers: confirming, declining, withdrawing or re-inviting on a TERMINATED agreement is RECORD_CLOSED, writing nothing', async () => {
    const created = await createDraft({ title: 'Avbrutet utkast' });
    // Erikshjälpen confirms, Östergötlands stadsmission declines; then the owner stops it.
    const confirmed = data(await ask('erikshjalpen', CONFIRM, { id: created.id, version: created.version, actorId: A.erikshjalpen }), 'confirmAgreementParty');
    const declined = data(await ask('stadsmission', DECLINE, { id: created.id, version: confirmed.version, actorId: A.ostergotlandsStadsmission }), 'declineAgreementParty');
    const { version } = data(await ask('owner', UPDATE, { id: created.id, version: declined.version, input: { status: 'TERMINATED' } }), 'updateAgreement');
    const before = await snapshot();
    const attempts: Array<[Who, string, Record<string, unknown>]> = [
      ['stadsmission', CONFIRM, { actorId: A.ostergotlandsStadsmission }],
      ['erikshjalpen', WITHDRAW, { actorId: A.erikshjalpen, reason: 'Verksamheten är nedlagd.' }],
      ['owner', REINVITE, { actorId: A.ostergotlandsStadsmission }],
    ];
    for (const [who, mutation, variables] of attempts) {
      expect(errorCode(await ask(who, mutation, { id: created.id, version, ...variables }))).toBe('RECORD_CLOSED');
    }
    expect(await snapshot()).toEqual(before);
  });
});

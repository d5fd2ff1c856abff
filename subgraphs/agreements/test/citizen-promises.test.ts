import { Role } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, DEMO_CITIZEN_PROMISE as P, demoCalendar } from '@samverkan/demo';
import { bearer, errorCode, GraphQLResponse, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { demoCommitments, demoConsultations, demoFollowUps } from '../src/demo/seed-citizen-promise';

/**
 * Citizen promises (issue 14): commitments with an owner party, indicator and target; the
 * consultations behind a promise; follow-up reports per commitment as an exact series; who may
 * write them; and that they are seen exactly where their agreement is.
 */
const WHO = {
  public: null,
  /** Lokalpolisområde Rinkeby: owns the demo promise and the promise made here. */
  policeOfficer: PEOPLE.policeOfficer,
  /** Rinkeby-Kista stadsdelsförvaltning: a named party, owner of some commitments. */
  municipalityOfficial: PEOPLE.municipalityOfficial,
  municipalityMember: { organisationId: A.rinkebyKistaStadsdel, roles: [Role.MEMBER] },
  /** Mamma United: a named party that owns no commitment. */
  mammaUnitedCoordinator: { organisationId: A.mammaUnited, roles: [Role.COORDINATOR] },
  /** Fryshuset: named nowhere. */
  ngoCoordinator: PEOPLE.ngoCoordinator,
} as const;
type Who = keyof typeof WHO;

const calendar = demoCalendar();
let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;
const as = (who: Who) => headers[who];

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles], { subject: who }) : {};
  }
});
afterAll(() => subgraph?.stop());

const db = () => subgraph.dataSource;
const ok = <T>(response: GraphQLResponse<T>) => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};

/** Everything a refused mutation must leave as it was. */
const snapshot = async () => ({
  agreements: await db().query('SELECT id, version, status, updated_at FROM agreements ORDER BY id'),
  commitments: await db().query('SELECT * FROM promise_commitments ORDER BY id'),
  consultations: await db().query('SELECT * FROM promise_consultations ORDER BY id'),
  followUps: await db().query('SELECT * FROM commitment_follow_ups ORDER BY id'),
  changeLog: (await db().query('SELECT count(*)::int AS n FROM change_log'))[0].n,
});

const ADD_COMMITMENT = `mutation($id: ID!, $version: Int!, $input: AddCommitmentInput!) {
  addCommitment(agreementId: $id, agreementVersion: $version, input: $input) { id version commitments { id title ownerParty { id } } } }`;
const UPDATE_COMMITMENT = `mutation($id: ID!, $version: Int!, $input: UpdateCommitmentInput!) {
  updateCommitment(commitmentId: $id, agreementVersion: $version, input: $input) { id version } }`;
const REMOVE_COMMITMENT = `mutation($id: ID!, $version: Int!) { removeCommitment(commitmentId: $id, agreementVersion: $version) { id version } }`;
const ADD_CONSULTATION = `mutation($id: ID!, $version: Int!, $input: AddConsultationInput!) {
  addPromiseConsultation(agreementId: $id, agreementVersion: $version, input: $input) { id version consultations { id } } }`;
const UPDATE_CONSULTATION = `mutation($id: ID!, $version: Int!, $input: UpdateConsultationInput!) {
  updatePromiseConsultation(consultationId: $id, agreementVersion: $version, input: $input) { id version } }`;
const REMOVE_CONSULTATION = `mutation($id: ID!, $version: Int!) { removePromiseConsultation(consultationId: $id, agreementVersion: $version) { id version } }`;
const REPORT = `mutation($id: ID!, $version: Int!, $input: CommitmentFollowUpInput!) {
  reportCommitmentFollowUp(commitmentId: $id, agreementVersion: $version, input: $input) { id version } }`;

const versionOf = async (agreementId: string): Promise<number> => (await db().query('SELECT version FROM agreements WHERE id = $1', [agreementId]))[0].version;

/** A citizen promise of Lokalpolisområde Rinkeby, private to it (OWNER), naming the city district and Mamma United (invited). */
async function privatePromise(title: string): Promise<string> {
  const data = ok(
    await subgraph.query(
      `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
      {
        input: {
          title,
          kind: 'CITIZEN_PROMISE',
          status: 'DRAFT',
          startsOn: calendar.yearStart(0),
          endsOn: calendar.yearEnd(0),
          visibility: 'OWNER',
          parties: [
            { actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' },
            { actorId: A.rinkebyKistaStadsdel, role: 'ACCOUNTABLE' },
            { actorId: A.mammaUnited, role: 'IMPLEMENTING' },
          ],
          areaCodes: [AR.rinkebyKista],
        },
      },
      as('policeOfficer'),
    ),
  );
  return data.createAgreement.id;
}

const commitmentInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Fler vuxna ute kvällstid',
  ownerPartyId: A.rinkebyKistaStadsdel,
  indicator: 'Kvällar per vecka med vuxennärvaro',
  unit: 'kvällar per vecka',
  baseline: 1,
  target: 4,
  ...overrides,
});

const consultationInput = (overrides: Record<string, unknown> = {}) => ({
  heldOn: calendar.days(-30),
  areaCode: AR.rinkebyKista,
  method: 'YOUTH_COUNCIL',
  participants: 20,
  youngParticipants: 15,
  youngAgeMin: 14,
  youngAgeMax: 18,
  themes: ['Trygghet vid torget'],
  summary: 'Ungdomsrådet vill ha fler vuxna ute.',
  ...overrides,
});

/** Adds a commitment as the promise's owner and returns its id. */
async function addCommitment(agreementId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = ok(await subgraph.query(ADD_COMMITMENT, { id: agreementId, version: await versionOf(agreementId), input: commitmentInput(overrides) }, as('policeOfficer')));
  return data.addCommitment.commitments.at(-1).id;
}

describe('the demo promise', () => {
  it('has its consultations, commitments and follow-ups as seeded, for everyone', async () => {
    const data = ok(
      await subgraph.query(
        `query($id: ID!) { agreement(id: $id) {
          commitments { id position title indicator unit baseline target targetText ownerParty { id }
            followUps { id reportedOn periodFrom periodTo status indicatorValue comment reportedBy { id } }
            latestFollowUp { id } progress { value reportedOn shareOfTarget } }
          consultations { id heldOn area { code } method participants youngParticipants youngAgeMin youngAgeMax themes summary } } }`,
        { id: G.medborgarloftRinkebyKista },
        as('public'),
      ),
    );
    const commitments = demoCommitments();
    const followUps = demoFollowUps(calendar);
    expect(data.agreement.commitments.map((c: { id: string }) => c.id)).toEqual([P.commitments.adultPresence, P.commitments.safetyWalks, P.commitments.youthSafety]);
    expect(data.agreement.commitments.map((c: { ownerParty: { id: string } }) => c.ownerParty.id)).toEqual([A.rinkebyKistaStadsdel, A.lpoRinkeby, A.lpoRinkeby]);
    for (const [i, seeded] of commitments.entries()) {
      const shown = data.agreement.commitments[i];
      const { id, position, title, indicator, unit, baseline, target, targetText } = seeded;
      expect(shown).toMatchObject({ id, position, title, indicator, unit, baseline, target, targetText });
      const series = followUps.filter((f) => f.commitmentId === id).sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
      expect(shown.followUps).toEqual(
        series.map((f) => ({
          id: f.id,
          reportedOn: f.reportedOn,
          periodFrom: f.periodFrom,
          periodTo: f.periodTo,
          status: f.status,
          indicatorValue: f.indicatorValue,
          comment: f.comment,
          reportedBy: { id: seeded.ownerPartyId },
        })),
      );
      expect(shown.latestFollowUp).toEqual(series.length ? { id: series.at(-1)!.id } : null);
      const measured = series.filter((f) => f.indicatorValue !== null).at(-1);
      expect(shown.progress).toEqual(
        measured
          ? { value: measured.indicatorValue, reportedOn: measured.reportedOn, shareOfTarget: (measured.indicatorValue! - baseline!) / (target! - baseline!) }
          : null,
      );
    }
    // Two follow-ups per commitment once six months of the promise have passed (reported on 10 July).
    if (calendar.today > `${calendar.yearStart(0).slice(0, 4)}-07-10`) expect(followUps).toHaveLength(6);
    // Newest first, held before the promise started, in Rinkeby-Kista, with young people heard.
    const consultations = demoConsultations(calendar).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
    expect(data.agreement.consultations).toEqual(
      consultations.map(({ id, heldOn, areaCode, method, participants, youngParticipants, youngAgeMin, youngAgeMax, themes, summary }) => ({
        id, heldOn, area: { code: areaCode }, method, participants, youngParticipants, youngAgeMin, youngAgeMax, themes, summary,
      })),
    );
    expect(consultations.map((c) => c.method).sort()).toEqual(['DIALOGUE_MEETING', 'SURVEY']);
    for (const c of consultations) expect(c.heldOn < calendar.yearStart(0)).toBe(true);
  });

  it('is seeded once: seeding again, also on a later day, writes nothing', async () => {
    const before = await snapshot();
    await seedDemoData(db(), calendar);
    await seedDemoData(db(), demoCalendar(calendar.days(200)));
    expect(await snapshot()).toEqual(before);
  });

  it('resolves a Commitment through _entities, with its agreement', async () => {
    const data = ok(
      await subgraph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Commitment { id title agreement { id } } } }`,
        { r: [{ __typename: 'Commitment', id: P.commitments.safetyWalks }, { __typename: 'Commitment', id: '00000000-0000-4000-8000-000000000000' }, { __typename: 'Commitment', id: 'nope' }] },
      ),
    );
    expect(data._entities).toEqual([{ id: P.commitments.safetyWalks, title: demoCommitments()[1].title, agreement: { id: G.medborgarloftRinkebyKista } }, null, null]);
  });
});

describe('follow-up series', () => {
  it('is exactly what was reported, oldest first (same day: in the order recorded), with the newest as latest and the progress from the newest value', async () => {
    const promise = await privatePromise('Serie');
    const commitmentId = await addCommitment(promise, { baseline: 10, target: 30 });
    const reports = [
      { reportedOn: calendar.days(-60), status: 'ON_TRACK', indicatorValue: 14, comment: 'Första' },
      { reportedOn: calendar.days(-90), status: 'NOT_STARTED', indicatorValue: 10, periodFrom: calendar.days(-120), periodTo: calendar.days(-91) },
      { reportedOn: calendar.days(-60), status: 'AT_RISK', indicatorValue: 12.5, comment: 'Rättelse av första: fel värde' },
      { reportedOn: calendar.days(-10), status: 'ON_TRACK', indicatorValue: null, comment: 'Inget mätt denna gång' },
    ];
    for (const input of reports) {
      ok(await subgraph.query(REPORT, { id: commitmentId, version: await versionOf(promise), input }, as('policeOfficer')));
    }
    const data = ok(
      await subgraph.query(
        `query($id: ID!) { agreement(id: $id) { commitments { followUps { reportedOn periodFrom periodTo status indicatorValue comment reportedBy { id } } latestFollowUp { reportedOn comment } progress { value reportedOn shareOfTarget } } } }`,
        { id: promise },
        as('policeOfficer'),
      ),
    );
    const [commitment] = data.agreement.commitments;
    const expected = [reports[1], reports[0], reports[2], reports[3]].map((r) => ({
      reportedOn: r.reportedOn,
      periodFrom: r.periodFrom ?? null,
      periodTo: r.periodTo ?? null,
      status: r.status,
      indicatorValue: r.indicatorValue,
      comment: r.comment ?? null,
      reportedBy: { id: A.lpoRinkeby },
    }));
    expect(commitment.followUps).toEqual(expected);
    expect(commitment.latestFollowUp).toEqual({ reportedOn: reports[3].reportedOn, comment: reports[3].comment });
    // The newest value is the correction's: (12.5 − 10) / (30 − 10).
    expect(commitment.progress).toEqual({ value: 12.5, reportedOn: reports[2].reportedOn, shareOfTarget: 0.125 });
    // `first` bounds the series from its start.
    const firstTwo = ok(await subgraph.query(`query($id: ID!) { agreement(id: $id) { commitments { followUps(first: 2) { indicatorValue } } } }`, { id: promise }, as('policeOfficer')));
    expect(firstTwo.agreement.commitments[0].followUps).toEqual([{ indicatorValue: 10 }, { indicatorValue: 14 }]);
  });

  it('refuses a report on a closed promise with RECORD_CLOSED, writing nothing', async () => {
    for (const status of ['ENDED', 'TERMINATED']) {
      const promise = await privatePromise(`Stängt ${status}`);
      const commitmentId = await addCommitment(promise);
      await db().query('UPDATE agreements SET status = $2 WHERE id = $1', [promise, status]);
      const before = await snapshot();
      const response = await subgraph.query(REPORT, { id: commitmentId, version: await versionOf(promise), input: { status: 'ACHIEVED', indicatorValue: 4 } }, as('policeOfficer'));
      expect(errorCode(response)).toBe('RECORD_CLOSED');
      expect(await snapshot()).toEqual(before);
    }
  });

  it('lets the commitment owner party report; another party, a member, or the unrelated may not', async () => {
    const promise = await privatePromise('Vem rapporterar');
    const ownedByDistrict = await addCommitment(promise, { ownerPartyId: A.rinkebyKistaStadsdel });
    const ownedByPolice = await addCommitment(promise, { ownerPartyId: A.lpoRinkeby, title: 'Polisens åtagande' });
    const report = async (who: Who, id: string) => subgraph.query(REPORT, { id, version: await versionOf(promise), input: { status: 'ON_TRACK' } }, as(who));
    ok(await report('municipalityOfficial', ownedByDistrict));
    const [written] = await db().query('SELECT reported_by_id FROM commitment_follow_ups WHERE commitment_id = $1', [ownedByDistrict]);
    expect(written.reported_by_id).toBe(A.rinkebyKistaStadsdel);
    // The promise's owner reports on any commitment.
    ok(await report('policeOfficer', ownedByDistrict));
    const before = await snapshot();
    for (const [who, id, code] of [
      ['municipalityOfficial', ownedByPolice, 'FORBIDDEN'],
      ['municipalityMember', ownedByDistrict, 'FORBIDDEN'],
      ['mammaUnitedCoordinator', ownedByDistrict, 'FORBIDDEN'],
      ['ngoCoordinator', ownedByDistrict, 'NOT_FOUND'],
      ['public', ownedByDistrict, 'UNAUTHENTICATED'],
    ] as Array<[Who, string, string]>) {
      expect([who, errorCode(await report(who, id))]).toEqual([who, code]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('refused input writes nothing', () => {
  let promise: string;
  let commitmentId: string;
  let consultationId: string;
  beforeAll(async () => {
    promise = await privatePromise('Regler');
    commitmentId = await addCommitment(promise);
    const data = ok(await subgraph.query(ADD_CONSULTATION, { id: promise, version: await versionOf(promise), input: consultationInput() }, as('policeOfficer')));
    consultationId = data.addPromiseConsultation.consultations[0].id;
    ok(await subgraph.query(REPORT, { id: commitmentId, version: await versionOf(promise), input: { status: 'ON_TRACK' } }, as('policeOfficer')));
  });

  const PIN = '850709-9805';
  it.each([
    ['a commitment without owner', ADD_COMMITMENT, () => ({ id: promise, input: { title: 'Utan ägare', indicator: 'x', target: 1 } }), 'BAD_USER_INPUT', undefined],
    ['a commitment whose owner is not a party', ADD_COMMITMENT, () => ({ id: promise, input: commitmentInput({ ownerPartyId: A.fryshuset }) }), 'BAD_USER_INPUT', 'ownerPartyId'],
    ['a commitment without a target', ADD_COMMITMENT, () => ({ id: promise, input: commitmentInput({ target: null }) }), 'BAD_USER_INPUT', 'target'],
    ['a commitment on an agreement that is not a citizen promise', ADD_COMMITMENT, () => ({ id: G.rattKurvaJarva, input: commitmentInput({ ownerPartyId: A.lpoRinkeby }) }), 'BAD_USER_INPUT', 'agreementId'],
    ['clearing the owner of a commitment', UPDATE_COMMITMENT, () => ({ id: commitmentId, input: { ownerPartyId: null } }), 'BAD_USER_INPUT', 'ownerPartyId'],
    ['an owner that is not a party, on update', UPDATE_COMMITMENT, () => ({ id: commitmentId, input: { ownerPartyId: A.fryshuset } }), 'BAD_USER_INPUT', 'ownerPartyId'],
    ['clearing the only target', UPDATE_COMMITMENT, () => ({ id: commitmentId, input: { target: null } }), 'BAD_USER_INPUT', 'target'],
    ['removing a commitment with follow-ups', REMOVE_COMMITMENT, () => ({ id: commitmentId }), 'BAD_USER_INPUT', 'commitmentId'],
    ['a consultation on an agreement that is not a citizen promise', ADD_CONSULTATION, () => ({ id: G.rattKurvaJarva, input: consultationInput() }), 'BAD_USER_INPUT', 'agreementId'],
    ['more young participants than participants', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ participants: 3, youngParticipants: 4 }) }), 'BAD_USER_INPUT', 'youngParticipants'],
    ['an age span upside down', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ youngAgeMin: 18, youngAgeMax: 13 }) }), 'BAD_USER_INPUT', 'youngAgeMax'],
    ['a consultation outside the promise\'s areas', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ areaCode: AR.gottsunda }) }), 'BAD_USER_INPUT', 'areaCode'],
    ['an unknown area', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ areaCode: '0180-finns-inte' }) }), 'BAD_USER_INPUT', 'areaCode'],
    ['a consultation in the future', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ heldOn: calendar.days(2) }) }), 'BAD_USER_INPUT', 'heldOn'],
    ['a personal identity number in a theme', ADD_CONSULTATION, () => ({ id: promise, input: consultationInput({ themes: ['Trygghet', `Gäller ${PIN}`] }) }), 'BAD_USER_INPUT', 'themes.1'],
    ['a personal identity number in a summary, on update', UPDATE_CONSULTATION, () => ({ id: consultationId, input: { summary: `Kontakt ${PIN}` } }), 'BAD_USER_INPUT', 'summary'],
    ['more young participants than participants, on update', UPDATE_CONSULTATION, () => ({ id: consultationId, input: { participants: 1 } }), 'BAD_USER_INPUT', 'youngParticipants'],
    ['a personal identity number in a follow-up comment', REPORT, () => ({ id: commitmentId, input: { status: 'ON_TRACK', comment: PIN } }), 'BAD_USER_INPUT', 'comment'],
    ['a follow-up reported in the future', REPORT, () => ({ id: commitmentId, input: { status: 'ON_TRACK', reportedOn: calendar.days(1) } }), 'BAD_USER_INPUT', 'reportedOn'],
    ['a follow-up period upside down', REPORT, () => ({ id: commitmentId, input: { status: 'ON_TRACK', periodFrom: calendar.days(-5), periodTo: calendar.days(-10) } }), 'BAD_USER_INPUT', 'periodTo'],
  ] as Array<[string, string, () => Record<string, unknown>, string, string | undefined]>)('refuses %s', async (_case, mutation, variables, code, field) => {
    const given = variables();
    const before = await snapshot();
    const agreementId = given.id === commitmentId || given.id === consultationId ? promise : (given.id as string);
    const response = await subgraph.query(mutation, { ...given, version: await versionOf(agreementId) }, as('policeOfficer'));
    expect(errorCode(response)).toBe(code);
    if (field) expect(response.errors![0].extensions!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(JSON.stringify(response.errors)).not.toContain('9805');
    expect(await snapshot()).toEqual(before);
  });
});

describe('every mutation', () => {
  /**
   * From a version older than the one read, VERSION_CONFLICT and nothing written; from the version
   * read, success, making the agreement one version newer with one change-log entry naming `field`.
   */
  async function expectOneChange(agreementId: string, mutation: string, variables: Record<string, unknown>, field: string) {
    const read = await versionOf(agreementId);
    expect(read).toBeGreaterThan(1);
    const before = await snapshot();
    const stale = await subgraph.query(mutation, { ...variables, version: read - 1 }, as('policeOfficer'));
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    expect(await snapshot()).toEqual(before);
    const first = await subgraph.query(mutation, { ...variables, version: read }, as('policeOfficer'));
    expect(first.errors).toBeUndefined();
    const [returned] = Object.values(first.data!) as Array<{ id: string; version: number }>;
    expect(returned).toMatchObject({ id: agreementId, version: read + 1 });
    expect(await versionOf(agreementId)).toBe(read + 1);
    const [entry] = await db().query('SELECT entity_type, action, organisation_id, fields FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1', [agreementId]);
    expect(entry).toEqual({ entity_type: 'Agreement', action: 'UPDATED', organisation_id: A.lpoRinkeby, fields: [field] });
    expect((await snapshot()).changeLog).toBe(before.changeLog + 1);
    return first.data!;
  }

  it('bumps the version, writes the change log, and refuses a stale version', async () => {
    const promise = await privatePromise('Varje ändring');
    // A second version, so that there is an older one to be stale with.
    ok(await subgraph.query(`mutation($id: ID!) { updateAgreement(id: $id, version: 1, input: { description: "Löftet" }) { version } }`, { id: promise }, as('policeOfficer')));
    const added = await expectOneChange(promise, ADD_COMMITMENT, { id: promise, input: commitmentInput() }, 'commitments');
    const commitmentId = added.addCommitment.commitments[0].id;
    await expectOneChange(promise, UPDATE_COMMITMENT, { id: commitmentId, input: { title: 'Nytt namn', ownerPartyId: A.lpoRinkeby, targetText: 'Fyra kvällar', target: null } }, 'commitments');
    const [row] = await db().query('SELECT title, owner_party_id, target, target_text FROM promise_commitments WHERE id = $1', [commitmentId]);
    expect(row).toEqual({ title: 'Nytt namn', owner_party_id: A.lpoRinkeby, target: null, target_text: 'Fyra kvällar' });
    const consulted = await expectOneChange(promise, ADD_CONSULTATION, { id: promise, input: consultationInput() }, 'consultations');
    const consultationId = consulted.addPromiseConsultation.consultations[0].id;
    await expectOneChange(promise, UPDATE_CONSULTATION, { id: consultationId, input: { participants: 30, themes: ['Belysning'] } }, 'consultations');
    const [consultation] = await db().query('SELECT participants, young_participants, themes FROM promise_consultations WHERE id = $1', [consultationId]);
    expect(consultation).toEqual({ participants: 30, young_participants: 15, themes: ['Belysning'] });
    await expectOneChange(promise, REMOVE_CONSULTATION, { id: consultationId }, 'consultations');
    await expectOneChange(promise, REPORT, { id: commitmentId, input: { status: 'ON_TRACK', indicatorValue: 2 } }, 'followUps');
    const spare = await addCommitment(promise, { title: 'Tas bort' });
    await expectOneChange(promise, REMOVE_COMMITMENT, { id: spare }, 'commitments');
    expect(await db().query('SELECT id FROM promise_commitments WHERE agreement_id = $1', [promise])).toEqual([{ id: commitmentId }]);
  });

  it('is NOT_FOUND for those who may not see the promise and FORBIDDEN for a named party that does not own it', async () => {
    const promise = await privatePromise('Vem ändrar');
    const commitmentId = await addCommitment(promise);
    const data = ok(await subgraph.query(ADD_CONSULTATION, { id: promise, version: await versionOf(promise), input: consultationInput() }, as('policeOfficer')));
    const consultationId = data.addPromiseConsultation.consultations[0].id;
    const before = await snapshot();
    const version = await versionOf(promise);
    const attempts: Array<[string, Record<string, unknown>]> = [
      [ADD_COMMITMENT, { id: promise, input: commitmentInput() }],
      [UPDATE_COMMITMENT, { id: commitmentId, input: { title: 'Kapad' } }],
      [REMOVE_COMMITMENT, { id: commitmentId }],
      [ADD_CONSULTATION, { id: promise, input: consultationInput() }],
      [UPDATE_CONSULTATION, { id: consultationId, input: { participants: 99 } }],
      [REMOVE_CONSULTATION, { id: consultationId }],
    ];
    for (const [mutation, variables] of attempts) {
      for (const [who, code] of [['municipalityOfficial', 'FORBIDDEN'], ['mammaUnitedCoordinator', 'FORBIDDEN'], ['ngoCoordinator', 'NOT_FOUND']] as Array<[Who, string]>) {
        expect([mutation.slice(0, 60), who, errorCode(await subgraph.query(mutation, { ...variables, version }, as(who)))]).toEqual([mutation.slice(0, 60), who, code]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('who sees citizen promises', () => {
  const FIELDS = 'id commitments { id followUps { id } latestFollowUp { id } progress { value } } consultations { id }';
  let hidden: string;
  let hiddenCommitment: string;
  beforeAll(async () => {
    hidden = await privatePromise('Privat löfte');
    hiddenCommitment = await addCommitment(hidden, { baseline: 0, target: 2 });
    ok(await subgraph.query(ADD_CONSULTATION, { id: hidden, version: await versionOf(hidden), input: consultationInput() }, as('policeOfficer')));
    ok(await subgraph.query(REPORT, { id: hiddenCommitment, version: await versionOf(hidden), input: { status: 'ON_TRACK', indicatorValue: 1 } }, as('policeOfficer')));
  });


  /** What a person sees of a promise on every path: the root field, the list, an area's and an actor's agreements, `_entities` of the Agreement and of a Commitment. */
  async function onEveryPath(who: Who, agreementId: string, commitmentId: string) {
    const pick = (nodes: Shown[]) => nodes.find((n) => n.id === agreementId) ?? null;
    const root = ok(await subgraph.query(`query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`, { id: agreementId }, as(who)));
    const list = ok(await subgraph.query(`{ agreements(filter: { kinds: [CITIZEN_PROMISE] }, first: 100) { nodes { ${FIELDS} } } }`, {}, as(who)));
    const entities = ok(
      await subgraph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Area { agreements(first: 100) { ${FIELDS} } }
          ... on Actor { agreements(first: 100) { ${FIELDS} } }
          ... on Agreement { ${FIELDS} }
          ... on Commitment { id followUps { id } agreement { id } } } }`,
        { r: [{ __typename: 'Area', code: AR.rinkebyKista }, { __typename: 'Actor', id: A.rinkebyKistaStadsdel }, { __typename: 'Agreement', id: agreementId }, { __typename: 'Commitment', id: commitmentId }] },
        as(who),
      ),
    );
    const [area, actor, agreement, commitment] = entities._entities;
    return {
      paths: [root.agreement, pick(list.agreements.nodes), pick(area.agreements), pick(actor.agreements), agreement] as Array<Shown | null>,
      commitment,
    };
  }

  it.each([
    ['the public, on the PUBLIC demo promise', 'public', 'demo', true],
    ['an unrelated organisation, on the PUBLIC demo promise', 'ngoCoordinator', 'demo', true],
    ['the owner, on its OWNER promise', 'policeOfficer', 'hidden', true],
    ['a named party still invited, on an OWNER promise', 'mammaUnitedCoordinator', 'hidden', true],
    ['a named party owning a commitment, on an OWNER promise', 'municipalityOfficial', 'hidden', true],
    ['the public, on an OWNER promise', 'public', 'hidden', false],
    ['an unrelated organisation, on an OWNER promise', 'ngoCoordinator', 'hidden', false],
  ] as Array<[string, Who, 'demo' | 'hidden', boolean]>)('%s: sees its commitments, consultations and follow-ups on every path: %s', async (_case, who, which, sees) => {
    const [agreementId, commitmentId] = which === 'demo' ? [G.medborgarloftRinkebyKista, P.commitments.safetyWalks] : [hidden, hiddenCommitment];
    const { paths, commitment } = await onEveryPath(who, agreementId, commitmentId);
    // What the owner sees is the full record.
    const full = (await onEveryPath('policeOfficer', agreementId, commitmentId)).paths[0]!;
    expect(full.commitments.length).toBeGreaterThan(0);
    expect(full.consultations.length).toBeGreaterThan(0);
    expect(full.commitments.some((c) => c.followUps.length > 0 && c.latestFollowUp && c.progress)).toBe(true);
    for (const shown of paths) expect(shown).toEqual(sees ? full : null);
    expect(commitment).toEqual(sees ? { id: commitmentId, followUps: full.commitments.find((c) => c.id === commitmentId)!.followUps, agreement: { id: agreementId } } : null);
  });
});

describe('statements', () => {
  /** Inserts `n` PUBLIC citizen promises, each with two commitments of three follow-ups and two consultations. */
  async function insertPromises(n: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const [{ id }] = await db().query(
        `INSERT INTO agreements (title, kind, status, starts_on, version, owner_id, visibility) VALUES ($1, 'CITIZEN_PROMISE', 'ACTIVE', $2, 1, $3, 'PUBLIC') RETURNING id`,
        [`${tag} ${String(i).padStart(2, '0')}`, calendar.yearStart(0), A.lpoRinkeby],
      );
      await db().query(`INSERT INTO agreement_parties (agreement_id, actor_id, role) VALUES ($1, $2, 'ACCOUNTABLE')`, [id, A.lpoRinkeby]);
      await db().query(`INSERT INTO agreement_areas (agreement_id, area_code) VALUES ($1, $2)`, [id, AR.rinkebyKista]);
      for (let c = 1; c <= 2; c++) {
        const [commitment] = await db().query(
          `INSERT INTO promise_commitments (agreement_id, position, title, owner_party_id, indicator, baseline, target) VALUES ($1, $2, 'Åtagande', $3, 'Antal', 0, 10) RETURNING id`,
          [id, c, A.lpoRinkeby],
        );
        for (let f = 1; f <= 3; f++) {
          await db().query(`INSERT INTO commitment_follow_ups (commitment_id, reported_on, status, indicator_value, reported_by_id) VALUES ($1, $2, 'ON_TRACK', $3, $4)`, [
            commitment.id,
            calendar.days(-10 * f),
            f,
            A.lpoRinkeby,
          ]);
        }
      }
      for (let k = 1; k <= 2; k++) {
        await db().query(
          `INSERT INTO promise_consultations (agreement_id, held_on, area_code, method, participants, young_participants, themes) VALUES ($1, $2, $3, 'SURVEY', 10, 5, '{Trygghet}')`,
          [id, calendar.days(-100 - k), AR.rinkebyKista],
        );
      }
      ids.push(id);
    }
    return ids;
  }

  it('are the same for 2 and for 20 promises with commitments, follow-ups and consultations, and for 2 and 20 commitments by reference', async () => {
    await insertPromises(2, 'Räkning två');
    await insertPromises(20, 'Räkning tjugo');
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (text: string, expected: number) => {
        const response = await subgraph.query(
          `query($text: String!) { agreements(filter: { text: $text }, first: 100) { nodes { id
            commitments { id ownerParty { id } followUps { indicatorValue reportedBy { id } } latestFollowUp { id } progress { value shareOfTarget } agreement { id } }
            consultations(first: 5) { id area { code } } } } }`,
          { text },
          as('ngoCoordinator'),
        );
        expect(response.errors).toBeUndefined();
        const nodes = response.data!.agreements.nodes;
        expect(nodes).toHaveLength(expected);
        for (const node of nodes) {
          expect(node.commitments).toHaveLength(2);
          for (const c of node.commitments) expect(c.followUps.map((f: { indicatorValue: number }) => f.indicatorValue)).toEqual([3, 2, 1]);
          expect(node.consultations).toHaveLength(2);
        }
        return { statements: response.extensions!.sqlStatements as number, commitments: nodes.flatMap((n: Shown) => n.commitments.map((c) => c.id)) as string[] };
      };
      const two = await statements('Räkning två', 2);
      const twenty = await statements('Räkning tjugo', 20);
      expect(twenty.statements).toBe(two.statements);
      const byReference = async (ids: string[]) => {
        const response = await subgraph.query(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Commitment { id followUps { id } latestFollowUp { id } agreement { id } } } }`,
          { r: ids.map((id) => ({ __typename: 'Commitment', id })) },
          as('ngoCoordinator'),
        );
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities.every((e: unknown) => e !== null)).toBe(true);
        return response.extensions!.sqlStatements as number;
      };
      expect(await byReference(twenty.commitments.slice(0, 20))).toBe(await byReference(two.commitments.slice(0, 2)));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

/** An agreement as the visibility and statement tests select it. */
type Shown = { id: string; commitments: Array<{ id: string; followUps: unknown[]; latestFollowUp: unknown; progress: unknown }>; consultations: unknown[] };

describe('the promise as a whole', () => {
  it('refuses a change of the parties that would leave a commitment without its owner, writing nothing', async () => {
    const id = await privatePromise('Löfte där en ägare tas bort');
    ok(await subgraph.query(ADD_COMMITMENT, { id, version: await versionOf(id), input: commitmentInput() }, as('policeOfficer')));
    const before = await snapshot();
    const response = await subgraph.query(
      `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { version } }`,
      { id, version: await versionOf(id), input: { parties: [{ actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' }, { actorId: A.mammaUnited, role: 'IMPLEMENTING' }] } },
      as('policeOfficer'),
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'parties' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('carries the commitments, not their follow-ups or consultations, over to a renewal', async () => {
    const [promise] = await db().query(`SELECT id, version, ends_on::text AS "endsOn", owner_id FROM agreements WHERE id = $1`, [G.medborgarloftRinkebyKista]);
    expect(promise.owner_id).toBe(A.lpoRinkeby);
    const renewed = ok(
      await subgraph.query(
        `mutation($id: ID!, $version: Int!, $input: RenewAgreementInput!) { renewAgreement(id: $id, version: $version, input: $input) {
          id commitments { title indicator target targetText ownerParty { id } followUps { id } } consultations { id } } }`,
        { id: promise.id, version: promise.version, input: { startsOn: calendar.days(1, promise.endsOn) } },
        as('policeOfficer'),
      ),
    ).renewAgreement;
    const previous = ok(
      await subgraph.query(
        `query($id: ID!) { agreement(id: $id) { commitments { title indicator target targetText ownerParty { id } followUps { id } } } }`,
        { id: promise.id },
        as('policeOfficer'),
      ),
    ).agreement;
    expect(previous.commitments.some((c: { followUps: unknown[] }) => c.followUps.length > 0)).toBe(true);
    expect(renewed.commitments).toEqual(previous.commitments.map((c: object) => ({ ...c, followUps: [] })));
    expect(renewed.consultations).toEqual([]);
  });
});

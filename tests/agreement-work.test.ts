import { DEMO_ACTORS as A, DEMO_AGREEMENT_TEMPLATES as T, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, DEMO_CITIZEN_PROMISE as P } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, errorCode, readmeOperation, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * The README's flow for a municipal coordinator (issue 14), through the gateway with the README's
 * own operations: a template, a draft from it, the parties' resources, invitations answered by each
 * party (one declines first), and activation only once every party has confirmed.
 */
let federation: TestFederation;
const as = {} as Record<'goteborg' | 'kfum' | 'police' | 'uppsala' | 'rinkebyPolice' | 'mammaUnited', Record<string, string>>;

beforeAll(async () => {
  federation = await startFederation();
  as.goteborg = await bearer(A.goteborgsStad, [Role.COORDINATOR]);
  as.kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
  as.police = await bearer(A.lpoGoteborgNordost, [Role.COORDINATOR]);
  as.uppsala = await bearer(A.uppsalaKommun, [Role.COORDINATOR]);
  as.rinkebyPolice = await bearer(A.lpoRinkeby, [Role.COORDINATOR]);
  as.mammaUnited = await bearer(A.mammaUnited, [Role.COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

/** Runs a README operation that must succeed, and returns its data. */
async function ok(name: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await federation.query(readmeOperation(name), variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

// The README's variables for the draft and the resources.
const DRAFT = {
  templateId: T.iopMotesplatser,
  templateVersion: 1,
  input: {
    title: 'IOP Trygga mötesplatser Biskopsgården',
    areaCodes: [AR.biskopsgarden],
    visibility: 'SHARED',
    startsOn: '2027-01-01',
    endsOn: '2029-12-31',
    parties: [
      { actorId: A.goteborgsStad, role: 'FUNDING' },
      { actorId: A.goteborgsStad, role: 'ACCOUNTABLE' },
      { actorId: A.kfumGoteborg, role: 'IMPLEMENTING' },
      { actorId: A.lpoGoteborgNordost, role: 'IMPLEMENTING', responsibilities: 'Områdespoliser deltar varannan fredag.' },
    ],
  },
};
const RESOURCES = [
  { partyId: A.goteborgsStad, kind: 'MONEY', amount: '850000.00', currency: 'SEK', description: 'Föreningsbidrag' },
  { partyId: A.kfumGoteborg, kind: 'STAFF_TIME', hours: 1200, description: 'Ledare kvällar och helger' },
  { partyId: A.kfumGoteborg, kind: 'COMPETENCE', description: 'Utbildning i NPF för ledarna' },
];

const answerAs = (field: 'declineAgreementParty' | 'reinviteAgreementParty' | 'confirmAgreementParty') =>
  `mutation($id: ID!, $version: Int!, $actorId: ID!) { ${field}(agreementId: $id, version: $version, actorId: $actorId) { version } }`;

it('takes a municipal coordinator from a template to an active IOP, every party having confirmed', async () => {
  const { createAgreementFromTemplate: draft } = await ok('DraftIopFromTemplate', DRAFT, as.goteborg);
  expect(draft).toMatchObject({ status: 'DRAFT', template: { title: expect.any(String) }, templateVersion: 1 });
  expect(draft.sections.length).toBeGreaterThan(0);
  expect(draft.phases.length).toBeGreaterThan(0);
  const answers = Object.fromEntries(draft.invitations.map((i: { actor: { name: string }; answer: string }) => [i.actor.name, i.answer]));
  expect(Object.values(answers).sort()).toEqual(['CONFIRMED', 'INVITED', 'INVITED']);
  let { version } = draft;
  const { id } = draft;

  // The parties' resources replace the template's suggested lines; the money sums exactly.
  const { setAgreementResources: committed } = await ok('CommitResources', { id, version, resources: RESOURCES }, as.goteborg);
  expect(committed.resourceTotals).toMatchObject({ money: [{ currency: 'SEK', amount: '850000.00' }], staffHours: 1200, competence: 1 });
  expect(committed.version).toBe(version + 1);
  version = committed.version;

  // Not yet: both invited organisations must confirm.
  const early = await federation.query(readmeOperation('ActivateAgreement'), { id, version }, as.goteborg);
  expect(errorCode(early)).toBe('PARTIES_NOT_CONFIRMED');
  expect([...early.errors![0].extensions!.actorIds as string[]].sort()).toEqual([A.lpoGoteborgNordost, A.kfumGoteborg].sort());

  // KFUM finds the invitation, with the resources it is asked to commit, and confirms.
  const { agreementInvitations } = await ok('OurInvitations', {}, as.kfum);
  const invitation = agreementInvitations.find((i: { agreement: { id: string } }) => i.agreement.id === id);
  expect(invitation.agreement.resources.map((r: { kind: string }) => r.kind)).toEqual(['MONEY', 'STAFF_TIME', 'COMPETENCE']);
  ({ version } = (await ok('ConfirmParty', { id, version, actorId: A.kfumGoteborg }, as.kfum)).confirmAgreementParty);

  // KFUM may not answer for the police; the police decline first, which blocks activation until re-invited and confirmed.
  expect(errorCode(await federation.query(answerAs('confirmAgreementParty'), { id, version, actorId: A.lpoGoteborgNordost }, as.kfum))).toBe('FORBIDDEN');
  ({ version } = (await federation.query(answerAs('declineAgreementParty'), { id, version, actorId: A.lpoGoteborgNordost }, as.police)).data!.declineAgreementParty);
  const declined = await federation.query(readmeOperation('ActivateAgreement'), { id, version }, as.goteborg);
  expect([errorCode(declined), declined.errors![0].extensions!.actorIds]).toEqual(['PARTIES_NOT_CONFIRMED', [A.lpoGoteborgNordost]]);
  ({ version } = (await federation.query(answerAs('reinviteAgreementParty'), { id, version, actorId: A.lpoGoteborgNordost }, as.goteborg)).data!.reinviteAgreementParty);
  const confirmed = await ok('ConfirmParty', { id, version, actorId: A.lpoGoteborgNordost }, as.police);
  expect(confirmed.confirmAgreementParty).toMatchObject({ allPartiesConfirmed: true, awaitingAnswerFrom: [] });
  version = confirmed.confirmAgreementParty.version;

  const { updateAgreement: active } = await ok('ActivateAgreement', { id, version }, as.goteborg);
  expect(active).toMatchObject({ status: 'ACTIVE', version: version + 1 });
  expect(active.statusHistory.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([[null, 'DRAFT'], ['DRAFT', 'ACTIVE']]);
  expect(active.statusHistory[1].changedBy).toEqual({ name: 'Göteborgs Stad' });
}, 60000);

it("shows the Angered IOP's resources, phases and activities to its owner, and nothing to an unrelated organisation", async () => {
  const { agreement } = await ok('IopInAngered', {}, as.goteborg);
  expect(agreement.resources.length).toBeGreaterThan(0);
  expect(agreement.phases.map((p: { kind: string }) => p.kind)).toEqual(['NEEDS_ANALYSIS', 'PLANNING', 'EFFORT', 'FOLLOW_UP']);
  expect(agreement.phases[0].civilSocietyIncluded).toBe(true);
  expect(agreement.activitiesUnder.length).toBeGreaterThan(0);
  expect((await ok('IopInAngered', {}, as.uppsala)).agreement).toBeNull();
  expect(G.iopGoteborgAngered).toBe('b0000000-0000-4000-8000-000000000003');
});

it('renews the Angered IOP as the README shows: the next period a draft, its parties invited again', async () => {
  const read = await federation.query(`query($id: ID!) { agreement(id: $id) { version endsOn } }`, { id: G.iopGoteborgAngered }, as.goteborg);
  const { version, endsOn } = read.data!.agreement;
  const next = new Date(`${endsOn}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const startsOn = next.toISOString().slice(0, 10);
  const { renewAgreement } = await ok('RenewAgreement', { id: G.iopGoteborgAngered, version, startsOn, endsOn: null }, as.goteborg);
  expect(renewAgreement).toMatchObject({ status: 'DRAFT', startsOn, renews: { id: G.iopGoteborgAngered, renewedBy: { id: renewAgreement.id } } });
  const answers = renewAgreement.invitations.map((i: { answer: string }) => i.answer);
  expect(answers.filter((a: string) => a === 'CONFIRMED')).toHaveLength(1);
  expect(answers.filter((a: string) => a === 'INVITED').length).toBeGreaterThan(0);
});

it("adds a follow-up to the series of a citizen promise's commitment, as the README shows, by its owner party only", async () => {
  const series = `query($id: ID!) { agreement(id: $id) { version commitments { id followUps { reportedOn status indicatorValue } } } }`;
  const before = (await federation.query(series, { id: G.medborgarloftRinkebyKista })).data!.agreement;
  const commitment = () => before.commitments.find((c: { id: string }) => c.id === P.commitments.safetyWalks);
  // Mamma United is a party of the promise but owns neither it nor this commitment.
  const refused = await federation.query(readmeOperation('ReportFollowUp'), { commitmentId: P.commitments.safetyWalks, version: before.version }, as.mammaUnited);
  expect(errorCode(refused)).toBe('FORBIDDEN');
  const { reportCommitmentFollowUp } = await ok('ReportFollowUp', { commitmentId: P.commitments.safetyWalks, version: before.version }, as.rinkebyPolice);
  expect(reportCommitmentFollowUp.version).toBe(before.version + 1);
  const after = (await federation.query(series, { id: G.medborgarloftRinkebyKista })).data!.agreement;
  const latest = after.commitments.find((c: { id: string }) => c.id === P.commitments.safetyWalks).followUps;
  expect(latest).toEqual([...commitment().followUps, { reportedOn: expect.any(String), status: 'ON_TRACK', indicatorValue: 3 }]);
});

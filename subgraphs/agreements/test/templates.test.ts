import { DEMO_ACTORS as A, DEMO_AGREEMENT_TEMPLATES as T, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { demoTemplates } from '../src/demo/seed-templates';
import { bearer, errorCode, expectOneVersionPerChange, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Agreement templates (issue 14): who publishes them, who sees them, drafting an agreement from one
 * (what is copied, what is recorded), and that later changes to a template never rewrite the
 * agreements drafted from it.
 */

const WHO = {
  public: null,
  /** Göteborgs Stad is a MUNICIPALITY in the registry: its coordinators publish templates. */
  goteborgCoordinator: { organisationId: A.goteborgsStad, roles: [Role.COORDINATOR] },
  goteborgMember: { organisationId: A.goteborgsStad, roles: [Role.MEMBER] },
  uppsalaCoordinator: { organisationId: A.uppsalaKommun, roles: [Role.COORDINATOR] },
  /** SKR, a national organisation, with a national coordinator. */
  nationalCoordinator: { organisationId: A.skr, roles: [Role.NATIONAL_COORDINATOR] },
  policeNational: { organisationId: A.polisen, roles: [Role.NATIONAL_COORDINATOR] },
  /** The Police (kind POLICE) with a plain coordinator: coordinates agreements, does not publish templates. */
  policeCoordinator: { organisationId: A.polisen, roles: [Role.COORDINATOR] },
  /** Fryshuset: civil society. */
  ngoCoordinator: { organisationId: A.fryshuset, roles: [Role.COORDINATOR] },
  /** KFUM Göteborg: named as a party in the drafts below. */
  kfumCoordinator: { organisationId: A.kfumGoteborg, roles: [Role.COORDINATOR] },
  /** Erikshjälpen: signed in, named nowhere. */
  unrelated: { organisationId: A.erikshjalpen, roles: [Role.COORDINATOR] },
} as const;
type Who = keyof typeof WHO;

let subgraph: TestSubgraph;
const headers = {} as Record<Who, Record<string, string>>;
const as = (who: Who) => headers[who];
const calendar = demoCalendar();

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  for (const [who, person] of Object.entries(WHO) as Array<[Who, (typeof WHO)[Who]]>) {
    headers[who] = person ? await bearer(person.organisationId, [...person.roles], { subject: who }) : {};
  }
});
afterAll(() => subgraph?.stop());

const db = () => subgraph.dataSource;
const TABLES = ['agreement_templates', 'agreements', 'agreement_parties', 'agreement_areas', 'agreement_invitations', 'agreement_phases', 'agreement_resources', 'change_log', 'idempotency_keys'];
/** Every row the features here may write, to show that a refused mutation wrote nothing. */
const everything = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await db().query(`SELECT * FROM ${table} ORDER BY 1, 2`)])));

const TEMPLATE_FIELDS = `id version title kind status description visibility
  sections { heading body } suggestedParties { role actorKinds responsibilities }
  suggestedResources { kind role description } suggestedPhases { kind description }`;
const createTemplate = `mutation($input: CreateAgreementTemplateInput!, $key: String) { createAgreementTemplate(input: $input, idempotencyKey: $key) { ${TEMPLATE_FIELDS} } }`;
const updateTemplate = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementTemplateInput!) { updateAgreementTemplate(id: $id, version: $version, input: $input) { ${TEMPLATE_FIELDS} updatedAt } }`;
const deleteTemplate = `mutation($id: ID!, $version: Int!) { deleteAgreementTemplate(id: $id, version: $version) }`;
const AGREEMENT_FIELDS = `id version title kind status description sections { heading body } templateVersion template { id title version }
  parties { role responsibilities actor { id } } areas { code }`;
const fromTemplate = `mutation($templateId: ID!, $templateVersion: Int, $input: AgreementFromTemplateInput!, $key: String) {
  createAgreementFromTemplate(templateId: $templateId, templateVersion: $templateVersion, input: $input, idempotencyKey: $key) { ${AGREEMENT_FIELDS} } }`;

const SECTIONS = [
  { heading: 'Syfte', body: 'Trygga mötesplatser för barn och unga i området.' },
  { heading: 'Parternas åtaganden', body: 'Kommunen finansierar, föreningarna driver verksamheten.' },
  { heading: 'Uppföljning', body: 'Två gånger per år.' },
];
const templateInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Mall för IOP om läxhjälp',
  kind: 'IOP',
  status: 'PUBLISHED',
  visibility: 'NETWORK',
  description: 'Partnerskap om läxhjälp och studiero för barn i årskurs 4–9.',
  sections: SECTIONS,
  suggestedParties: [
    { role: 'FUNDING', actorKinds: ['MUNICIPALITY'], responsibilities: 'Finansierar läxhjälpen och upplåter lokaler.' },
    { role: 'ACCOUNTABLE', actorKinds: ['MUNICIPALITY', 'CIVIL_SOCIETY'], responsibilities: 'Följer upp partnerskapet.' },
    { role: 'IMPLEMENTING', actorKinds: ['CIVIL_SOCIETY'], responsibilities: 'Driver läxhjälpen tre kvällar i veckan.' },
  ],
  suggestedResources: [
    { kind: 'MONEY', role: 'FUNDING', description: 'Bidrag till verksamheten.' },
    { kind: 'STAFF_TIME', role: 'IMPLEMENTING', description: 'Läxhjälpare.' },
    { kind: 'NETWORK', role: 'EXTENDING', description: 'Kontakter med studieförbund.' },
    { kind: 'PREMISES', role: 'FUNDING', description: 'Lokal i biblioteket.' },
  ],
  suggestedPhases: [
    { kind: 'NEEDS_ANALYSIS', description: 'Behovsanalys med skolor och föreningar.' },
    { kind: 'EFFORT', description: 'Läxhjälp tre kvällar i veckan.' },
    { kind: 'FOLLOW_UP' },
  ],
  ...overrides,
});

async function newTemplate(who: Who = 'goteborgCoordinator', overrides: Record<string, unknown> = {}) {
  const response = await subgraph.query(createTemplate, { input: templateInput(overrides) }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data!.createAgreementTemplate as { id: string; version: number; title: string };
}

/** A draft in Angered by Göteborgs Stad (funding, and accountable with its own words) and KFUM Göteborg (implementing). */
const draftInput = (overrides: Record<string, unknown> = {}) => ({
  areaCodes: [AR.angered],
  parties: [
    { actorId: A.goteborgsStad, role: 'FUNDING' },
    { actorId: A.goteborgsStad, role: 'ACCOUNTABLE', responsibilities: 'Stadsdelens egna ord.' },
    { actorId: A.kfumGoteborg, role: 'IMPLEMENTING' },
  ],
  ...overrides,
});

async function draftFrom(templateId: string, who: Who = 'goteborgCoordinator', input: Record<string, unknown> = draftInput(), templateVersion?: number) {
  const response = await subgraph.query(fromTemplate, { templateId, templateVersion, input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data!.createAgreementFromTemplate;
}

const phasesOf = (agreementId: string) =>
  db().query('SELECT kind, description, starts_on, ends_on, position FROM agreement_phases WHERE agreement_id = $1 ORDER BY position', [agreementId]);
const resourcesOf = (agreementId: string) =>
  db().query('SELECT actor_id, kind, description, amount, currency, hours, venue_id, starts_on, ends_on, position FROM agreement_resources WHERE agreement_id = $1 ORDER BY position', [agreementId]);

describe('drafting an agreement from a template', () => {
  it('copies sections, responsibilities, phases and resources into a DRAFT and records the template and version', async () => {
    const template = await newTemplate();
    const agreement = await draftFrom(template.id, 'goteborgCoordinator', draftInput(), template.version);
    expect(agreement).toMatchObject({
      version: 1,
      title: 'Mall för IOP om läxhjälp',
      kind: 'IOP',
      status: 'DRAFT',
      description: 'Partnerskap om läxhjälp och studiero för barn i årskurs 4–9.',
      sections: SECTIONS,
      templateVersion: template.version,
      template: { id: template.id, title: template.title, version: template.version },
      areas: [{ code: AR.angered }],
    });
    // Parties role by role; a party without responsibilities gets the template's for its role.
    expect(agreement.parties).toEqual([
      { role: 'FUNDING', responsibilities: 'Finansierar läxhjälpen och upplåter lokaler.', actor: { id: A.goteborgsStad } },
      { role: 'ACCOUNTABLE', responsibilities: 'Stadsdelens egna ord.', actor: { id: A.goteborgsStad } },
      { role: 'IMPLEMENTING', responsibilities: 'Driver läxhjälpen tre kvällar i veckan.', actor: { id: A.kfumGoteborg } },
    ]);
    expect(await phasesOf(agreement.id)).toEqual([
      { kind: 'NEEDS_ANALYSIS', description: 'Behovsanalys med skolor och föreningar.', starts_on: null, ends_on: null, position: 0 },
      { kind: 'EFFORT', description: 'Läxhjälp tre kvällar i veckan.', starts_on: null, ends_on: null, position: 1 },
      { kind: 'FOLLOW_UP', description: null, starts_on: null, ends_on: null, position: 2 },
    ]);
    // Nobody holds EXTENDING: its network is left out. No amounts, hours, venues or dates are invented.
    const none = { amount: null, currency: null, hours: null, venue_id: null, starts_on: null, ends_on: null };
    expect(await resourcesOf(agreement.id)).toEqual([
      { actor_id: A.goteborgsStad, kind: 'MONEY', description: 'Bidrag till verksamheten.', ...none, position: 0 },
      { actor_id: A.kfumGoteborg, kind: 'STAFF_TIME', description: 'Läxhjälpare.', ...none, position: 1 },
      { actor_id: A.goteborgsStad, kind: 'PREMISES', description: 'Lokal i biblioteket.', ...none, position: 2 },
    ]);
    const invitations = await db().query('SELECT actor_id, answer FROM agreement_invitations WHERE agreement_id = $1 ORDER BY actor_id', [agreement.id]);
    expect(invitations).toEqual([
      { actor_id: A.goteborgsStad, answer: 'CONFIRMED' },
      { actor_id: A.kfumGoteborg, answer: 'INVITED' },
    ]);
    const [logged] = await db().query(`SELECT action, fields, organisation_id FROM change_log WHERE entity_id = $1`, [agreement.id]);
    expect(logged).toMatchObject({ action: 'CREATED', organisation_id: A.goteborgsStad });
    expect(logged.fields).toEqual(expect.arrayContaining(['title', 'kind', 'status', 'parties', 'areaCodes', 'sections', 'template']));
    const row = (await db().query('SELECT owner_id, visibility, template_id, template_version FROM agreements WHERE id = $1', [agreement.id]))[0];
    expect(row).toEqual({ owner_id: A.goteborgsStad, visibility: 'OWNER', template_id: template.id, template_version: template.version });
  });

  it('never rewrites an agreement when its template changes afterwards', async () => {
    const template = await newTemplate();
    const given = draftInput({ title: 'IOP Läxhjälp Angered', visibility: 'NETWORK' });
    const agreement = await draftFrom(template.id, 'goteborgCoordinator', given);
    const rowsBefore = [await phasesOf(agreement.id), await resourcesOf(agreement.id), await db().query('SELECT * FROM agreements WHERE id = $1', [agreement.id])];
    const changed = await subgraph.query(
      updateTemplate,
      {
        id: template.id,
        version: template.version,
        input: {
          title: 'Ny titel',
          description: 'Ny beskrivning.',
          sections: [{ heading: 'Nytt', body: 'Ny text.' }],
          suggestedParties: [{ role: 'IMPLEMENTING', responsibilities: 'Något annat.' }],
          suggestedPhases: [{ kind: 'PLANNING', description: 'Ny plan.' }],
          suggestedResources: [],
        },
      },
      as('goteborgCoordinator'),
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateAgreementTemplate).toMatchObject({ version: template.version + 1, title: 'Ny titel', sections: [{ heading: 'Nytt', body: 'Ny text.' }] });
    const read = await subgraph.query(
      `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`,
      { id: agreement.id },
      as('goteborgCoordinator'),
    );
    // The agreement is as it was drafted; its template shows as it is now, with the version it was drafted from beside it.
    expect(read.data!.agreement).toEqual({ ...agreement, template: { id: template.id, title: 'Ny titel', version: template.version + 1 } });
    expect(read.data!.agreement.templateVersion).toBe(template.version);
    expect([await phasesOf(agreement.id), await resourcesOf(agreement.id), await db().query('SELECT * FROM agreements WHERE id = $1', [agreement.id])]).toEqual(rowsBefore);
    // The template knows it is in use, and a later draft copies its new content.
    const usage = await subgraph.query(
      `query($id: ID!) { agreementTemplate(id: $id) { usageCount usedBy(first: 10) { id } } }`,
      { id: template.id },
      as('goteborgCoordinator'),
    );
    expect(usage.data!.agreementTemplate).toEqual({ usageCount: 1, usedBy: [{ id: agreement.id }] });
    const later = await draftFrom(template.id);
    expect(later).toMatchObject({ title: 'Ny titel', sections: [{ heading: 'Nytt', body: 'Ny text.' }], templateVersion: template.version + 1 });
    expect((await phasesOf(later.id)).map((p: { kind: string }) => p.kind)).toEqual(['PLANNING']);
  });

  it('drafts only from a PUBLISHED template: a DRAFT or RETIRED one is BAD_USER_INPUT, and nothing is written', async () => {
    const draft = await newTemplate('goteborgCoordinator', { status: 'DRAFT' });
    const retired = await newTemplate('goteborgCoordinator', { status: 'RETIRED' });
    const before = await everything();
    for (const template of [draft, retired]) {
      const response = await subgraph.query(fromTemplate, { templateId: template.id, input: draftInput() }, as('goteborgCoordinator'));
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'templateId' })] });
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses a template changed since it was read (VERSION_CONFLICT), one you may not see (NOT_FOUND), and the rules of createAgreement, writing nothing', async () => {
    const template = await newTemplate();
    const national = await newTemplate('goteborgCoordinator', { kind: 'NATIONAL_AGREEMENT' });
    const own = await newTemplate('goteborgCoordinator', { visibility: 'OWNER' });
    const before = await everything();
    const refusal = async (who: Who, templateId: string, input: Record<string, unknown>, templateVersion?: number) =>
      subgraph.query(fromTemplate, { templateId, templateVersion, input }, as(who));
    expect(errorCode(await refusal('goteborgCoordinator', template.id, draftInput(), template.version - 1))).toBe('VERSION_CONFLICT');
    expect(errorCode(await refusal('uppsalaCoordinator', own.id, draftInput({ parties: [{ actorId: A.uppsalaKommun, role: 'FUNDING' }] })))).toBe('NOT_FOUND');
    expect(errorCode(await refusal('goteborgCoordinator', '00000000-0000-4000-8000-000000000000', draftInput()))).toBe('NOT_FOUND');
    // The checks of createAgreement: a national agreement covers SE; parties exist; roles once; coordinators only.
    const notNational = await refusal('goteborgCoordinator', national.id, draftInput());
    expect(notNational.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'areaCodes' })] });
    const unknownParty = await refusal('goteborgCoordinator', template.id, draftInput({ parties: [{ actorId: '00000000-0000-4000-8000-000000000001', role: 'FUNDING' }] }));
    expect(unknownParty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'parties' })] });
    const twice = draftInput({ parties: [{ actorId: A.goteborgsStad, role: 'FUNDING' }, { actorId: A.goteborgsStad, role: 'FUNDING' }] });
    expect(errorCode(await refusal('goteborgCoordinator', template.id, twice))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refusal('goteborgCoordinator', template.id, draftInput({ startsOn: '2026-05-01', endsOn: '2026-04-01' })))).toBe('BAD_USER_INPUT');
    expect(errorCode(await refusal('goteborgMember', template.id, draftInput()))).toBe('FORBIDDEN');
    expect(errorCode(await refusal('public', template.id, draftInput()))).toBe('UNAUTHENTICATED');
    expect(await everything()).toEqual(before);
  });

  it('lets any coordinator who sees a published template draft from it, and answers a retry with the first draft, also once the template changed', async () => {
    const template = await newTemplate('goteborgCoordinator');
    const input = draftInput({ parties: [{ actorId: A.fryshuset, role: 'IMPLEMENTING' }], areaCodes: [AR.rinkebyKista] });
    const first = await subgraph.query(fromTemplate, { templateId: template.id, input, key: 'mall-1' }, as('ngoCoordinator'));
    expect(first.errors).toBeUndefined();
    expect(first.data!.createAgreementFromTemplate.parties).toEqual([{ role: 'IMPLEMENTING', responsibilities: 'Driver läxhjälpen tre kvällar i veckan.', actor: { id: A.fryshuset } }]);
    // Retired since: the retry still answers with the draft it made.
    expect((await subgraph.query(updateTemplate, { id: template.id, version: 1, input: { status: 'RETIRED' } }, as('goteborgCoordinator'))).errors).toBeUndefined();
    const before = await everything();
    const retry = await subgraph.query(fromTemplate, { templateId: template.id, input, key: 'mall-1' }, as('ngoCoordinator'));
    const made = first.data!.createAgreementFromTemplate;
    expect(retry.data!.createAgreementFromTemplate).toEqual({ ...made, template: { ...made.template, version: 2 } });
    expect(await everything()).toEqual(before);
    expect(errorCode(await subgraph.query(fromTemplate, { templateId: template.id, input: { ...input, title: 'Annat' }, key: 'mall-1' }, as('ngoCoordinator')))).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('publishing templates', () => {
  it('is for national coordinators and coordinators of a municipality; others are FORBIDDEN and nothing is written', async () => {
    const before = await everything();
    for (const who of ['ngoCoordinator', 'policeCoordinator', 'goteborgMember', 'kfumCoordinator'] as const) {
      expect(errorCode(await subgraph.query(createTemplate, { input: templateInput() }, as(who)))).toBe('FORBIDDEN');
    }
    expect(errorCode(await subgraph.query(createTemplate, { input: templateInput() }, as('public')))).toBe('UNAUTHENTICATED');
    expect(await everything()).toEqual(before);
    for (const who of ['goteborgCoordinator', 'uppsalaCoordinator', 'nationalCoordinator', 'policeNational'] as const) {
      const template = await newTemplate(who);
      const [owner] = await db().query('SELECT owner_id FROM agreement_templates WHERE id = $1', [template.id]);
      expect(owner.owner_id).toBe(WHO[who]!.organisationId);
    }
  });

  it('changes and deletes only for the owner\'s coordinators with the right to publish', async () => {
    const template = await newTemplate('goteborgCoordinator');
    const own = await newTemplate('goteborgCoordinator', { visibility: 'OWNER' });
    const before = await everything();
    const change = (who: Who, id = template.id) => subgraph.query(updateTemplate, { id, version: 1, input: { title: 'Kapad' } }, as(who));
    const remove = (who: Who, id = template.id) => subgraph.query(deleteTemplate, { id, version: 1 }, as(who));
    // Sees it, does not own it.
    expect(errorCode(await change('uppsalaCoordinator'))).toBe('FORBIDDEN');
    expect(errorCode(await remove('uppsalaCoordinator'))).toBe('FORBIDDEN');
    // May not publish at all.
    expect(errorCode(await change('ngoCoordinator'))).toBe('FORBIDDEN');
    expect(errorCode(await change('goteborgMember'))).toBe('FORBIDDEN');
    // May not see it: it does not exist.
    expect(errorCode(await change('uppsalaCoordinator', own.id))).toBe('NOT_FOUND');
    expect(errorCode(await remove('nationalCoordinator', own.id))).toBe('NOT_FOUND');
    expect(await everything()).toEqual(before);
  });

  it('validates the content: roles suggested once, at most 30 sections, sharing only when SHARED', async () => {
    const before = await everything();
    const refused = async (overrides: Record<string, unknown>, field: string) => {
      const response = await subgraph.query(createTemplate, { input: templateInput(overrides) }, as('goteborgCoordinator'));
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(response.errors![0].extensions)).toContain(field);
    };
    await refused({ suggestedParties: [{ role: 'FUNDING' }, { role: 'FUNDING' }] }, 'suggestedParties');
    await refused({ sections: Array.from({ length: 31 }, (_, i) => ({ heading: `Del ${i}`, body: '' })) }, 'sections');
    await refused({ sharedWithIds: [A.kfumGoteborg] }, 'sharedWithIds');
    await refused({ title: '' }, 'title');
    expect(await everything()).toEqual(before);
  });

  it('bumps the version and logs every change; a stale version is VERSION_CONFLICT and writes nothing', async () => {
    const template = await newTemplate('goteborgCoordinator');
    const [created] = await db().query(`SELECT action, fields FROM change_log WHERE entity_id = $1`, [template.id]);
    expect(created.action).toBe('CREATED');
    expect(created.fields).toEqual(expect.arrayContaining(['title', 'sections', 'suggestedParties', 'suggestedResources', 'suggestedPhases']));
    await expectOneVersionPerChange(subgraph, {
      table: 'agreement_templates',
      id: template.id,
      mutation: `mutation($id: ID!, $version: Int!, $sections: [AgreementSectionInput!]) { updateAgreementTemplate(id: $id, version: $version, input: { sections: $sections }) { version updatedAt } }`,
      first: { sections: [{ heading: 'A', body: 'a' }] },
      second: { sections: [{ heading: 'B', body: 'b' }] },
      headers: as('goteborgCoordinator'),
    });
    const [updated] = await db().query(`SELECT fields FROM change_log WHERE entity_id = $1 AND action = 'UPDATED'`, [template.id]);
    expect(updated.fields).toEqual(['sections']);
    const history = await subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { changeLog { action fields } } }`, { id: template.id }, as('goteborgCoordinator'));
    expect(history.data!.agreementTemplate.changeLog.map((e: { action: string }) => e.action)).toEqual(['CREATED', 'UPDATED']);
    const other = await subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { changeLog { action } } }`, { id: template.id }, as('uppsalaCoordinator'));
    expect(other.data!.agreementTemplate.changeLog).toBeNull();

    const before = await everything();
    expect(errorCode(await subgraph.query(deleteTemplate, { id: template.id, version: 1 }, as('goteborgCoordinator')))).toBe('VERSION_CONFLICT');
    expect(await everything()).toEqual(before);
    expect((await subgraph.query(deleteTemplate, { id: template.id, version: 2 }, as('goteborgCoordinator'))).data!.deleteAgreementTemplate).toBe(template.id);
    expect(await db().query('SELECT id FROM agreement_templates WHERE id = $1', [template.id])).toEqual([]);
    const actions = await db().query(`SELECT action FROM change_log WHERE entity_id = $1 ORDER BY sequence`, [template.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATED', 'UPDATED', 'DELETED']);
  });

  it('refuses to delete a template in use (BAD_USER_INPUT, retire it instead), whoever may see the agreements', async () => {
    const template = await newTemplate('goteborgCoordinator');
    // Drafted by another organisation, kept to itself: the owner of the template cannot see it.
    await draftFrom(template.id, 'ngoCoordinator', draftInput({ parties: [{ actorId: A.fryshuset, role: 'IMPLEMENTING' }], areaCodes: [AR.rinkebyKista] }));
    const usage = await subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { usageCount usedBy { id } } }`, { id: template.id }, as('goteborgCoordinator'));
    expect(usage.data!.agreementTemplate).toEqual({ usageCount: 0, usedBy: [] });
    const before = await everything();
    const refused = await subgraph.query(deleteTemplate, { id: template.id, version: 1 }, as('goteborgCoordinator'));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
    expect(await everything()).toEqual(before);
    const retired = await subgraph.query(updateTemplate, { id: template.id, version: 1, input: { status: 'RETIRED' } }, as('goteborgCoordinator'));
    expect(retired.data!.updateAgreementTemplate).toMatchObject({ status: 'RETIRED', version: 2 });
  });
});

describe('who sees templates', () => {
  const listed = async (who: Who, filter: Record<string, unknown> = {}) => {
    const response = await subgraph.query(
      `query($filter: AgreementTemplateFilter) { agreementTemplates(filter: $filter, first: 100) { totalCount nodes { id visibility } } }`,
      { filter },
      as(who),
    );
    expect(response.errors).toBeUndefined();
    return response.data!.agreementTemplates as { totalCount: number; nodes: Array<{ id: string; visibility: string }> };
  };

  it('shows the public PUBLIC templates only, the network also NETWORK ones, and OWNER ones to their owner', async () => {
    const network = await newTemplate('uppsalaCoordinator', { title: 'Synlig mall nätverk' });
    const own = await newTemplate('uppsalaCoordinator', { title: 'Synlig mall egen', visibility: 'OWNER' });
    const shared = await newTemplate('uppsalaCoordinator', { title: 'Synlig mall delad', visibility: 'SHARED', sharedWithIds: [A.kfumGoteborg] });
    const published = await newTemplate('uppsalaCoordinator', { title: 'Synlig mall publik', visibility: 'PUBLIC' });
    const mine = [network.id, own.id, shared.id, published.id];
    const visible = async (who: Who) => (await listed(who, { text: 'Synlig mall' })).nodes.map((n) => n.id).sort();
    expect(await visible('public')).toEqual([published.id]);
    expect(await visible('unrelated')).toEqual([network.id, published.id].sort());
    expect(await visible('kfumCoordinator')).toEqual([network.id, shared.id, published.id].sort());
    expect(await visible('uppsalaCoordinator')).toEqual([...mine].sort());
    const everyPublic = await listed('public');
    expect(everyPublic.nodes.every((n) => n.visibility === 'PUBLIC')).toBe(true);
    expect(everyPublic.totalCount).toBe(everyPublic.nodes.length);
    const one = (who: Who, id: string) => subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { id } }`, { id }, as(who));
    expect((await one('public', network.id)).data!.agreementTemplate).toBeNull();
    expect((await one('unrelated', own.id)).data!.agreementTemplate).toBeNull();
    expect((await one('uppsalaCoordinator', own.id)).data!.agreementTemplate).toEqual({ id: own.id });
  });

  it('filters by kind, status and text, and pages by title', async () => {
    const promise = await listed('public', { kinds: ['CITIZEN_PROMISE'], statuses: ['PUBLISHED'] });
    expect(promise.nodes.map((n) => n.id)).toEqual([T.medborgarlofte]);
    expect((await listed('public', { text: 'idrottsrörelsen' })).nodes.map((n) => n.id)).toEqual([T.noaRfModel]);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
        await subgraph.query(
          `query($after: String) { agreementTemplates(first: 2, after: $after) { nodes { id title } pageInfo { hasNextPage endCursor } } }`,
          { after },
          as('public'),
        )
      ).data!.agreementTemplates;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = await db().query(`SELECT id FROM agreement_templates WHERE visibility = 'PUBLIC' ORDER BY title, id`);
    expect(seen).toEqual(expected.map((r: { id: string }) => r.id));
  });
});

describe('the template origin and sections of agreements on every path', () => {
  const SELECTION = 'id sections { heading } templateVersion template { id }';
  /** What a viewer gets for one agreement on each path: `agreement(id)`, the list, `Area.agreements`, `Actor.agreements`, `_entities`. */
  async function onEveryPath(who: Who, id: string, areaCode: string, actorId: string) {
    const response = await subgraph.query(
      `query($id: ID!, $r: [_Any!]!, $areas: [_Any!]!) {
        agreement(id: $id) { ${SELECTION} }
        agreements(first: 100) { nodes { ${SELECTION} } }
        entities: _entities(representations: $r) { ... on Agreement { ${SELECTION} } }
        contributed: _entities(representations: $areas) {
          ... on Area { agreements(first: 100) { ${SELECTION} } }
          ... on Actor { agreements(first: 100) { ${SELECTION} } } } }`,
      { id, r: [{ __typename: 'Agreement', id }], areas: [{ __typename: 'Area', code: areaCode }, { __typename: 'Actor', id: actorId }] },
      as(who),
    );
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    const find = (nodes: Array<{ id: string }>) => nodes.find((n) => n.id === id) ?? null;
    return [data.agreement, find(data.agreements.nodes), data.entities[0], find(data.contributed[0].agreements), find(data.contributed[1].agreements)];
  }

  it('shows the NOA–RF agreement\'s model and sections to everyone, also without a token', async () => {
    const seeded = demoTemplates().find((t) => t.id === T.noaRfModel)!;
    const expected = { id: G.noaRiksidrottsforbundet, sections: seeded.sections.map(({ heading }) => ({ heading })), templateVersion: 1, template: { id: T.noaRfModel } };
    for (const who of ['public', 'unrelated', 'kfumCoordinator'] as const) {
      expect(await onEveryPath(who, G.noaRiksidrottsforbundet, AR.sweden, A.riksidrottsforbundet)).toEqual(Array(5).fill(expected));
    }
  });

  it('shows a draft\'s sections and origin to a named party, not to an unrelated organisation or the public', async () => {
    const template = await newTemplate('goteborgCoordinator', { title: 'Mall vägar' });
    const agreement = await draftFrom(template.id);
    const expected = { id: agreement.id, sections: SECTIONS.map(({ heading }) => ({ heading })), templateVersion: 1, template: { id: template.id } };
    // KFUM Göteborg is named but not otherwise allowed (the draft is OWNER).
    expect(await onEveryPath('kfumCoordinator', agreement.id, AR.angered, A.kfumGoteborg)).toEqual(Array(5).fill(expected));
    expect(await onEveryPath('goteborgCoordinator', agreement.id, AR.angered, A.kfumGoteborg)).toEqual(Array(5).fill(expected));
    for (const who of ['unrelated', 'public'] as const) {
      expect(await onEveryPath(who, agreement.id, AR.angered, A.kfumGoteborg)).toEqual(Array(5).fill(null));
    }
  });

  it('leaves out a template the viewer may not see, while the agreement\'s own sections show', async () => {
    const template = await newTemplate('goteborgCoordinator', { title: 'Mall egen', visibility: 'OWNER' });
    const agreement = await draftFrom(template.id, 'goteborgCoordinator', draftInput({ visibility: 'PUBLIC' }));
    const hidden = { id: agreement.id, sections: SECTIONS.map(({ heading }) => ({ heading })), templateVersion: null, template: null };
    for (const who of ['public', 'unrelated', 'kfumCoordinator'] as const) {
      expect(await onEveryPath(who, agreement.id, AR.angered, A.kfumGoteborg)).toEqual(Array(5).fill(hidden));
    }
    expect(await onEveryPath('goteborgCoordinator', agreement.id, AR.angered, A.kfumGoteborg)).toEqual(
      Array(5).fill({ ...hidden, templateVersion: 1, template: { id: template.id } }),
    );
  });

  it('counts and lists only the agreements drafted from a template that the viewer may see', async () => {
    const template = await newTemplate('goteborgCoordinator', { title: 'Mall räknad', visibility: 'PUBLIC' });
    const open = await draftFrom(template.id, 'goteborgCoordinator', draftInput({ title: 'A öppen', visibility: 'PUBLIC' }));
    const closed = await draftFrom(template.id, 'goteborgCoordinator', draftInput({ title: 'B stängd' }));
    const usage = async (who: Who) =>
      (await subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { usageCount usedBy { id } one: usedBy(first: 1) { id } } }`, { id: template.id }, as(who))).data!
        .agreementTemplate;
    expect(await usage('public')).toEqual({ usageCount: 1, usedBy: [{ id: open.id }], one: [{ id: open.id }] });
    expect(await usage('unrelated')).toEqual({ usageCount: 1, usedBy: [{ id: open.id }], one: [{ id: open.id }] });
    expect(await usage('kfumCoordinator')).toEqual({ usageCount: 2, usedBy: [{ id: open.id }, { id: closed.id }], one: [{ id: open.id }] });
    expect(await usage('goteborgCoordinator')).toEqual({ usageCount: 2, usedBy: [{ id: open.id }, { id: closed.id }], one: [{ id: open.id }] });
    expect(errorCode(await subgraph.query(`query($id: ID!) { agreementTemplate(id: $id) { usedBy(first: 101) { id } } }`, { id: template.id }, as('public')))).toBe('BAD_USER_INPUT');
  });
});

describe('sections of an agreement', () => {
  it('are replaced by updateAgreement (at most 30), bumping the version and logging the change; a stale version writes nothing', async () => {
    const template = await newTemplate('goteborgCoordinator');
    const agreement = await draftFrom(template.id);
    const update = `mutation($id: ID!, $version: Int!, $sections: [AgreementSectionInput!]) { updateAgreement(id: $id, version: $version, input: { sections: $sections }) { version updatedAt sections { heading body } } }`;
    await expectOneVersionPerChange(subgraph, {
      table: 'agreements',
      id: agreement.id,
      mutation: update,
      first: { sections: [{ heading: 'Egen rubrik', body: 'Egen text.' }] },
      second: { sections: [] },
      headers: as('goteborgCoordinator'),
    });
    const [logged] = await db().query(`SELECT fields FROM change_log WHERE entity_id = $1 AND action = 'UPDATED'`, [agreement.id]);
    expect(logged.fields).toEqual(['sections']);
    const read = await subgraph.query(`query($id: ID!) { agreement(id: $id) { sections { heading body } templateVersion } }`, { id: agreement.id }, as('goteborgCoordinator'));
    expect(read.data!.agreement).toEqual({ sections: [{ heading: 'Egen rubrik', body: 'Egen text.' }], templateVersion: 1 });
    const before = await everything();
    const tooMany = Array.from({ length: 31 }, (_, i) => ({ heading: `Del ${i}`, body: 'x' }));
    expect(errorCode(await subgraph.query(update, { id: agreement.id, version: 2, sections: tooMany }, as('goteborgCoordinator')))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(update, { id: agreement.id, version: 2, sections: [] }, as('kfumCoordinator')))).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
    const cleared = await subgraph.query(update, { id: agreement.id, version: 2, sections: null }, as('goteborgCoordinator'));
    expect(cleared.data!.updateAgreement).toMatchObject({ version: 3, sections: [] });
    // The template's own sections are untouched.
    const [stored] = await db().query('SELECT sections FROM agreement_templates WHERE id = $1', [template.id]);
    expect(stored.sections).toEqual(SECTIONS);
  });
});

describe('statements', () => {
  it('cost the same for 2 and 20 agreements with their templates and sections, and for 2 and 20 templates with their use', async () => {
    const templates = [await newTemplate('goteborgCoordinator', { title: 'Räknad mall 1' }), await newTemplate('nationalCoordinator', { title: 'Räknad mall 2' })];
    for (let i = 0; i < 20; i++) {
      await draftFrom(templates[i % 2].id, 'goteborgCoordinator', draftInput({ title: `Räknat utkast ${String(i).padStart(2, '0')}`, visibility: 'NETWORK' }));
    }
    for (let i = 0; i < 20; i++) await newTemplate('uppsalaCoordinator', { title: `Räknad mall extra ${i}` });
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (query: string, first: number) => {
        const response = await subgraph.query(query, { first }, as('kfumCoordinator'));
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements as number;
      };
      const agreements = `query($first: Int!) { agreements(first: $first, filter: { text: "Räknat utkast" }) { nodes { id sections { heading } templateVersion template { title usageCount usedBy(first: 3) { id } } } } }`;
      expect(await statements(agreements, 20)).toBe(await statements(agreements, 2));
      const list = `query($first: Int!) { agreementTemplates(first: $first, filter: { text: "Räknad mall" }) { nodes { id usageCount usedBy(first: 5) { id sections { heading } template { id } } } } }`;
      expect(await statements(list, 20)).toBe(await statements(list, 2));
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('demo templates', () => {
  it('are seeded: the NOA–RF model by the Police, an IOP template by Göteborgs Stad and a citizen-promise template, all public and published', async () => {
    const response = await subgraph.query(
      `query($ids: [_Any!]!) { nodes: _entities(representations: $ids) { __typename } noa: agreementTemplate(id: "${T.noaRfModel}") { ${TEMPLATE_FIELDS} owner { id } usedBy { id } }
         iop: agreementTemplate(id: "${T.iopMotesplatser}") { kind status visibility owner { id } }
         promise: agreementTemplate(id: "${T.medborgarlofte}") { kind status visibility owner { id } } }`,
      { ids: [] },
      as('public'),
    );
    expect(response.errors).toBeUndefined();
    const { noa, iop, promise } = response.data!;
    expect(noa).toMatchObject({
      title: 'Modell för samverkan mellan polisen och idrottsrörelsen',
      kind: 'NATIONAL_AGREEMENT',
      status: 'PUBLISHED',
      visibility: 'PUBLIC',
      version: 1,
      owner: { id: A.polisen },
      usedBy: [{ id: G.noaRiksidrottsforbundet }],
    });
    expect(noa.sections.length).toBeGreaterThan(3);
    expect(noa.suggestedParties.length).toBeGreaterThan(1);
    expect(noa.suggestedResources.length).toBeGreaterThan(0);
    expect(noa.suggestedPhases.map((p: { kind: string }) => p.kind)).toEqual(['NEEDS_ANALYSIS', 'PLANNING', 'EFFORT', 'FOLLOW_UP']);
    expect(iop).toEqual({ kind: 'IOP', status: 'PUBLISHED', visibility: 'PUBLIC', owner: { id: A.goteborgsStad } });
    expect(promise).toEqual({ kind: 'CITIZEN_PROMISE', status: 'PUBLISHED', visibility: 'PUBLIC', owner: { id: A.polisen } });
  });

  it('seeds idempotently, and a municipal coordinator drafts an IOP from the demo template', async () => {
    const templatesBefore = await db().query('SELECT * FROM agreement_templates ORDER BY id');
    const noaBefore = await db().query('SELECT * FROM agreements WHERE id = $1', [G.noaRiksidrottsforbundet]);
    await seedDemoData(db(), calendar);
    expect(await db().query('SELECT * FROM agreement_templates ORDER BY id')).toEqual(templatesBefore);
    expect(await db().query('SELECT * FROM agreements WHERE id = $1', [G.noaRiksidrottsforbundet])).toEqual(noaBefore);
    const draft = await draftFrom(T.iopMotesplatser, 'goteborgCoordinator', draftInput({ title: 'IOP Trygga mötesplatser Biskopsgården', areaCodes: [AR.biskopsgarden] }), 1);
    expect(draft).toMatchObject({ status: 'DRAFT', kind: 'IOP', templateVersion: 1, template: { id: T.iopMotesplatser } });
    expect((await resourcesOf(draft.id)).map((r: { kind: string; actor_id: string }) => [r.kind, r.actor_id])).toEqual([
      ['MONEY', A.goteborgsStad],
      ['PREMISES', A.goteborgsStad],
      ['STAFF_TIME', A.kfumGoteborg],
      ['COMPETENCE', A.kfumGoteborg],
      ['NETWORK', A.kfumGoteborg],
    ]);
  });
});

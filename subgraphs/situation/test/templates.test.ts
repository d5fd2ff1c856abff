import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { DEMO_JOINT_PICTURE as J } from '../src/demo/seed-joint-picture';
import { Headers, headersForEveryone, Who } from './people';

/**
 * Observation templates (issue 13): who sees and changes them, and the rule a report that names one
 * keeps to: its observations are in the template's categories, else BAD_USER_INPUT and nothing written.
 */
let subgraph: TestSubgraph;
let as: Record<Who, Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph);
  as = await headersForEveryone();
});
afterAll(() => subgraph?.stop());

const TEMPLATE_FIELDS = 'id version name visibility area { code } agreedBy { id } owner { id } categories { category guidingQuestion }';
const CREATE_TEMPLATE = `mutation($input: CreateObservationTemplateInput!) { createObservationTemplate(input: $input) { ${TEMPLATE_FIELDS} changeLog { action } } }`;
const UPDATE_TEMPLATE = `mutation($id: ID!, $version: Int!, $input: UpdateObservationTemplateInput!) { updateObservationTemplate(id: $id, version: $version, input: $input) { ${TEMPLATE_FIELDS} } }`;
const DELETE_TEMPLATE = 'mutation($id: ID!, $version: Int!) { deleteObservationTemplate(id: $id, version: $version) }';
const CREATE_REPORT = 'mutation($input: CreateSituationReportInput!) { createSituationReport(input: $input) { id version templateId template { id } observations { category } } }';
const UPDATE_REPORT = 'mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) { updateSituationReport(id: $id, version: $version, input: $input) { id version templateId } }';
const READ = `query($id: ID!, $reps: [_Any!]!) {
  observationTemplate(id: $id) { id }
  _entities(representations: $reps) { ... on ObservationTemplate { id } ... on Area { code observationTemplates { id } } }
}`;

const CATEGORIES = [
  { category: 'YOUTH_GATHERINGS', guidingQuestion: 'Var samlas unga efter kl. 22, och hur många?' },
  { category: 'PERCEIVED_SAFETY', guidingQuestion: 'Hur trygga känner sig boende i centrum?' },
  { category: 'PROTECTIVE_FACTORS', guidingQuestion: 'Vilka vuxna finns på plats kvällstid?' },
];
/** Named apart from the demo's template for Gottsunda, which comes first by name ("Gemensam lägesbild Gottsunda"). */
const NAME = 'Kommunens och polisens mall för Gottsunda';
const template = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.gottsunda,
  name: NAME,
  categories: CATEGORIES,
  agreedByIds: [A.uppsalaKommun, A.lpoUppsala],
  visibility: 'SHARED',
  sharedWithIds: [A.lpoUppsala],
  ...overrides,
});
const observation = (category: string) => ({ category, level: 'ELEVATED', trend: 'STABLE', description: 'Iakttaget på områdesnivå.' });
const report = (templateId: string | null, categories: string[], overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.gottsunda,
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
  level: 'ELEVATED',
  trend: 'STABLE',
  summary: 'Kommunens bild av februari.',
  observations: categories.map(observation),
  templateId,
  ...overrides,
});

const counts = async () =>
  (await subgraph.dataSource.query(
    `SELECT (SELECT count(*) FROM situation_reports)::int AS reports, (SELECT count(*) FROM observations)::int AS observations,
            (SELECT count(*) FROM observation_templates)::int AS templates, (SELECT count(*) FROM change_log)::int AS changes`,
  ))[0];

async function createTemplate(who: Who, input: Record<string, unknown>) {
  const response = await subgraph.query(CREATE_TEMPLATE, { input }, as[who]);
  expect(response.errors).toBeUndefined();
  return response.data!.createObservationTemplate;
}

describe('observation templates', () => {
  let gottsunda: { id: string; version: number };

  it('are created by a coordinator for its organisation, with the agreed categories, versioned and logged', async () => {
    const created = await createTemplate('uppsalaCoordinator', template());
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      name: NAME,
      visibility: 'SHARED',
      area: { code: AR.gottsunda },
      agreedBy: [{ id: A.uppsalaKommun }, { id: A.lpoUppsala }],
      owner: { id: A.uppsalaKommun },
      categories: CATEGORIES,
      changeLog: [{ action: 'CREATED' }],
    });
    gottsunda = created;
  });

  // Gottsunda also has the demo's template, shown to the network: every party sees it in the area, first by name.
  it.each([
    ['uppsalaCoordinator', true],
    ['uppsalaMember', true],
    ['uppsalaPolice', true], // shared with
    ['uppsalaChurch', false],
    ['goteborgPolice', false],
    ['nationalCoordinator', false],
    ['administrator', false],
    ['public', false],
  ] as Array<[Who, boolean]>)('are shown per their visibility: %s sees it: %s (root, _entities, Area.observationTemplates)', async (who, sees) => {
    const reps = [{ __typename: 'ObservationTemplate', id: gottsunda.id }, { __typename: 'Area', code: AR.gottsunda }];
    const { data, errors } = await subgraph.query(READ, { id: gottsunda.id, reps }, as[who]);
    expect(errors).toBeUndefined();
    const inArea = [...(who === 'public' ? [] : [{ id: J.template }]), ...(sees ? [{ id: gottsunda.id }] : [])];
    expect(data).toEqual({
      observationTemplate: sees ? { id: gottsunda.id } : null,
      _entities: [sees ? { id: gottsunda.id } : null, { code: AR.gottsunda, observationTemplates: inArea }],
    });
  });

  it('refuse bad input, others\' changes and stale versions, writing nothing', async () => {
    const before = await counts();
    const refusals: Array<[Who, string, Record<string, unknown>, string]> = [
      ['uppsalaCoordinator', CREATE_TEMPLATE, { input: template({ categories: [...CATEGORIES, CATEGORIES[0]] }) }, 'BAD_USER_INPUT'],
      ['uppsalaCoordinator', CREATE_TEMPLATE, { input: template({ categories: [] }) }, 'BAD_USER_INPUT'],
      ['uppsalaCoordinator', CREATE_TEMPLATE, { input: template({ categories: [{ category: 'OTHER', guidingQuestion: 'Gäller 19121212-1212?' }] }) }, 'BAD_USER_INPUT'],
      ['uppsalaCoordinator', CREATE_TEMPLATE, { input: template({ areaCode: '0380-finns-inte' }) }, 'BAD_USER_INPUT'],
      ['uppsalaMember', CREATE_TEMPLATE, { input: template() }, 'FORBIDDEN'],
      ['public', CREATE_TEMPLATE, { input: template() }, 'UNAUTHENTICATED'],
      ['uppsalaPolice', UPDATE_TEMPLATE, { id: gottsunda.id, version: 1, input: { name: 'Polisens mall' } }, 'FORBIDDEN'],
      ['goteborgPolice', UPDATE_TEMPLATE, { id: gottsunda.id, version: 1, input: { name: 'Annans mall' } }, 'NOT_FOUND'],
      ['uppsalaCoordinator', UPDATE_TEMPLATE, { id: gottsunda.id, version: 7, input: { name: 'Gammal version' } }, 'VERSION_CONFLICT'],
      ['uppsalaCoordinator', UPDATE_TEMPLATE, { id: gottsunda.id, version: 1, input: { name: null } }, 'BAD_USER_INPUT'],
      ['goteborgPolice', DELETE_TEMPLATE, { id: gottsunda.id, version: 1 }, 'NOT_FOUND'],
      ['uppsalaCoordinator', DELETE_TEMPLATE, { id: gottsunda.id, version: 2 }, 'VERSION_CONFLICT'],
    ];
    for (const [who, query, variables, code] of refusals) {
      expect([who, JSON.stringify(variables).slice(0, 80), errorCode(await subgraph.query(query, variables, as[who]))]).toEqual([who, JSON.stringify(variables).slice(0, 80), code]);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('the demo template', () => {
  it('is the one Uppsala kommun wrote for Gottsunda, agreed with the police, the church and the tenants, shown to the network', async () => {
    const query = `query($id: ID!) { observationTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`;
    const { data, errors } = await subgraph.query(query, { id: J.template }, as.hyresgast);
    expect(errors).toBeUndefined();
    expect(data!.observationTemplate).toEqual({
      id: J.template,
      version: 1,
      name: 'Gemensam lägesbild Gottsunda',
      visibility: 'NETWORK',
      area: { code: AR.gottsunda },
      agreedBy: [{ id: A.lpoUppsala }, { id: A.svenskaKyrkanUppsala }, { id: A.hyresgastforeningen }],
      owner: { id: A.uppsalaKommun },
      categories: ['YOUTH_GATHERINGS', 'PERCEIVED_SAFETY', 'CRISIS', 'PROTECTIVE_FACTORS'].map((category) => ({ category, guidingQuestion: expect.any(String) })),
    });
    expect((await subgraph.query(query, { id: J.template })).data!.observationTemplate).toBeNull();
  });

  it("is followed by the police's and the municipality's latest Gottsunda reports, and by no other", async () => {
    // The Uppsala police see all nine Gottsunda reports (the municipality's are shared with them).
    const { data, errors } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { situationReports { id templateId template { id } observations { category } } } } }`,
      { r: [{ __typename: 'Area', code: AR.gottsunda }] },
      as.uppsalaPolice,
    );
    expect(errors).toBeUndefined();
    const reports: Array<{ id: string; templateId: string | null; template: { id: string } | null; observations: Array<{ category: string }> }> =
      data!._entities[0].situationReports;
    expect(reports).toHaveLength(9);
    const following = reports.filter((r) => r.templateId !== null);
    expect(following.map((r) => r.id).sort()).toEqual([J.policeQ4, J.municipalityLatest].sort());
    for (const r of following) {
      expect(r.template).toEqual({ id: J.template });
      // Kept to the template's categories.
      for (const { category } of r.observations) expect(['YOUTH_GATHERINGS', 'PERCEIVED_SAFETY', 'CRISIS', 'PROTECTIVE_FACTORS']).toContain(category);
    }
  });
});

describe('a report that names a template', () => {
  let templateId: string;
  let templateVersion: number;
  let reportId: string;
  let reportVersion: number;

  beforeAll(async () => {
    const created = await createTemplate('uppsalaCoordinator', template({ name: 'Mall för rapporter' }));
    templateId = created.id;
    templateVersion = created.version;
  });

  it('is written when its observations are in the template\'s categories', async () => {
    const response = await subgraph.query(CREATE_REPORT, { input: report(templateId, ['YOUTH_GATHERINGS', 'PERCEIVED_SAFETY']) }, as.uppsalaCoordinator);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createSituationReport).toMatchObject({ templateId, template: { id: templateId }, observations: [{ category: 'YOUTH_GATHERINGS' }, { category: 'PERCEIVED_SAFETY' }] });
    ({ id: reportId, version: reportVersion } = response.data!.createSituationReport);
  });

  it('may follow a template of an area containing its own', async () => {
    const uppsala = await createTemplate('uppsalaCoordinator', template({ areaCode: AR.uppsala, name: 'Mall för hela kommunen' }));
    const response = await subgraph.query(CREATE_REPORT, { input: report(uppsala.id, ['PROTECTIVE_FACTORS']) }, as.uppsalaCoordinator);
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['an observation outside the template', 'uppsalaCoordinator', () => report(templateId, ['YOUTH_GATHERINGS', 'DRUGS'])],
    ['a template the writer may not see', 'goteborgPolice', () => report(templateId, ['YOUTH_GATHERINGS'])],
    ['a template of another area', 'uppsalaCoordinator', () => report(templateId, ['YOUTH_GATHERINGS'], { areaCode: AR.angered })],
    ['a template that does not exist', 'uppsalaCoordinator', () => report('00000000-0000-4000-8000-000000000000', ['YOUTH_GATHERINGS'])],
  ] as Array<[string, Who, () => Record<string, unknown>]>)('is refused with BAD_USER_INPUT for %s, writing nothing', async (_what, who, input) => {
    const before = await counts();
    const response = await subgraph.query(CREATE_REPORT, { input: input() }, as[who]);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: expect.stringMatching(/^(templateId|observations)$/) })]);
    expect(await counts()).toEqual(before);
  });

  it('is refused a change that leaves the template, and a template its observations are not in, writing nothing', async () => {
    const before = await counts();
    const stored = async () => (await subgraph.dataSource.query('SELECT version, template_id FROM situation_reports WHERE id = $1', [reportId]))[0];
    const was = await stored();
    const outside = await subgraph.query(UPDATE_REPORT, { id: reportId, version: reportVersion, input: { observations: [observation('DRUGS')] } }, as.uppsalaCoordinator);
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
    const other = await createTemplate('uppsalaCoordinator', template({ name: 'Bara droger', categories: [{ category: 'DRUGS', guidingQuestion: 'Var säljs narkotika öppet?' }] }));
    const afterOther = await counts();
    const switched = await subgraph.query(UPDATE_REPORT, { id: reportId, version: reportVersion, input: { templateId: other.id } }, as.uppsalaCoordinator);
    expect(errorCode(switched)).toBe('BAD_USER_INPUT');
    expect(await stored()).toEqual(was);
    expect(await counts()).toEqual({ ...before, templates: before.templates + 1, changes: before.changes + 1 });
    expect(await counts()).toEqual(afterOther);
  });

  it('is not rewritten when the template changes or is deleted, and stays changeable', async () => {
    const before = (await subgraph.dataSource.query('SELECT version, template_id, updated_at FROM situation_reports WHERE id = $1', [reportId]))[0];
    // The template drops a category the report uses: the report keeps it.
    const changed = await subgraph.query(UPDATE_TEMPLATE, { id: templateId, version: templateVersion, input: { categories: [CATEGORIES[2]] } }, as.uppsalaCoordinator);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateObservationTemplate).toMatchObject({ version: templateVersion + 1, categories: [CATEGORIES[2]] });
    expect((await subgraph.dataSource.query('SELECT version, template_id, updated_at FROM situation_reports WHERE id = $1', [reportId]))[0]).toEqual(before);
    // A change that leaves template and observations alone is not checked against the changed template.
    const summary = await subgraph.query(UPDATE_REPORT, { id: reportId, version: reportVersion, input: { summary: 'Uppdaterad sammanfattning.' } }, as.uppsalaCoordinator);
    expect(summary.errors).toBeUndefined();
    reportVersion = summary.data!.updateSituationReport.version;
    // Deleted: the report keeps the template's id, and its observations; `template` is null.
    const deleted = await subgraph.query(DELETE_TEMPLATE, { id: templateId, version: templateVersion + 1 }, as.uppsalaCoordinator);
    expect(deleted.data).toEqual({ deleteObservationTemplate: templateId });
    const { data } = await subgraph.query('query($id: ID!) { situationReport(id: $id) { templateId template { id } observations { category } } }', { id: reportId }, as.uppsalaCoordinator);
    expect(data!.situationReport).toEqual({ templateId, template: null, observations: [{ category: 'YOUTH_GATHERINGS' }, { category: 'PERCEIVED_SAFETY' }] });
    const log = await subgraph.dataSource.query(`SELECT action FROM change_log WHERE entity_type = 'ObservationTemplate' AND entity_id = $1 ORDER BY sequence`, [templateId]);
    expect(log.map((e: { action: string }) => e.action)).toEqual(['CREATED', 'UPDATED', 'DELETED']);
  });

  it('can drop its template', async () => {
    const dropped = await subgraph.query(UPDATE_REPORT, { id: reportId, version: reportVersion, input: { templateId: null, observations: [observation('DRUGS')] } }, as.uppsalaCoordinator);
    expect(dropped.errors).toBeUndefined();
    expect(dropped.data!.updateSituationReport.templateId).toBeNull();
  });
});

describe('the change feed', () => {
  it('carries templates to those who may see them, and not to others', async () => {
    const FEED = `query($types: [String!]) { situationChanges(types: $types, first: 100) { entries { type id action } } }`;
    const seen = async (who: Who) => (await subgraph.query(FEED, { types: ['ObservationTemplate'] }, as[who])).data!.situationChanges.entries as Array<{ type: string }>;
    const own = await seen('uppsalaMember');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.type === 'ObservationTemplate')).toBe(true);
    expect(await seen('goteborgPolice')).toEqual([]);
  });
});

import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { situationSubgraph } from '../src';
import { errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { Headers, headersForEveryone, Key, KEYS, orgOf, REPORT, SEEDED, sees, sorted, subjectOf, visibleIds, Who } from './people';

/**
 * Who may see and change which situation reports (issue "Who may see and change what"). Every
 * expectation comes from the seed's intent in ./people.ts, not from what the code answers.
 */
let subgraph: TestSubgraph;
let as: Record<Who, Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph);
  as = await headersForEveryone();
});
afterAll(() => subgraph?.stop());

const count = async (table: 'situation_reports' | 'observations' | 'change_log') =>
  (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const counts = async () => [await count('situation_reports'), await count('observations'), await count('change_log')];

/** Everything of a report that visibility governs, read through one fragment on every path. */
const SEEN = `fragment Seen on SituationReport {
  id visibility owner { id } reportedBy { id } sharedWith { id } changeLog { action } observations { category }
}`;

const MATRIX = `query Matrix($reps: [_Any!]!) {
  ${KEYS.map((key) => `${key}: situationReport(id: "${REPORT[key]}") { ...Seen }`).join('\n  ')}
  list: situationReports(first: 100) { totalCount nodes { id } }
  entities: _entities(representations: $reps) {
    __typename
    ... on SituationReport { ...Seen }
    ... on Area { code latestSituationReport { ...Seen } situationReports { id } }
    ... on Actor { id situationReports { id } }
  }
}
${SEEN}`;

/**
 * The reports about exactly each area, newest period first, then the highest id (they are written
 * alike: a week after the period ends). In Gottsunda the municipality's latest (d0…24) ends with last
 * month; four periods end the month before: the tenants' second half (…27), the church's (…25), the
 * police's latest (…23) and the municipality's after the crisis (…04); then the police's third
 * quarter, the tenants' first half (…26) and the police's second quarter (…21), which end together,
 * and the police's first quarter.
 */
const OWN_REPORTS: Record<string, Key[]> = {
  [AR.rinkebyKista]: ['rinkebyAutumn', 'rinkebyMiddle', 'rinkebySpring'],
  [AR.angered]: ['angered', 'angeredMiddle', 'angeredFirst'],
  [AR.gottsunda]: [
    'gottsundaMunicipality',
    'gottsundaTenantsSecond',
    'gottsundaChurch',
    'gottsundaPoliceQ4',
    'gottsunda',
    'gottsundaPoliceQ3',
    'gottsundaTenantsFirst',
    'gottsundaPoliceQ2',
    'gottsundaPoliceQ1',
  ],
  [AR.skaggetorp]: ['skaggetorp'],
  [AR.rosengard]: ['rosengard'],
  [AR.stockholm]: [],
  [AR.farsta]: [],
};
/** The reports in each area and its sub-areas, newest period first. */
const WITHIN: Record<string, Key[]> = { ...OWN_REPORTS, [AR.stockholm]: ['rinkebyAutumn', 'rinkebyMiddle', 'rinkebySpring'] };
/** The reports each actor wrote, newest period first. */
const WRITTEN: Record<string, Key[]> = {
  [A.lpoRinkeby]: ['rinkebyAutumn', 'rinkebyMiddle', 'rinkebySpring'],
  [A.lpoGoteborgNordost]: ['angered', 'angeredMiddle', 'angeredFirst'],
  [A.uppsalaKommun]: ['gottsundaMunicipality', 'gottsunda'],
  [A.lpoUppsala]: ['gottsundaPoliceQ4', 'gottsundaPoliceQ3', 'gottsundaPoliceQ2', 'gottsundaPoliceQ1'],
  [A.svenskaKyrkanUppsala]: ['gottsundaChurch'],
  [A.ostergotlandsStadsmission]: ['skaggetorp'],
  // Rosengård's ends with last month, Gottsunda's second half the month before, its first half earlier.
  [A.hyresgastforeningen]: ['rosengard', 'gottsundaTenantsSecond', 'gottsundaTenantsFirst'],
  [A.fryshuset]: [],
};

const REPRESENTATIONS = [
  ...KEYS.map((key) => ({ __typename: 'SituationReport', id: REPORT[key] })),
  ...Object.keys(OWN_REPORTS).map((code) => ({ __typename: 'Area', code })),
  ...Object.keys(WRITTEN).map((id) => ({ __typename: 'Actor', id })),
];

/** What `who` should read of a seeded report through the `Seen` fragment: null when hidden. */
function seen(who: Who, key: Key) {
  if (!sees(who, key)) return null;
  const { owner, visibility, sharedWith, categories } = SEEDED[key];
  const ownerMember = orgOf(who) === owner;
  return {
    id: REPORT[key],
    visibility,
    owner: { id: owner },
    reportedBy: { id: owner },
    // Who it is shared with, and its history, are the owner's business. The seed writes no change log.
    sharedWith: ownerMember ? sharedWith.map((id) => ({ id })) : null,
    changeLog: ownerMember ? [] : null,
    observations: categories.map((category) => ({ category })),
  };
}

const firstSeen = (who: Who, keys: Key[]) => keys.find((key) => sees(who, key));
const seenIds = (who: Who, keys: Key[]) => keys.filter((key) => sees(who, key)).map((key) => ({ id: REPORT[key] }));

const READERS: Who[] = [
  'public',
  'ngoMember',
  'ngoCoordinator',
  'policeOfficer',
  'policeMember',
  'municipalityOfficial',
  'nationalCoordinator',
  'administrator',
  'goteborgPolice',
  'uppsalaCoordinator',
  'uppsalaPolice',
  'uppsalaChurch',
  'stadsmission',
  'hyresgast',
];

describe('reading: every path shows exactly what the viewer may see', () => {
  describe.each(READERS)('%s', (who) => {
    let response: GraphQLResponse<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    beforeAll(async () => {
      response = await subgraph.query(MATRIX, { reps: REPRESENTATIONS }, as[who]);
    });

    it('answers without errors', () => {
      expect(response.errors).toBeUndefined();
    });

    it('root by id (aliases, fragment): visible reports with their observations, hidden ones null', () => {
      for (const key of KEYS) expect(response.data![key]).toEqual(seen(who, key));
    });

    it('root list and totalCount: only visible reports, and only they are counted', () => {
      const { totalCount, nodes } = response.data!.list;
      expect(sorted(nodes.map((n: { id: string }) => n.id))).toEqual(sorted(visibleIds(who)));
      expect(totalCount).toBe(visibleIds(who).length);
    });

    it('_entities: visible reports resolve, hidden ones are null', () => {
      const reports = response.data!.entities.slice(0, KEYS.length);
      expect(reports).toEqual(KEYS.map((key) => (sees(who, key) ? { __typename: 'SituationReport', ...seen(who, key) } : null)));
    });

    it('Area.latestSituationReport and Area.situationReports: the latest visible report, and visible ones only', () => {
      const areas = response.data!.entities.slice(KEYS.length, KEYS.length + Object.keys(OWN_REPORTS).length);
      expect(areas).toEqual(
        Object.keys(OWN_REPORTS).map((code) => {
          const latest = firstSeen(who, OWN_REPORTS[code]);
          return {
            __typename: 'Area',
            code,
            latestSituationReport: latest ? seen(who, latest) : null,
            situationReports: seenIds(who, WITHIN[code]),
          };
        }),
      );
    });

    it('Actor.situationReports: visible ones only', () => {
      const actors = response.data!.entities.slice(KEYS.length + Object.keys(OWN_REPORTS).length);
      expect(actors).toEqual(Object.keys(WRITTEN).map((id) => ({ __typename: 'Actor', id, situationReports: seenIds(who, WRITTEN[id]) })));
    });
  });

  it('spells out the seed for the public, a party of the Rinkeby-Kista collaboration and the parties in Gottsunda', () => {
    // A cross-check of the table the matrix derives from, in plain words.
    const published = [REPORT.rosengard, REPORT.gottsundaTenantsFirst, REPORT.gottsundaTenantsSecond];
    expect(sorted(visibleIds('public'))).toEqual(sorted(published));
    const network = [
      ...published,
      REPORT.rinkebySpring,
      REPORT.rinkebyMiddle,
      REPORT.angeredFirst,
      REPORT.angeredMiddle,
      REPORT.angered,
      REPORT.gottsundaPoliceQ1,
      REPORT.gottsundaPoliceQ2,
      REPORT.gottsundaPoliceQ3,
      REPORT.gottsundaChurch,
    ];
    expect(sorted(visibleIds('ngoMember'))).toEqual(sorted([...network, REPORT.rinkebyAutumn]));
    expect(sorted(visibleIds('administrator'))).toEqual(sorted(network));
    // The municipality and the police see each other's Gottsunda reports; the church the police's latest only.
    expect(sorted(visibleIds('uppsalaMember'))).toEqual(sorted([...network, REPORT.gottsunda, REPORT.gottsundaMunicipality, REPORT.gottsundaPoliceQ4]));
    expect(sorted(visibleIds('uppsalaPolice'))).toEqual(sorted([...network, REPORT.gottsunda, REPORT.gottsundaMunicipality, REPORT.gottsundaPoliceQ4]));
    expect(sorted(visibleIds('uppsalaChurch'))).toEqual(sorted([...network, REPORT.gottsundaPoliceQ4]));
    expect(sorted(visibleIds('hyresgast'))).toEqual(sorted(network));
  });

  it('shows a SHARED report to each named partner, and its partners to its owner only', async () => {
    const query = `query($id: ID!) { situationReport(id: $id) { id sharedWith { id } } }`;
    const { data: owner } = await subgraph.query(query, { id: REPORT.rinkebyAutumn }, as.policeMember);
    expect(owner!.situationReport.sharedWith).toEqual([{ id: A.rinkebyKistaStadsdel }, { id: A.fryshuset }]);
    for (const who of ['ngoMember', 'municipalityOfficial'] as Who[]) {
      expect((await subgraph.query(query, { id: REPORT.rinkebyAutumn }, as[who])).data!.situationReport).toEqual({ id: REPORT.rinkebyAutumn, sharedWith: null });
    }
    const { data: police } = await subgraph.query(query, { id: REPORT.gottsundaPoliceQ4 }, as.uppsalaPolice);
    expect(police!.situationReport.sharedWith).toEqual([{ id: A.uppsalaKommun }, { id: A.svenskaKyrkanUppsala }]);
    for (const who of ['uppsalaMember', 'uppsalaChurch'] as Who[]) {
      expect((await subgraph.query(query, { id: REPORT.gottsundaPoliceQ4 }, as[who])).data!.situationReport).toEqual({ id: REPORT.gottsundaPoliceQ4, sharedWith: null });
    }
  });
});

const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) {
  updateSituationReport(id: $id, version: $version, input: $input) { id version visibility summary }
}`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteSituationReport(id: $id, version: $version) }`;
const CREATE = `mutation($input: CreateSituationReportInput!) {
  createSituationReport(input: $input) { id version visibility owner { id } reportedBy { id } sharedWith { id } changeLog { action organisationId subject fields } }
}`;
const GET = `query($id: ID!) {
  situationReport(id: $id) { id version visibility summary owner { id } sharedWith { id } observations { category }
    changeLog { action organisationId subject fields at } }
}`;

const newReport = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.uppsala,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  level: 'ELEVATED',
  trend: 'STABLE',
  summary: 'Uppsala kommuns samlade bild av läget i kommunen under vintern.',
  observations: [{ category: 'YOUTH_GATHERINGS', level: 'ELEVATED', trend: 'STABLE', description: 'Unga samlas vid resecentrum kvällstid.' }],
  ...overrides,
});

/** The stored state of a report, straight from the database. */
const stored = async (id: string) =>
  (await subgraph.dataSource.query('SELECT version, visibility, summary, shared_with::text AS shared FROM situation_reports WHERE id = $1', [id]))[0];

describe('writing: only coordinators of the owning organisation change a report', () => {
  it('refuses the public any mutation with UNAUTHENTICATED, writing nothing', async () => {
    const before = await counts();
    expect(errorCode(await subgraph.query(CREATE, { input: newReport() }))).toBe('UNAUTHENTICATED');
    for (const key of ['rosengard', 'skaggetorp'] as Key[]) {
      expect(errorCode(await subgraph.query(UPDATE, { id: REPORT[key], version: 1, input: { summary: 'Ändrad.' } }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await subgraph.query(DELETE, { id: REPORT[key], version: 1 }))).toBe('UNAUTHENTICATED');
    }
    expect(await counts()).toEqual(before);
    expect(await stored(REPORT.rosengard)).toMatchObject({ version: 1, visibility: 'PUBLIC' });
  });

  it.each(['ngoMember', 'policeMember', 'uppsalaMember', 'administrator'] as Who[])('refuses %s (no coordinator) a new report with FORBIDDEN', async (who) => {
    const before = await counts();
    expect(errorCode(await subgraph.query(CREATE, { input: newReport() }, as[who]))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['ngoCoordinator', 'rinkebyAutumn', 'FORBIDDEN'], // shared with Fryshuset: visible, not its own
    ['ngoCoordinator', 'rinkebySpring', 'FORBIDDEN'],
    ['ngoCoordinator', 'rosengard', 'FORBIDDEN'],
    ['ngoCoordinator', 'skaggetorp', 'NOT_FOUND'], // private to the Stadsmission
    ['ngoCoordinator', 'gottsunda', 'NOT_FOUND'], // shared with the Uppsala police only
    ['ngoMember', 'rinkebyAutumn', 'FORBIDDEN'],
    ['ngoMember', 'skaggetorp', 'NOT_FOUND'],
    ['municipalityOfficial', 'rinkebyAutumn', 'FORBIDDEN'],
    ['policeOfficer', 'angered', 'FORBIDDEN'], // another police area's report
    ['policeOfficer', 'gottsunda', 'NOT_FOUND'],
    ['policeMember', 'rinkebyAutumn', 'FORBIDDEN'], // its own organisation's, but not a coordinator
    ['nationalCoordinator', 'angered', 'FORBIDDEN'],
    ['nationalCoordinator', 'rinkebyAutumn', 'NOT_FOUND'],
    ['administrator', 'rinkebySpring', 'FORBIDDEN'],
    ['administrator', 'skaggetorp', 'NOT_FOUND'],
    ['uppsalaPolice', 'gottsunda', 'FORBIDDEN'],
    ['uppsalaMember', 'gottsunda', 'FORBIDDEN'],
    ['hyresgast', 'skaggetorp', 'NOT_FOUND'],
    ['uppsalaCoordinator', 'gottsundaPoliceQ4', 'FORBIDDEN'], // shared with the municipality: visible, not its own
    ['uppsalaChurch', 'gottsundaPoliceQ4', 'FORBIDDEN'],
    ['uppsalaChurch', 'gottsundaMunicipality', 'NOT_FOUND'], // shared with the police only
    ['uppsalaPolice', 'gottsundaMunicipality', 'FORBIDDEN'],
    ['hyresgast', 'gottsundaPoliceQ4', 'NOT_FOUND'],
    ['uppsalaCoordinator', 'gottsundaTenantsSecond', 'FORBIDDEN'], // published by the tenants' association
    ['ngoCoordinator', 'gottsundaChurch', 'FORBIDDEN'],
  ] as Array<[Who, Key, string]>)('refuses %s a change to %s with %s, writing nothing', async (who, key, code) => {
    const id = REPORT[key];
    const before = [await counts(), await stored(id)];
    const update = await subgraph.query(UPDATE, { id, version: 1, input: { summary: 'Ändrad av någon annan.', visibility: 'PUBLIC' } }, as[who]);
    expect(errorCode(update)).toBe(code);
    const remove = await subgraph.query(DELETE, { id, version: 1 }, as[who]);
    expect(errorCode(remove)).toBe(code);
    expect([await counts(), await stored(id)]).toEqual(before);
    if (code === 'NOT_FOUND') {
      // Exactly what an id that never existed gets: nothing tells that the report is there.
      const unknown = '00000000-0000-4000-8000-000000000000';
      const missing = await subgraph.query(UPDATE, { id: unknown, version: 1, input: { summary: 'x' } }, as[who]);
      expect(update.errors![0].message.replace(id, '<id>')).toBe(missing.errors![0].message.replace(unknown, '<id>'));
      expect(Object.keys(update.errors![0].extensions!).sort()).toEqual(Object.keys(missing.errors![0].extensions!).sort());
    }
  });

  it('refuses a coordinator writing in another party\'s name with FORBIDDEN, writing nothing', async () => {
    const before = await counts();
    const response = await subgraph.query(CREATE, { input: newReport({ reportedById: A.lpoUppsala }) }, as.uppsalaCoordinator);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('a report through its life: created, shared, published, deleted, and its change log', () => {
  it('follows the owner\'s choices and logs every change for the owner only', async () => {
    // Created private by default, owned by the writer's organisation.
    const created = await subgraph.query(CREATE, { input: newReport() }, as.uppsalaCoordinator);
    expect(created.errors).toBeUndefined();
    const report = created.data!.createSituationReport;
    expect(report).toMatchObject({
      version: 1,
      visibility: 'OWNER',
      owner: { id: A.uppsalaKommun },
      reportedBy: { id: A.uppsalaKommun },
      sharedWith: [],
      changeLog: [
        {
          action: 'CREATED',
          organisationId: A.uppsalaKommun,
          subject: subjectOf('uppsalaCoordinator'),
          fields: expect.arrayContaining(['areaCode', 'summary', 'observations', 'visibility']),
        },
      ],
    });
    const { id } = report;
    const read = async (who: Who) => (await subgraph.query(GET, { id }, as[who])).data!.situationReport;
    const listed = async (who: Who) =>
      (await subgraph.query(`{ situationReports(filter: { areaCode: "${AR.uppsala}", areaScope: WITHIN }) { totalCount nodes { id } } }`, {}, as[who])).data!
        .situationReports;

    // Another member of the owning organisation sees it and its history; nobody else does.
    expect(await read('uppsalaMember')).toMatchObject({ id, changeLog: [{ action: 'CREATED' }] });
    for (const who of ['uppsalaPolice', 'nationalCoordinator', 'administrator', 'public'] as Who[]) {
      expect(await read(who)).toBeNull();
      expect((await listed(who)).nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    }

    // Shared with the Uppsala police.
    const shared = await subgraph.query(UPDATE, { id, version: 1, input: { visibility: 'SHARED', sharedWithIds: [A.lpoUppsala] } }, as.uppsalaCoordinator);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.updateSituationReport).toMatchObject({ version: 2, visibility: 'SHARED' });
    expect(await read('uppsalaPolice')).toMatchObject({ id, sharedWith: null, changeLog: null, observations: [{ category: 'YOUTH_GATHERINGS' }] });
    expect((await read('uppsalaMember')).sharedWith).toEqual([{ id: A.lpoUppsala }]);
    for (const who of ['ngoMember', 'nationalCoordinator', 'administrator', 'public'] as Who[]) expect(await read(who)).toBeNull();

    // The partner may read it, but not change or delete it; nor may a member of the owner without the coordinator role.
    for (const who of ['uppsalaPolice', 'uppsalaMember'] as Who[]) {
      expect(errorCode(await subgraph.query(UPDATE, { id, version: 2, input: { summary: 'Ändrad.' } }, as[who]))).toBe('FORBIDDEN');
      expect(errorCode(await subgraph.query(DELETE, { id, version: 2 }, as[who]))).toBe('FORBIDDEN');
    }

    // For the network, then for everyone.
    const network = await subgraph.query(UPDATE, { id, version: 2, input: { visibility: 'NETWORK', sharedWithIds: null } }, as.uppsalaCoordinator);
    expect(network.errors).toBeUndefined();
    expect(await read('nationalCoordinator')).toMatchObject({ id, changeLog: null, sharedWith: null });
    expect(await read('public')).toBeNull();
    const published = await subgraph.query(UPDATE, { id, version: 3, input: { visibility: 'PUBLIC', summary: 'Kommunens bild, nu öppen för alla.' } }, as.uppsalaCoordinator);
    expect(published.errors).toBeUndefined();
    expect(await read('public')).toMatchObject({ id, version: 4, summary: 'Kommunens bild, nu öppen för alla.', changeLog: null, sharedWith: null });
    expect((await listed('public')).nodes.map((n: { id: string }) => n.id)).toContain(id);

    // The owner's history: who changed what, oldest first.
    const history = (await read('uppsalaMember')).changeLog;
    expect(history.map((e: { action: string; organisationId: string; subject: string; fields: string[] }) => [e.action, e.organisationId, e.subject, sorted(e.fields)])).toEqual([
      ['CREATED', A.uppsalaKommun, subjectOf('uppsalaCoordinator'), sorted(report.changeLog[0].fields)],
      ['UPDATED', A.uppsalaKommun, subjectOf('uppsalaCoordinator'), ['sharedWithIds', 'visibility']],
      ['UPDATED', A.uppsalaKommun, subjectOf('uppsalaCoordinator'), ['sharedWithIds', 'visibility']],
      ['UPDATED', A.uppsalaKommun, subjectOf('uppsalaCoordinator'), ['summary', 'visibility']],
    ]);

    // A stale version deletes nothing.
    const before = await counts();
    expect(errorCode(await subgraph.query(DELETE, { id, version: 3 }, as.uppsalaCoordinator))).toBe('VERSION_CONFLICT');
    expect(await counts()).toEqual(before);

    // Deleted by its owner: the report and its observations are gone, and the deletion is logged.
    const deleted = await subgraph.query(DELETE, { id, version: 4 }, as.uppsalaCoordinator);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteSituationReport).toBe(id);
    expect(await read('uppsalaCoordinator')).toBeNull();
    expect(await read('public')).toBeNull();
    expect((await subgraph.dataSource.query('SELECT count(*)::int AS n FROM observations WHERE report_id = $1', [id]))[0].n).toBe(0);
    expect(await counts()).toEqual([before[0] - 1, before[1] - 1, before[2] + 1]);
    const log: Array<{ action: string; organisation_id: string; subject: string; entity_type: string }> = await subgraph.dataSource.query(
      'SELECT action, organisation_id, subject, entity_type FROM change_log WHERE entity_id = $1 ORDER BY sequence',
      [id],
    );
    expect(log.map((e) => e.action)).toEqual(['CREATED', 'UPDATED', 'UPDATED', 'UPDATED', 'DELETED']);
    expect(log[4]).toEqual({ action: 'DELETED', organisation_id: A.uppsalaKommun, subject: subjectOf('uppsalaCoordinator'), entity_type: 'SituationReport' });

    // Once deleted, it is NOT_FOUND for its owner too.
    expect(errorCode(await subgraph.query(DELETE, { id, version: 4 }, as.uppsalaCoordinator))).toBe('NOT_FOUND');
    expect(errorCode(await subgraph.query(UPDATE, { id, version: 4, input: { summary: 'x' } }, as.uppsalaCoordinator))).toBe('NOT_FOUND');
  });

  it('lets the owner of a seeded report change and delete it', async () => {
    const changed = await subgraph.query(UPDATE, { id: REPORT.skaggetorp, version: 1, input: { summary: 'Stadsmissionens uppdaterade bild av Skäggetorp.' } }, as.stadsmission);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateSituationReport).toMatchObject({ version: 2, visibility: 'OWNER' });
    const { data } = await subgraph.query(GET, { id: REPORT.skaggetorp }, as.stadsmission);
    expect(data!.situationReport.changeLog).toMatchObject([{ action: 'UPDATED', organisationId: A.ostergotlandsStadsmission, subject: subjectOf('stadsmission'), fields: ['summary'] }]);
    const deleted = await subgraph.query(DELETE, { id: REPORT.skaggetorp, version: 2 }, as.stadsmission);
    expect(deleted.data).toEqual({ deleteSituationReport: REPORT.skaggetorp });
    expect((await subgraph.query(GET, { id: REPORT.skaggetorp }, as.stadsmission)).data!.situationReport).toBeNull();
  });

  it('keeps the change log append-only', async () => {
    const before = await subgraph.dataSource.query('SELECT * FROM change_log ORDER BY sequence');
    expect(before.length).toBeGreaterThan(0);
    await expect(subgraph.dataSource.query(`UPDATE change_log SET subject = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query(`UPDATE change_log SET action = 'CREATED' WHERE action = 'DELETED'`)).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('DELETE FROM change_log')).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query('TRUNCATE change_log')).rejects.toThrow(/append-only/);
    expect(await subgraph.dataSource.query('SELECT * FROM change_log ORDER BY sequence')).toEqual(before);
  });
});

import { Client } from 'pg';
import { DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, PEOPLE, graphql, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * The access matrix: for each person × entity × path, exactly the rows and fields the rules allow.
 * The expectation comes from the rules written out here, applied to the rows in each subgraph's
 * database, not from the code under test.
 */
let federation: TestFederation;

interface OwnedRow {
  id: string;
  owner_id: string;
  visibility: 'PUBLIC' | 'NETWORK' | 'SHARED' | 'OWNER';
  shared_with: string[];
  /** An agreement's named parties, who see it whatever its visibility (issue 14); none for other records. */
  named?: string[];
}

const rows: Record<'agreements' | 'situation' | 'activities', OwnedRow[]> = { agreements: [], situation: [], activities: [] };

async function ownedRows(url: string, table: string, extra = ''): Promise<OwnedRow[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT id, owner_id, visibility, shared_with ${extra} FROM ${table} r`)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  federation = await startFederation();
  rows.agreements = await ownedRows(
    federation.databases.agreements,
    'agreements',
    ', ARRAY(SELECT p.actor_id FROM agreement_parties p WHERE p.agreement_id = r.id) AS named',
  );
  rows.situation = await ownedRows(federation.databases.situation, 'situation_reports');
  rows.activities = await ownedRows(federation.databases.activities, 'activities');
}, 180000);
afterAll(() => federation?.stop());

type Person = { organisationId: string; roles: readonly Role[] } | null;

/** The rule of the issue, written out: public, network, shared with named organisations, owner only; and an agreement to the parties it names. */
function mayRead(row: OwnedRow, person: Person): boolean {
  if (row.visibility === 'PUBLIC') return true;
  if (!person) return false;
  if (row.named?.includes(person.organisationId)) return true;
  if (row.visibility === 'NETWORK' || row.owner_id === person.organisationId) return true;
  return row.visibility === 'SHARED' && row.shared_with.includes(person.organisationId);
}

const ROLES: Array<[string, Person]> = [
  ['public', null],
  ['NGO member', PEOPLE.ngoMember],
  ['police officer', PEOPLE.policeOfficer],
  ['municipality official', PEOPLE.municipalityOfficial],
  ['national coordinator', PEOPLE.nationalCoordinator],
  ['administrator', PEOPLE.administrator],
];

const headersFor = async (person: Person) => (person ? bearer(person.organisationId, [...person.roles]) : {});
const sorted = (ids: Array<string | undefined | null>) => ids.filter((id): id is string => !!id).sort();
const visibleIds = (table: OwnedRow[], person: Person) => sorted(table.filter((row) => mayRead(row, person)).map((row) => row.id));

it('has demo data at every visibility level, so the matrix tests something', () => {
  for (const table of [rows.agreements, rows.situation, rows.activities]) {
    expect(new Set(table.map((row) => row.visibility)).size).toBeGreaterThanOrEqual(3);
  }
});

describe.each(ROLES)('%s', (_role, person) => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = await headersFor(person);
  });

  describe('situation reports', () => {
    it('root list and its total count', async () => {
      const { data } = await federation.query('{ situationReports(first: 100) { totalCount nodes { id } } }', {}, headers);
      expect(sorted(data!.situationReports.nodes.map((r: { id: string }) => r.id))).toEqual(visibleIds(rows.situation, person));
      expect(data!.situationReports.totalCount).toBe(visibleIds(rows.situation, person).length);
    });

    it('root by id, with aliases: hidden ones are null', async () => {
      const query = `{ ${rows.situation.map((row, i) => `r${i}: situationReport(id: "${row.id}") { id }`).join(' ')} }`;
      const { data } = await federation.query(query, {}, headers);
      expect(sorted(Object.values(data!).map((r) => (r as { id: string } | null)?.id))).toEqual(visibleIds(rows.situation, person));
    });

    it('nested through the gateway: Area.situationReports, Actor.situationReports, latest report', async () => {
      const { data } = await federation.query(
        `{ area(code: "SE") { situationReports { id } }
           areas(first: 100, filter: { kinds: [DISTRICT] }) { nodes { latestSituationReport { id } } }
           actors(first: 100) { nodes { situationReports { ...R } } } }
         fragment R on SituationReport { id }`,
        {},
        headers,
      );
      const visible = visibleIds(rows.situation, person);
      expect(sorted(data!.area.situationReports.map((r: { id: string }) => r.id))).toEqual(visible);
      expect(sorted(data!.actors.nodes.flatMap((a: { situationReports: Array<{ id: string }> }) => a.situationReports.map((r) => r.id)))).toEqual(visible);
      for (const latest of data!.areas.nodes.map((a: { latestSituationReport: { id: string } | null }) => a.latestSituationReport?.id)) {
        if (latest) expect(visible).toContain(latest);
      }
    });

    it('_entities sent straight to the subgraph', async () => {
      const { data } = await graphql(
        federation.subgraphs.situation.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on SituationReport { id summary } } }',
        { r: rows.situation.map((row) => ({ __typename: 'SituationReport', id: row.id })) },
        headers,
      );
      expect(sorted(data!._entities.map((r: { id: string } | null) => r?.id))).toEqual(visibleIds(rows.situation, person));
    });
  });

  describe('agreements', () => {
    it('root list, count, by id and nested in areas and actors', async () => {
      const { data } = await federation.query(
        `{ agreements(first: 100) { totalCount nodes { id } }
           area(code: "SE") { agreements { id } }
           actors(first: 100) { nodes { agreements { id } } }
           ${rows.agreements.map((row, i) => `a${i}: agreement(id: "${row.id}") { ... on Agreement { id } }`).join(' ')} }`,
        {},
        headers,
      );
      const visible = visibleIds(rows.agreements, person);
      expect(sorted(data!.agreements.nodes.map((a: { id: string }) => a.id))).toEqual(visible);
      expect(data!.agreements.totalCount).toBe(visible.length);
      expect(sorted(data!.area.agreements.map((a: { id: string }) => a.id))).toEqual(visible);
      expect(sorted([...new Set<string>(data!.actors.nodes.flatMap((a: { agreements: Array<{ id: string }> }) => a.agreements.map((x) => x.id)))])).toEqual(visible);
      expect(sorted(rows.agreements.map((_row, i) => (data![`a${i}`] as { id: string } | null)?.id))).toEqual(visible);
    });

    it('funding agreements of activities resolve only when visible', async () => {
      const { data } = await federation.query('{ activities(first: 100) { nodes { fundingAgreement { id } } } }', {}, headers);
      const visible = visibleIds(rows.agreements, person);
      for (const funded of data!.activities.nodes.map((a: { fundingAgreement: { id: string } | null }) => a.fundingAgreement?.id)) {
        if (funded) expect(visible).toContain(funded);
      }
    });

    it('_entities sent straight to the subgraph', async () => {
      const { data } = await graphql(
        federation.subgraphs.agreements.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { id title } } }',
        { r: rows.agreements.map((row) => ({ __typename: 'Agreement', id: row.id })) },
        headers,
      );
      expect(sorted(data!._entities.map((a: { id: string } | null) => a?.id))).toEqual(visibleIds(rows.agreements, person));
    });
  });

  describe('activities', () => {
    it('are all listed; internal fields only where the owner allows, the internal classification never to the public', async () => {
      const { data } = await federation.query(
        `{ activities(first: 100) { totalCount nodes { id title internalClassification participantCount } }
           area(code: "${DEMO_AREAS.sweden}") { activities { id internalClassification } } }`,
        {},
        headers,
      );
      expect(data!.activities.totalCount).toBe(rows.activities.length);
      const byId = new Map(rows.activities.map((row) => [row.id, row]));
      for (const activity of [...data!.activities.nodes, ...data!.area.activities]) {
        const allowed = mayRead(byId.get(activity.id)!, person);
        expect(activity.internalClassification !== null).toBe(allowed && person !== null);
        if ('participantCount' in activity && !allowed) expect(activity.participantCount).toBeNull();
      }
    });

    it('_entities sent straight to the subgraph hide internal fields the same way', async () => {
      const { data } = await graphql(
        federation.subgraphs.activities.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { id internalClassification } } }',
        { r: rows.activities.map((row) => ({ __typename: 'Activity', id: row.id })) },
        headers,
      );
      const byId = new Map(rows.activities.map((row) => [row.id, row]));
      for (const activity of data!._entities) {
        expect(activity.internalClassification !== null).toBe(mayRead(byId.get(activity.id)!, person) && person !== null);
      }
    });
  });

  describe('actors', () => {
    it('basic entries are public; change logs only for the owning organisation', async () => {
      const { data } = await federation.query('{ actors(first: 100) { totalCount nodes { id changeLog { action } } } }', {}, headers);
      expect(data!.actors.totalCount).toBeGreaterThan(30);
      for (const actor of data!.actors.nodes) {
        if (actor.id !== person?.organisationId) expect(actor.changeLog).toBeNull();
      }
    });
  });
});

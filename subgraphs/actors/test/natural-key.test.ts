import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { createDataSource, dropDatabase } from '@samverkan/platform';
import { actorsSubgraph } from '../src';
import { UniqueOrganisationNumbers1764300000000 } from '../src/migrations/1764300000000-UniqueOrganisationNumbers';
import { bearer, errorCode, freshDatabase, organisationNumber, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** An organisation number is the registry's natural key: one actor per number, however it is written and whoever asks. */
let subgraph: TestSubgraph;
let coordinator: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  coordinator = await bearer(DEMO_ACTORS.uppsalaKommun, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const CREATE = `mutation($input: CreateActorInput!) { createActor(input: $input) { id organisationNumber version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateActorInput!) { updateActor(id: $id, version: $version, input: $input) { version organisationNumber } }`;

async function counts(number: string) {
  const [row] = await subgraph.dataSource.query(
    `SELECT (SELECT count(*)::int FROM actors WHERE organisation_number = $1) AS holders, (SELECT count(*)::int FROM change_log) AS changes`,
    [number],
  );
  return row as { holders: number; changes: number };
}

const create = (name: string, number: string, headers = coordinator) =>
  subgraph.query(CREATE, { input: { name, kind: 'CIVIL_SOCIETY', organisationNumber: number } }, headers);

describe('organisation numbers', () => {
  it('stores the ten-digit form as NNNNNN-NNNN', async () => {
    const number = organisationNumber('802500100');
    const { data, errors } = await create('Förening utan bindestreck', number.replace('-', ''));
    expect(errors).toBeUndefined();
    expect(data!.createActor.organisationNumber).toBe(number);
  });

  it.each([
    ['as written', organisationNumber('802500200'), (n: string) => n],
    ['without the dash', organisationNumber('802500201'), (n: string) => n.replace('-', '')],
  ])('refuses a number already registered, given %s, naming the actor holding it, and writes nothing', async (_form, number, written) => {
    const first = await create('Gottsunda Schackklubb', number);
    expect(first.errors).toBeUndefined();
    const holder = first.data!.createActor.id;
    const before = await counts(number);

    const second = await create('Gottsunda Schackklubb (igen)', written(number));
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors![0].message).toBe(`organisationNumber ${number} is already registered: "Gottsunda Schackklubb" (actor ${holder})`);
    expect(second.errors![0].extensions!.fields).toEqual([
      { field: 'organisationNumber', message: `already registered: "Gottsunda Schackklubb" (actor ${holder})` },
    ]);
    expect(await counts(number)).toEqual(before);
  });

  it("refuses an update to another actor's number and writes nothing; keeping its own is fine", async () => {
    const [taken, own] = [organisationNumber('802500300'), organisationNumber('802500301')];
    const holder = (await create('Sävja IF', taken)).data!.createActor.id;
    const other = (await create('Gränby IK', own)).data!.createActor.id;
    const before = await counts(taken);

    const response = await subgraph.query(UPDATE, { id: other, version: 1, input: { organisationNumber: taken.replace('-', '') } }, coordinator);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([{ field: 'organisationNumber', message: `already registered: "Sävja IF" (actor ${holder})` }]);
    expect(await counts(taken)).toEqual(before);
    const [row] = await subgraph.dataSource.query('SELECT version, organisation_number FROM actors WHERE id = $1', [other]);
    expect(row).toEqual({ version: 1, organisation_number: own });

    const same = await subgraph.query(UPDATE, { id: other, version: 1, input: { organisationNumber: own, name: 'Gränby IK Uppsala' } }, coordinator);
    expect(same.errors).toBeUndefined();
    expect(same.data!.updateActor).toEqual({ version: 2, organisationNumber: own });
  });

  it('lets exactly one of 50 concurrent registrations of a number win; the others get the same clear refusal', async () => {
    const number = organisationNumber('802500400');
    const before = await counts(number);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => create(`Samtidig förening ${i}`, i % 2 ? number : number.replace('-', ''))));
    const won = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => errorCode(r) === 'BAD_USER_INPUT');
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const winner = won[0].data!.createActor.id;
    const [{ name }] = await subgraph.dataSource.query('SELECT name FROM actors WHERE id = $1', [winner]);
    for (const response of refused) {
      expect(response.errors![0].extensions!.fields).toEqual([{ field: 'organisationNumber', message: `already registered: "${name}" (actor ${winner})` }]);
    }
    expect(await counts(number)).toEqual({ holders: 1, changes: before.changes + 1 });
  });

  it('makes the import refuse a number already registered (in either form), importing nothing', async () => {
    const number = organisationNumber('802500500');
    const holder = (await create('Stenhagens Fritidsgård', number)).data!.createActor.id;
    const before = await counts(number);
    const { data } = await subgraph.query(
      `mutation($csv: String!) { importAssociations(csv: $csv) { imported duplicateCount rows { status problems { field message } } } }`,
      { csv: `name;organisation_number\nStenhagens Fritidsgård igen;${number.replace('-', '')}` },
      coordinator,
    );
    expect(data!.importAssociations).toEqual({
      imported: 0,
      duplicateCount: 1,
      rows: [{ status: 'DUPLICATE', problems: [{ field: 'organisation_number', message: `${number} is already registered: "Stenhagens Fritidsgård" (actor ${holder})` }] }],
    });
    expect(await counts(number)).toEqual(before);
  });
});

describe('the migration that makes the number unique', () => {
  it('normalises stored numbers, and stops, naming them, when two actors hold one', async () => {
    const url = await freshDatabase('actors_key');
    const migrations = actorsSubgraph.migrations;
    const before = createDataSource({ url, entities: actorsSubgraph.entities, migrations: migrations.slice(0, migrations.indexOf(UniqueOrganisationNumbers1764300000000)) });
    await before.initialize();
    try {
      await before.runMigrations({ transaction: 'each' });
      const number = organisationNumber('802500600');
      const [a, b] = [organisationNumber('802500601'), number];
      await before.query(
        `INSERT INTO actors (id, name, kind, organisation_number, owner_id, version) VALUES
          ('c0000000-0000-4000-8000-000000000001', 'Första', 'CIVIL_SOCIETY', $1, 'c0000000-0000-4000-8000-000000000001', 1),
          ('c0000000-0000-4000-8000-000000000002', 'Andra', 'CIVIL_SOCIETY', $2, 'c0000000-0000-4000-8000-000000000002', 1),
          ('c0000000-0000-4000-8000-000000000003', 'Tredje', 'CIVIL_SOCIETY', $3, 'c0000000-0000-4000-8000-000000000003', 1)`,
        [a.replace('-', ''), b, ` ${b.replace('-', '')}`],
      );
      const all = createDataSource({ url, entities: actorsSubgraph.entities, migrations });
      await all.initialize();
      try {
        await expect(all.runMigrations({ transaction: 'each' })).rejects.toThrow(
          new RegExp(`${number}: c0000000-0000-4000-8000-000000000002 "Andra", c0000000-0000-4000-8000-000000000003 "Tredje"`),
        );
        await before.query(`DELETE FROM actors WHERE name = 'Tredje'`);
        await all.runMigrations({ transaction: 'each' });
        expect(await before.query('SELECT organisation_number FROM actors ORDER BY name')).toEqual([
          { organisation_number: b },
          { organisation_number: a },
        ]);
      } finally {
        await all.destroy();
      }
    } finally {
      await before.destroy();
      await dropDatabase(url);
    }
  });
});

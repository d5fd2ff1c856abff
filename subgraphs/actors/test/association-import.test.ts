import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { bearer, errorCode, organisationNumber, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;
/** A coordinator of Uppsala kommun, which imports its association register. */
let municipality: Record<string, string>;

beforeAll(async () => {
  // The actors subgraph takes request bodies of up to 3 MB, so a 2 MB file reaches the import's own limit.
  subgraph = await startTestSubgraph(actorsSubgraph);
  municipality = await bearer(DEMO_ACTORS.uppsalaKommun, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importAssociations(csv: $csv, dryRun: $dryRun) {
    dryRun rowCount validCount invalidCount duplicateCount imported importedServices
    rows { line status name organisationNumber actorId serviceId problems { field message } }
  }
}`;

const importCsv = (csv: string, headers: Record<string, string> = municipality, dryRun?: boolean) => subgraph.query(IMPORT, { csv, dryRun }, headers);

/** Counts of what an import writes. */
async function counts() {
  const [row] = await subgraph.dataSource.query(`SELECT
    (SELECT count(*)::int FROM actors) AS actors, (SELECT count(*)::int FROM services) AS services,
    (SELECT count(*)::int FROM actor_areas) AS "actorAreas", (SELECT count(*)::int FROM change_log) AS changes`);
  return row as { actors: number; services: number; actorAreas: number; changes: number };
}

describe('importing an association register', () => {
  it('imports every row of a good file, owned by the importing municipality, with services and change log', async () => {
    const [a, b, c] = [organisationNumber('802400100'), organisationNumber('802400101'), organisationNumber('802400102')];
    const csv = [
      'name;organisation_number;kind;area_codes;website;description;service_name;service_category;target_groups;age_min;age_max',
      `Gottsunda IF;${a};;0380-gottsunda;https://gottsundaif.example.se;Fotboll för alla åldrar;Fotbollsskola;SPORT;CHILDREN|YOUNG_PEOPLE;7;15`,
      `Uppsala läxhjälpsförening;${b.replace('-', '')};civil_society;0380 0380-gottsunda;;Läxhjälp på biblioteket;Läxhjälp;HOMEWORK_HELP;CHILDREN YOUNG_PEOPLE;10;16`,
      `Församlingen i Gottsunda;${c};FAITH_COMMUNITY;0380-gottsunda;;;;;;;`,
    ].join('\n');

    const before = await counts();
    const { data, errors } = await importCsv(csv);
    expect(errors).toBeUndefined();
    const report = data!.importAssociations;
    expect(report).toMatchObject({ dryRun: false, rowCount: 3, validCount: 3, invalidCount: 0, duplicateCount: 0, imported: 3, importedServices: 2 });
    expect(report.rows.map((r: { line: number; status: string; organisationNumber: string }) => [r.line, r.status, r.organisationNumber])).toEqual([
      [2, 'VALID', a],
      [3, 'VALID', b],
      [4, 'VALID', c],
    ]);
    expect(await counts()).toEqual({
      actors: before.actors + 3,
      services: before.services + 2,
      actorAreas: before.actorAreas + 4,
      changes: before.changes + 5,
    });

    const [gottsunda, laxhjalp, church] = report.rows;
    const owners = await subgraph.dataSource.query('SELECT id, owner_id, kind, parent_id FROM actors WHERE id = ANY($1) ORDER BY name', [
      report.rows.map((r: { actorId: string }) => r.actorId),
    ]);
    expect(owners.every((o: { owner_id: string; parent_id: string | null }) => o.owner_id === DEMO_ACTORS.uppsalaKommun && o.parent_id === null)).toBe(true);
    expect(church.serviceId).toBeNull();

    const { data: read } = await subgraph.query(
      `query($id: ID!) { actor(id: $id) { name kind organisationNumber website description areas { code }
         changeLog { action organisationId fields } } }`,
      { id: laxhjalp.actorId },
      municipality,
    );
    expect(read!.actor).toEqual({
      name: 'Uppsala läxhjälpsförening',
      kind: 'CIVIL_SOCIETY',
      organisationNumber: b,
      website: null,
      description: 'Läxhjälp på biblioteket',
      areas: [{ code: DEMO_AREAS.uppsala }, { code: DEMO_AREAS.gottsunda }],
      changeLog: [{ action: 'CREATED', organisationId: DEMO_ACTORS.uppsalaKommun, fields: ['name', 'kind', 'organisationNumber', 'areaCodes', 'description'] }],
    });
    const [service] = await subgraph.dataSource.query(
      `SELECT s.name, s.category, s.target_groups, s.age_min, s.age_max, s.actor_id,
         ARRAY(SELECT area_code FROM service_areas WHERE service_id = s.id ORDER BY area_code) AS areas,
         (SELECT organisation_id FROM change_log WHERE entity_id = s.id AND action = 'CREATED') AS logged_by
       FROM services s WHERE s.id = $1`,
      [gottsunda.serviceId],
    );
    expect(service).toEqual({
      name: 'Fotbollsskola',
      category: 'SPORT',
      target_groups: ['CHILDREN', 'YOUNG_PEOPLE'],
      age_min: 7,
      age_max: 15,
      actor_id: gottsunda.actorId,
      areas: [DEMO_AREAS.gottsunda],
      logged_by: DEMO_ACTORS.uppsalaKommun,
    });
  });

  it('reads comma-separated files with quoted values, line breaks in values, a BOM and CRLF line ends', async () => {
    const number = organisationNumber('802400200');
    const csv =
      '\uFEFFName,Organisation_Number,Area_Codes,Description\r\n' +
      `"Föreningen Trygg, Säker och Glad",${number},0380,"Nattvandring i Gottsunda.\r\nVarje fredag, året runt."\r\n` +
      '\r\n' +
      'Schackklubben Springaren,,0380,"Schack ""för alla"""\r\n';
    const { data, errors } = await importCsv(csv);
    expect(errors).toBeUndefined();
    const report = data!.importAssociations;
    expect(report).toMatchObject({ rowCount: 2, validCount: 2, imported: 2, importedServices: 0 });
    expect(report.rows.map((r: { line: number; name: string }) => [r.line, r.name])).toEqual([
      [2, 'Föreningen Trygg, Säker och Glad'],
      [5, 'Schackklubben Springaren'],
    ]);
    const rows = await subgraph.dataSource.query('SELECT name, kind, description FROM actors WHERE id = ANY($1) ORDER BY name', [
      report.rows.map((r: { actorId: string }) => r.actorId),
    ]);
    expect(rows).toEqual([
      { name: 'Föreningen Trygg, Säker och Glad', kind: 'CIVIL_SOCIETY', description: 'Nattvandring i Gottsunda.\nVarje fredag, året runt.' },
      { name: 'Schackklubben Springaren', kind: 'CIVIL_SOCIETY', description: 'Schack "för alla"' },
    ]);
  });

  it('imports nothing when one row is bad, and names the row and its problems', async () => {
    const csv = [
      'name;organisation_number;kind;area_codes;website;service_name;service_category;target_groups;age_min;age_max',
      `Bra förening;${organisationNumber('802400300')};;0380;;;;;;`,
      `;12345;GANG;9999 Uppsala;ftp://example.se;Läxhjälp;HOMEWORK;KIDS;15;10`,
      `Också bra;${organisationNumber('802400301')};;0380;;;;;;`,
      `Fel antal kolumner;;;0380`,
      `Tjänst utan område;;;;;Fotboll;;;x;`,
    ].join('\n');
    const before = await counts();
    const { data, errors } = await importCsv(csv);
    expect(errors).toBeUndefined();
    const report = data!.importAssociations;
    expect(report).toMatchObject({ rowCount: 5, validCount: 2, invalidCount: 3, duplicateCount: 0, imported: 0, importedServices: 0 });
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['VALID', 'INVALID', 'VALID', 'INVALID', 'INVALID']);
    expect(report.rows.every((r: { actorId: string | null }) => r.actorId === null)).toBe(true);
    expect(await counts()).toEqual(before);

    const bad = report.rows[1];
    expect(bad.line).toBe(3);
    const fields = bad.problems.map((p: { field: string }) => p.field);
    expect(new Set(fields)).toEqual(
      new Set(['name', 'organisation_number', 'kind', 'area_codes', 'website', 'service_category', 'target_groups', 'age_max']),
    );
    const message = (field: string) => bad.problems.filter((p: { field: string }) => p.field === field).map((p: { message: string }) => p.message).join(' | ');
    expect(message('organisation_number')).toMatch(/NNNNNN-NNNN/);
    expect(message('kind')).toMatch(/"GANG" is not one of .*CIVIL_SOCIETY/);
    expect(message('area_codes')).toMatch(/area codes/);
    expect(message('website')).toMatch(/http\(s\) URL/);
    expect(message('age_max')).toMatch(/below age_min/);

    expect(report.rows[3]).toMatchObject({ line: 5, problems: [{ field: 'csv', message: expect.stringMatching(/4 values but the header has 10/) }] });
    expect(report.rows[4].problems.map((p: { field: string }) => p.field).sort()).toEqual(['age_min', 'area_codes', 'service_category', 'target_groups']);
  });

  it('reports unknown area codes found in the registry', async () => {
    const { data } = await importCsv(`name;area_codes\nFörening i okänd kommun;0380 9999 0180-nowhere`, municipality, true);
    expect(data!.importAssociations.rows[0]).toMatchObject({
      status: 'INVALID',
      problems: [{ field: 'area_codes', message: 'unknown area codes: 9999, 0180-nowhere' }],
    });
  });

  it('validates only on a dry run, writing nothing', async () => {
    const number = organisationNumber('802400400');
    const csv = `name;organisation_number;area_codes;service_name;service_category;target_groups\nProvförening;${number};0380;Läxhjälp;HOMEWORK_HELP;CHILDREN`;
    const before = await counts();
    const { data, errors } = await importCsv(csv, municipality, true);
    expect(errors).toBeUndefined();
    expect(data!.importAssociations).toMatchObject({ dryRun: true, rowCount: 1, validCount: 1, imported: 0, importedServices: 0 });
    expect(data!.importAssociations.rows[0]).toMatchObject({ status: 'VALID', problems: [], actorId: null, serviceId: null });
    expect(await counts()).toEqual(before);
    // The same file imports afterwards.
    expect((await importCsv(csv)).data!.importAssociations).toMatchObject({ imported: 1, importedServices: 1 });
  });

  it('refuses an organisation number with a wrong check digit', async () => {
    const valid = organisationNumber('802400500');
    const wrong = `${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`;
    const { data } = await importCsv(`name;organisation_number\nFelskrivet nummer;${wrong}`);
    expect(data!.importAssociations).toMatchObject({ invalidCount: 1, imported: 0 });
    expect(data!.importAssociations.rows[0]).toMatchObject({
      status: 'INVALID',
      organisationNumber: wrong,
      problems: [{ field: 'organisation_number', message: expect.stringMatching(/check digit/) }],
    });
  });

  it('flags organisation numbers already registered or repeated in the file, and imports nothing', async () => {
    const registered = organisationNumber('802400600');
    expect((await importCsv(`name;organisation_number\nRegistrerad förening;${registered}`)).data!.importAssociations.imported).toBe(1);
    const repeated = organisationNumber('802400601');
    const csv = `name;organisation_number\nRegistrerad igen;${registered}\nNy förening;${repeated}\nNy förening (dubblett);${repeated.replace('-', '')}`;
    const before = await counts();
    const { data } = await importCsv(csv);
    const report = data!.importAssociations;
    expect(report).toMatchObject({ rowCount: 3, validCount: 1, duplicateCount: 2, invalidCount: 0, imported: 0 });
    expect(report.rows).toMatchObject([
      { line: 2, status: 'DUPLICATE', problems: [{ field: 'organisation_number', message: expect.stringMatching(/already registered: "Registrerad förening"/) }] },
      { line: 3, status: 'VALID' },
      { line: 4, status: 'DUPLICATE', problems: [{ field: 'organisation_number', message: `${repeated} is also on line 3` }] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['more than 5,000 rows', () => ['name', ...Array.from({ length: 5001 }, (_, i) => `Förening ${i}`)].join('\n'), /5001 rows; at most 5000/],
    ['more than 2 MB', () => `name;description\nStor förening;${'x'.repeat(2 * 1024 * 1024)}`, /larger than 2 MB/],
    ['an unknown column', () => 'name;kontaktperson\nFörening;Anna Andersson', /unknown column "kontaktperson"/],
    ['no name column', () => 'organisation_number\n802005-9740', /no "name" column/],
    ['a header without rows', () => 'name;kind\n', /no rows/],
    ['an unclosed quote', () => 'name;kind\n"Förening;CIVIL_SOCIETY\n', /not valid CSV/],
    ['text that is not UTF-8', () => Buffer.from('name\nIdrottsföreningen Kärran', 'latin1').toString('utf8'), /not UTF-8/],
  ])('refuses a file with %s as BAD_USER_INPUT, writing nothing', async (_case, csv, message) => {
    const before = await counts();
    const response = await importCsv(csv());
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('imports 5,000 rows in one go', async () => {
    const csv = ['name;area_codes;service_name;service_category;target_groups', ...Array.from({ length: 5000 }, (_, i) => `Massförening ${i};0380;Idrott ${i};SPORT;YOUNG_PEOPLE`)].join('\n');
    const before = await counts();
    const { data, errors } = await importCsv(csv);
    expect(errors).toBeUndefined();
    expect(data!.importAssociations).toMatchObject({ rowCount: 5000, imported: 5000, importedServices: 5000 });
    expect(await counts()).toEqual({ actors: before.actors + 5000, services: before.services + 5000, actorAreas: before.actorAreas + 5000, changes: before.changes + 10000 });
  });
});

describe('who may import', () => {
  it.each([
    ['the public', async () => ({}), 'UNAUTHENTICATED'],
    ['a member without a coordinator role', () => bearer(DEMO_ACTORS.uppsalaKommun, [Role.MEMBER]), 'FORBIDDEN'],
    ['an administrator', () => bearer(DEMO_ACTORS.uppsalaKommun, [Role.ADMINISTRATOR]), 'FORBIDDEN'],
  ])('refuses %s, also a dry run, writing nothing', async (_who, headers, code) => {
    const before = await counts();
    for (const dryRun of [false, true]) {
      const response = await importCsv('name\nObehörig förening', await headers(), dryRun);
      expect(errorCode(response)).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets the importing municipality maintain the new entries, and not the associations' other neighbours", async () => {
    const { data } = await importCsv('name;area_codes\nFörening att vårda;0380');
    const id = data!.importAssociations.rows[0].actorId;
    const update = `mutation($id: ID!) { updateActor(id: $id, version: 1, input: { description: "Uppdaterad av kommunen" }) { version } }`;
    expect(errorCode(await subgraph.query(update, { id }, await bearer(DEMO_ACTORS.goteborgsStad, [Role.COORDINATOR])))).toBe('FORBIDDEN');
    expect((await subgraph.query(update, { id }, municipality)).data!.updateActor).toEqual({ version: 2 });
  });
});

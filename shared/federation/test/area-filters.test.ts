import { Client } from 'pg';
import { dropDatabase, freshDatabase } from '@samverkan/test-support';
import { areaPrefilterSql, areaFilterSql, areaKeyRangesSql, AreaScope, inAreaRangeSql, plainAreaKeysSql } from '../src/areas';

/**
 * The area filters' SQL shapes against the rule written out here in TypeScript (so the test checks
 * the rule, not the SQL against itself), over every pair of a set of codes that includes odd ones,
 * and that each shape is one an index on the area column serves.
 */

const rule = (code: string, scope: AreaScope, value: string): boolean => {
  const within =
    code === 'SE' || value === code || (code.length === 2 && value.startsWith(code)) || (code.length === 4 && value.startsWith(`${code}-`));
  return within || (scope === AreaScope.OVERLAPPING && ['SE', code.slice(0, 2), code.slice(0, 4)].includes(value));
};

const CODES = [
  'SE', '01', '09', '14', '25', '0180', '0181', '0980', '1480', '2584', '0180-rinkeby-kista', '0180-jarva', '0181-a-b', '0980-x',
  '1480-angered', '2584-z', // real shapes
  '0', '', 'X', 'se', '018', '01800', '0180x', '0180-', '01-a', '2', // odd ones: still the rule's answer
];
const SCOPES = [AreaScope.WITHIN, AreaScope.OVERLAPPING];

let url: string;
let db: Client;

beforeAll(async () => {
  url = await freshDatabase('area_filters');
  db = new Client(url);
  await db.connect();
  await db.query('CREATE TABLE records (id serial PRIMARY KEY, area_code text NOT NULL)');
  await db.query('CREATE INDEX records_area_code ON records (area_code text_pattern_ops)');
  await db.query('INSERT INTO records (area_code) SELECT unnest($1::text[])', [CODES]);
});

afterAll(async () => {
  await db?.end();
  if (url) await dropDatabase(url);
});

/** A `bind` for positional parameters after `offset` others. */
function positional(offset = 0) {
  const values: Array<string | string[]> = [];
  const bind = (value: string | string[]) => {
    values.push(value);
    return `$${offset + values.length}::${Array.isArray(value) ? 'text[]' : 'text'}`;
  };
  return { bind, values };
}

const expected = (code: string, scope: AreaScope) => CODES.filter((value) => rule(code, scope, value)).sort();

describe.each(SCOPES)('%s', (scope) => {
  test('areaFilterSql, one code: exactly the rule', async () => {
    for (const code of CODES) {
      const { bind, values } = positional();
      const { rows } = await db.query(`SELECT area_code FROM records WHERE ${areaFilterSql('area_code', code, scope, bind)}`, values);
      expect([code, rows.map((r) => r.area_code).sort()]).toEqual([code, expected(code, scope)]);
    }
  });

  test('areaKeyRangesSql joined by inAreaRangeSql, all codes in one batch: exactly the rule, each record once per code', async () => {
    const { rows } = await db.query(
      `SELECT k.key, t.area_code FROM records t JOIN ${areaKeyRangesSql(plainAreaKeysSql('$1::text[]'), scope)} AS k ON ${inAreaRangeSql('t.area_code', 'k')}`,
      [CODES],
    );
    for (const code of CODES) {
      expect([code, rows.filter((r) => r.key === code).map((r) => r.area_code).sort()]).toEqual([code, expected(code, scope)]);
    }
  });

  test('wider_area marks exactly the matches only OVERLAPPING brings in', async () => {
    const { rows } = await db.query(
      `SELECT k.key, t.area_code, k.wider_area FROM records t JOIN ${areaKeyRangesSql(plainAreaKeysSql('$1::text[]'), scope)} AS k ON ${inAreaRangeSql('t.area_code', 'k')}`,
      [CODES],
    );
    for (const row of rows) expect([row.key, row.area_code, row.wider_area]).toEqual([row.key, row.area_code, !rule(row.key, AreaScope.WITHIN, row.area_code)]);
  });

  test('areaPrefilterSql: the union of the codes, TRUE for none', async () => {
    const codes = ['0180', '01', '0980-x'];
    const { bind, values } = positional();
    const { rows } = await db.query(`SELECT area_code FROM records WHERE ${areaPrefilterSql('area_code', codes, scope, bind)}`, values);
    expect(rows.map((r) => r.area_code).sort()).toEqual(CODES.filter((value) => codes.some((code) => rule(code, scope, value))).sort());
    expect(areaPrefilterSql('area_code', [], scope, bind)).toBe('TRUE');
  });

  test('each shape is an index condition, for one code and for a joined list', async () => {
    await db.query('SET enable_seqscan = off');
    try {
      for (const code of ['01', '0180', '0180-rinkeby-kista']) {
        const { bind, values } = positional();
        const plan = await db.query(`EXPLAIN SELECT id FROM records WHERE ${areaFilterSql('area_code', code, scope, bind)}`, values);
        const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
        expect([code, text]).toEqual([code, expect.stringContaining('Index Cond')]);
        expect(text).not.toContain('Seq Scan on records');
      }
      const plan = await db.query(
        `EXPLAIN SELECT t.id FROM ${areaKeyRangesSql(plainAreaKeysSql('$1::text[]'), scope)} AS k JOIN records t ON ${inAreaRangeSql('t.area_code', 'k')}`,
        [['0180', '01']],
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Cond: \(\(area_code ~>=~ .*\) AND \(area_code ~<~ .*\)\)/);
      expect(text).not.toContain('Seq Scan on records');
    } finally {
      await db.query('RESET enable_seqscan');
    }
  });

  test('SE needs no condition', () => {
    expect(areaFilterSql('area_code', 'SE', scope, positional().bind)).toBe('TRUE');
  });
});

import { DEMO_AREAS } from '@samverkan/demo';
import { actorsSubgraph } from '../src';
import { haversineKm, haversineKmSql } from '@samverkan/federation';
import { LoadMunicipalityPoints1764200000300, municipalityPoints } from '../src/migrations/1764200000300-LoadMunicipalityPoints';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
});
afterAll(() => subgraph?.stop());

interface AreaPoint {
  code: string;
  name: string;
  kind: string;
  location: { latitude: number; longitude: number } | null;
}

/** Sweden's bounding box, with a little margin (Smygehuk 55.34 N, Treriksröset 69.06 N, Koster 10.96 E, Haparanda 24.17 E). */
const inSweden = ({ latitude, longitude }: { latitude: number; longitude: number }) =>
  latitude >= 55 && latitude <= 69.1 && longitude >= 10.9 && longitude <= 24.2;

async function allAreas(kinds: string[]): Promise<AreaPoint[]> {
  const found: AreaPoint[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data?: any; errors?: unknown } = await subgraph.query( // eslint-disable-line @typescript-eslint/no-explicit-any
      `query($kinds: [AreaKind!], $after: String) {
        areas(filter: { kinds: $kinds }, first: 100, after: $after) { nodes { code name kind location { latitude longitude } } pageInfo { hasNextPage endCursor } }
      }`,
      { kinds, after },
    );
    expect(errors).toBeUndefined();
    found.push(...data.areas.nodes);
    if (!data.areas.pageInfo.hasNextPage) return found;
    after = data.areas.pageInfo.endCursor;
  }
}

describe('area points', () => {
  it('gives every county and municipality a point in Sweden', async () => {
    const areas = await allAreas(['COUNTY', 'MUNICIPALITY']);
    expect(areas.filter((a) => a.kind === 'COUNTY')).toHaveLength(21);
    expect(areas.filter((a) => a.kind === 'MUNICIPALITY')).toHaveLength(290);
    const outside = areas.filter((a) => !a.location || !inSweden(a.location));
    expect(outside).toEqual([]);
  });

  it('gives the demo districts, old and new, points inside their municipality', async () => {
    const districts = await allAreas(['DISTRICT']);
    const codes = [DEMO_AREAS.rinkebyKista, DEMO_AREAS.skaggetorp, DEMO_AREAS.rosengard, DEMO_AREAS.angered, DEMO_AREAS.hyllie, DEMO_AREAS.biskopsgarden];
    const municipalities = new Map((await allAreas(['MUNICIPALITY'])).map((m) => [m.code, m.location!]));
    for (const code of codes) {
      const district = districts.find((d) => d.code === code);
      expect(district?.location).not.toBeNull();
      // A district lies within a few kilometres of its municipality's main town.
      expect(haversineKm(district!.location!, municipalities.get(code.slice(0, 4))!)).toBeLessThan(20);
    }
  });

  it.each([
    // Known town centres (WGS 84); a representative point lies within a few kilometres.
    ['0180', 'Stockholm', 59.3293, 18.0686],
    ['1480', 'Göteborg', 57.7089, 11.9746],
    ['1280', 'Malmö', 55.605, 13.0038],
    ['2584', 'Kiruna', 67.8558, 20.2253],
  ])('puts %s (%s) where it is', async (code, name, latitude, longitude) => {
    const { data } = await subgraph.query(`query($code: ID!) { area(code: $code) { name location { latitude longitude } } }`, { code });
    expect(data!.area.name).toBe(name);
    expect(haversineKm(data!.area.location, { latitude, longitude })).toBeLessThan(10);
  });

  it("gives a county its seat's point", async () => {
    const { data } = await subgraph.query(`{
      stockholmsLan: area(code: "01") { location { latitude longitude } }
      stockholm: area(code: "0180") { location { latitude longitude } }
      norrbotten: area(code: "25") { name location { latitude longitude } }
      lulea: area(code: "2580") { name location { latitude longitude } }
    }`);
    expect(data!.stockholmsLan.location).toEqual(data!.stockholm.location);
    expect(data!.lulea.name).toBe('Luleå');
    expect(data!.norrbotten.location).toEqual(data!.lulea.location);
  });

  it('reads a point for each of the 290 municipalities from the data file', () => {
    const points = municipalityPoints();
    expect(points).toHaveLength(290);
    expect(new Set(points.map((p) => p.code)).size).toBe(290);
    expect(points.every((p) => /^\d{4}$/.test(p.code) && inSweden(p))).toBe(true);
  });

  it('keeps points that were set already, and fills the missing ones', async () => {
    const runner = subgraph.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      // A hand-set point for Kiruna, no point for Gällivare nor for Norrbotten.
      await runner.query(`UPDATE areas SET latitude = 67.86, longitude = 20.23 WHERE code = '2584'`);
      await runner.query(`UPDATE areas SET latitude = NULL, longitude = NULL WHERE code IN ('2523', '25')`);
      await new LoadMunicipalityPoints1764200000300().up(runner);
      const rows: Array<{ code: string; latitude: number; longitude: number }> = await runner.query(
        `SELECT code, latitude, longitude FROM areas WHERE code IN ('2584', '2523', '25', '2580') ORDER BY code`,
      );
      const byCode = new Map(rows.map((r) => [r.code, r]));
      expect(byCode.get('2584')).toMatchObject({ latitude: 67.86, longitude: 20.23 });
      const gallivare = municipalityPoints().find((p) => p.code === '2523')!;
      expect(byCode.get('2523')).toMatchObject({ latitude: gallivare.latitude, longitude: gallivare.longitude });
      expect(byCode.get('25')).toMatchObject({ latitude: byCode.get('2580')!.latitude, longitude: byCode.get('2580')!.longitude });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('haversine distance', () => {
  const stockholm = { latitude: 59.3293, longitude: 18.0686 };
  const goteborg = { latitude: 57.7089, longitude: 11.9746 };

  it('measures Stockholm–Göteborg at about 398 km, in SQL as in TypeScript', async () => {
    const expression = haversineKmSql({ latitude: '$1::float8', longitude: '$2::float8' }, { latitude: '$3::float8', longitude: '$4::float8' });
    const [{ km }] = await subgraph.dataSource.query(`SELECT ${expression} AS km`, [
      stockholm.latitude,
      stockholm.longitude,
      goteborg.latitude,
      goteborg.longitude,
    ]);
    expect(km).toBeGreaterThan(390);
    expect(km).toBeLessThan(405);
    expect(km).toBeCloseTo(haversineKm(stockholm, goteborg), 6);
  });

  it('is zero for the same point and NULL without a point', async () => {
    const same = haversineKmSql({ latitude: 'a.latitude', longitude: 'a.longitude' }, { latitude: 'a.latitude', longitude: 'a.longitude' });
    const rows = await subgraph.dataSource.query(
      `SELECT a.code, ${same} AS km FROM areas a WHERE a.code IN ('0180', 'SE') UNION ALL SELECT 'none', ${haversineKmSql(
        { latitude: 'NULL::float8', longitude: '18.0' },
        { latitude: '59.0', longitude: '18.0' },
      )}`,
    );
    expect(rows.find((r: { code: string }) => r.code === '0180').km).toBeCloseTo(0, 9);
    expect(rows.find((r: { code: string }) => r.code === 'none').km).toBeNull();
  });
});

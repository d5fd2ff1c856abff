import { DataSource, EntityManager } from 'typeorm';
import { seededRandom, SeededRandom } from '@samverkan/demo';
import { TARGET_GROUPS, TargetGroup } from '@samverkan/federation';

/**
 * A deterministic, national-scale actors registry for benchmarks: every municipality, districts
 * for the larger ones, actors spread roughly by population, about three services each, with
 * Swedish names and descriptions (so that Swedish full-text search meets realistic text) and
 * gaps (rare categories, districts without associations) for the coverage queries to find.
 *
 * It writes into a migrated actors database (the 290 municipalities and their points loaded) that
 * holds no generated data yet, in batches of multi-row `INSERT ... SELECT FROM unnest(...)`, all in
 * one transaction.
 */
export interface RegistrySize {
  /** How many actors to create. */
  actors: number;
  /** How many services to create, spread over the actors (about three each at national scale). */
  services: number;
  /** Seed of the pseudo-random choices: the same seed and sizes give the same registry. */
  seed: number;
}

export interface GeneratedRegistry {
  actors: number;
  services: number;
  districts: number;
  actorAreas: number;
  serviceAreas: number;
}

/** Rows per INSERT statement. */
const BATCH = 5000;

type Random = SeededRandom;

/** Approximate populations of the largest municipalities (SCB, rounded); the rest get a drawn size. */
const POPULATION: Record<string, number> = {
  '0180': 985000, '1480': 600000, '1280': 362000, '0380': 245000, '0580': 167000, '1880': 159000, '1980': 158000,
  '1283': 151000, '0581': 145000, '0680': 144000, '2480': 132000, '1281': 128000, '1490': 114000, '0484': 107000,
  '1380': 104000, '2180': 103000, '2281': 100000, '0127': 96000, '0780': 96000, '1780': 95000, '0182': 91000,
  '0162': 86000, '0126': 80000, '2380': 65000, '2580': 80000, '1384': 65000, '0183': 70000, '0184': 78000,
  '1290': 86000, '1485': 56000, '1482': 58000, '0360': 28000, '2584': 22000,
};

const KINDS = [
  ['CIVIL_SOCIETY', 62], ['FAITH_COMMUNITY', 8], ['SCHOOL', 10], ['MUNICIPALITY', 8], ['BUSINESS', 6], ['POLICE', 3], ['REGION', 2], ['NATIONAL_AUTHORITY', 1],
] as const;
type Kind = (typeof KINDS)[number][0];

const CATEGORIES = [
  ['SPORT', 25], ['CULTURE', 12], ['OPEN_MEETING_PLACE', 10], ['PARENT_SUPPORT', 8], ['OUTREACH', 6], ['EXIT_PROGRAMME', 0.6],
  ['CRISIS_SUPPORT', 2], ['SAFETY_HOSTS', 5], ['HOMEWORK_HELP', 10], ['SUMMER_JOBS', 4], ['MENTORING', 6], ['VICTIM_SUPPORT', 1.5],
  ['COUNSELLING', 5], ['OTHER', 3],
] as const;
type Category = (typeof CATEGORIES)[number][0];

const SUPPORT_NEEDS = ['NPF_COMPETENCE', 'LEADER_TRAINING', 'FUNDING', 'PREMISES', 'INTERPRETERS', 'SAFETY_ADVICE'];

// Word lists: inflected Swedish forms, so that stemming and prefix search have something to do.
const DISTRICT_FIRST = ['Björk', 'Ek', 'Gran', 'Lind', 'Sjö', 'Berg', 'Äng', 'Tall', 'Hag', 'Rosen', 'Kvarn', 'Hammar', 'Skogs', 'Strand', 'Bäck', 'Hög'];
const DISTRICT_LAST = ['hagen', 'dalen', 'backen', 'torp', 'gården', 'holmen', 'viken', 'lund', 'berga', 'by', 'ängen', 'höjden', 'sta', 'vik'];
const SPORTS = ['Fotboll', 'Innebandy', 'Basket', 'Boxning', 'Simning', 'Friidrott', 'Dans', 'Brottning', 'Parkour', 'Handboll', 'Judo', 'Klättring', 'Ishockey', 'Bandy', 'Schack'];
const CLUB_FORMS = ['Idrottsförening', 'Idrottsklubb', 'Sportklubb', 'Fotbollsklubb', 'Bollklubb', 'Boxningsklubb', 'Innebandyklubb', 'Dansförening'];
const THEMES = ['Unga röster', 'Framtidens unga', 'Grannar emellan', 'Trygga kvarter', 'Läxhjälpen', 'Kulturhuset', 'Ungdomens hus', 'Tjejjouren', 'Föräldranätverket', 'Mötesplatsen', 'Vuxna på stan', 'Fritidsklubben'];
const ORG_FORMS = ['förening', 'föreningen', 'stiftelsen', 'nätverket', 'ideella förening', 'kulturförening', 'ungdomsförening'];
const FAITH = ['församling', 'pastorat', 'moské', 'kyrka', 'missionsförsamling', 'ortodoxa församling'];
const SCHOOL_NAMES = ['skolan', 'grundskola', 'gymnasium', 'högstadieskola', 'friskola'];
const MUNICIPAL_UNITS = ['fritidsförvaltning', 'socialtjänst', 'fältgrupp', 'fritidsgård', 'kulturskola', 'områdesförvaltning'];
const BUSINESSES = ['Bostäder AB', 'Fastigheter', 'Bostadsbolag', 'Handelsförening', 'Energi AB'];

const ACTIVITIES: Record<Category, string[]> = {
  SPORT: ['fotbollsträningar', 'innebandyträning', 'simskola', 'boxningspass', 'dansträningar', 'spontanidrott på helgerna', 'matcher och turneringar'],
  CULTURE: ['teatergrupper', 'musikundervisning', 'körsång', 'bildverkstäder', 'filmskapande', 'skrivarverkstad'],
  OPEN_MEETING_PLACE: ['öppen verksamhet på kvällarna', 'fritidsgården', 'mötesplatser för unga', 'läger under loven', 'fika och spel'],
  PARENT_SUPPORT: ['föräldragrupper', 'föräldrautbildningar', 'stöd till föräldrar', 'föräldraträffar', 'familjeverksamhet'],
  OUTREACH: ['fältarbete på kvällar och helger', 'uppsökande arbete', 'vuxennärvaro i centrum', 'samtal med ungdomarna där de är'],
  EXIT_PROGRAMME: ['stöd till den som vill lämna kriminella nätverk', 'avhopparverksamhet', 'samtal med avhoppare', 'stöd att bryta med gängen'],
  CRISIS_SUPPORT: ['krisstöd efter våldshändelser', 'jourtelefon', 'stödsamtal vid kriser', 'krisgrupper'],
  SAFETY_HOSTS: ['nattvandringar', 'trygghetsvärdar', 'trygghetsvandringar', 'vuxna på stan på fredagskvällar'],
  HOMEWORK_HELP: ['läxhjälp', 'läxläsning', 'studiestöd', 'mattehjälp', 'läsfrämjande aktiviteter'],
  SUMMER_JOBS: ['sommarjobb', 'feriearbeten', 'praktikplatser', 'jobbcoachning'],
  MENTORING: ['mentorsprogram', 'förebilder', 'ledarskapsutbildningar', 'unga ledare'],
  VICTIM_SUPPORT: ['stöd till brottsutsatta', 'vittnesstöd', 'stöd till anhöriga'],
  COUNSELLING: ['samtalsstöd', 'stödsamtal', 'kuratorssamtal', 'samtalsgrupper'],
  OTHER: ['språkcaféer', 'matlagning', 'utflykter', 'friluftsliv'],
};
const AUDIENCES = ['barn', 'ungdomar', 'tjejer', 'killar', 'unga vuxna', 'nyanlända familjer', 'barn och unga med NPF', 'föräldrar', 'alla åldrar'];
const CLOSINGS = [
  'Alla är välkomna och det kostar ingenting att delta.',
  'Våra ledare är utbildade och vi samarbetar med skolan och socialtjänsten.',
  'Verksamheten drivs av ideella ledare med stöd av kommunen.',
  'Vi träffas i våra lokaler varje vecka under terminerna.',
  'Anmälan behövs inte, kom förbi när det passar.',
  'Vi söker fler volontärer som vill engagera sig.',
];
const AGE_RANGES: ReadonlyArray<readonly [number | null, number | null, number]> = [
  [6, 9, 8], [7, 12, 12], [10, 15, 12], [13, 18, 14], [13, 25, 8], [16, 25, 8], [0, 5, 4], [null, null, 14], [12, null, 6], [null, 12, 4], [18, 30, 3],
];

const genitive = (place: string) => (/[sxz]$/.test(place) ? place : `${place}s`);

interface Municipality {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  weight: number;
  districts: string[];
  /** Districts where no association or faith community works (registry gaps). */
  quietDistricts: Set<string>;
}

/** Actor and service ids: a prefix from the seed, the kind of record and a running number. */
const uuid = (seed: number, variant: '8' | '9', n: number) =>
  `e${(seed >>> 0).toString(16).padStart(8, '0').slice(-7)}-0000-4000-${variant}000-${String(n).padStart(12, '0')}`;

function actorName(rng: Random, kind: Kind, place: string): string {
  switch (kind) {
    case 'CIVIL_SOCIETY':
      return rng.weighted([
        [`${genitive(place)} ${rng.pick(CLUB_FORMS)}`, 4],
        [`${rng.pick(THEMES)} ${place}`, 3],
        [`${place} ${rng.pick(SPORTS)}`, 2],
        [`${rng.pick(['Hyresgästföreningen', 'Rädda Barnen', 'Röda Korset', 'Scouterna', 'KFUM', 'Fältbiologerna', 'Studieförbundet Vuxenskolan'])} ${place}`, 3],
        [`${rng.pick(THEMES)}s ${rng.pick(ORG_FORMS)} i ${place}`, 2],
      ] as const);
    case 'FAITH_COMMUNITY':
      return `${place} ${rng.pick(FAITH)}`;
    case 'SCHOOL':
      return `${rng.pick(DISTRICT_FIRST)}${rng.pick(DISTRICT_LAST)}${rng.pick(SCHOOL_NAMES)} i ${place}`;
    case 'MUNICIPALITY':
      return `${genitive(place)} ${rng.pick(MUNICIPAL_UNITS)}`;
    case 'BUSINESS':
      return `${place} ${rng.pick(BUSINESSES)}`;
    case 'POLICE':
      return `Lokalpolisområde ${place}`;
    case 'REGION':
      return `Ungdomsmottagningen ${place}`;
    case 'NATIONAL_AUTHORITY':
      return `Myndighetskontoret ${place}`;
  }
}

function description(rng: Random, category: Category, place: string): string {
  const activities = ACTIVITIES[category];
  return `Vi erbjuder ${rng.pick(activities)} och ${rng.pick(activities)} för ${rng.pick(AUDIENCES)} i ${place}. ${rng.pick(CLOSINGS)}`;
}

function targetGroups(rng: Random, category: Category, ageMin: number | null, ageMax: number | null): TargetGroup[] {
  const groups = new Set<TargetGroup>();
  if (ageMin === null || ageMin <= 12) groups.add(TargetGroup.CHILDREN);
  if (ageMax === null || ageMax >= 13) groups.add(TargetGroup.YOUNG_PEOPLE);
  if (category === 'PARENT_SUPPORT' || rng.chance(0.1)) groups.add(TargetGroup.PARENTS);
  if (rng.chance(0.06)) groups.add(TargetGroup.PEOPLE_WITH_NPF);
  if (category === 'SAFETY_HOSTS' && rng.chance(0.5)) groups.add(TargetGroup.RESIDENTS);
  if (rng.chance(0.03)) groups.add(rng.pick(TARGET_GROUPS));
  return [...groups];
}

/** Inserts rows column by column: `columns` are [name, SQL array type, values]. */
async function insertRows(manager: EntityManager, table: string, columns: Array<[string, string, unknown[]]>, conflict = ''): Promise<void> {
  const rows = columns[0][2].length;
  for (let start = 0; start < rows; start += BATCH) {
    const slice = columns.map(([, , values]) => values.slice(start, start + BATCH));
    const names = columns.map(([name]) => name).join(', ');
    const params = columns.map(([, type], i) => `$${i + 1}::${type}`).join(', ');
    await manager.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params}) ${conflict}`, slice);
  }
}

/** Fills a migrated actors database with a generated registry of the given size. */
export async function generateRegistry(dataSource: DataSource, { actors, services, seed }: RegistrySize): Promise<GeneratedRegistry> {
  const rng = seededRandom(seed);
  const rows: Array<{ code: string; name: string; latitude: number | null; longitude: number | null }> = await dataSource.query(
    `SELECT code, name, latitude, longitude FROM areas WHERE kind = 'MUNICIPALITY' ORDER BY code`,
  );
  if (rows.length === 0) throw new Error('generateRegistry needs a migrated actors database (no municipalities found)');

  // Municipalities, weighted by population; districts for the larger ones.
  const districts: Array<{ code: string; name: string; parent: string; latitude: number; longitude: number }> = [];
  const municipalities: Municipality[] = rows.map((row) => {
    const population = POPULATION[row.code] ?? Math.round(2500 + 45000 * rng.next() ** 2);
    const m: Municipality = {
      code: row.code,
      name: row.name,
      latitude: row.latitude ?? 62,
      longitude: row.longitude ?? 15,
      weight: population,
      districts: [],
      quietDistricts: new Set(),
    };
    if (population >= 90000) {
      const count = Math.max(3, Math.min(14, Math.round(population / 45000)));
      for (let n = 1; n <= count; n++) {
        const code = `${row.code}-omrade-${n}`;
        districts.push({
          code,
          name: `${rng.pick(DISTRICT_FIRST)}${rng.pick(DISTRICT_LAST)}`,
          parent: row.code,
          latitude: m.latitude + (rng.next() - 0.5) * 0.08,
          longitude: m.longitude + (rng.next() - 0.5) * 0.14,
        });
        m.districts.push(code);
        // About one district in six has no association infrastructure.
        if (rng.chance(1 / 6)) m.quietDistricts.add(code);
      }
    }
    return m;
  });
  const cumulative: number[] = [];
  municipalities.reduce((sum, m) => (cumulative.push(sum + m.weight), sum + m.weight), 0);
  const total = cumulative[cumulative.length - 1];
  const pickMunicipality = () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return municipalities[lo];
  };
  const districtName = new Map(districts.map((d) => [d.code, d.name]));

  // Actors and the areas they work in.
  const actorIds: string[] = [];
  const actorNames: string[] = [];
  const actorKinds: string[] = [];
  const actorDescriptions: string[] = [];
  const actorReceives: boolean[] = [];
  const actorNeeds: string[] = [];
  const actorPlaces: string[] = [];
  const actorAreas: string[][] = [];
  const actorMunicipality: Municipality[] = [];
  for (let i = 0; i < actors; i++) {
    const kind = rng.weighted(KINDS);
    const m = pickMunicipality();
    const civil = kind === 'CIVIL_SOCIETY' || kind === 'FAITH_COMMUNITY';
    let area: string;
    const scope = rng.next();
    if (scope < 0.01 && kind !== 'SCHOOL') area = 'SE';
    else if (scope < 0.04) area = m.code.slice(0, 2);
    else if (m.districts.length && rng.chance(0.6)) {
      const district = rng.pick(m.districts);
      area = civil && m.quietDistricts.has(district) ? m.code : district;
    } else area = m.code;
    const areas = [area];
    if (area.length > 4 && rng.chance(0.15)) {
      const other = rng.pick(m.districts);
      if (other !== area && !(civil && m.quietDistricts.has(other))) areas.push(other);
    }
    const place = area.length > 4 ? districtName.get(area)! : m.name;
    actorIds.push(uuid(seed, '8', i + 1));
    actorNames.push(actorName(rng, kind, place).slice(0, 200));
    actorKinds.push(kind);
    actorDescriptions.push(description(rng, rng.weighted(CATEGORIES), place));
    actorReceives.push(civil && rng.chance(0.25));
    actorNeeds.push(civil && rng.chance(0.3) ? [...new Set([rng.pick(SUPPORT_NEEDS), rng.pick(SUPPORT_NEEDS)])].join(',') : '');
    actorPlaces.push(place);
    actorAreas.push(areas);
    actorMunicipality.push(m);
  }

  // Services: each offered by a random actor, mostly where the actor works.
  const serviceIds: string[] = [];
  const serviceActors: string[] = [];
  const serviceNames: string[] = [];
  const serviceDescriptions: string[] = [];
  const serviceCategories: string[] = [];
  const serviceGroups: string[] = [];
  const serviceAgeMin: Array<number | null> = [];
  const serviceAgeMax: Array<number | null> = [];
  const serviceAreaLinks: Array<[string, string]> = [];
  for (let i = 0; i < services; i++) {
    const a = actors > 0 ? rng.int(actors) : -1;
    if (a < 0) throw new Error('services need actors');
    const category = rng.weighted(CATEGORIES);
    const [ageMin, ageMax] = rng.weighted(AGE_RANGES.map(([min, max, w]) => [[min, max] as const, w] as const));
    const place = actorPlaces[a];
    const id = uuid(seed, '9', i + 1);
    const activity = rng.pick(ACTIVITIES[category]);
    serviceIds.push(id);
    serviceActors.push(actorIds[a]);
    serviceNames.push(`${activity[0].toUpperCase()}${activity.slice(1)} för ${rng.pick(AUDIENCES)} i ${place}`.slice(0, 200));
    serviceDescriptions.push(description(rng, category, place));
    serviceCategories.push(category);
    serviceGroups.push(targetGroups(rng, category, ageMin, ageMax).join(','));
    serviceAgeMin.push(ageMin);
    serviceAgeMax.push(ageMax);
    const areas = new Set([rng.pick(actorAreas[a])]);
    const m = actorMunicipality[a];
    if (rng.chance(0.1) && m.districts.length) areas.add(rng.pick(m.districts));
    for (const code of areas) serviceAreaLinks.push([id, code]);
  }

  const actorAreaLinks = actorIds.flatMap((id, i) => actorAreas[i].map((code) => [id, code] as [string, string]));
  await dataSource.transaction(async (manager) => {
    await insertRows(
      manager,
      'areas',
      [
        ['code', 'text[]', districts.map((d) => d.code)],
        ['name', 'text[]', districts.map((d) => d.name)],
        ['kind', 'text[]', districts.map(() => 'DISTRICT')],
        ['parent_code', 'text[]', districts.map((d) => d.parent)],
        ['latitude', 'float8[]', districts.map((d) => d.latitude)],
        ['longitude', 'float8[]', districts.map((d) => d.longitude)],
      ],
      'ON CONFLICT (code) DO NOTHING',
    );
    await insertActors(manager, { actorIds, actorNames, actorKinds, actorDescriptions, actorReceives, actorNeeds });
    await insertRows(manager, 'actor_areas', [
      ['actor_id', 'uuid[]', actorAreaLinks.map(([id]) => id)],
      ['area_code', 'text[]', actorAreaLinks.map(([, code]) => code)],
    ]);
    await insertServices(manager, { serviceIds, serviceActors, serviceNames, serviceDescriptions, serviceCategories, serviceGroups, serviceAgeMin, serviceAgeMax });
    await insertRows(manager, 'service_areas', [
      ['service_id', 'uuid[]', serviceAreaLinks.map(([id]) => id)],
      ['area_code', 'text[]', serviceAreaLinks.map(([, code]) => code)],
    ]);
  });
  // Statistics for the planner, and the visibility map for index-only scans, as autovacuum would leave them.
  await dataSource.query('VACUUM (ANALYZE) areas, actors, actor_areas, services, service_areas, coverage_offered, coverage_presence');
  return { actors, services, districts: districts.length, actorAreas: actorAreaLinks.length, serviceAreas: serviceAreaLinks.length };
}

async function insertActors(
  manager: EntityManager,
  a: { actorIds: string[]; actorNames: string[]; actorKinds: string[]; actorDescriptions: string[]; actorReceives: boolean[]; actorNeeds: string[] },
) {
  for (let start = 0; start < a.actorIds.length; start += BATCH) {
    const end = start + BATCH;
    await manager.query(
      `INSERT INTO actors (id, name, kind, description, owner_id, version, receives_young_people_at_risk, support_needs)
       SELECT id, name, kind, description, id, 1, receives, string_to_array(needs, ',')
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[]) AS t(id, name, kind, description, receives, needs)`,
      [a.actorIds, a.actorNames, a.actorKinds, a.actorDescriptions, a.actorReceives, a.actorNeeds].map((values) => values.slice(start, end)),
    );
  }
}

async function insertServices(
  manager: EntityManager,
  s: {
    serviceIds: string[];
    serviceActors: string[];
    serviceNames: string[];
    serviceDescriptions: string[];
    serviceCategories: string[];
    serviceGroups: string[];
    serviceAgeMin: Array<number | null>;
    serviceAgeMax: Array<number | null>;
  },
) {
  for (let start = 0; start < s.serviceIds.length; start += BATCH) {
    const end = start + BATCH;
    await manager.query(
      `INSERT INTO services (id, actor_id, name, description, category, target_groups, age_min, age_max, version)
       SELECT id, actor_id, name, description, category, string_to_array(groups, ','), age_min, age_max, 1
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
           AS t(id, actor_id, name, description, category, groups, age_min, age_max)`,
      [s.serviceIds, s.serviceActors, s.serviceNames, s.serviceDescriptions, s.serviceCategories, s.serviceGroups, s.serviceAgeMin, s.serviceAgeMax].map(
        (values) => values.slice(start, end),
      ),
    );
  }
}

import { seededRandom, SeededRandom, seededUuid } from './seeded-random';

/**
 * The generated layer of the demo data: where hand-written records would be thin (a national view
 * needs activity in many counties and a situation history long enough for a trend), the demo seeds
 * add records drawn deterministically from one seed. This module holds what the subgraphs' seeds
 * share: the municipalities the layer covers, its districts and its actors. Each subgraph draws its
 * own records (services, agreements, activities, situation reports) from its own stream of the same
 * seed (`demoRandom`), so one subgraph's changes never move another's records.
 *
 * Everything generated is marked: descriptions and summaries start with `DEMO_GENERATED_MARK`, and the
 * names of authorities' units end in "(demo)". It stays out of the municipalities the hand-written demo
 * uses (Stockholm, Göteborg, Malmö, Uppsala, Linköping), whose records the tests count.
 */
export const DEMO_GENERATED_SEED = 2025;

/** The first word of every generated description and summary. */
export const DEMO_GENERATED_MARK = 'Demodata';

export type GeneratedActorKind = 'POLICE' | 'MUNICIPALITY' | 'CIVIL_SOCIETY' | 'FAITH_COMMUNITY' | 'SCHOOL';

export interface GeneratedDistrict {
  code: string;
  name: string;
  municipalityCode: string;
  latitude: number;
  longitude: number;
}

export interface GeneratedMunicipality {
  code: string;
  name: string;
  countyCode: string;
  /** Relative size (population in thousands, rounded): more actors and activities where it is bigger. */
  size: number;
  latitude: number;
  longitude: number;
  districts: GeneratedDistrict[];
}

export interface GeneratedActor {
  id: string;
  name: string;
  kind: GeneratedActorKind;
  /** Where it works: its municipality, or one of the municipality's generated districts. */
  areaCodes: string[];
  municipalityCode: string;
  /** A place name for titles: the district's or the municipality's. */
  place: string;
  description: string;
}

export interface DemoGeneration {
  municipalities: GeneratedMunicipality[];
  districts: GeneratedDistrict[];
  actors: GeneratedActor[];
  /** The generated actors of a municipality, of the given kinds (all kinds when none are named). */
  actorsIn(municipalityCode: string, ...kinds: GeneratedActorKind[]): GeneratedActor[];
}

/** Municipalities in six counties (SCB codes), none of them used by the hand-written demo data; districts are fictional. */
const MUNICIPALITIES: Array<[code: string, name: string, size: number, latitude: number, longitude: number, districts: string[]]> = [
  // Stockholms län
  ['0127', 'Botkyrka', 97, 59.2, 17.83, ['Björkdalen', 'Ekbacken']],
  ['0181', 'Södertälje', 101, 59.196, 17.626, ['Granhöjden', 'Kvarnbacken']],
  ['0126', 'Huddinge', 115, 59.237, 17.982, []],
  ['0184', 'Solna', 85, 59.36, 18.0, []],
  // Västra Götalands län
  ['1490', 'Borås', 115, 57.721, 12.94, ['Tallmon']],
  ['1488', 'Trollhättan', 60, 58.283, 12.289, ['Norrgärdet']],
  ['1487', 'Vänersborg', 40, 58.38, 12.324, []],
  // Skåne län
  ['1283', 'Helsingborg', 151, 56.046, 12.695, ['Strandängen', 'Solhöjden']],
  ['1281', 'Lund', 128, 55.705, 13.191, []],
  ['1290', 'Kristianstad', 86, 56.03, 14.156, []],
  ['1287', 'Trelleborg', 46, 55.376, 13.157, []],
  // Uppsala län
  ['0381', 'Enköping', 47, 59.636, 17.077, []],
  ['0360', 'Tierp', 21, 60.345, 17.515, []],
  // Östergötlands län
  ['0581', 'Norrköping', 145, 58.588, 16.19, ['Lärkbacken', 'Hagsätra']],
  ['0513', 'Kinda', 10, 57.99, 15.63, []],
  ['0584', 'Vadstena', 7, 58.447, 14.89, []],
  // Norrbottens län
  ['2580', 'Luleå', 80, 65.584, 22.154, ['Granviken']],
  ['2581', 'Piteå', 43, 65.317, 21.48, []],
  ['2582', 'Boden', 28, 65.825, 21.689, []],
  ['2584', 'Kiruna', 22, 67.856, 20.225, []],
];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-');

/** A number from a stream's name, so each subgraph's stream differs from the others. */
const streamOf = (name: string) => [...name].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** The generated layer's random numbers for one stream ('actors', 'services', 'agreements', ...): the same on every run. */
export const demoRandom = (stream: string): SeededRandom => seededRandom(DEMO_GENERATED_SEED ^ streamOf(stream));

const ASSOCIATION_NAMES = [
  (p: string) => `Unga röster ${p}`,
  (p: string) => `${p} Idrottsförening`,
  (p: string) => `Föräldranätverket i ${p}`,
  (p: string) => `Trygga kvarter ${p}`,
  (p: string) => `Läxhjälpen ${p}`,
  (p: string) => `${p} Boxningsklubb`,
  (p: string) => `Mötesplatsen ${p}`,
  (p: string) => `Nattvandrarna i ${p}`,
  (p: string) => `Kulturföreningen ${p}`,
  (p: string) => `${p} Fotbollsklubb`,
  (p: string) => `Tjejjouren ${p}`,
  (p: string) => `Grannar emellan ${p}`,
];
const ASSOCIATION_WORK = [
  'fritidsaktiviteter och läger för barn och unga',
  'läxhjälp och mentorer för högstadieelever',
  'föräldragrupper och vuxennärvaro kvällstid',
  'idrott på kvällar och helger, gratis för deltagarna',
  'öppen mötesplats med ledare som finns på plats',
  'nattvandringar och trygghetsvandringar med boende',
];
const FAITH_NAMES = [(p: string) => `${p} missionsförsamling`, (p: string) => `Islamiska föreningen i ${p}`, (p: string) => `${p} pastorat`];
const SCHOOL_NAMES = [(p: string) => `${p}skolan`, (p: string) => `${p} grundskola`, (p: string) => `Högstadiet i ${p}`];

let generation: DemoGeneration | undefined;

/** The generated layer's areas and actors (the same on every call and every run). */
export function demoGeneration(): DemoGeneration {
  if (generation) return generation;
  const random = demoRandom('actors');
  const municipalities: GeneratedMunicipality[] = MUNICIPALITIES.map(([code, name, size, latitude, longitude, districts]) => ({
    code,
    name,
    countyCode: code.slice(0, 2),
    size,
    latitude,
    longitude,
    districts: districts.map((district, n) => ({
      code: `${code}-${slug(district)}`,
      name: district,
      municipalityCode: code,
      latitude: Math.round((latitude + (n ? -0.012 : 0.015)) * 10000) / 10000,
      longitude: Math.round((longitude + (n ? 0.02 : -0.018)) * 10000) / 10000,
    })),
  }));
  const actors: GeneratedActor[] = [];
  const described = (what: string) => `${DEMO_GENERATED_MARK}: ${what}`;
  for (const m of municipalities) {
    const add = (kind: GeneratedActorKind, name: string, area: GeneratedDistrict | undefined, what: string) =>
      actors.push({
        id: seededUuid(random),
        name,
        kind,
        areaCodes: [area?.code ?? m.code],
        municipalityCode: m.code,
        place: area?.name ?? m.name,
        description: described(what),
      });
    const somewhere = () => (m.districts.length && random.chance(0.6) ? random.pick(m.districts) : undefined);
    add('POLICE', `Lokalpolisområde ${m.name} (demo)`, undefined, `genererat lokalpolisområde för ${m.name} kommun, med kommunpolis och områdespoliser.`);
    add('MUNICIPALITY', `${m.name} kommun (demo)`, undefined, `genererad kommunal förvaltning i ${m.name} med socialtjänst, fritid och skola.`);
    const associations = 2 + Math.round(m.size / 25) + random.int(2);
    const names = [...ASSOCIATION_NAMES];
    for (let i = 0; i < associations && names.length; i++) {
      const area = somewhere();
      const name = names.splice(random.int(names.length), 1)[0](area?.name ?? m.name);
      add('CIVIL_SOCIETY', name, area, `genererad förening med ${random.pick(ASSOCIATION_WORK)} i ${area?.name ?? m.name}.`);
    }
    const faith = m.size >= 40 ? 1 + random.int(2) : random.int(2);
    for (let i = 0; i < faith; i++) {
      const area = somewhere();
      add('FAITH_COMMUNITY', FAITH_NAMES[i % FAITH_NAMES.length](area?.name ?? m.name), area, `genererat trossamfund med barn- och ungdomsverksamhet och samtalsstöd i ${area?.name ?? m.name}.`);
    }
    const schools = 1 + Math.min(2, Math.floor(m.size / 60));
    for (let i = 0; i < schools; i++) {
      const area = m.districts[i] ?? somewhere();
      add('SCHOOL', SCHOOL_NAMES[i % SCHOOL_NAMES.length](area?.name ?? m.name), area, `genererad grundskola i ${area?.name ?? m.name}, part i lokal samverkan kring elever.`);
    }
  }
  generation = {
    municipalities,
    districts: municipalities.flatMap((m) => m.districts),
    actors,
    actorsIn: (code, ...kinds) => actors.filter((a) => a.municipalityCode === code && (!kinds.length || kinds.includes(a.kind))),
  };
  return generation;
}

import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_VENUE_LOCATIONS, DEMO_VENUES as V } from '@samverkan/demo';
import { haversineKm, Role } from '@samverkan/federation';
import { systemClock } from '@samverkan/platform';
import { activitiesSubgraph } from '../src';
import { bearer, errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Search over activities (issue 11): several areas per activity (every area filter and figure
 * matching any of them, never counting one twice), the occurrence filter on the area lists, distance
 * from a point (the address's point or a copy of the venue's, refreshed by the upkeep), and free text
 * in Swedish over the public words only.
 */

let subgraph: TestSubgraph;
let stadsmission: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version area { code } areas { code } } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { version area { code } areas { code } } }`;

const input = (fields: Record<string, unknown>) => ({
  title: 'Sökbar aktivitet',
  kind: 'LEISURE',
  organiserIds: [A.ostergotlandsStadsmission],
  areaCode: AR.skaggetorp,
  startsOn: '2026-09-01',
  targetGroups: ['YOUNG_PEOPLE'],
  ...fields,
});

async function created(fields: Record<string, unknown>): Promise<string> {
  const response = await subgraph.query(create, { input: input(fields) }, stadsmission);
  expect(response.errors).toBeUndefined();
  return response.data!.createActivity.id;
}

async function listed(args: string, variables: Record<string, unknown> = {}) {
  const response = await subgraph.query(`query($filter: ActivityFilter) { activities(filter: $filter, first: 100${args}) { totalCount nodes { id distanceKm } } }`, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.activities as { totalCount: number; nodes: Array<{ id: string; distanceKm: number | null }> };
}

const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);

describe('several areas', () => {
  // Summer jobs in two of Järva's districts, not all of Stockholm; a month of its own for the figures.
  const JOBS = { title: 'Sommarjobb för unga i två stadsdelar', areaCode: AR.rinkebyKista, areaCodes: [AR.spangaTensta], startsOn: '2019-07-01', endsOn: '2019-07-31' };
  let id: string;

  beforeAll(async () => {
    id = await created(JOBS);
  });

  it('keeps the primary area as `area` and lists every area, the primary first', async () => {
    const response = await subgraph.query(`{ activity(id: "${id}") { version area { code } areas { code } } }`);
    expect(response.data!.activity).toEqual({ version: 1, area: { code: AR.rinkebyKista }, areas: [{ code: AR.rinkebyKista }, { code: AR.spangaTensta }] });
  });

  it('matches the root filter on any of its areas, once', async () => {
    const july = { from: '2019-07-01', to: '2019-07-31' };
    for (const areaCode of [AR.rinkebyKista, AR.spangaTensta, AR.stockholm, '01']) {
      expect(ids((await listed('', { filter: { areaCode, ...july } })).nodes)).toEqual([id]);
    }
    expect(ids((await listed('', { filter: { areaCode: AR.farsta, ...july } })).nodes)).toEqual([]);
    const both = await listed('', { filter: { areaCodes: [AR.spangaTensta, AR.rinkebyKista], ...july } });
    expect(both).toEqual({ totalCount: 1, nodes: [{ id, distanceKm: null }] });
    expect(ids((await listed('', { filter: { areaCodes: [AR.farsta, AR.spangaTensta], ...july } })).nodes)).toEqual([id]);
    // A wider activity seen from a district with OVERLAPPING, as before.
    expect(ids((await listed('', { filter: { areaCode: AR.spangaTensta, areaScope: 'OVERLAPPING', ...july } })).nodes)).toEqual([id]);
  });

  it('is in Area.activities and Area.activityPage of each area once, and in Actor.activities by any area', async () => {
    const response = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Area { code activities(from: "2019-07-01", to: "2019-07-31") { id } activityPage(from: "2019-07-01", to: "2019-07-31") { totalCount nodes { id } } }
        ... on Actor { activities(areaCode: "${AR.spangaTensta}") { id } }
      } }`,
      { r: [AR.rinkebyKista, AR.spangaTensta, AR.stockholm, AR.farsta].map((code) => ({ __typename: 'Area', code })).concat([{ __typename: 'Actor', id: A.ostergotlandsStadsmission } as never]) },
    );
    expect(response.errors).toBeUndefined();
    const [rinkeby, spanga, stockholm, farsta, actor] = response.data!._entities;
    for (const area of [rinkeby, spanga, stockholm]) {
      expect(ids(area.activities)).toEqual([id]);
      expect(area.activityPage).toEqual({ totalCount: 1, nodes: [{ id }] });
    }
    expect(farsta.activities).toEqual([]);
    expect(ids(actor.activities)).toEqual([id]);
  });

  it('counts it once in each area containing any of its areas, never twice', async () => {
    const response = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode activities { total { value } } } } }`, {
      r: [AR.rinkebyKista, AR.spangaTensta, AR.stockholm, '01', 'SE', AR.farsta].map((areaCode) => ({ __typename: 'Figures', areaCode, month: '2019-07' })),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((f: { activities: { total: { value: number } } }) => f.activities.total.value)).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('changes its areas with a new version; a new primary area takes the former one\'s place', async () => {
    const moved = await subgraph.query(update, { id, version: 1, input: { areaCodes: [AR.farsta, AR.spangaTensta] } }, stadsmission);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateActivity).toEqual({
      version: 2,
      area: { code: AR.rinkebyKista },
      areas: [{ code: AR.rinkebyKista }, { code: AR.farsta }, { code: AR.spangaTensta }],
    });
    const primary = await subgraph.query(update, { id, version: 2, input: { areaCode: AR.norrmalm } }, stadsmission);
    expect(primary.data!.updateActivity).toEqual({
      version: 3,
      area: { code: AR.norrmalm },
      areas: [{ code: AR.norrmalm }, { code: AR.farsta }, { code: AR.spangaTensta }],
    });
    // One of the other areas becomes the primary one: the former primary area goes, none is there twice.
    const swapped = await subgraph.query(update, { id, version: 3, input: { areaCode: AR.farsta } }, stadsmission);
    expect(swapped.data!.updateActivity).toEqual({ version: 4, area: { code: AR.farsta }, areas: [{ code: AR.farsta }, { code: AR.spangaTensta }] });
    expect(ids((await listed('', { filter: { areaCode: AR.farsta, from: '2019-07-01', to: '2019-07-31' } })).nodes)).toEqual([id]);
    const only = await subgraph.query(update, { id, version: 4, input: { areaCodes: null } }, stadsmission);
    expect(only.data!.updateActivity).toEqual({ version: 5, area: { code: AR.farsta }, areas: [{ code: AR.farsta }] });
    const rows = await subgraph.dataSource.query('SELECT area_code, primary_area FROM activity_areas WHERE activity_id = $1', [id]);
    expect(rows).toEqual([{ area_code: AR.farsta, primary_area: true }]);
    expect(ids((await listed('', { filter: { areaCode: AR.spangaTensta, from: '2019-07-01', to: '2019-07-31' } })).nodes)).toEqual([]);
  });

  it('lists and counts an activity once in an area holding two of its other areas but not its primary one', async () => {
    const spread = await created({ title: 'Utbyte mellan städer', areaCode: AR.angered, areaCodes: [AR.rinkebyKista, AR.spangaTensta], startsOn: '2018-05-02', endsOn: '2018-05-03' });
    const response = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Area { activities(from: "2018-05-01", to: "2018-05-31") { id } activityPage(from: "2018-05-01", to: "2018-05-31") { totalCount } }
        ... on Figures { figures: activities { total { value } } } } }`,
      {
        r: [
          ...[AR.stockholm, '01', AR.goteborg].map((code) => ({ __typename: 'Area', code })),
          ...[AR.stockholm, '01', AR.goteborg, 'SE'].map((areaCode) => ({ __typename: 'Figures', areaCode, month: '2018-05' })),
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    const [stockholm, county, goteborg, ...figures] = response.data!._entities;
    for (const area of [stockholm, county, goteborg]) expect(area).toEqual({ activities: [{ id: spread }], activityPage: { totalCount: 1 } });
    expect(figures.map((f: { figures: { total: { value: number } } }) => f.figures.total.value)).toEqual([1, 1, 1, 1]);
    expect((await listed('', { filter: { areaCodes: [AR.rinkebyKista, AR.spangaTensta, AR.angered], from: '2018-05-01', to: '2018-05-31' } })).totalCount).toBe(1);
  });

  it('refuses an area the registry does not have, writing nothing', async () => {
    const response = await subgraph.query(create, { input: input({ areaCodes: ['0180-finns-inte'] }) }, stadsmission);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['areaCodes']);
  });
});

describe('occurrences on the area lists', () => {
  it('keeps the activities with an occurrence matching `occurs` in Area.activities and Area.activityPage, by the root filter\'s rule', async () => {
    const tuesdays = await created({
      title: 'Tisdagsträning',
      areaCode: AR.hyllie,
      startsOn: '2026-09-01',
      endsOn: '2026-12-15',
      schedule: { startTime: '17:00', endTime: '18:30', recurrence: 'FREQ=WEEKLY;BYDAY=TU' },
    });
    const lists = async (occurs: Record<string, unknown>) => {
      const response = await subgraph.query(
        `query($r: [_Any!]!, $occurs: OccurrenceFilter) { _entities(representations: $r) { ... on Area {
          activities(occurs: $occurs) { id } activityPage(occurs: $occurs) { totalCount nodes { id } } } } }`,
        { r: [{ __typename: 'Area', code: AR.hyllie }], occurs },
      );
      expect(response.errors).toBeUndefined();
      const [area] = response.data!._entities;
      expect(ids(area.activityPage.nodes)).toEqual(ids(area.activities));
      return ids(area.activities);
    };
    expect(await lists({ weekdays: ['TUESDAY'] })).toEqual([tuesdays]);
    expect(await lists({ weekdays: ['WEDNESDAY'] })).toEqual([]);
    expect(await lists({ from: '2026-10-01', to: '2026-10-31', startingFrom: '16:00' })).toEqual([tuesdays]);
    expect(await lists({ startingFrom: '18:00' })).toEqual([]);
    const tooLong = await subgraph.query(`{ _entities(representations: [{ __typename: "Area", code: "${AR.hyllie}" }]) { ... on Area { activities(occurs: { from: "2026-01-01", to: "2027-12-31" }) { id } } } }`);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
  });
});

describe('distance', () => {
  // Points due north of a centre in Jämtland (far from every demo place): 0.01° of latitude is about 1.11 km.
  const CENTRE = { latitude: 63.0, longitude: 14.0 };
  const at = (km: number) => ({ latitude: CENTRE.latitude + km / 111.195, longitude: CENTRE.longitude });
  let near1: string;
  let near5: string;
  let far: string;

  beforeAll(async () => {
    far = await created({ title: 'Långt bort', address: { city: 'Östersund', location: at(30) } });
    near5 = await created({ title: 'Fem kilometer bort', address: { city: 'Östersund', location: at(5) } });
    near1 = await created({ title: 'En kilometer bort', address: { city: 'Östersund', location: at(1) } });
    await created({ title: 'Utan punkt', address: { city: 'Östersund' } });
  });

  it('lists the activities within the circle, nearest first with orderBy DISTANCE, each with its distance', async () => {
    const near = { ...CENTRE, radiusKm: 10 };
    const byDistance = await listed(', orderBy: DISTANCE', { filter: { near } });
    expect(ids(byDistance.nodes)).toEqual([near1, near5]);
    expect(byDistance.totalCount).toBe(2);
    byDistance.nodes.forEach((node, i) => expect(node.distanceKm).toBeCloseTo(haversineKm(CENTRE, at([1, 5][i])), 6));
    expect(byDistance.nodes[0].distanceKm).toBeCloseTo(1, 2);
    // Wider, and in the default order: the distance is still given; the one without a point never matches.
    const wider = await listed('', { filter: { near: { ...CENTRE, radiusKm: 50 } } });
    expect(ids(wider.nodes).sort()).toEqual([near1, near5, far].sort());
    expect(wider.nodes.every((node) => typeof node.distanceKm === 'number')).toBe(true);
  });

  it('pages by distance without gaps or repeats', async () => {
    const page = `query($filter: ActivityFilter, $after: String) { activities(filter: $filter, orderBy: DISTANCE, first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const filter = { near: { ...CENTRE, radiusKm: 50 } };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { activities: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const response: GraphQLResponse<Page> = await subgraph.query<Page>(page, { filter, after });
      expect(response.errors).toBeUndefined();
      seen.push(...ids(response.data!.activities.nodes));
      if (!response.data!.activities.pageInfo.hasNextPage) break;
      after = response.data!.activities.pageInfo.endCursor;
    }
    expect(seen).toEqual([near1, near5, far]);
  });

  it('refuses orderBy DISTANCE without near, and a radius of 0, with BAD_USER_INPUT', async () => {
    expect(errorCode(await subgraph.query('{ activities(orderBy: DISTANCE) { totalCount } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(`{ activities(filter: { near: { latitude: 63, longitude: 14, radiusKm: 0 } }) { totalCount } }`))).toBe('BAD_USER_INPUT');
  });

  it("gives null as distanceKm when the list was not asked with near", async () => {
    const response = await subgraph.query(`{ activity(id: "${near1}") { distanceKm } }`);
    expect(response.data!.activity).toEqual({ distanceKm: null });
  });

  it("copies the venue's point when the venue is linked, and the upkeep copies it afresh", async () => {
    const [latitude, longitude] = DEMO_VENUE_LOCATIONS[V.hyresgastlokalGottsunda]!;
    const atVenue = await created({ title: 'I Hyresgästföreningens lokal', areaCode: AR.gottsunda, venueId: V.hyresgastlokalGottsunda });
    const around = { filter: { near: { latitude, longitude, radiusKm: 0.5 } } };
    const found = await listed(', orderBy: DISTANCE', around);
    expect(ids(found.nodes)).toContain(atVenue);
    expect(found.nodes.find((node) => node.id === atVenue)!.distanceKm).toBeCloseTo(0, 6);

    // A stale copy (as if the venue had moved since) is found at the old point until the upkeep runs.
    await subgraph.dataSource.query('UPDATE activities SET venue_latitude = venue_latitude + 1 WHERE id = $1', [atVenue]);
    expect(ids((await listed('', around)).nodes)).not.toContain(atVenue);
    const before = await subgraph.dataSource.query('SELECT version FROM activities WHERE id = $1', [atVenue]);
    await activitiesSubgraph.upkeep!.run(subgraph.dataSource, systemClock);
    expect(ids((await listed('', around)).nodes)).toContain(atVenue);
    // The copy is not the activity's own content: no new version.
    expect(await subgraph.dataSource.query('SELECT version FROM activities WHERE id = $1', [atVenue])).toEqual(before);

    // Moving to an address drops the copy; a venue without a point gives none.
    const moved = await subgraph.query(update, { id: atVenue, version: 1, input: { venueId: V.kfumHallAngered } }, stadsmission);
    expect(moved.errors).toBeUndefined();
    expect(await subgraph.dataSource.query('SELECT venue_latitude, venue_longitude FROM activities WHERE id = $1', [atVenue])).toEqual([
      { venue_latitude: null, venue_longitude: null },
    ]);
  });
});

describe('free text in Swedish', () => {
  let football: string;
  let homework: string;

  beforeAll(async () => {
    football = await created({ title: 'Fotbollsturnering i Skäggetorp', publicDescription: 'Lag med blandade åldrar spelar på konstgräset.', internalClassification: 'INDICATED_PREVENTION' });
    homework = await created({ title: 'Eftermiddagar i centrum', publicDescription: 'Läxhjälpen är öppen för alla på mellanstadiet.' });
  });

  const found = async (text: string) => ids((await listed('', { filter: { text } })).nodes);

  it('finds compounds by the word they begin with, and inflected forms by their stem', async () => {
    expect(await found('fotboll')).toContain(football);
    expect(await found('läxhjälp')).toContain(homework);
    expect(await found('konstgräs')).toContain(football);
    expect(await found('"blandade åldrar"')).toEqual([football]);
    expect(await found('fotboll -skäggetorp')).not.toContain(football);
  });

  it('never searches the internal classification', async () => {
    expect(await found('INDICATED_PREVENTION')).toEqual([]);
    expect(await found('indicated')).toEqual([]);
    expect(await found('prevention')).toEqual([]);
  });

  it('answers a blank text as no filter, and text of operators alone without an error', async () => {
    expect((await listed('', { filter: { text: '   ' } })).totalCount).toBe((await listed('')).totalCount);
    expect(await found('-')).toBeDefined();
  });
});

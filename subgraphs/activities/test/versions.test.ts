import { DEMO_ACTORS as A } from '@samverkan/demo';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D } from '../src/demo/seed';
import { bearer, errorCode, expectOneVersionPerChange, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Every change of an activity, of its organisers alone included, is one new version; a stale one
 * writes nothing (issue 8). The changes are to Fryshuset's exit programme, by its coordinator.
 */

let subgraph: TestSubgraph;
let fryshuset: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  fryshuset = await bearer(PEOPLE.ngoCoordinator.organisationId, [...PEOPLE.ngoCoordinator.roles]);
});
afterAll(() => subgraph?.stop());

const updateActivity = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) {
  updateActivity(id: $id, version: $version, input: $input) { version updatedAt } }`;
const deleteActivity = 'mutation($id: ID!, $version: Int!) { deleteActivity(id: $id, version: $version) }';
const organisers = 'SELECT actor_id FROM activity_organisers WHERE activity_id = $1 ORDER BY actor_id';

const query = (sql: string) => subgraph.dataSource.query(sql, [D.exitProgramme]);
const storedVersion = async (): Promise<number> => (await query('SELECT version FROM activities WHERE id = $1'))[0].version;
const storedOrganisers = async (): Promise<string[]> => (await query(organisers)).map((row: { actor_id: string }) => row.actor_id);
const changeLogSize = async (): Promise<number> => (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM change_log'))[0].n;
const changeOrganisers = (version: number, organiserIds: string[]) =>
  subgraph.query(updateActivity, { id: D.exitProgramme, version, input: { organiserIds } }, fryshuset);

it.each([
  ['organisers only', { organiserIds: [A.fryshuset, A.lpoRinkeby] }, { organiserIds: [A.fryshuset] }],
  ['a column and organisers together', { title: 'Exit – avhoppare', organiserIds: [A.fryshuset] }, { organiserIds: [A.fryshuset, A.mucf] }],
  [
    'the schedule (its occurrence days with it)',
    { schedule: { startTime: '17:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' } },
    { schedule: { startTime: '18:00', endTime: '20:00', recurrence: 'FREQ=WEEKLY;BYDAY=TH' } },
  ],
])('updateActivity, %s: one new version; a stale writer gets VERSION_CONFLICT', (_case, first, second) =>
  expectOneVersionPerChange(subgraph, {
    table: 'activities',
    id: D.exitProgramme,
    mutation: updateActivity,
    first: { input: first },
    second: { input: second },
    children: organisers,
    headers: fryshuset,
  }),
);

it('refuses a delete from the version before a change of the organisers alone', async () => {
  const version = await storedVersion();
  expect((await changeOrganisers(version, [A.fryshuset, A.mucf])).errors).toBeUndefined();
  expect(errorCode(await subgraph.query(deleteActivity, { id: D.exitProgramme, version }, fryshuset))).toBe('VERSION_CONFLICT');
  expect(await storedOrganisers()).toEqual([A.fryshuset, A.mucf].sort());
});

it('lets exactly one of 20 concurrent changes of the organisers from one version through', async () => {
  const [version, logged] = [await storedVersion(), await changeLogSize()];
  const partners = Object.values(A).filter((id) => id !== A.fryshuset).slice(0, 20);
  const results = await Promise.all(partners.map((partner) => changeOrganisers(version, [A.fryshuset, partner])));
  const codes = results.map((result) => errorCode(result) ?? 'OK');
  expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
  expect(codes.filter((code) => code !== 'OK')).toEqual(Array(19).fill('VERSION_CONFLICT'));
  const winner = codes.indexOf('OK');
  expect(results[winner].data!.updateActivity.version).toBe(version + 1);
  expect(await storedVersion()).toBe(version + 1);
  expect(await storedOrganisers()).toEqual([A.fryshuset, partners[winner]].sort());
  expect(await changeLogSize()).toBe(logged + 1);
});

import { DEMO_ACTORS as A } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D } from '../src/demo/seed';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Vouching (issue 11): an organisation vouches for another organisation's activity ("vi går i god
 * för"), shown publicly as the organisation; the owner can decline it, and allow it again.
 */

let subgraph: TestSubgraph;
let salvationArmy: Record<string, string>;
let kfum: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  salvationArmy = await bearer(A.fralsningsarmen, [Role.COORDINATOR]);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const read = `query($id: ID!) { activity(id: $id) { version vouches { by { id } since note } declinedVouches { by { id } declinedOn reason } changeLog { fields organisationId } } }`;
const vouch = `mutation($id: ID!, $note: String) { vouchForActivity(activityId: $id, note: $note) { version vouches { by { id } note } } }`;
const withdraw = `mutation($id: ID!) { withdrawVouch(activityId: $id) { version vouches { by { id } } } }`;
const decline = `mutation($id: ID!, $org: ID!, $reason: String) { declineVouch(activityId: $id, organisationId: $org, reason: $reason) { version vouches { by { id } } } }`;
const allow = `mutation($id: ID!, $org: ID!) { allowVouch(activityId: $id, organisationId: $org) { version } }`;

const stored = async (id: string) =>
  (await subgraph.dataSource.query(
    `SELECT (SELECT version FROM activities WHERE id = $1) AS version,
            (SELECT count(*)::int FROM activity_vouches WHERE activity_id = $1) AS vouches,
            (SELECT count(*)::int FROM change_log WHERE entity_id = $1) AS changes`,
    [id],
  ))[0];

it('shows the demo vouches to the public as organisations, earliest first, without the declined one', async () => {
  const football = await subgraph.query(read, { id: D.footballAngered });
  expect(football.errors).toBeUndefined();
  const vouches = football.data!.activity.vouches;
  expect(vouches.map((v: { by: { id: string } }) => v.by.id)).toEqual([A.rfSisuStockholm, A.raddaBarnenGoteborg]);
  expect(vouches[0].since <= vouches[1].since).toBe(true);
  // Only the owner's members see what was declined; the public and others see null.
  expect(football.data!.activity.declinedVouches).toBeNull();
  const safe = await subgraph.query(read, { id: D.safeFarsta });
  expect(safe.data!.activity.vouches).toEqual([]);
  const owner = await subgraph.query(read, { id: D.safeFarsta }, await bearer(A.safeTrygghetsvardar, [Role.MEMBER]));
  expect(owner.data!.activity.declinedVouches).toMatchObject([{ by: { id: A.hyresgastforeningen }, reason: expect.stringContaining('Hyresgästföreningen') }]);
});

it('vouches, changes the note and withdraws, each a new version with a change-log entry', async () => {
  const id = D.summerJobsJarva;
  const before = await stored(id);
  const given = await subgraph.query(vouch, { id, note: '  Vi går i god för sommarjobben.  ' }, salvationArmy);
  expect(given.errors).toBeUndefined();
  expect(given.data!.vouchForActivity).toEqual({ version: before.version + 1, vouches: [{ by: { id: A.fralsningsarmen }, note: 'Vi går i god för sommarjobben.' }] });
  const again = await subgraph.query(vouch, { id, note: null }, salvationArmy);
  expect(again.data!.vouchForActivity).toEqual({ version: before.version + 2, vouches: [{ by: { id: A.fralsningsarmen }, note: null }] });
  const publicView = await subgraph.query(read, { id });
  expect(publicView.data!.activity.vouches).toEqual([{ by: { id: A.fralsningsarmen }, since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: null }]);
  const gone = await subgraph.query(withdraw, { id }, salvationArmy);
  expect(gone.data!.withdrawVouch).toEqual({ version: before.version + 3, vouches: [] });
  expect(await stored(id)).toEqual({ version: before.version + 3, vouches: 0, changes: before.changes + 3 });
  const log = await subgraph.dataSource.query(`SELECT fields, organisation_id FROM change_log WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 3`, [id]);
  expect(log).toEqual(Array(3).fill({ fields: ['vouches'], organisation_id: A.fralsningsarmen }));
  // Nothing left to withdraw.
  expect(errorCode(await subgraph.query(withdraw, { id }, salvationArmy))).toBe('NOT_FOUND');
});

it.each([
  ['the public', undefined, D.summerJobsJarva, 'UNAUTHENTICATED'],
  ['a member who is not a coordinator', 'member', D.summerJobsJarva, 'FORBIDDEN'],
  ['the owner, for its own activity', 'owner', D.footballAngered, 'FORBIDDEN'],
  ['a co-organiser', 'coorganiser', D.homeworkHelpAngered, 'FORBIDDEN'],
  ['anyone, for an unknown activity', 'coordinator', '00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
  ['anyone, for an id that is not one', 'coordinator', 'fotboll', 'NOT_FOUND'],
])('refuses a vouch from %s, writing nothing', async (_who, who, id, code) => {
  const headers =
    who === 'member' ? await bearer(A.fralsningsarmen, [Role.MEMBER])
    : who === 'owner' ? kfum
    : who === 'coorganiser' ? await bearer(A.raddaBarnenGoteborg, [Role.COORDINATOR])
    : who === 'coordinator' ? salvationArmy
    : undefined;
  const before = await stored(id === 'fotboll' ? D.summerJobsJarva : id);
  expect(errorCode(await subgraph.query(vouch, { id, note: 'Bra' }, headers))).toBe(code);
  expect(await stored(id === 'fotboll' ? D.summerJobsJarva : id)).toEqual(before);
});

it('refuses a note that is too long with BAD_USER_INPUT', async () => {
  const response = await subgraph.query(vouch, { id: D.summerJobsJarva, note: 'x'.repeat(501) }, salvationArmy);
  expect(errorCode(response)).toBe('BAD_USER_INPUT');
  expect(response.errors![0].extensions!.fields).toEqual([{ field: 'note', message: 'at most 500 characters' }]);
});

it('lets the owner decline a vouch, which stays hidden and cannot be given again until the owner allows it', async () => {
  const id = D.footballAngered;
  expect((await subgraph.query(vouch, { id, note: 'Toppen' }, salvationArmy)).errors).toBeUndefined();
  // Only the owner's coordinators decline.
  const before = await stored(id);
  expect(errorCode(await subgraph.query(decline, { id, org: A.fralsningsarmen }, salvationArmy))).toBe('FORBIDDEN');
  expect(errorCode(await subgraph.query(decline, { id, org: A.fralsningsarmen }, await bearer(A.kfumGoteborg, [Role.MEMBER])))).toBe('FORBIDDEN');
  expect(errorCode(await subgraph.query(decline, { id, org: A.skr }, kfum))).toBe('NOT_FOUND');
  expect(await stored(id)).toEqual(before);

  const declined = await subgraph.query(decline, { id, org: A.fralsningsarmen, reason: 'Vi känner inte till er verksamhet.' }, kfum);
  expect(declined.errors).toBeUndefined();
  expect(declined.data!.declineVouch.version).toBe(before.version + 1);
  expect(declined.data!.declineVouch.vouches.map((v: { by: { id: string } }) => v.by.id)).not.toContain(A.fralsningsarmen);
  expect((await subgraph.query(read, { id })).data!.activity.vouches.map((v: { by: { id: string } }) => v.by.id)).not.toContain(A.fralsningsarmen);
  expect((await subgraph.query(read, { id }, kfum)).data!.activity.declinedVouches).toEqual([
    { by: { id: A.fralsningsarmen }, declinedOn: expect.any(String), reason: 'Vi känner inte till er verksamhet.' },
  ]);

  // Declined: neither given again nor withdrawn by the voucher.
  const afterDecline = await stored(id);
  expect(errorCode(await subgraph.query(vouch, { id, note: 'Snälla' }, salvationArmy))).toBe('FORBIDDEN');
  expect(errorCode(await subgraph.query(withdraw, { id }, salvationArmy))).toBe('NOT_FOUND');
  expect(await stored(id)).toEqual(afterDecline);

  // Allowed again: it may vouch anew (and is shown only then).
  const allowed = await subgraph.query(allow, { id, org: A.fralsningsarmen }, kfum);
  expect(allowed.data!.allowVouch.version).toBe(afterDecline.version + 1);
  expect(errorCode(await subgraph.query(allow, { id, org: A.fralsningsarmen }, kfum))).toBe('NOT_FOUND');
  expect((await subgraph.query(read, { id })).data!.activity.vouches.map((v: { by: { id: string } }) => v.by.id)).not.toContain(A.fralsningsarmen);
  const anew = await subgraph.query(vouch, { id, note: null }, salvationArmy);
  expect(anew.data!.vouchForActivity.vouches.map((v: { by: { id: string } }) => v.by.id)).toContain(A.fralsningsarmen);
});

it('goes when the activity is deleted', async () => {
  const id = D.mammaUnitedTrygg;
  const { version } = await stored(id);
  const deleted = await subgraph.query(`mutation($id: ID!, $v: Int!) { deleteActivity(id: $id, version: $v) }`, { id, v: version }, await bearer(A.mammaUnited, [Role.COORDINATOR]));
  expect(deleted.errors).toBeUndefined();
  expect((await stored(id)).vouches).toBe(0);
});

it('loads the vouches of a whole page in one statement', async () => {
  process.env.SAMVERKAN_SQL_STATS = 'true';
  try {
    const statements = async (first: number) => {
      const response = await subgraph.query(`query($first: Int!) { activities(first: $first) { nodes { id vouches { since by { id } } } } }`, { first });
      expect(response.errors).toBeUndefined();
      return response.extensions!.sqlStatements;
    };
    // The page, its total count when asked (not here), and one batch of vouches.
    expect(await statements(2)).toBe(await statements(100));
  } finally {
    delete process.env.SAMVERKAN_SQL_STATS;
  }
});

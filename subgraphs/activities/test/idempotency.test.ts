import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { deleteExpiredIdempotencyKeys, systemClock } from '@samverkan/platform';
import { activitiesSubgraph } from '../src';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * The shared helper behind every create mutation's `idempotencyKey` (issue 12), through
 * createActivity: a retry answers with the first record and writes nothing, another input under the
 * key is refused, keys are per organisation and expire; and `Activity.externalId`.
 */

let subgraph: TestSubgraph;
let stadsmission: Record<string, string>;
let kfum: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph, { seed: false });
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const create = `mutation($input: CreateActivityInput!, $key: String) { createActivity(input: $input, idempotencyKey: $key) { id version title externalId } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { id version externalId } }`;
const lookup = `query($externalId: String!) { activityByExternalId(externalId: $externalId) { id externalId } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'Läxhjälp i Skäggetorp',
  kind: 'HOMEWORK_HELP',
  organiserIds: [A.ostergotlandsStadsmission],
  areaCode: AR.skaggetorp,
  startsOn: '2026-03-02',
  targetGroups: ['CHILDREN'],
  ...overrides,
});

const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;
/** What a create writes: activities, their organisers and the change log. */
const written = async () => [
  await count('SELECT count(*)::int AS n FROM activities'),
  await count('SELECT count(*)::int AS n FROM activity_organisers'),
  await count('SELECT count(*)::int AS n FROM change_log'),
];

/** Posts a mutation and keeps the HTTP status, which a refusal sets. */
async function post(variables: Record<string, unknown>, headers: Record<string, string>, query = create) {
  const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: Record<string, unknown> }> }) }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('idempotencyKey', () => {
  it('answers a retry with the first record and writes nothing', async () => {
    const first = await post({ input: input(), key: 'retry-1' }, stadsmission);
    expect(first.errors).toBeUndefined();
    const before = await written();
    const retry = await post({ input: input(), key: 'retry-1' }, stadsmission);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.createActivity).toEqual(first.data!.createActivity);
    expect(await written()).toEqual(before);
  });

  it('answers a retry with the record as it is now', async () => {
    const first = (await post({ input: input(), key: 'retry-2' }, stadsmission)).data!.createActivity;
    expect((await subgraph.query(update, { id: first.id, version: 1, input: { title: 'Läxhjälp, tisdagar' } }, stadsmission)).errors).toBeUndefined();
    const retry = (await post({ input: input(), key: 'retry-2' }, stadsmission)).data!.createActivity;
    expect(retry).toMatchObject({ id: first.id, version: 2, title: 'Läxhjälp, tisdagar' });
  });

  it('refuses the key with another input or another operation (IDEMPOTENCY_KEY_REUSED, 422) and writes nothing', async () => {
    expect((await post({ input: input(), key: 'reused' }, stadsmission)).errors).toBeUndefined();
    const before = await written();
    const other = await post({ input: input({ title: 'Något annat' }), key: 'reused' }, stadsmission);
    expect(other.status).toBe(422);
    expect(errorCode(other as never)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.data?.createActivity ?? null).toBeNull();
    expect(await written()).toEqual(before);
    // The same input under another operation's key: the operation is part of what the key stands for.
    await subgraph.dataSource.query(
      `INSERT INTO idempotency_keys (organisation_id, key, operation, request_hash) VALUES ($1, 'other-operation', 'createAgreement', 'another hash')`,
      [A.ostergotlandsStadsmission],
    );
    expect(errorCode((await post({ input: input(), key: 'other-operation' }, stadsmission)) as never)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await written()).toEqual(before);
  });

  it("keeps each organisation's keys apart", async () => {
    const ours = (await post({ input: input(), key: 'shared-key' }, stadsmission)).data!.createActivity;
    const theirs = await post({ input: input({ organiserIds: [A.kfumGoteborg], areaCode: AR.angered }), key: 'shared-key' }, kfum);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.createActivity.id).not.toBe(ours.id);
  });

  it('treats a key older than IDEMPOTENCY_KEY_RETENTION_HOURS as unused, and the upkeep deletes it', async () => {
    const first = (await post({ input: input(), key: 'old-key' }, stadsmission)).data!.createActivity;
    await subgraph.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key'`);
    const again = await post({ input: input({ title: 'Ny läxhjälp' }), key: 'old-key' }, stadsmission);
    expect(again.errors).toBeUndefined();
    expect(again.data!.createActivity.id).not.toBe(first.id);
    // Used again now: fresh, so the upkeep keeps it; an expired one it deletes.
    await subgraph.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'retry-1'`);
    await deleteExpiredIdempotencyKeys(subgraph.dataSource, systemClock);
    const keys = (await subgraph.dataSource.query(`SELECT key FROM idempotency_keys WHERE key IN ('old-key', 'retry-1')`)).map((row: { key: string }) => row.key);
    expect(keys).toEqual(['old-key']);
  });

  it('writes one record for 20 concurrent identical creates, and all 20 answer with it', async () => {
    const before = await written();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post({ input: input({ title: 'Samtidigt' }), key: 'concurrent' }, stadsmission)));
    expect(answers.map((answer) => answer.errors)).toEqual(Array(20).fill(undefined));
    const ids = new Set(answers.map((answer) => answer.data!.createActivity.id));
    expect(ids.size).toBe(1);
    expect(await written()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
  });

  it.each([['empty', ''], ['201 characters', 'x'.repeat(201)], ['with a control character', 'tab\there']])('refuses a key %s (BAD_USER_INPUT naming idempotencyKey) and writes nothing', async (_case, key) => {
    const before = await written();
    const refused = await post({ input: input(), key }, stadsmission);
    expect(errorCode(refused as never)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'idempotencyKey' })]);
    expect(await written()).toEqual(before);
  });
});

describe('externalId', () => {
  it('is set on create, trimmed, found by activityByExternalId, and shown to members of the owner only', async () => {
    const created = await post({ input: input({ externalId: '  KFR-1001 ' }) }, stadsmission);
    expect(created.errors).toBeUndefined();
    const activity = created.data!.createActivity;
    expect(activity.externalId).toBe('KFR-1001');
    expect((await subgraph.query(lookup, { externalId: 'KFR-1001' }, stadsmission)).data!.activityByExternalId).toEqual({ id: activity.id, externalId: 'KFR-1001' });
    // Another organisation neither finds it nor sees the id; the public may not look up at all.
    expect((await subgraph.query(lookup, { externalId: 'KFR-1001' }, kfum)).data!.activityByExternalId).toBeNull();
    const read = await subgraph.query(`query($id: ID!) { activity(id: $id) { externalId } }`, { id: activity.id }, kfum);
    expect(read.data!.activity.externalId).toBeNull();
    // Also where the gateway reaches it through `_entities`.
    const entities = `query($id: ID!) { _entities(representations: [{ __typename: "Activity", id: $id }]) { ... on Activity { externalId } } }`;
    expect((await subgraph.query(entities, { id: activity.id }, kfum)).data!._entities).toEqual([{ externalId: null }]);
    expect((await subgraph.query(entities, { id: activity.id }, stadsmission)).data!._entities).toEqual([{ externalId: 'KFR-1001' }]);
    expect(errorCode(await subgraph.query(lookup, { externalId: 'KFR-1001' }))).toBe('UNAUTHENTICATED');
  });

  it('is unique per owner: taken is BAD_USER_INPUT naming externalId; another owner may use it', async () => {
    expect((await post({ input: input({ externalId: 'KFR-2002' }) }, stadsmission)).errors).toBeUndefined();
    const before = await written();
    const taken = await post({ input: input({ externalId: 'KFR-2002' }) }, stadsmission);
    expect(errorCode(taken as never)).toBe('BAD_USER_INPUT');
    expect(taken.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'externalId' })]);
    expect(await written()).toEqual(before);
    const theirs = await post({ input: input({ organiserIds: [A.kfumGoteborg], areaCode: AR.angered, externalId: 'KFR-2002' }) }, kfum);
    expect(theirs.errors).toBeUndefined();
  });

  it('refuses a taken externalId to one of two concurrent creates', async () => {
    const answers = await Promise.all([1, 2].map(() => post({ input: input({ externalId: 'KFR-race' }) }, stadsmission)));
    expect(answers.map((answer) => errorCode(answer as never) ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
  });

  it('changes and clears like any field: a new version, in the change log', async () => {
    const activity = (await post({ input: input({ externalId: 'KFR-3003' }) }, stadsmission)).data!.createActivity;
    const changed = await subgraph.query(update, { id: activity.id, version: 1, input: { externalId: 'KFR-3004' } }, stadsmission);
    expect(changed.data!.updateActivity).toEqual({ id: activity.id, version: 2, externalId: 'KFR-3004' });
    const cleared = await subgraph.query(update, { id: activity.id, version: 2, input: { externalId: null } }, stadsmission);
    expect(cleared.data!.updateActivity).toEqual({ id: activity.id, version: 3, externalId: null });
    expect((await subgraph.query(lookup, { externalId: 'KFR-3004' }, stadsmission)).data!.activityByExternalId).toBeNull();
    const log = await subgraph.dataSource.query(`SELECT action, fields FROM change_log WHERE entity_id = $1 ORDER BY sequence`, [activity.id]);
    expect(log.slice(1)).toEqual([
      { action: 'UPDATED', fields: ['externalId'] },
      { action: 'UPDATED', fields: ['externalId'] },
    ]);
  });

  it.each([['empty', ''], ['blank', '   '], ['201 characters', 'x'.repeat(201)]])('refuses an externalId %s (BAD_USER_INPUT naming externalId)', async (_case, externalId) => {
    const refused = await post({ input: input({ externalId }) }, stadsmission);
    expect(errorCode(refused as never)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'externalId' })]);
  });
});

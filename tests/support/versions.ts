import { errorCode } from './graphql';
import { TestSubgraph } from './subgraph';

/**
 * Two writers change one record from the same version (issue 8, no lost update): the first
 * succeeds and makes it exactly one version newer, the second is stale and writes nothing. The
 * changes are to child rows alone where the record has them (organisers, parties, holders...),
 * which TypeORM's `save()` alone would not make a new version.
 */
export interface ChangeFromOneVersion {
  /** The record's table, and the key it is found by there and sent as `$id` (`id`, or `code` for areas). */
  table: string;
  keyColumn?: 'id' | 'code';
  id: string;
  /** The mutation, with `$id` and `$version`, selecting the record's `version` (and `updatedAt`, where it has one). */
  mutation: string;
  /** The two writers' changes: variables besides `$id` and `$version`. */
  first?: Record<string, unknown>;
  second?: Record<string, unknown>;
  /** SQL for the child rows the changes write ($1 is the key), which the stale writer must leave as they are. */
  children?: string;
  headers: Record<string, string>;
  /** What makes the record ready for the change, e.g. archiving what is to be restored. */
  prepare?: () => Promise<void>;
}

/** Runs both writers and checks what they got and what is stored. */
export async function expectOneVersionPerChange(subgraph: TestSubgraph, change: ChangeFromOneVersion): Promise<void> {
  const db = subgraph.dataSource;
  const row = async (): Promise<{ version: number; updated_at: Date }> =>
    (await db.query(`SELECT * FROM ${change.table} WHERE ${change.keyColumn ?? 'id'} = $1`, [change.id]))[0];
  const children = () => (change.children ? db.query(change.children, [change.id]) : []);
  const changeLog = async () => (await db.query('SELECT count(*)::int AS n FROM change_log'))[0].n as number;
  const write = (version: number, variables: Record<string, unknown> = {}) =>
    subgraph.query(change.mutation, { id: change.id, version, ...variables }, change.headers);

  await change.prepare?.();
  const [read, logged] = [await row(), await changeLog()];

  const first = await write(read.version, change.first);
  expect(first.errors).toBeUndefined();
  const [written] = Object.values(first.data!) as Array<{ version: number; updatedAt?: string }>;
  const [now, childrenNow] = [await row(), await children()];
  expect(now.version).toBe(read.version + 1);
  expect(written.version).toBe(now.version);
  expect(now.updated_at.getTime()).toBeGreaterThan(read.updated_at.getTime());
  if (written.updatedAt !== undefined) expect(new Date(written.updatedAt)).toEqual(now.updated_at);
  expect(await changeLog()).toBe(logged + 1);

  const second = await write(read.version, change.second);
  expect(errorCode(second)).toBe('VERSION_CONFLICT');
  expect(await row()).toEqual(now);
  expect(await children()).toEqual(childrenNow);
  expect(await changeLog()).toBe(logged + 1);
}

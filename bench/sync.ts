import { Client } from 'pg';
import { post } from './load';

/** What a local system's sync costs: reading the change feed, against reading the log directly. */
export interface FeedThroughput {
  /** Log entries read (the whole feed, from its start). */
  entries: number;
  pages: number;
  /** Entries per second through `activityChanges` (the subgraph directly, as a local system reads it). */
  feedPerSecond: number;
  /** Entries per second of the same log read with plain SQL, page by page: the floor. */
  floorPerSecond: number;
}

export const FEED_PAGE = 1000;

/**
 * Appends `count` changes to the activities' log as a busy day of edits would leave them (random
 * activities, their audiences as they are), through the same trigger as every write.
 */
export async function appendChanges(activitiesDatabase: string, count: number): Promise<void> {
  const client = new Client({ connectionString: activitiesDatabase });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO change_log (entity_type, entity_id, action, organisation_id, subject, fields, visibility, owner_id, shared_with, area_codes)
       SELECT 'Activity', a.id, 'UPDATED', a.owner_id, 'bench', '{title}', a.visibility, a.owner_id, a.shared_with, ARRAY[a.area_code]
         FROM activities a, generate_series(1, ceil($1::numeric / greatest((SELECT count(*) FROM activities), 1))::int)
        ORDER BY random() LIMIT $1`,
      [count],
    );
  } finally {
    await client.end();
  }
}

/** Reads the whole activities feed from its start, as `authorization` (pages of FEED_PAGE), and the same log with SQL. */
export async function feedThroughput(activitiesUrl: string, activitiesDatabase: string, authorization: string): Promise<FeedThroughput> {
  const query = `query($after: String) { activityChanges(after: $after, first: ${FEED_PAGE}) { cursor hasMore entries { cursor type id action fields at } } }`;
  let [after, entries, pages, hasMore] = [null as string | null, 0, 0, true];
  const feedStart = performance.now();
  while (hasMore) {
    const page = (await post(activitiesUrl, query, authorization, { after })).data!.activityChanges;
    [after, hasMore, entries, pages] = [page.cursor, page.hasMore, entries + page.entries.length, pages + 1];
  }
  const feedSeconds = (performance.now() - feedStart) / 1000;
  const client = new Client({ connectionString: activitiesDatabase });
  await client.connect();
  try {
    let [sequence, read] = ['0', 0];
    const floorStart = performance.now();
    for (;;) {
      const { rows } = await client.query(
        'SELECT sequence, entity_type, entity_id, action, fields, at FROM change_log WHERE sequence > $1 ORDER BY sequence LIMIT $2',
        [sequence, FEED_PAGE],
      );
      if (!rows.length) break;
      [sequence, read] = [rows[rows.length - 1].sequence, read + rows.length];
    }
    const floorSeconds = (performance.now() - floorStart) / 1000;
    return { entries, pages, feedPerSecond: entries / feedSeconds, floorPerSecond: read / floorSeconds };
  } finally {
    await client.end();
  }
}

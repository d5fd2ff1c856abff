import { Client } from 'pg';
import { SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { dropDatabase, freshDatabase } from '@samverkan/test-support';
import { generateNationalData, NATIONAL_SIZE } from '../bench/national-data';

/** The benchmarks' national-scale generator, at a tenth of a tenth of the scale: what it writes, and that it writes the same again. */
const SIZE = { ...NATIONAL_SIZE, actors: 2000, services: 6000, agreements: 400, activities: 4000, situationReports: 2400 };

async function databases(): Promise<Record<SubgraphName, string>> {
  return Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freshDatabase(`national_${name}`)]))) as Record<SubgraphName, string>;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the national-scale generator', () => {
  const made: Array<Record<SubgraphName, string>> = [];
  afterAll(async () => {
    for (const set of made) await Promise.all(Object.values(set).map(dropDatabase));
  });

  it('fills the four databases, spread like the country, and the same on a second run', async () => {
    const first = await databases();
    made.push(first);
    const data = await generateNationalData(first, SIZE);
    expect(data.rows).toMatchObject({ actors: SIZE.actors + 1, services: SIZE.services, agreements: SIZE.agreements, activities: SIZE.activities, situation_reports: SIZE.situationReports });
    expect(data.rows.agreement_parties).toBeGreaterThan(SIZE.agreements * 1.5);

    // Every owner is a party or organiser; shared records name whom they are shared with.
    const [agreements] = await query(first.agreements, `
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.actor_id = a.owner_id))::int AS ownerless,
             count(*) FILTER (WHERE visibility = 'SHARED' AND cardinality(shared_with) = 0)::int AS unshared,
             count(DISTINCT visibility)::int AS visibilities, count(DISTINCT status)::int AS statuses, count(DISTINCT kind)::int AS kinds,
             -- Every named party is invited, and all have agreed to what is past DRAFT (the activation rule).
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id
               AND NOT EXISTS (SELECT 1 FROM agreement_invitations i WHERE i.agreement_id = a.id AND i.actor_id = p.actor_id)))::int AS uninvited,
             count(*) FILTER (WHERE status = 'ACTIVE' AND EXISTS (SELECT 1 FROM agreement_invitations i WHERE i.agreement_id = a.id AND i.answer <> 'CONFIRMED'))::int AS unconfirmed
        FROM agreements a`);
    expect(agreements).toEqual({ ownerless: 0, unshared: 0, visibilities: 4, statuses: 4, kinds: 5, uninvited: 0, unconfirmed: 0 });
    const [activities] = await query(first.activities, `
      SELECT count(DISTINCT date_trunc('month', starts_on))::int AS months, count(DISTINCT visibility)::int AS visibilities,
             count(*) FILTER (WHERE starts_on >= current_date - 365)::int AS last_year, count(*) FILTER (WHERE starts_on < current_date - 365)::int AS year_before,
             count(*) FILTER (WHERE area_code LIKE '0180%')::int AS stockholm, count(*) FILTER (WHERE area_code LIKE '2584%')::int AS kiruna
        FROM activities`);
    expect(activities).toMatchObject({ months: 24, visibilities: 4 });
    expect(activities.last_year).toBeGreaterThan(activities.year_before as number);
    expect(activities.stockholm).toBeGreaterThan(10 * (activities.kiruna as number));
    const [reports] = await query(first.situation, `
      SELECT count(DISTINCT period_start)::int AS months, count(DISTINCT level)::int AS levels, count(DISTINCT trend)::int AS trends,
             min(period_start) >= date_trunc('month', current_date) - interval '24 months' AS within, max(period_end) < date_trunc('month', current_date) AS past
        FROM situation_reports`);
    expect(reports).toEqual({ months: 24, levels: 4, trends: 3, within: true, past: true });

    const second = await databases();
    made.push(second);
    await generateNationalData(second, SIZE);
    const digest = (set: Record<SubgraphName, string>) =>
      Promise.all([
        query(set.agreements, `SELECT md5(string_agg(id || kind || status || visibility || coalesce(ends_on::text, ''), ',' ORDER BY id)) AS d FROM agreements`),
        query(set.activities, `SELECT md5(string_agg(id || kind || area_code || starts_on || visibility, ',' ORDER BY id)) AS d FROM activities`),
        query(set.situation, `SELECT md5(string_agg(id || area_code || level || reported_by_id, ',' ORDER BY id)) AS d FROM situation_reports`),
      ]);
    expect(await digest(second)).toEqual(await digest(first));
  });
});

import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { addMonths, Dimension, disclosureRule, DisclosureRule, FigureFamily, firstDayOf, instantInSweden, keptFigures, selfAndAncestors, Tally } from '@samverkan/federation';
import { Clock, concernClockSettings, Viewer } from '@samverkan/platform';
import { ConcernFigures } from './concern-figures';
import { answeredInTime, minutesToFirstContactSql } from './minutes-to-first-contact';

/**
 * Whether a concern was answered in time: a partition of the concerns, of which `answeredInTime`
 * publishes IN_TIME. PENDING (not answered, still within time) is apart, so a concern moves from it
 * to NOT_IN_TIME when its time runs out, never out of IN_TIME.
 */
const ANSWER = ['IN_TIME', 'NOT_IN_TIME', 'PENDING'] as const;
type Answer = (typeof ANSWER)[number];

type ConcernFamily = FigureFamily<{ answer: Dimension<Answer> }>;

/** A month's first instant in Sweden: the Swedish calendar month runs from it to the next month's. */
const monthStart = (month: string) => instantInSweden(firstDayOf(month), '00:00');

/** Every concern registered in a month asked for, and every tombstone of one ($4: the answer hours, $5: now). */
const COUNT_SQL = `
  SELECT a.month, a.area_code AS "areaCode", a.minutes, a.pending, count(*)::int AS count
    FROM (SELECT m.month, c.area_code, ${minutesToFirstContactSql('c')} AS minutes,
                 c.first_contact_at IS NULL AND c.registered_at + make_interval(secs => $4::float8 * 3600) > $5::timestamptz AS pending
            FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS m(month, opens, closes)
            JOIN concerns c ON c.registered_at >= m.opens AND c.registered_at < m.closes
          UNION ALL
          SELECT t.registered_month, t.area_code, t.minutes_to_first_contact, false
            FROM concern_tombstones t
           WHERE t.registered_month = ANY($1::text[])) a
   GROUP BY 1, 2, 3, 4`;

/** Every write to a concern (retention's deletion included) appends to the audit log: what kept figures are counted from. */
const AUDIT_SEQUENCE_SQL = 'SELECT coalesce(max(seq), 0)::text AS sequence FROM concern_audit';

interface ConcernRow {
  month: string;
  areaCode: string;
  /** Minutes to first contact; null: none yet. */
  minutes: number | null;
  pending: boolean;
  count: number;
}

/** The middle of sorted minutes; of an even number, the mean of the middle two, rounded. */
function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/** One month's concern figures for every area. */
export class ConcernMonth {
  /** Minutes to first contact of the answered concerns per area, sub-areas included, sorted. */
  private readonly minutes = new Map<string, number[]>();

  constructor(
    private readonly rule: DisclosureRule,
    private readonly family: ConcernFamily,
    rows: ConcernRow[],
  ) {
    for (const row of rows) {
      if (row.minutes === null) continue;
      for (const area of selfAndAncestors(row.areaCode)) {
        const list = this.minutes.get(area) ?? this.minutes.set(area, []).get(area)!;
        for (let i = 0; i < row.count; i++) list.push(row.minutes);
      }
    }
    for (const list of this.minutes.values()) list.sort((a, b) => a - b);
  }

  of(areaCode: string): ConcernFigures {
    const registered = this.family.total(areaCode);
    const answered = this.minutes.get(areaCode) ?? [];
    return {
      registered,
      answeredInTime: this.family.breakdown('answer', areaCode)[0].count,
      medianMinutesToFirstContact: !registered.suppressed && answered.length >= this.rule.minimumCount ? median(answered) : null,
    };
  }
}

function concernMonth(rule: DisclosureRule, rows: ConcernRow[], answerHours: number): ConcernMonth {
  const tally = (row: ConcernRow, value: string): Tally => ({ areaCodes: [row.areaCode], value, count: row.count });
  const answerOf = (row: ConcernRow): Answer => (row.pending ? 'PENDING' : answeredInTime(row.minutes, answerHours) ? 'IN_TIME' : 'NOT_IN_TIME');
  const family = new FigureFamily(rule, rows.map((row) => tally(row, '')), {
    answer: { values: ANSWER, additive: true, tallies: rows.map((row) => tally(row, answerOf(row))) },
  });
  return new ConcernMonth(rule, family, rows);
}

/**
 * Per request: the concern figures of every month asked for, in one statement whatever the number of
 * areas and months, kept a while (`keptFigures`, until the audit log moves). Only signed-in viewers
 * get them (the resolver answers null to the public), so the rule is always ALL_RECORDS: every
 * concern, whoever may read it. Whether a concern is pending depends on the time (its answer time
 * runs out with no write), so kept figures serve the minute they were counted in only.
 */
export function concernFiguresLoader(dataSource: DataSource, viewer: Viewer, clock: Clock) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, ConcernMonth>(async (months) => {
    const now = clock.now();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const { answerHours } = concernClockSettings();
    const key = `concerns:${rule.basis}:${rule.minimumCount}:${answerHours}:${minute.toISOString()}:${months.join(',')}`;
    const figures = await keptFigures(
      dataSource,
      key,
      async () => {
        const rows: ConcernRow[] = await dataSource.query(COUNT_SQL, [
          [...months],
          months.map(monthStart),
          months.map((month) => monthStart(addMonths(month, 1))),
          answerHours,
          now,
        ]);
        return new Map(months.map((month) => [month, concernMonth(rule, rows.filter((row) => row.month === month), answerHours)]));
      },
      AUDIT_SEQUENCE_SQL,
    );
    return months.map((month) => figures.get(month)!);
  });
}

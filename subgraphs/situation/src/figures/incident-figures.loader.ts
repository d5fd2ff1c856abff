import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { addMonths, basisCondition, Dimension, disclosureRule, DisclosureRule, FigureFamily, firstDayOf, instantInSweden, keptFigures, Tally } from '@samverkan/federation';
import { Clock, incidentContactDeadlineMinutes, Viewer } from '@samverkan/platform';
import { IncidentContactStatus } from '../incidents/incident';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { IncidentFigures } from './situation-figures';

/** Whether an incident's contact list worked in time: a partition of the incidents, of which `lateActivations` publishes LATE. */
const TIMELINESS = ['LATE', 'IN_TIME'] as const;
type Timeliness = (typeof TIMELINESS)[number];

type IncidentFamily = FigureFamily<{ kind: Dimension<IncidentKind>; timeliness: Dimension<Timeliness> }>;

/** A month's first instant in Sweden: the Swedish calendar month runs from it to the next month's. */
const monthStart = (month: string) => instantInSweden(firstDayOf(month), '00:00');

/** Outcomes that mean a line was reached. */
const REACHED = [IncidentContactStatus.CONTACTED, IncidentContactStatus.ACKNOWLEDGED];

/**
 * SQL: the incident `i` was activated late (`$4`: the deadline in minutes, `$5`: now). Its deadline has
 * passed, and its contact list is empty or has a line with no log entry CONTACTED or ACKNOWLEDGED
 * whose contact time is at or before the deadline.
 */
const LATE_SQL = `(i.activated_at + make_interval(mins => $4::int) <= $5::timestamptz AND (
    NOT EXISTS (SELECT 1 FROM incident_contacts c WHERE c.incident_id = i.id)
    OR EXISTS (SELECT 1 FROM incident_contacts c WHERE c.incident_id = i.id AND NOT EXISTS (
      SELECT 1 FROM incident_contact_log l
       WHERE l.contact_id = c.id AND l.outcome IN (${REACHED.map((outcome) => `'${outcome}'`).join(', ')})
         AND l.contacted_at <= i.activated_at + make_interval(mins => $4::int)))))`;

interface IncidentRow {
  month: string;
  areaCode: string;
  kind: IncidentKind;
  late: boolean;
  count: number;
}

/** Tallies by area: the totals (value ''), and two partitions of them, by kind and by timeliness. */
function incidentFamily(rule: DisclosureRule, rows: IncidentRow[]): IncidentFamily {
  const tally = (row: IncidentRow, value: string): Tally => ({ areaCodes: [row.areaCode], value, count: row.count });
  return new FigureFamily(rule, rows.map((row) => tally(row, '')), {
    kind: { values: Object.values(IncidentKind), additive: true, tallies: rows.map((row) => tally(row, row.kind)) },
    timeliness: { values: TIMELINESS, additive: true, tallies: rows.map((row) => tally(row, row.late ? 'LATE' : 'IN_TIME')) },
  });
}

/** One month's incident figures for every area. */
export class IncidentMonth {
  constructor(private family: IncidentFamily) {}

  of(areaCode: string): IncidentFigures {
    return {
      incidents: this.family.total(areaCode),
      incidentsByKind: this.family.breakdown('kind', areaCode).map(({ value, count }) => ({ kind: value, count })),
      lateActivations: this.family.breakdown('timeliness', areaCode)[0].count,
    };
  }
}

/**
 * Per request and viewer: the incident figures of every month asked for, in one statement whatever
 * the number of areas and months, kept a while (`keptFigures`). The basis is the viewer's: PUBLIC
 * incidents for the public, every incident for a signed-in party. Lateness depends on the time (a
 * deadline passes with no write), so kept figures serve the minute they were counted in only.
 */
export function incidentFiguresLoader(dataSource: DataSource, viewer: Viewer, clock: Clock) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, IncidentMonth>(async (months) => {
    const now = clock.now();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const deadline = incidentContactDeadlineMinutes();
    const key = `incidents:${rule.basis}:${deadline}:${minute.toISOString()}:${months.join(',')}`;
    const figures = await keptFigures(dataSource, key, async () => {
      const rows: IncidentRow[] = await dataSource.query(
        `SELECT m.month, i.area_code AS "areaCode", i.kind, ${LATE_SQL} AS late, count(*)::int AS count
           FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS m(month, opens, closes)
           JOIN incidents i ON i.activated_at >= m.opens AND i.activated_at < m.closes AND ${basisCondition(rule.basis, 'i.visibility')}
          GROUP BY 1, 2, 3, 4`,
        [[...months], months.map(monthStart), months.map((month) => monthStart(addMonths(month, 1))), deadline, now],
      );
      return new Map(months.map((month) => [month, new IncidentMonth(incidentFamily(rule, rows.filter((row) => row.month === month)))]));
    });
    return months.map((month) => figures.get(month)!);
  });
}

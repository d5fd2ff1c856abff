import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { addMonths, asOfDay, basisCondition, Count, Dimension, disclosureRule, DisclosureRule, FigureFamily, firstDayOf, keptFigures, lastDayOf, Tally } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { SituationLevel, Trend } from '../reports/situation-report';
import { SituationFigures } from './situation-figures';

const LEVELS: readonly SituationLevel[] = [SituationLevel.NORMAL, SituationLevel.ELEVATED, SituationLevel.HIGH, SituationLevel.CRITICAL];
/** How serious each level is, for the trend's average. */
const SEVERITY: Record<string, number> = { NORMAL: 0, ELEVATED: 1, HIGH: 2, CRITICAL: 3 };

const previousMonth = (month: string) => addMonths(month, -1);

interface LevelRow {
  month: string;
  area_code: string;
  level: SituationLevel;
  count: number;
}

type LevelFamily = FigureFamily<{ level: Dimension<SituationLevel> }>;

/** Tallies by area and level: the totals (value '') and the level dimension (additive: a report, or an area's latest report, has one level). */
function levelFamily(rule: DisclosureRule, rows: LevelRow[]): LevelFamily {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.area_code, (totals.get(row.area_code) ?? 0) + row.count);
  return new FigureFamily(
    rule,
    [...totals].map(([areaCode, count]) => ({ areaCodes: [areaCode], value: '', count })),
    { level: { values: LEVELS, additive: true, tallies: rows.map((row): Tally => ({ areaCodes: [row.area_code], value: row.level, count: row.count })) } },
  );
}

/** One month's situation figures for every area: the families publish per area, with their suppression. */
export class SituationMonth {
  constructor(
    private reportsFamily: LevelFamily,
    private previousReportsFamily: LevelFamily,
    private latestFamily: LevelFamily,
  ) {}

  of(areaCode: string): Omit<SituationFigures, 'areaCode' | 'month'> {
    const byLevel = (family: LevelFamily) =>
      family.breakdown('level', areaCode).map(({ value, count }) => ({ level: value, count }));
    const current = byLevel(this.reportsFamily);
    return {
      reports: this.reportsFamily.total(areaCode),
      byLevel: current,
      reportedAreas: this.latestFamily.total(areaCode),
      latestByLevel: byLevel(this.latestFamily),
      trend: trendBetween(byLevel(this.previousReportsFamily), current),
    };
  }
}

/**
 * The trend from two published distributions alone: the average severity of the month's reports
 * against the previous month's (compared as exact fractions). Null when either has no reports or any
 * suppressed count, so it tells nothing the published figures do not.
 */
export function trendBetween(before: Array<{ level: SituationLevel; count: Count }>, now: Array<{ level: SituationLevel; count: Count }>): Trend | null {
  const sums = (counts: Array<{ level: SituationLevel; count: Count }>) => {
    if (counts.some(({ count }) => count.suppressed || count.value === null)) return null;
    const n = counts.reduce((sum, { count }) => sum + count.value!, 0);
    const score = counts.reduce((sum, { level, count }) => sum + SEVERITY[level] * count.value!, 0);
    return n > 0 ? { n, score } : null;
  };
  const a = sums(before);
  const b = sums(now);
  if (!a || !b) return null;
  // score_b / n_b against score_a / n_a, without division.
  const difference = b.score * a.n - a.score * b.n;
  return difference > 0 ? Trend.WORSENING : difference < 0 ? Trend.IMPROVING : Trend.STABLE;
}

/**
 * Per request and viewer: a month's situation figures for every area, for all the months a request
 * asks for in two statements (reports by month, area and level, the previous months included for the
 * trend; each area's latest level as of each month's figures day), whatever the number of areas and
 * months, kept a while (`keptFigures`). The basis is the viewer's: PUBLIC reports for the public,
 * every report for a signed-in party.
 */
export function situationFiguresLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  const counted = `AND ${basisCondition(rule.basis, 'r.visibility')}`;
  return new DataLoader<string, SituationMonth>(async (months) => {
    const withPrevious = [...new Set(months.flatMap((month) => [month, previousMonth(month)]))];
    const asOf = months.map((month) => asOfDay(month));
    const levelRows = (): Promise<LevelRow[]> => dataSource.query(
      `SELECT m.month, r.area_code, r.level, count(*)::int AS count
         FROM unnest($1::text[], $2::date[], $3::date[]) AS m(month, first_day, last_day)
         JOIN situation_reports r ON daterange(r.period_start, r.period_end, '[]') && daterange(m.first_day, m.last_day, '[]') ${counted}
        GROUP BY m.month, r.area_code, r.level`,
      [withPrevious, withPrevious.map(firstDayOf), withPrevious.map(lastDayOf)],
    );
    // Each area's latest report as of each day, one row per (month, area), so an area counts once: the
    // areas that have reports (a skip scan of the index), then per area and day one index-only probe.
    const latestRows = (): Promise<LevelRow[]> => dataSource.query(
      `WITH RECURSIVE areas AS (
         (SELECT area_code FROM situation_reports ORDER BY area_code LIMIT 1)
         UNION ALL
         SELECT (SELECT r.area_code FROM situation_reports r WHERE r.area_code > a.area_code ORDER BY r.area_code LIMIT 1)
           FROM areas a WHERE a.area_code IS NOT NULL
       )
       SELECT m.month, a.area_code, latest.level, 1 AS count
         FROM unnest($1::text[], $2::date[]) AS m(month, as_of)
         CROSS JOIN areas a
         CROSS JOIN LATERAL (
           SELECT r.level FROM situation_reports r
            WHERE r.area_code = a.area_code AND r.period_start <= m.as_of ${counted}
            ORDER BY r.period_end DESC, r.created_at DESC, r.id DESC
            LIMIT 1
         ) AS latest
        WHERE a.area_code IS NOT NULL`,
      [[...months], asOf],
    );
    // Kept a while per process (until the change log moves): the same figures serve every viewer of the basis.
    const figures = await keptFigures(dataSource, `situation:${rule.basis}:${withPrevious.join(',')}:${asOf.join(',')}`, async () => {
      const [levels, latest] = await Promise.all([levelRows(), latestRows()]);
      const byMonth = <T extends { month: string }>(rows: T[], month: string) => rows.filter((row) => row.month === month);
      const reportFamilies = new Map(withPrevious.map((month) => [month, levelFamily(rule, byMonth(levels, month))]));
      return new Map(
        months.map((month) => [
          month,
          new SituationMonth(reportFamilies.get(month)!, reportFamilies.get(previousMonth(month))!, levelFamily(rule, byMonth(latest, month))),
        ]),
      );
    });
    return months.map((month) => figures.get(month)!);
  });
}

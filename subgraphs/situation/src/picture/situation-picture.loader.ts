import DataLoader from 'dataloader';
import { DataSource, ObjectLiteral } from 'typeorm';
import { visibleSql, whereVisible } from '@samverkan/federation';
import { byArguments, isSignedIn, queryNamed, Viewer } from '@samverkan/platform';
import { SituationLevel, SituationReport, Trend } from '../reports/situation-report';
import { NEWEST_FIRST, PictureArgs, SituationPicture, SituationPictureParty } from './situation-picture';

const LEVELS = [SituationLevel.NORMAL, SituationLevel.ELEVATED, SituationLevel.HIGH, SituationLevel.CRITICAL];
const SEVERITY_SQL = `array_position(ARRAY['NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL'], r.level) - 1`;

/** The direction of a change in level (a sum of changes): up is worse. */
export const trendOf = (change: number | null): Trend | null =>
  change === null ? null : change > 0 ? Trend.WORSENING : change < 0 ? Trend.IMPROVING : Trend.STABLE;

/**
 * SQL over the reports about the areas `:codes` whose period overlaps [`:from`, `:to`]: `scoped`,
 * every one with whether the viewer may read it (`visible`) and its level as a number; `seen`, the
 * readable ones numbered newest first per area and per party, with the party's previous level.
 */
function pictureSql(viewer: Viewer): [string, ObjectLiteral] {
  const [visible, parameters] = visibleSql('r', viewer);
  return [
    `WITH scoped AS (
       SELECT r.id, r.area_code, r.reported_by_id, r.level, r.period_end, r.created_at, ${SEVERITY_SQL} AS severity, (${visible}) AS visible
         FROM situation_reports r
        WHERE r.area_code = ANY(CAST(:codes AS text[])) AND r.period_start <= CAST(:to AS date) AND r.period_end >= CAST(:from AS date)
     ),
     seen AS (
       SELECT s.*,
              row_number() OVER (PARTITION BY s.area_code ORDER BY ${NEWEST_FIRST}) AS area_rank,
              row_number() OVER (PARTITION BY s.area_code, s.reported_by_id ORDER BY ${NEWEST_FIRST}) AS party_rank,
              lead(s.severity) OVER (PARTITION BY s.area_code, s.reported_by_id ORDER BY ${NEWEST_FIRST}) AS previous_severity,
              count(*) OVER (PARTITION BY s.area_code, s.reported_by_id)::int AS party_reports
         FROM scoped s WHERE s.visible
     )`,
    parameters,
  ];
}

interface CombinedRow {
  code: string;
  reports: number | null;
  parties: number | null;
  highest: number | null;
  most_recent_id: string | null;
  most_recent: number | null;
  trend_sum: number | null;
  newer_hidden: number;
}

interface PartyRow {
  area_code: string;
  party_id: string;
  latest_id: string;
  latest: number;
  previous: number | null;
  party_reports: number;
}

/**
 * Per-request loaders of the joint situation picture, for one viewer, by distinct arguments: the
 * combined view of any number of areas in one statement, their parties in one more, and the
 * parties' series in two (ids, then the reports), however many areas and parties are asked for.
 */
export function pictureLoaders(dataSource: DataSource, viewer: Viewer) {
  const reports = dataSource.getRepository(SituationReport);
  const level = (severity: number | null) => (severity === null ? null : LEVELS[severity]);

  return {
    /** The combined view per area code. */
    situationPicture: byArguments(({ from, to }: PictureArgs) =>
      new DataLoader<string, SituationPicture>(async (codes) => {
        const [cte, parameters] = pictureSql(viewer);
        const rows = await queryNamed<CombinedRow>(
          dataSource,
          `${cte},
           combined AS (
             SELECT area_code, count(*)::int AS reports, count(DISTINCT reported_by_id)::int AS parties, max(severity) AS highest,
                    (array_agg(id) FILTER (WHERE area_rank = 1))[1] AS most_recent_id,
                    max(severity) FILTER (WHERE area_rank = 1) AS most_recent,
                    max(period_end) FILTER (WHERE area_rank = 1) AS most_recent_end,
                    max(created_at) FILTER (WHERE area_rank = 1) AS most_recent_created,
                    sum(severity - previous_severity) FILTER (WHERE party_rank = 1 AND previous_severity IS NOT NULL)::int AS trend_sum
               FROM seen GROUP BY area_code
           )
           SELECT k.code, c.reports, c.parties, c.highest, c.most_recent_id, c.most_recent, c.trend_sum,
                  (SELECT count(*)::int FROM scoped h
                    WHERE h.area_code = k.code AND NOT h.visible
                      AND (c.most_recent_end IS NULL OR h.period_end > c.most_recent_end
                           OR (h.period_end = c.most_recent_end AND h.created_at > c.most_recent_created))) AS newer_hidden
             FROM unnest(CAST(:codes AS text[])) AS k(code) LEFT JOIN combined c ON c.area_code = k.code`,
          { ...parameters, codes: [...codes], from, to },
        );
        const byCode = new Map(rows.map((row) => [row.code, row]));
        return codes.map((code): SituationPicture => {
          const row = byCode.get(code)!;
          return {
            areaCode: code,
            from,
            to,
            reportCount: row.reports ?? 0,
            reportingParties: row.parties ?? 0,
            highestLevel: level(row.highest),
            mostRecentLevel: level(row.most_recent),
            mostRecentReportId: row.most_recent_id,
            // A count for the signed-in only: the public is told nothing about what it may not read.
            newerHiddenReports: isSignedIn(viewer) ? row.newer_hidden : null,
            computedTrend: trendOf(row.trend_sum),
          };
        });
      }),
    ),

    /** Per area code: the first `first` parties whose reports the viewer may see, the one with the most recent report first. */
    pictureParties: byArguments(({ from, to, first }: PictureArgs & { first: number }) =>
      new DataLoader<string, SituationPictureParty[]>(async (codes) => {
        const [cte, parameters] = pictureSql(viewer);
        const rows = await queryNamed<PartyRow>(
          dataSource,
          `${cte}
           SELECT area_code, reported_by_id AS party_id, id AS latest_id, severity AS latest, previous_severity AS previous, party_reports
             FROM (SELECT seen.*, row_number() OVER (PARTITION BY area_code ORDER BY ${NEWEST_FIRST}) AS n FROM seen WHERE party_rank = 1) AS latest
            WHERE n <= :first ORDER BY area_code, n`,
          { ...parameters, codes: [...codes], from, to, first },
        );
        return codes.map((code) =>
          rows
            .filter((row) => row.area_code === code)
            .map((row) => ({
              partyId: row.party_id,
              areaCode: code,
              from,
              to,
              latestReportId: row.latest_id,
              reportCount: row.party_reports,
              latestLevel: LEVELS[row.latest],
              previousLevel: level(row.previous),
              computedTrend: row.previous === null ? null : trendOf(row.latest - row.previous),
            })),
        );
      }),
    ),

    /** Per party of a picture (key: area code and party id, space-separated): its first `first` reports the viewer may see, newest first. */
    pictureSeries: byArguments(({ from, to, first }: PictureArgs & { first: number }) =>
      new DataLoader<string, SituationReport[]>(async (keys) => {
        const pairs = keys.map((key) => key.split(' '));
        const [visible, parameters] = visibleSql('r', viewer);
        const rows = await queryNamed<{ key: string; id: string }>(
          dataSource,
          `SELECT key, id FROM (
             SELECT k.area_code || ' ' || k.party_id AS key, r.id,
                    row_number() OVER (PARTITION BY k.area_code, k.party_id ORDER BY r.${NEWEST_FIRST.replace(/, /g, ', r.')}) AS n
               FROM unnest(CAST(:areas AS text[]), CAST(:parties AS uuid[])) AS k(area_code, party_id)
               JOIN situation_reports r ON r.area_code = k.area_code AND r.reported_by_id = k.party_id
              WHERE r.period_start <= CAST(:to AS date) AND r.period_end >= CAST(:from AS date) AND ${visible}
           ) AS numbered WHERE n <= :first ORDER BY key, n`,
          { ...parameters, areas: pairs.map(([area]) => area), parties: pairs.map(([, party]) => party), from, to, first },
        );
        const ids = rows.map((row) => row.id);
        const found = new Map(
          (ids.length ? await whereVisible(reports.createQueryBuilder('r'), viewer).andWhere('r.id IN (:...ids)', { ids }).getMany() : []).map((r) => [r.id, r]),
        );
        return keys.map((key) => rows.filter((row) => row.key === key).flatMap((row) => found.get(row.id) ?? []));
      }),
    ),
  };
}

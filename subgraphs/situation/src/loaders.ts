import { DataSource, In } from 'typeorm';
import { areaMatchSql, AreaScope, groupLoader, isUuid, recordLoader } from '@samverkan/shared';
import { Observation, SituationReport } from './situation-report';

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const reports = dataSource.getRepository(SituationReport);
  const observations = dataSource.getRepository(Observation);

  const reportsById = async (ids: string[]) => (ids.length ? reports.findBy({ id: In(ids) }) : []);

  /** Pairs each key with its reports, in the order the pairs were given. */
  const pairReports = async (pairs: Array<{ key: string; id: string }>): Promise<Array<[string, SituationReport]>> => {
    const byId = new Map((await reportsById([...new Set(pairs.map((p) => p.id))])).map((r) => [r.id, r]));
    return pairs.filter((p) => byId.has(p.id)).map((p) => [p.key, byId.get(p.id)!]);
  };

  const reportsInArea = (scope: AreaScope) =>
    groupLoader<string, SituationReport>(async (codes) =>
      pairReports(
        await dataSource.query(
          `SELECT k.code AS key, r.id FROM situation_reports r
             JOIN unnest($1::text[]) AS k(code) ON ${areaMatchSql('r.area_code', 'k.code', scope)}
           ORDER BY r.period_end DESC, r.id DESC`,
          [codes],
        ),
      ),
    );

  return {
    report: recordLoader<string, SituationReport>((ids) => reportsById(ids.filter(isUuid)), (r) => r.id),
    observations: groupLoader<string, Observation>(async (reportIds) =>
      (await observations.find({ where: { reportId: In(reportIds) }, order: { reportId: 'ASC', position: 'ASC' } })).map((o) => [o.reportId, o]),
    ),
    /** The report for exactly this area with the latest period end (then the latest created); one statement for all areas. */
    latestReportOfArea: recordLoader<string, SituationReport>(
      (codes) =>
        reports
          .createQueryBuilder('r')
          .where(
            `r.id IN (SELECT DISTINCT ON (l.area_code) l.id FROM situation_reports l WHERE l.area_code = ANY(:codes)
                ORDER BY l.area_code, l.period_end DESC, l.created_at DESC, l.id DESC)`,
            { codes },
          )
          .getMany(),
      (r) => r.areaCode,
    ),
    reportsInArea: { [AreaScope.WITHIN]: reportsInArea(AreaScope.WITHIN), [AreaScope.OVERLAPPING]: reportsInArea(AreaScope.OVERLAPPING) },
    reportsByActor: groupLoader<string, SituationReport>(async (actorIds) => {
      const ids = actorIds.filter(isUuid);
      if (ids.length === 0) return [];
      const found = await reports.find({ where: { reportedById: In(ids) }, order: { periodEnd: 'DESC', id: 'DESC' } });
      return found.map((r) => [r.reportedById, r]);
    }),
  };
}

export type SituationLoaders = ReturnType<typeof createLoaders>;

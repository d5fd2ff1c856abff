import { DataSource, In } from 'typeorm';
import { areaPairs, groupLoader, isUuid, pairedGroupLoader, perAreaScope, recordLoader } from '@samverkan/shared';
import { Observation, SituationReport } from './situation-report';

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const reports = dataSource.getRepository(SituationReport);
  const observations = dataSource.getRepository(Observation);

  const reportsById = async (ids: string[]) => (ids.length ? reports.findBy({ id: In(ids) }) : []);

  const newestFirst = (ids: string[]) => reports.find({ where: { id: In(ids) }, order: { periodEnd: 'DESC', id: 'DESC' } });

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
    reportsInArea: perAreaScope((scope) => pairedGroupLoader(areaPairs(dataSource, 'situation_reports', 'area_code', scope), newestFirst)),
    reportsByActor: groupLoader<string, SituationReport>(async (actorIds) => {
      const ids = actorIds.filter(isUuid);
      if (ids.length === 0) return [];
      const found = await reports.find({ where: { reportedById: In(ids) }, order: { periodEnd: 'DESC', id: 'DESC' } });
      return found.map((r) => [r.reportedById, r]);
    }),
  };
}

export type SituationLoaders = ReturnType<typeof createLoaders>;

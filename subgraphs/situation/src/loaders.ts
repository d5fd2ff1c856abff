import { DataSource, In } from 'typeorm';
import { areaPairs, changeLogLoader, perAreaScope, whereVisible } from '@samverkan/federation';
import { groupLoader, isUuid, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { situationFiguresLoader } from './figures/situation-figures.loader';
import { Observation, SituationReport } from './situation-report';

/**
 * Per-request loaders for one viewer: every list and reference of this subgraph is fetched in one
 * batch per level, and every loader that returns reports returns only those the viewer may see.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer) {
  const reports = dataSource.getRepository(SituationReport);
  const observations = dataSource.getRepository(Observation);

  /** Reports the viewer may see, as a query to narrow further. */
  const visible = (alias = 'r') => whereVisible(reports.createQueryBuilder(alias), viewer);

  const reportsById = async (ids: string[]) => (ids.length ? visible().andWhere('r.id IN (:...ids)', { ids }).getMany() : []);

  const newestFirst = (ids: string[]) =>
    visible().andWhere('r.id IN (:...ids)', { ids }).orderBy('r.period_end', 'DESC').addOrderBy('r.id', 'DESC').getMany();

  return {
    changeLog: changeLogLoader(dataSource),
    report: recordLoader<string, SituationReport>((ids) => reportsById(ids.filter(isUuid)), (r) => r.id),
    /** Observations are part of their report: only ever asked for reports the viewer already sees. */
    observations: groupLoader<string, Observation>(async (reportIds) =>
      (await observations.find({ where: { reportId: In(reportIds) }, order: { reportId: 'ASC', position: 'ASC' } })).map((o) => [o.reportId, o]),
    ),
    /**
     * The report the viewer may see for exactly this area with the latest period end (then the latest
     * created); one statement for all areas. Visibility applies inside DISTINCT ON, so a hidden newer
     * report neither hides nor replaces the latest visible one.
     */
    latestReportOfArea: recordLoader<string, SituationReport>((codes) => {
      const latest = visible('l')
        .select('l.id')
        .distinctOn(['l.area_code'])
        .andWhere('l.area_code = ANY(:codes)', { codes })
        .orderBy('l.area_code')
        .addOrderBy('l.period_end', 'DESC')
        .addOrderBy('l.created_at', 'DESC')
        .addOrderBy('l.id', 'DESC');
      return reports.createQueryBuilder('r').where(`r.id IN (${latest.getQuery()})`).setParameters(latest.getParameters()).getMany();
    }, (r) => r.areaCode),
    situationFigures: situationFiguresLoader(dataSource, viewer),
    reportsInArea: perAreaScope((scope) => pairedGroupLoader(areaPairs(dataSource, 'situation_reports', 'area_code', scope), newestFirst)),
    reportsByActor: groupLoader<string, SituationReport>(async (actorIds) => {
      const ids = actorIds.filter(isUuid);
      if (ids.length === 0) return [];
      const found = await visible()
        .andWhere('r.reported_by_id IN (:...ids)', { ids })
        .orderBy('r.period_end', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .getMany();
      return found.map((r) => [r.reportedById, r]);
    }),
  };
}

export type SituationLoaders = ReturnType<typeof createLoaders>;

import { DataSource, In, ObjectLiteral } from 'typeorm';
import { ActorRecordsArgs, areaConditionSql, areaJoinSql, externalIdLoader, visibleSql, whereVisible } from '@samverkan/federation';
import { byArguments, conditionedListQuery, firstOfEachLoader, firstPerKeyLoader, groupLoader, isUuid, NestedListPairs, recordLoader, Viewer } from '@samverkan/platform';
import { AreaReportsArgs } from './situation-report.inputs';
import { Observation, SituationReport } from './situation-report';

/** Per-request loaders of situation reports: every one returns only the reports the viewer may see. */
export function reportLoaders(dataSource: DataSource, viewer: Viewer) {
  const reports = dataSource.getRepository(SituationReport);
  const observations = dataSource.getRepository(Observation);

  /** Reports the viewer may see, as a query to narrow further. */
  const visible = (alias = 'r') => whereVisible(reports.createQueryBuilder(alias), viewer);

  const reportsById = async (ids: string[]) => (ids.length ? visible().andWhere('r.id IN (:...ids)', { ids }).getMany() : []);

  const newestFirst = (ids: string[]) =>
    visible().andWhere('r.id IN (:...ids)', { ids }).orderBy('r.period_end', 'DESC').addOrderBy('r.id', 'DESC').getMany();

  /** A bounded nested list: the first `first` reports per key the viewer may see, newest period first, the bound in SQL. */
  const newestFirstLoader = (pairs: NestedListPairs, conditions: Array<[string, ObjectLiteral]>, first: number, accept: (key: string) => boolean) =>
    firstPerKeyLoader<SituationReport>(
      dataSource,
      (keys) =>
        conditionedListQuery(keys, { pairs, table: 'situation_reports', conditions: [visibleSql('r', viewer), ...conditions], order: 'r.period_end DESC, r.id DESC', accept }),
      newestFirst,
      first,
    );

  return {
    report: recordLoader<string, SituationReport>((ids) => reportsById(ids.filter(isUuid)), (r) => r.id),
    /** The viewer's organisation's reports by their `externalId`. */
    reportByExternalId: externalIdLoader(dataSource, SituationReport, viewer),
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
    /** `Area.situationReports`: by area code, by its arguments. */
    reportsInArea: byArguments(({ scope, first }: AreaReportsArgs) =>
      newestFirstLoader(
        (codes) => {
          const [join, parameters] = areaJoinSql('situation_reports', codes, scope, 'CAST(:keys AS text[])');
          return [`SELECT k.key, t.id FROM ${join}`, parameters];
        },
        [],
        first,
        () => true,
      ),
    ),
    /** `Actor.situationReports`: by actor id, the reports each actor wrote (about `areaCode`, when given), in one statement. */
    reportsByActor: byArguments((args: ActorRecordsArgs) =>
      firstOfEachLoader(
        dataSource,
        SituationReport,
        {
          keyColumn: 'reported_by_id',
          keyOf: (report) => report.reportedById,
          order: [['period_end', 'DESC'], ['id', 'DESC']],
          where: [visibleSql('t', viewer), ...areaConditionSql('t.area_code', args)],
        },
        args.first,
      ),
    ),
  };
}


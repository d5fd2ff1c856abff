import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  areaMatchSql,
  assertReferencesExist,
  badInput,
  Connection,
  containsPattern,
  lockForUpdate,
  PageArgs,
  paginate,
  SubgraphContext,
  wherePeriodOverlaps,
} from '@samverkan/shared';
import { assertNoPersonalIdentityNumbers } from './personal-identity';
import { Observation, SituationReport } from './situation-report';
import { CreateSituationReportInput, ObservationInput, SituationReportFilter, UpdateSituationReportInput } from './situation-report.inputs';
import { SituationLoaders } from './loaders';
import { Actor, Area } from './stubs';

type Context = SubgraphContext<SituationLoaders>;

@ObjectType({ description: 'A page of situation reports.' })
export class SituationReportConnection extends Connection(SituationReport) {}

@Resolver(() => SituationReport)
export class SituationReportResolver {
  @Query(() => SituationReport, { nullable: true, description: 'One situation report by id; null when there is none.' })
  situationReport(@Arg('id', () => ID, { description: 'Id of the report.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.report.load(id);
  }

  @Query(() => SituationReportConnection, {
    description: 'Situation reports matching a filter, newest period first (by `periodEnd`, then id), a page at a time.',
  })
  situationReports(
    @Arg('filter', () => SituationReportFilter, { nullable: true, description: 'Which reports to list; all of them when left out.' }) filter: SituationReportFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource }: Context,
  ) {
    const query = dataSource.getRepository(SituationReport).createQueryBuilder('report');
    if (filter?.areaCode) {
      query.andWhere(areaMatchSql('report.area_code', ':areaCode', filter.areaScope), { areaCode: filter.areaCode });
    }
    if (filter?.levels?.length) query.andWhere('report.level IN (:...levels)', { levels: filter.levels });
    if (filter?.trends?.length) query.andWhere('report.trend IN (:...trends)', { trends: filter.trends });
    if (filter?.categories?.length) {
      query.andWhere('EXISTS (SELECT 1 FROM observations o WHERE o.report_id = report.id AND o.category IN (:...categories))', {
        categories: filter.categories,
      });
    }
    if (filter?.reportedById) query.andWhere('report.reported_by_id = :reportedById', { reportedById: filter.reportedById });
    wherePeriodOverlaps(query, { start: 'report.period_start', end: 'report.period_end' }, filter ?? {});
    if (filter?.text) query.andWhere('report.summary ILIKE :text', { text: containsPattern(filter.text) });
    return paginate(query, page, { column: 'report.period_end', property: 'periodEnd', direction: 'DESC' });
  }

  @FieldResolver(() => Area, { description: 'The area the report is about.' })
  area(@Root() report: SituationReport): Area {
    return { code: report.areaCode };
  }

  @FieldResolver(() => Actor, { description: 'The actor that wrote and shares the report, e.g. a local police area or an NGO.' })
  reportedBy(@Root() report: SituationReport): Actor {
    return { id: report.reportedById };
  }

  @FieldResolver(() => [Observation], { description: `The report's observations, in the order the reporter gave them (at most 30).` })
  observations(@Root() report: SituationReport, @Ctx() { loaders }: Context) {
    return loaders.observations.load(report.id);
  }

  @Mutation(() => SituationReport, {
    description:
      'Shares a situation report. The area and the reporting actor must exist; text that looks like it contains a personal identity number is refused.',
  })
  async createSituationReport(
    @Arg('input', () => CreateSituationReportInput, { description: 'The new report.' }) input: CreateSituationReportInput,
    @Ctx() { dataSource }: Context,
  ) {
    const { observations, ...fields } = input;
    checkPeriod(fields.periodStart, fields.periodEnd);
    checkTexts(fields.summary, observations);
    await checkReferences(fields);
    return dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SituationReport);
      const report = await repository.save(repository.create(fields));
      await replaceObservations(manager, report.id, observations ?? []);
      return report;
    });
  }

  @Mutation(() => SituationReport, {
    description:
      'Changes a situation report; given observations replace the old ones. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  updateSituationReport(
    @Arg('id', () => ID, { description: 'Id of the report to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateSituationReportInput, { description: 'The changes.' }) input: UpdateSituationReportInput,
    @Ctx() { dataSource }: Context,
  ) {
    const { observations, ...fields } = input;
    const cleared = (Object.keys(fields) as Array<keyof typeof fields>).filter((key) => fields[key] === null);
    if (cleared.length) {
      throw badInput(`${cleared.join(', ')} cannot be cleared`, cleared.map((field) => ({ field, message: 'cannot be null' })));
    }
    checkTexts(fields.summary, observations);
    return dataSource.transaction(async (manager) => {
      const report = await lockForUpdate(manager, SituationReport, 'SituationReport', id, version);
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<SituationReport>;
      checkPeriod(changes.periodStart ?? report.periodStart, changes.periodEnd ?? report.periodEnd);
      await checkReferences(changes);
      Object.assign(report, changes);
      // Replaced observations change the report too: touching it makes the save bump its version.
      if (observations !== undefined) report.updatedAt = new Date();
      const saved = await manager.getRepository(SituationReport).save(report);
      if (observations !== undefined) await replaceObservations(manager, id, observations ?? []);
      return saved;
    });
  }
}

function checkPeriod(periodStart: string, periodEnd: string) {
  if (periodEnd < periodStart) {
    throw badInput('periodEnd is before periodStart', [{ field: 'periodEnd', message: 'must not be before periodStart' }]);
  }
}

/** The situation picture is area-level only: refuse anything that looks like a personal identity number. */
function checkTexts(summary: string | null | undefined, observations: ObservationInput[] | null | undefined) {
  assertNoPersonalIdentityNumbers([
    { field: 'summary', text: summary },
    ...(observations ?? []).map((o, index) => ({ field: `observations.${index}.description`, text: o.description })),
  ]);
}

/** The area and the reporting actor live in the actors subgraph: ask it before writing. */
async function checkReferences({ areaCode, reportedById }: { areaCode?: string | null; reportedById?: string | null }) {
  if (areaCode) await assertReferencesExist('Area', [areaCode], 'areaCode');
  if (reportedById) await assertReferencesExist('Actor', [reportedById], 'reportedById');
}

async function replaceObservations(manager: EntityManager, reportId: string, observations: ObservationInput[]) {
  await manager.getRepository(Observation).delete({ reportId });
  if (observations.length) {
    await manager.getRepository(Observation).insert(observations.map((o, position) => ({ ...o, reportId, position })));
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { answeredBy, assertCanChange, assertNoPersonalIdentityNumbers, assertPeriod, assertReferencesExist, ChangeAction, externalIdColumn, forbidden, givenFields, namedAreaFilter, ownerForNewRecord, recordChange, sharedWithOthers, wherePeriodOverlaps, whereVisible, withExternalIdKey } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, Connection, containsPattern, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, PageArgs, paginate, SubgraphContext } from '@samverkan/platform';
import { assertFollowsTemplate } from '../templates/template-rules';
import { Observation, SituationReport } from './situation-report';
import { CreateSituationReportInput, ObservationInput, SituationReportFilter, UpdateSituationReportInput } from './situation-report.inputs';
import { SituationLoaders } from '../loaders';
import { Actor, Area } from '../stubs';

type Context = SubgraphContext<SituationLoaders>;

@ObjectType({ description: 'A page of situation reports.' })
export class SituationReportConnection extends Connection(SituationReport) {}

@Resolver(() => SituationReport)
export class SituationReportResolver {
  @Query(() => SituationReport, { nullable: true, description: 'One situation report by id; null when there is none or you may not see it.' })
  situationReport(@Arg('id', () => ID, { description: 'Id of the report.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.report.load(id);
  }

  @Query(() => SituationReportConnection, {
    description:
      'Situation reports you may see that match a filter, newest period first (by `periodEnd`, then id), a page at a time; `totalCount` counts only those.',
  })
  situationReports(
    @Arg('filter', () => SituationReportFilter, { nullable: true, description: 'Which reports to list; all of them when left out.' }) filter: SituationReportFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    // Visibility first: every filter below only narrows the rows the viewer may see.
    const query = whereVisible(dataSource.getRepository(SituationReport).createQueryBuilder('report'), viewer);
    if (filter?.areaCode) {
      query.andWhere(...namedAreaFilter('report.area_code', filter.areaCode, filter.areaScope));
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

  @FieldResolver(() => Area, answeredBy('actors', 'The area the report is about.'))
  area(@Root() report: SituationReport): Area {
    return { code: report.areaCode };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The actor that wrote and shares the report, e.g. a local police area or an NGO; it is also the owner.'))
  reportedBy(@Root() report: SituationReport): Actor {
    return { id: report.reportedById };
  }

  @FieldResolver(() => [Observation], { description: `The report's observations, in the order the reporter gave them (at most 30).` })
  observations(@Root() report: SituationReport, @Ctx() { loaders }: Context) {
    return loaders.observations.load(report.id);
  }

  @Mutation(() => SituationReport, {
    description:
      'Writes a situation report for your organisation, which owns it and chooses who sees it (OWNER unless `visibility` says otherwise). Needs a coordinator; the area and any `sharedWithIds` must exist; text that looks like it contains a personal identity number is refused.',
  })
  async createSituationReport(
    @Arg('input', () => CreateSituationReportInput, { description: 'The new report.' }) input: CreateSituationReportInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { observations, sharedWithIds, reportedById, externalId, templateId, ...fields } = input;
    if (reportedById) assertReportsForItself(reportedById, ownerId);
    checkPeriod(fields.periodStart, fields.periodEnd);
    checkTexts(fields.summary, observations);
    await checkReferences({ areaCode: fields.areaCode, sharedWithIds }, authorization);
    const request = { operation: 'createSituationReport', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      if (templateId) await assertFollowsTemplate(manager, viewer, { templateId, areaCode: fields.areaCode, categories: (observations ?? []).map((o) => o.category) });
      const repository = manager.getRepository(SituationReport);
      const report = await repository.save(repository.create({ ...fields, templateId: templateId ?? null, externalId: externalIdColumn(externalId), reportedById: ownerId, ownerId, sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId) }));
      await replaceObservations(manager, report.id, observations ?? []);
      await recordChange(manager, viewer, {
        entityType: 'SituationReport',
        entityId: report.id,
        action: ChangeAction.CREATED,
        fields: givenFields(input),
      });
      return report;
    }, (id) => loaders.report.load(id), 'SituationReport'));
  }

  @Mutation(() => SituationReport, {
    description:
      'Changes a situation report (coordinators of the owning organisation only); given observations replace the old ones. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written. A report you may not see is NOT_FOUND.',
  })
  async updateSituationReport(
    @Arg('id', () => ID, { description: 'Id of the report to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateSituationReportInput, { description: 'The changes.' }) input: UpdateSituationReportInput,
    @Ctx() { dataSource, viewer, authorization }: Context,
  ) {
    assertSignedIn(viewer, 'change situation reports');
    const { observations, sharedWithIds, externalId, templateId, ...fields } = input;
    assertNotCleared(fields);
    checkTexts(fields.summary, observations);
    await checkReferences({ areaCode: fields.areaCode, sharedWithIds }, authorization);
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: report, commit } = await lockForUpdate(manager, SituationReport, 'SituationReport', id, version, (found) =>
        assertCanChange(found, viewer, 'SituationReport'),
      );
      const { reportedById, ...rest } = fields;
      // The reporting actor is the owner: it can be confirmed, never changed.
      if (reportedById) assertReportsForItself(reportedById, report.ownerId);
      const changes = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<SituationReport>;
      checkPeriod(changes.periodStart ?? report.periodStart, changes.periodEnd ?? report.periodEnd);
      Object.assign(report, changes);
      if (sharedWithIds !== undefined) report.sharedWith = sharedWithOthers(sharedWithIds ?? [], report.ownerId);
      if (externalId !== undefined) report.externalId = externalIdColumn(externalId);
      if (templateId !== undefined) report.templateId = templateId;
      // Checked when the template, the observations or the area change; a later change of the template itself never makes a report invalid.
      if (report.templateId && (templateId !== undefined || observations !== undefined || changes.areaCode)) {
        const categories = observations !== undefined
          ? (observations ?? []).map((o) => o.category)
          : (await manager.getRepository(Observation).find({ where: { reportId: id } })).map((o) => o.category);
        await assertFollowsTemplate(manager, viewer, { templateId: report.templateId, areaCode: report.areaCode, categories });
      }
      if (observations !== undefined) await replaceObservations(manager, id, observations ?? []);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'SituationReport', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes a situation report and its observations (coordinators of the owning organisation only) and returns its id. `version` must be the version you read, else VERSION_CONFLICT; a report you may not see is NOT_FOUND.',
  })
  deleteSituationReport(
    @Arg('id', () => ID, { description: 'Id of the report to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change situation reports');
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, SituationReport, 'SituationReport', id, version, (found) => assertCanChange(found, viewer, 'SituationReport'));
      await recordChange(manager, viewer, { entityType: 'SituationReport', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(Observation).delete({ reportId: id });
      await manager.getRepository(SituationReport).delete({ id });
      return id;
    });
  }
}

/** The reporting actor is the owner: a party reports only for itself, never in another party's name. */
function assertReportsForItself(reportedById: string, ownerId: string) {
  if (reportedById.toLowerCase() !== ownerId) {
    throw forbidden('A situation report is written by your own organisation: reportedById must be your organisation (or left out)');
  }
}

const checkPeriod = (periodStart: string, periodEnd: string) => assertPeriod(periodStart, periodEnd, { start: 'periodStart', end: 'periodEnd' });

/** The situation picture is area-level only: refuse anything that looks like a personal identity number. */
function checkTexts(summary: string | null | undefined, observations: ObservationInput[] | null | undefined) {
  assertNoPersonalIdentityNumbers([
    { field: 'summary', text: summary },
    ...(observations ?? []).map((o, index) => ({ field: `observations.${index}.description`, text: o.description })),
  ]);
}

/** The area and the partners a report is shared with live in the actors subgraph: ask it, as the caller, before writing. */
async function checkReferences(
  { areaCode, sharedWithIds }: { areaCode?: string | null; sharedWithIds?: string[] | null },
  authorization: string | undefined,
) {
  await assertReferencesExist(
    [
      { type: 'Area', keys: [areaCode], field: 'areaCode' },
      { type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' },
    ],
    authorization,
  );
}

async function replaceObservations(manager: EntityManager, reportId: string, observations: ObservationInput[]) {
  await manager.getRepository(Observation).delete({ reportId });
  if (observations.length) {
    await manager.getRepository(Observation).insert(observations.map((o, position) => ({ ...o, reportId, position })));
  }
}

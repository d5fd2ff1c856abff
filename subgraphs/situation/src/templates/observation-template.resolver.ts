import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { answeredBy, assertCanChange, assertNoPersonalIdentityNumbers, assertReferencesExist, ChangeAction, givenFields, ownerForNewRecord, recordChange, sharedWithOthers } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, badInput, lockForUpdate, NestedListArgs, SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { SituationReport } from '../reports/situation-report';
import { Actor, Area } from '../stubs';
import { ObservationTemplate } from './observation-template';
import { CreateObservationTemplateInput, TemplateCategoryInput, UpdateObservationTemplateInput } from './observation-template.inputs';

type Context = SubgraphContext<SituationLoaders>;

@Resolver(() => ObservationTemplate)
export class ObservationTemplateResolver {
  @Query(() => ObservationTemplate, { nullable: true, description: 'One observation template by id; null when there is none or you may not see it.' })
  observationTemplate(@Arg('id', () => ID, { description: 'Id of the template.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.template.load(id);
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area the template is for.'))
  area(@Root() template: ObservationTemplate): Area {
    return { code: template.areaCode };
  }

  @FieldResolver(() => [Actor], answeredBy('actors', 'The parties that agreed on the template.'))
  agreedBy(@Root() template: ObservationTemplate): Actor[] {
    return template.agreedByIds.map((id) => ({ id }));
  }

  @Mutation(() => ObservationTemplate, {
    description:
      'Writes an observation template for an area, owned by your organisation (a coordinator), shown per `visibility` (OWNER unless chosen otherwise). The area and any `agreedByIds` and `sharedWithIds` must exist; each category at most once.',
  })
  async createObservationTemplate(
    @Arg('input', () => CreateObservationTemplateInput, { description: 'The new template.' }) input: CreateObservationTemplateInput,
    @Ctx() { dataSource, viewer, authorization, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { sharedWithIds, agreedByIds, ...fields } = input;
    checkContent(fields.name, fields.categories);
    await checkReferences({ areaCode: fields.areaCode, agreedByIds, sharedWithIds }, authorization);
    const id = await dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ObservationTemplate);
      const template = await repository.save(
        repository.create({
          ...fields,
          categories: stored(fields.categories),
          agreedByIds: unique(agreedByIds ?? []),
          ownerId,
          sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId),
        }),
      );
      await recordChange(manager, viewer, { entityType: 'ObservationTemplate', entityId: template.id, action: ChangeAction.CREATED, fields: givenFields(input) });
      return template.id;
    });
    return loaders.template.load(id);
  }

  @Mutation(() => ObservationTemplate, {
    description:
      'Changes an observation template (coordinators of the owning organisation only); reports already written with it stay as they are. `version` must be the version you read, else VERSION_CONFLICT and nothing is written; a template you may not see is NOT_FOUND.',
  })
  async updateObservationTemplate(
    @Arg('id', () => ID, { description: 'Id of the template to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateObservationTemplateInput, { description: 'The changes.' }) input: UpdateObservationTemplateInput,
    @Ctx() { dataSource, viewer, authorization }: Context,
  ) {
    assertSignedIn(viewer, 'change observation templates');
    const { sharedWithIds, agreedByIds, ...fields } = input;
    assertNotCleared(fields);
    checkContent(fields.name, fields.categories);
    await checkReferences({ agreedByIds, sharedWithIds }, authorization);
    return dataSource.transaction(async (manager) => {
      const { record: template, commit } = await lockForUpdate(manager, ObservationTemplate, 'ObservationTemplate', id, version, (found) =>
        assertCanChange(found, viewer, 'ObservationTemplate'),
      );
      if (fields.name) template.name = fields.name;
      if (fields.visibility) template.visibility = fields.visibility;
      if (fields.categories) template.categories = stored(fields.categories);
      if (agreedByIds !== undefined) template.agreedByIds = unique(agreedByIds ?? []);
      if (sharedWithIds !== undefined) template.sharedWith = sharedWithOthers(sharedWithIds ?? [], template.ownerId);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'ObservationTemplate', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    });
  }

  @Mutation(() => ID, {
    description:
      'Deletes an observation template (coordinators of the owning organisation only) and returns its id; reports written with it keep their observations and `templateId`. `version` must be the version you read, else VERSION_CONFLICT; a template you may not see is NOT_FOUND.',
  })
  deleteObservationTemplate(
    @Arg('id', () => ID, { description: 'Id of the template to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change observation templates');
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, ObservationTemplate, 'ObservationTemplate', id, version, (found) => assertCanChange(found, viewer, 'ObservationTemplate'));
      await recordChange(manager, viewer, { entityType: 'ObservationTemplate', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(ObservationTemplate).delete({ id });
      return id;
    });
  }
}

@Resolver(() => SituationReport)
export class ReportTemplateResolver {
  @FieldResolver(() => ObservationTemplate, { nullable: true, description: 'The observation template the report was written with; null when none, when it was deleted, or when you may not see it.' })
  template(@Root() report: SituationReport, @Ctx() { loaders }: Context) {
    return report.templateId ? loaders.template.load(report.templateId) : null;
  }
}

@Resolver(() => Area)
export class AreaTemplatesResolver {
  @FieldResolver(() => [ObservationTemplate], answeredBy('situation', 'Observation templates for exactly this area that you may see, by name: the first `first` of them.'))
  observationTemplates(@Root() area: Area, @Args(() => NestedListArgs) { first }: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.templatesOfArea({ first }).load(area.code);
  }
}

const unique = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** As stored: only the two fields, in the given order. */
const stored = (categories: TemplateCategoryInput[]) => categories.map(({ category, guidingQuestion }) => ({ category, guidingQuestion }));

function checkContent(name: string | null | undefined, categories: TemplateCategoryInput[] | null | undefined) {
  const repeated = (categories ?? []).map((c) => c.category).filter((category, index, all) => all.indexOf(category) !== index);
  if (repeated.length) throw badInput(`Each category at most once: ${[...new Set(repeated)].join(', ')}`, [{ field: 'categories', message: 'a category is given twice' }]);
  assertNoPersonalIdentityNumbers([
    { field: 'name', text: name },
    ...(categories ?? []).map((c, index) => ({ field: `categories.${index}.guidingQuestion`, text: c.guidingQuestion })),
  ]);
}

async function checkReferences(
  { areaCode, agreedByIds, sharedWithIds }: { areaCode?: string; agreedByIds?: string[] | null; sharedWithIds?: string[] | null },
  authorization: string | undefined,
) {
  await assertReferencesExist(
    [
      { type: 'Area', keys: [areaCode], field: 'areaCode' },
      { type: 'Actor', keys: agreedByIds ?? [], field: 'agreedByIds' },
      { type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' },
    ],
    authorization,
  );
}

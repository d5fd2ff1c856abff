import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  assertCanChange, assertReferencesExist, ChangeAction, externalIdColumn, givenFields, ownerForNewRecord, recordChange, sharedWithOthers, Visibility, whereVisible, withExternalIdKey,
} from '@samverkan/federation';
import {
  assertNotCleared, badInput, Connection, containsPattern, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, NestedListArgs, notFound, PageArgs, paginate,
  SubgraphContext, versionConflict,
} from '@samverkan/platform';
import { Agreement, AgreementStatus, PartyRole } from '../agreement/agreement';
import { AgreementPartyInput, CreateAgreementInput } from '../agreement/agreement.inputs';
import { createAgreementRecord } from '../agreement/agreement.resolver';
import { AgreementsLoaders } from '../loaders';
import { assertNoIdentityNumbersInAgreement } from '../agreement/agreement-texts';
import { AgreementPhase } from '../phases/agreement-phase';
import { AgreementResource } from '../resources/agreement-resource';
import { storedSections } from './agreement-section';
import { AgreementTemplate, TemplateStatus } from './agreement-template';
import {
  AgreementFromTemplateInput, AgreementTemplateFilter, CreateAgreementTemplateInput, SuggestedPartyInput, SuggestedPhaseInput, SuggestedResourceInput, UpdateAgreementTemplateInput,
} from './agreement-template.inputs';
import { assertMayPublishTemplates } from './template-access';

type Context = SubgraphContext<AgreementsLoaders>;

@ObjectType({ description: 'A page of agreement templates.' })
export class AgreementTemplateConnection extends Connection(AgreementTemplate) {}

@Resolver(() => AgreementTemplate)
export class AgreementTemplateResolver {
  @Query(() => AgreementTemplate, { nullable: true, description: 'One agreement template by id; null when there is none or you may not see it.' })
  agreementTemplate(@Arg('id', () => ID, { description: 'Id of the template.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.template.load(id);
  }

  @Query(() => AgreementTemplateConnection, {
    description: 'Agreement templates you may see that match a filter, by title (then id), a page at a time; `totalCount` counts only those.',
  })
  agreementTemplates(
    @Arg('filter', () => AgreementTemplateFilter, { nullable: true, description: 'Which templates to list; all you may see when left out.' })
    filter: AgreementTemplateFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    const query = whereVisible(dataSource.getRepository(AgreementTemplate).createQueryBuilder('template'), viewer);
    if (filter?.kinds?.length) query.andWhere('template.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.statuses?.length) query.andWhere('template.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.text) query.andWhere('(template.title ILIKE :text OR template.description ILIKE :text)', { text: containsPattern(filter.text) });
    return paginate(query, page, { column: 'template.title', property: 'title', direction: 'ASC', accept: (key) => typeof key === 'string' });
  }

  @FieldResolver(() => [Agreement], {
    description: 'The agreements drafted from this template that you may see, by title (then id): the first `first` of them.',
  })
  usedBy(@Root() template: AgreementTemplate, @Args(() => NestedListArgs) { first }: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.agreementsFromTemplate({ first }).load(template.id);
  }

  @FieldResolver(() => Int, { description: 'How many agreements were drafted from this template, counting only those you may see.' })
  usageCount(@Root() template: AgreementTemplate, @Ctx() { loaders }: Context) {
    return loaders.usageCount.load(template.id);
  }

  @Mutation(() => AgreementTemplate, {
    description:
      'Writes an agreement template, owned by your organisation. National coordinators and coordinators of a municipality only (others get FORBIDDEN). DRAFT and OWNER unless given; publish it (status PUBLISHED) and show it (PUBLIC or NETWORK) for others to use it.',
  })
  async createAgreementTemplate(
    @Arg('input', () => CreateAgreementTemplateInput, { description: 'The new template.' }) input: CreateAgreementTemplateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    await assertMayPublishTemplates(viewer);
    const { sharedWithIds, externalId, sections, suggestedParties, suggestedResources, suggestedPhases, ...fields } = input;
    checkSuggestions(suggestedParties);
    assertNoIdentityNumbersInAgreement({ title: fields.title, description: fields.description, sections, more: suggestionTexts({ suggestedParties, suggestedResources, suggestedPhases }) });
    const sharedWith = sharingOf(fields.visibility, sharedWithIds, ownerId);
    await assertReferencesExist([{ type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' }], authorization);
    const request = { operation: 'createAgreementTemplate', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const repository = manager.getRepository(AgreementTemplate);
      const template = await repository.save(
        repository.create({
          ...fields,
          description: fields.description ?? null,
          ...storedContent({ sections: sections ?? [], suggestedParties: suggestedParties ?? [], suggestedResources: suggestedResources ?? [], suggestedPhases: suggestedPhases ?? [] }),
          externalId: externalIdColumn(externalId),
          ownerId,
          sharedWith: sharedWith ?? [],
        }),
      );
      await recordChange(manager, viewer, { entityType: 'AgreementTemplate', entityId: template.id, action: ChangeAction.CREATED, fields: givenFields(input) });
      return template;
    }, (id) => loaders.template.load(id), 'AgreementTemplate'));
  }

  @Mutation(() => AgreementTemplate, {
    description:
      'Changes an agreement template (coordinators of the owning organisation, with the right to publish templates); agreements already drafted from it stay as they are. `version` must be the version you read, else VERSION_CONFLICT and nothing is written; a template you may not see is NOT_FOUND.',
  })
  async updateAgreementTemplate(
    @Arg('id', () => ID, { description: 'Id of the template to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateAgreementTemplateInput, { description: 'The changes.' }) input: UpdateAgreementTemplateInput,
    @Ctx() { dataSource, viewer, authorization }: Context,
  ) {
    await assertMayPublishTemplates(viewer);
    const { sharedWithIds, externalId, title, kind, status, visibility, description, ...lists } = input;
    assertNotCleared({ title, kind, status, visibility });
    checkSuggestions(lists.suggestedParties);
    assertNoIdentityNumbersInAgreement({ title, description, sections: lists.sections, more: suggestionTexts(lists) });
    await assertReferencesExist([{ type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' }], authorization);
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: template, commit } = await lockForUpdate(manager, AgreementTemplate, 'AgreementTemplate', id, version, (found) =>
        assertCanChange(found, viewer, 'AgreementTemplate'),
      );
      if (title) template.title = title;
      if (kind) template.kind = kind;
      if (status) template.status = status;
      if (visibility) template.visibility = visibility;
      if (description !== undefined) template.description = description;
      if (externalId !== undefined) template.externalId = externalIdColumn(externalId);
      Object.assign(template, storedContent(lists));
      const shared = sharingOf(template.visibility, sharedWithIds, template.ownerId);
      if (shared !== undefined) template.sharedWith = shared;
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'AgreementTemplate', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes an agreement template and returns its id (coordinators of the owning organisation, with the right to publish templates). A template agreements were drafted from cannot be deleted (BAD_USER_INPUT): retire it instead. `version` must be the version you read, else VERSION_CONFLICT; a template you may not see is NOT_FOUND.',
  })
  async deleteAgreementTemplate(
    @Arg('id', () => ID, { description: 'Id of the template to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    await assertMayPublishTemplates(viewer);
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, AgreementTemplate, 'AgreementTemplate', id, version, (found) => assertCanChange(found, viewer, 'AgreementTemplate'));
      // Every agreement counts, also those the caller may not see; the answer names none of them.
      const [used] = await manager.query('SELECT 1 FROM agreements WHERE template_id = $1 LIMIT 1', [id]);
      if (used) {
        throw badInput('Agreements were drafted from this template, so it cannot be deleted: retire it (status RETIRED) instead', [
          { field: 'id', message: 'the template is in use' },
        ]);
      }
      await recordChange(manager, viewer, { entityType: 'AgreementTemplate', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(AgreementTemplate).delete({ id });
      return id;
    });
  }

  @Mutation(() => Agreement, {
    description:
      "Drafts an agreement from a PUBLISHED template you may see (a DRAFT or RETIRED one is BAD_USER_INPUT; one you may not see is NOT_FOUND). Coordinators only; your organisation becomes its owner, and the parties are invited as by `createAgreement`, with its checks. The DRAFT gets the template's kind, title (unless given), description and sections; each party that gives no responsibilities gets the template's suggestion for its role; the suggested phases become its phases, and each suggested resource a resource of the first party given in its role (none when no party holds it). It records the template and version it came from; later changes to the template never change it.",
  })
  async createAgreementFromTemplate(
    @Arg('templateId', () => ID, { description: 'Id of the template.' }) templateId: string,
    @Arg('templateVersion', () => Int, { nullable: true, description: 'The version of the template you read: if it changed since, VERSION_CONFLICT and nothing is written.' })
    templateVersion: number | undefined,
    @Arg('input', () => AgreementFromTemplateInput, { description: 'The title, areas, parties, period and sharing of the draft.' }) input: AgreementFromTemplateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() context: Context,
  ) {
    ownerForNewRecord(context.viewer);
    const template = await context.loaders.template.load(templateId);
    if (!template) throw notFound('AgreementTemplate', templateId);
    const suggested = new Map(template.suggestedParties.map((s) => [s.role, s.responsibilities]));
    const { title, parties, ...rest } = input;
    const draft: CreateAgreementInput = {
      ...rest,
      title: title ?? template.title,
      kind: template.kind,
      status: AgreementStatus.DRAFT,
      description: template.description,
      parties: parties.map((p) => ({ ...p, responsibilities: p.responsibilities ?? suggested.get(p.role) ?? null })),
    };
    const request = { operation: 'createAgreementFromTemplate', key: idempotencyKey, input: { templateId, templateVersion, input } };
    return createAgreementRecord(context, draft, request, {
      sections: template.sections,
      template: { id: template.id, version: template.version },
      // Checked in the transaction, so that a retry of a draft made answers with it even if the template changed since.
      alsoWrite: async (manager, agreement, named) => {
        await assertUsable(manager, template, templateVersion ?? template.version);
        await writeSuggestedWork(manager, agreement.id, template, named);
      },
    });
  }
}

@Resolver(() => Agreement)
export class AgreementTemplateOriginResolver {
  @FieldResolver(() => AgreementTemplate, {
    nullable: true,
    description: 'The template this agreement was drafted from; null when none, or when you may not see the template.',
  })
  template(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return agreement.templateId ? loaders.template.load(agreement.templateId) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The version of `template` the agreement was drafted from (its sections, suggestions and phases as they were then); null when `template` is.',
  })
  async templateVersion(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return agreement.templateId && (await loaders.template.load(agreement.templateId)) ? agreement.templateVersion : null;
  }
}

/**
 * Only a published template drafts agreements, at the version the caller read, which is the version
 * copied: the template is locked against change until the draft is written.
 */
async function assertUsable(manager: EntityManager, copied: AgreementTemplate, versionRead: number) {
  const [now]: Array<{ version: number; status: TemplateStatus }> = await manager.query(
    'SELECT version, status FROM agreement_templates WHERE id = $1 FOR SHARE',
    [copied.id],
  );
  if (!now) throw notFound('AgreementTemplate', copied.id);
  if (now.version !== versionRead) throw versionConflict('AgreementTemplate', copied.id, versionRead, now.version);
  if (now.version !== copied.version) throw versionConflict('AgreementTemplate', copied.id, copied.version, now.version);
  if (now.status !== TemplateStatus.PUBLISHED) {
    throw badInput(`Agreement template ${copied.id} is ${now.status}: only a PUBLISHED template can be used`, [
      { field: 'templateId', message: 'the template is not published' },
    ]);
  }
}

/** The template's phases, and its resources for the first party given in each suggested role, as the draft's own rows. */
async function writeSuggestedWork(manager: EntityManager, agreementId: string, template: AgreementTemplate, parties: AgreementPartyInput[]) {
  const holder = (role: PartyRole) => parties.find((p) => p.role === role)?.actorId;
  const phases = template.suggestedPhases.map(({ kind, description }, position) => ({ agreementId, kind, description, position }));
  const resources = template.suggestedResources
    .filter(({ role }) => holder(role))
    .map(({ kind, description, role }, position) => ({ agreementId, actorId: holder(role)!, kind, description, position }));
  if (phases.length) await manager.insert(AgreementPhase, phases);
  if (resources.length) await manager.insert(AgreementResource, resources);
}

/** Each role is suggested at most once, so a party in that role knows which responsibilities are meant. */
function checkSuggestions(parties: SuggestedPartyInput[] | null | undefined) {
  const roles = (parties ?? []).map((p) => p.role);
  const repeated = roles.filter((role, i) => roles.indexOf(role) !== i);
  if (repeated.length) {
    throw badInput(`Each role is suggested at most once: ${[...new Set(repeated)].join(', ')}`, [{ field: 'suggestedParties', message: 'a role is given twice' }]);
  }
}

/** The suggestions' free text, by the field that holds it. */
const suggestionTexts = ({ suggestedParties, suggestedResources, suggestedPhases }: TemplateLists) => [
  ...(suggestedParties ?? []).map(({ responsibilities }, i) => ({ field: `suggestedParties[${i}].responsibilities`, text: responsibilities })),
  ...(suggestedResources ?? []).map(({ description }, i) => ({ field: `suggestedResources[${i}].description`, text: description })),
  ...(suggestedPhases ?? []).map(({ description }, i) => ({ field: `suggestedPhases[${i}].description`, text: description })),
];

interface TemplateLists {
  sections?: CreateAgreementTemplateInput['sections'];
  suggestedParties?: SuggestedPartyInput[] | null;
  suggestedResources?: SuggestedResourceInput[] | null;
  suggestedPhases?: SuggestedPhaseInput[] | null;
}

/** The lists given, as stored: only their own fields, in order, optional ones null; a list given as null is emptied. */
function storedContent({ sections, suggestedParties, suggestedResources, suggestedPhases }: TemplateLists): Partial<AgreementTemplate> {
  const content: Partial<AgreementTemplate> = {};
  if (sections !== undefined) content.sections = storedSections(sections);
  if (suggestedParties !== undefined) {
    content.suggestedParties = (suggestedParties ?? []).map(({ role, actorKinds, responsibilities }) => ({
      role,
      actorKinds: [...new Set(actorKinds ?? [])],
      responsibilities: responsibilities ?? null,
    }));
  }
  if (suggestedResources !== undefined) {
    content.suggestedResources = (suggestedResources ?? []).map(({ kind, role, description }) => ({ kind, role, description: description ?? null }));
  }
  if (suggestedPhases !== undefined) content.suggestedPhases = (suggestedPhases ?? []).map(({ kind, description }) => ({ kind, description: description ?? null }));
  return content;
}

/**
 * Whom a template is shared with after a write: given ids for SHARED (undefined: as it was); any
 * other visibility shares with no one in particular, and ids given with it are refused.
 */
function sharingOf(visibility: Visibility, sharedWithIds: string[] | null | undefined, ownerId: string): string[] | undefined {
  if (visibility !== Visibility.SHARED) {
    if (sharedWithIds?.length) throw badInput(`sharedWithIds is only for visibility SHARED, not ${visibility}`, [{ field: 'sharedWithIds', message: 'only for visibility SHARED' }]);
    return [];
  }
  return sharedWithIds === undefined ? undefined : sharedWithOthers(sharedWithIds ?? [], ownerId);
}

import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { answeredBy, externalIdColumn, withExternalIdKey, namedAreaFilter, assertPeriod, assertReferencesExist, ChangeAction, COUNTRY_CODE, givenFields, ownerForNewRecord, recordChange, sharedWithOthers, Visibility, wherePeriodOverlaps } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, badInput, Connection, containsPattern, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, IdempotentRequest, lockForUpdate, PageArgs, paginate, SubgraphContext } from '@samverkan/platform';
import { Agreement, AgreementArea, AgreementKind, AgreementParty, AgreementStatus } from './agreement';
import { ActorAgreementsArgs, AgreementFilter, AgreementPartyInput, AreaAgreementsArgs, CreateAgreementInput, UpdateAgreementInput } from './agreement.inputs';
import { AgreementsLoaders } from '../loaders';
import { AGREEMENT_ORDERINGS, AgreementOrder } from './agreement.order';
import { Actor, Area } from '../stubs';
import { syncInvitations } from '../parties/invitations';
import { assertPartiesConfirmed } from '../parties/activation';
import { assertNoIdentityNumbersInAgreement } from './agreement-texts';
import { assertCanChangeAgreement, whereAgreementVisible } from './agreement-access';
import { namedParties } from './agreement-change';
import { expiryWindow, whereExpiresWithin } from '../lifecycle/expiry';
import { recordStatusChanges } from '../lifecycle/status-change';
import { unlinkRenewals } from '../lifecycle/renewal';
import { AgreementSection, storedSections } from '../templates/agreement-section';
import { assertResourcesStillFit } from '../resources/resource-rules';
import { assertCommitmentOwnersStayNamed } from '../citizen-promises/commitment-rules';

type Context = SubgraphContext<AgreementsLoaders>;

@ObjectType({ description: 'A page of agreements.' })
export class AgreementConnection extends Connection(Agreement) {}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: 'One agreement by id; null when there is none or you may not see it.' })
  agreement(@Arg('id', () => ID, { description: 'Id of the agreement.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.agreement.load(id);
  }

  @Query(() => AgreementConnection, {
    description: 'Agreements you may see that match a filter, in the order asked for (by title unless told), a page at a time; `totalCount` counts only those.',
  })
  agreements(
    @Arg('filter', () => AgreementFilter, { nullable: true, description: 'Which agreements to list; all you may see when left out.' })
    filter: AgreementFilter | undefined,
    @Arg('orderBy', () => AgreementOrder, {
      defaultValue: AgreementOrder.TITLE,
      description: 'The order; a cursor (`after`) is only valid in the order it came from.',
    })
    orderBy: AgreementOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer, clock }: Context,
  ) {
    // Visibility first: every filter below only narrows what the viewer may see.
    const query = whereAgreementVisible(dataSource.getRepository(Agreement).createQueryBuilder('agreement'), viewer);
    if (filter?.areaCode) {
      const [area, parameters] = namedAreaFilter('aa.area_code', filter.areaCode, filter.areaScope);
      query.andWhere(`EXISTS (SELECT 1 FROM agreement_areas aa WHERE aa.agreement_id = agreement.id AND ${area})`, parameters);
    }
    if (filter?.kinds?.length) query.andWhere('agreement.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.statuses?.length) query.andWhere('agreement.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.partyId) {
      query.andWhere('EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = agreement.id AND ap.actor_id = :partyId)', {
        partyId: filter.partyId,
      });
    }
    wherePeriodOverlaps(query, { start: 'agreement.starts_on', end: 'agreement.ends_on' }, filter ?? {});
    whereEndsBetween(query, filter ?? {});
    whereExpiresWithin(query, filter?.expiresWithinDays, clock);
    if (filter?.text) {
      query.andWhere('(agreement.title ILIKE :text OR agreement.description ILIKE :text)', { text: containsPattern(filter.text) });
    }
    return paginate(query, page, AGREEMENT_ORDERINGS[orderBy]);
  }

  @FieldResolver(() => [AgreementParty], { description: 'The parties and their roles, role by role (FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING).' })
  parties(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.partiesOfAgreement.load(agreement.id);
  }

  @FieldResolver(() => [Area], answeredBy('actors', 'The areas the agreement covers, by code; `SE` for a national one.'))
  areas(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.areasOfAgreement.load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description:
      "Records an agreement with its parties and the areas it covers. Coordinators only; your organisation becomes its owner. It is private to your organisation (OWNER) unless you choose another `visibility`.",
  })
  async createAgreement(
    @Arg('input', () => CreateAgreementInput, { description: 'The new agreement.' }) input: CreateAgreementInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() context: Context,
  ) {
    return createAgreementRecord(context, input, { operation: 'createAgreement', key: idempotencyKey, input });
  }

  @Mutation(() => Agreement, {
    description:
      'Changes an agreement; `parties` and `areaCodes`, when given, replace the current ones. Only coordinators of the owning organisation may: others get FORBIDDEN, or NOT_FOUND for an agreement they may not see. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  async updateAgreement(
    @Arg('id', () => ID, { description: 'Id of the agreement to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused.' }) version: number,
    @Arg('input', () => UpdateAgreementInput, { description: 'The changes.' }) input: UpdateAgreementInput,
    @Ctx() { dataSource, viewer, authorization, clock }: Context,
  ) {
    assertSignedIn(viewer, 'change agreements');
    const { parties, areaCodes, title, kind, status, description, startsOn, endsOn, visibility, sharedWithIds, externalId, sections } = input;
    assertNoIdentityNumbersInAgreement({ title, description, sections, more: responsibilitiesOf(parties) });
    await checkReferences(
      { parties: parties ? normaliseParties(parties) : [], areaCodes: areaCodes ?? [], sharedWithIds: sharedWithIds ?? [] },
      authorization,
    );
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: agreement, commit } = await lockForUpdate(manager, Agreement, 'Agreement', id, version, async (found) =>
        assertCanChangeAgreement(found, await namedParties(manager, found.id), viewer),
      );
      assertNotCleared({ title, kind, status, parties, areaCodes, visibility });
      const changes: Partial<Agreement> = {};
      if (title) changes.title = title;
      if (kind) changes.kind = kind;
      if (status) changes.status = status;
      if (description !== undefined) changes.description = description;
      if (startsOn !== undefined) changes.startsOn = startsOn;
      if (endsOn !== undefined) changes.endsOn = endsOn;
      if (visibility) changes.visibility = visibility;
      if (externalId !== undefined) changes.externalId = externalIdColumn(externalId);
      if (sections !== undefined) changes.sections = storedSections(sections);
      const newParties = parties ? normaliseParties(parties) : undefined;
      const newAreas = areaCodes ? [...new Set(areaCodes)] : undefined;
      const next = { ...agreement, ...changes };
      checkRules({
        kind: next.kind,
        status: next.status,
        startsOn: next.startsOn,
        endsOn: next.endsOn,
        parties: newParties,
        areaCodes: newAreas ?? (await currentAreas(manager, agreement.id)),
      });
      await assertResourcesStillFit(manager, next, newParties?.map((p) => p.actorId));
      await assertCommitmentOwnersStayNamed(manager, agreement.id, newParties?.map((p) => p.actorId));
      const partiesBefore = await manager.getRepository(AgreementParty).findBy({ agreementId: agreement.id });
      changes.sharedWith = sharingAfterChange({
        ownerId: agreement.ownerId,
        visibility: next.visibility,
        sharedWithIds,
        wasShared: agreement.visibility === Visibility.SHARED,
        current: agreement.sharedWith,
        partiesBefore,
        partiesAfter: newParties ?? partiesBefore,
      });
      if (newParties) {
        await replaceParties(manager, agreement.id, newParties);
        await syncInvitations(manager, agreement, partiesBefore, newParties, clock.now());
      }
      await assertPartiesConfirmed(manager, next);
      if (newAreas) await replaceAreas(manager, agreement.id, newAreas);
      await recordStatusChanges(manager, [{ agreementId: agreement.id, from: agreement.status, to: next.status, at: clock.now(), organisationId: viewer.organisationId }]);
      const fields = givenFields(input);
      if (sharedWithIds === undefined && !sameMembers(changes.sharedWith, agreement.sharedWith)) fields.push('sharedWithIds');
      Object.assign(agreement, changes);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Agreement', entityId: agreement.id, action: ChangeAction.UPDATED, fields });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes an agreement with its parties and areas, and returns its id. Only coordinators of the owning organisation may: others get FORBIDDEN, or NOT_FOUND for an agreement they may not see. `version` must be the version you read, else VERSION_CONFLICT and nothing is deleted.',
  })
  deleteAgreement(
    @Arg('id', () => ID, { description: 'Id of the agreement to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change agreements');
    return dataSource.transaction(async (manager) => {
      const { record: agreement } = await lockForUpdate(manager, Agreement, 'Agreement', id, version, async (found) =>
        assertCanChangeAgreement(found, await namedParties(manager, found.id), viewer),
      );
      await recordChange(manager, viewer, { entityType: 'Agreement', entityId: agreement.id, action: ChangeAction.DELETED, fields: [] });
      await unlinkRenewals(manager, viewer, agreement.id);
      await manager.getRepository(AgreementParty).delete({ agreementId: agreement.id });
      await manager.getRepository(AgreementArea).delete({ agreementId: agreement.id });
      await manager.getRepository(Agreement).delete({ id: agreement.id });
      return agreement.id;
    });
  }
}

/** What a new agreement carries besides its input when it is drafted from a template. */
export interface AgreementOrigin {
  sections: AgreementSection[];
  template: { id: string; version: number };
  /** Writes, in the agreement's transaction, what else it starts with (e.g. the template's phases and resources); may throw to refuse. */
  alsoWrite: (manager: EntityManager, agreement: Agreement, parties: AgreementPartyInput[]) => Promise<void>;
}

/**
 * Records a new agreement with its parties (invited), areas and change log, after the same checks
 * for every way in: coordinators only (the owner is the caller's organisation), the rules across
 * fields, sharing, and references checked before anything is written. `createAgreement` and
 * `createAgreementFromTemplate` both create through here; `request` makes a retry idempotent.
 */
export async function createAgreementRecord(
  { dataSource, viewer, authorization, clock, loaders }: Context,
  input: CreateAgreementInput,
  request: IdempotentRequest,
  origin?: AgreementOrigin,
) {
  const ownerId = ownerForNewRecord(viewer);
  const { parties, areaCodes, visibility, sharedWithIds, externalId, ...fields } = input;
  const newParties = normaliseParties(parties);
  const newAreas = [...new Set(areaCodes)];
  assertNoIdentityNumbersInAgreement({ title: fields.title, description: fields.description, sections: origin?.sections, more: responsibilitiesOf(newParties) });
  checkRules({ ...fields, startsOn: fields.startsOn ?? null, endsOn: fields.endsOn ?? null, parties: newParties, areaCodes: newAreas });
  const sharedWith = sharingAfterChange({ ownerId, visibility, sharedWithIds, wasShared: false, current: [], partiesBefore: [], partiesAfter: newParties });
  await checkReferences({ parties: newParties, areaCodes: newAreas, sharedWithIds: sharedWithIds ?? [] }, authorization);
  const fromTemplate = origin ? { sections: origin.sections, templateId: origin.template.id, templateVersion: origin.template.version } : {};
  return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
    const repository = manager.getRepository(Agreement);
    const agreement = await repository.save(repository.create({ ...fields, ...fromTemplate, externalId: externalIdColumn(externalId), ownerId, visibility, sharedWith }));
    await replaceParties(manager, agreement.id, newParties);
    await syncInvitations(manager, agreement, [], newParties, clock.now());
    await assertPartiesConfirmed(manager, agreement, { created: true });
    await recordStatusChanges(manager, [{ agreementId: agreement.id, from: null, to: agreement.status, at: clock.now(), organisationId: ownerId }]);
    await replaceAreas(manager, agreement.id, newAreas);
    await origin?.alsoWrite(manager, agreement, newParties);
    const logged = [...givenFields(input), ...(origin ? ['sections', 'template'] : [])];
    await recordChange(manager, viewer, { entityType: 'Agreement', entityId: agreement.id, action: ChangeAction.CREATED, fields: logged });
    return agreement;
  }, (id) => loaders.agreement.load(id), 'Agreement'));
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The actor that is a party (resolved by the actors registry).'))
  actor(@Root() party: AgreementParty): Actor {
    return { id: party.actorId };
  }
}

@Resolver(() => Actor)
export class ActorAgreementsResolver {
  @FieldResolver(
    () => [Agreement],
    answeredBy(
      'agreements',
      'Agreements this actor is a party to, in any role, that you may see, covering `areaCode` when given, by title (then by id): the first `first` of them. The root `agreements` list with `partyId` pages through all.',
    ),
  )
  agreements(@Root() actor: Actor, @Args(() => ActorAgreementsArgs) args: ActorAgreementsArgs, @Ctx() { loaders, clock }: Context) {
    return loaders.agreementsOfActor(args, expiryWindow(args.expiresWithinDays, clock)).load(actor.id);
  }
}

@Resolver(() => Area)
export class AreaAgreementsResolver {
  @FieldResolver(
    () => [Agreement],
    answeredBy(
      'agreements',
      'Agreements covering this area that you may see, by title (then by id): the first `first` of them. The root `agreements` list with `areaCode` pages through all.',
    ),
  )
  agreements(@Root() area: Area, @Args(() => AreaAgreementsArgs) args: AreaAgreementsArgs, @Ctx() { loaders, clock }: Context) {
    return loaders.agreementsInArea(args, expiryWindow(args.expiresWithinDays, clock)).load(area.code);
  }
}

/**
 * Keeps the agreements that end within [endsOnOrAfter, endsOnOrBefore] (either end may be left open).
 * An open-ended agreement has not ended: it is on or after any day and on or before none.
 */
function whereEndsBetween(query: SelectQueryBuilder<Agreement>, { endsOnOrAfter, endsOnOrBefore }: Pick<AgreementFilter, 'endsOnOrAfter' | 'endsOnOrBefore'>) {
  assertPeriod(endsOnOrAfter, endsOnOrBefore, { start: 'endsOnOrAfter', end: 'filter.endsOnOrBefore' });
  if (endsOnOrAfter) query.andWhere('(agreement.ends_on IS NULL OR agreement.ends_on >= :endsOnOrAfter)', { endsOnOrAfter });
  if (endsOnOrBefore) query.andWhere('agreement.ends_on <= :endsOnOrBefore', { endsOnOrBefore });
}

interface AgreementState {
  kind: AgreementKind;
  status: AgreementStatus;
  startsOn: string | null;
  endsOn: string | null;
  /** Only when they are being written. */
  parties?: AgreementPartyInput[];
  areaCodes: string[];
}

/** Rules across fields, checked on the agreement as it would be after the change. */
function checkRules({ kind, status, startsOn, endsOn, parties, areaCodes }: AgreementState) {
  if (status !== AgreementStatus.DRAFT && !startsOn) {
    throw badInput(`An agreement with status ${status} needs a start date; only a DRAFT may leave it open`, [
      { field: 'startsOn', message: 'required unless the status is DRAFT' },
    ]);
  }
  assertPeriod(startsOn, endsOn, { start: 'startsOn', end: 'endsOn' });
  if (parties) {
    const seen = new Set<string>();
    for (const { actorId, role } of parties) {
      const key = `${actorId} ${role}`;
      if (seen.has(key)) {
        throw badInput(`Actor ${actorId} is listed twice as ${role}`, [{ field: 'parties', message: 'an actor holds each role once' }]);
      }
      seen.add(key);
    }
  }
  if (kind === AgreementKind.NATIONAL_AGREEMENT && !areaCodes.includes(COUNTRY_CODE)) {
    throw badInput(`A national agreement covers Sweden: include area ${COUNTRY_CODE}`, [
      { field: 'areaCodes', message: `must include ${COUNTRY_CODE} for a NATIONAL_AGREEMENT` },
    ]);
  }
}

/** The parties' responsibilities as free text to check, by the field that holds each. */
const responsibilitiesOf = (parties: AgreementPartyInput[] | null | undefined) =>
  (parties ?? []).map(({ responsibilities }, i) => ({ field: `parties[${i}].responsibilities`, text: responsibilities }));

const normaliseParties = (parties: AgreementPartyInput[]): AgreementPartyInput[] =>
  parties.map(({ actorId, role, responsibilities }) => ({ actorId: actorId.toLowerCase(), role, responsibilities: responsibilities ?? null }));

/** The actors and areas must exist in the registry; checked before anything is written, as the caller. */
async function checkReferences(
  { parties, areaCodes, sharedWithIds }: { parties: AgreementPartyInput[]; areaCodes: string[]; sharedWithIds: string[] },
  authorization: string | undefined,
) {
  await assertReferencesExist(
    [
      { type: 'Actor', keys: parties.map((p) => p.actorId), field: 'parties' },
      { type: 'Area', keys: areaCodes, field: 'areaCodes' },
      { type: 'Actor', keys: sharedWithIds, field: 'sharedWithIds' },
    ],
    authorization,
  );
}

interface SharingChange {
  ownerId: string;
  /** The visibility after the change. */
  visibility: Visibility;
  /** As given in the input: undefined when left out, null or a list when given. */
  sharedWithIds: string[] | null | undefined;
  /** Whether the agreement was SHARED before the change (false on create). */
  wasShared: boolean;
  /** Who it was shared with before the change. */
  current: string[];
  partiesBefore: Array<Pick<AgreementPartyInput, 'actorId'>>;
  partiesAfter: Array<Pick<AgreementPartyInput, 'actorId'>>;
}

/**
 * Who a SHARED agreement is shared with after a change. The parties are its natural members: given
 * ids are taken as they are; left out, an agreement that becomes SHARED is shared with its parties,
 * and when the parties change, those that join are added and those that leave are removed. The
 * owner sees it anyway and is never listed. Any other visibility shares with no one in particular.
 */
function sharingAfterChange({ ownerId, visibility, sharedWithIds, wasShared, current, partiesBefore, partiesAfter }: SharingChange): string[] {
  const others = (ids: string[]) => sharedWithOthers(ids, ownerId);
  if (visibility !== Visibility.SHARED) {
    if (sharedWithIds?.length) {
      throw badInput(`sharedWithIds is only for visibility SHARED, not ${visibility}`, [
        { field: 'sharedWithIds', message: 'only for visibility SHARED' },
      ]);
    }
    return [];
  }
  if (sharedWithIds !== undefined) return others(sharedWithIds ?? []);
  const before = others(partiesBefore.map((p) => p.actorId));
  const after = others(partiesAfter.map((p) => p.actorId));
  if (!wasShared) return after;
  const joined = after.filter((id) => !before.includes(id));
  return others([...current.filter((id) => after.includes(id) || !before.includes(id)), ...joined]);
}

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

async function currentAreas(manager: EntityManager, agreementId: string): Promise<string[]> {
  return (await manager.getRepository(AgreementArea).findBy({ agreementId })).map((a) => a.areaCode);
}

async function replaceParties(manager: EntityManager, agreementId: string, parties: AgreementPartyInput[]) {
  await manager.getRepository(AgreementParty).delete({ agreementId });
  await manager.getRepository(AgreementParty).insert(
    parties.map(({ actorId, role, responsibilities }) => ({ agreementId, actorId, role, responsibilities: responsibilities ?? null })),
  );
}

async function replaceAreas(manager: EntityManager, agreementId: string, areaCodes: string[]) {
  await manager.getRepository(AgreementArea).delete({ agreementId });
  await manager.getRepository(AgreementArea).insert(areaCodes.map((areaCode) => ({ agreementId, areaCode })));
}

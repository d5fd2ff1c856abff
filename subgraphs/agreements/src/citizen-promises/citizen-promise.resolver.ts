import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  answeredBy,
  assertAgeRange,
  assertNoPersonalIdentityNumbers,
  assertPeriod,
  assertReferencesExist,
  isWriter,
  selfAndAncestors,
  todayInSweden,
} from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, badInput, isSignedIn, isUuid, notFound, recordClosed, SubgraphContext } from '@samverkan/platform';
import { Agreement, AgreementArea, AgreementKind, AgreementStatus } from '../agreement/agreement';
import { assertCanChangeAgreement } from '../agreement/agreement-access';
import { changeAgreement, namedParties } from '../agreement/agreement-change';
import { AgreementsLoaders } from '../loaders';
import { Actor, Area } from '../stubs';
import {
  AddCommitmentInput,
  AddConsultationInput,
  CommitmentFollowUpInput,
  ConsultationsArgs,
  FollowUpsArgs,
  UpdateCommitmentInput,
  UpdateConsultationInput,
} from './citizen-promise.inputs';
import { Commitment, MAX_COMMITMENTS } from './commitment';
import { CommitmentProgress, progressOf } from './commitment-progress';
import { PromiseConsultation } from './consultation';
import { CommitmentFollowUp } from './follow-up';

type Context = SubgraphContext<AgreementsLoaders>;

const VERSION_DESCRIPTION = "The agreement's version you read: the promise's commitments, consultations and follow-ups are part of it, so a stale one is VERSION_CONFLICT.";

/** Only a citizen promise has commitments, consultations and follow-ups. */
function assertCitizenPromise(agreement: Agreement): void {
  if (agreement.kind !== AgreementKind.CITIZEN_PROMISE) {
    throw badInput(`Agreement ${agreement.id} is a ${agreement.kind}, not a CITIZEN_PROMISE: only a citizen promise has commitments, consultations and follow-ups`, [
      { field: 'agreementId', message: 'not a citizen promise' },
    ]);
  }
}

/** A commitment's owner must be one of the organisations its promise names as a party. */
async function assertOwnerIsParty(manager: EntityManager, agreementId: string, ownerPartyId: string): Promise<void> {
  if (!(await namedParties(manager, agreementId)).includes(ownerPartyId.toLowerCase())) {
    throw badInput(`The owner of a commitment must be a party to the promise; ${ownerPartyId} is not`, [
      { field: 'ownerPartyId', message: 'not a party to the promise' },
    ]);
  }
}

/** A commitment is followed against a target: a number, words, or both. */
function assertTarget({ target, targetText }: Pick<Commitment, 'target' | 'targetText'>): void {
  if (target == null && !targetText) {
    throw badInput('A commitment needs a target: a number (target), words (targetText) or both', [
      { field: 'target', message: 'give target or targetText' },
      { field: 'targetText', message: 'give target or targetText' },
    ]);
  }
}

const assertNotInFuture = (day: string, field: string, today: string) => {
  if (day > today) throw badInput(`${field} ${day} is in the future`, [{ field, message: 'must not be after today' }]);
};

/** The commitment as the viewer may see it (its agreement visible), or NOT_FOUND as for one that does not exist. */
async function visibleCommitment(loaders: AgreementsLoaders, id: string): Promise<Commitment> {
  const commitment = await loaders.commitment.load(id);
  if (!commitment) throw notFound('Commitment', id);
  return commitment;
}

/** The consultation, if its agreement is visible to the viewer; NOT_FOUND otherwise, as for one that does not exist. */
async function visibleConsultation({ dataSource, loaders }: Context, id: string): Promise<PromiseConsultation> {
  const consultation = isUuid(id) ? await dataSource.getRepository(PromiseConsultation).findOneBy({ id }) : null;
  if (!consultation || !(await loaders.agreement.load(consultation.agreementId))) throw notFound('PromiseConsultation', id);
  return consultation;
}

/** Re-reads a child row inside the change's transaction: gone since it was read is NOT_FOUND. */
async function stillThere<T extends { agreementId: string }>(manager: EntityManager, entity: new () => T, typeName: string, id: string, agreementId: string): Promise<T> {
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row || (row as T).agreementId !== agreementId) throw notFound(typeName, id);
  return row as T;
}

@Resolver(() => Agreement)
export class AgreementCitizenPromiseResolver {
  @FieldResolver(() => [Commitment], {
    description: `A citizen promise's commitments, by position (at most ${MAX_COMMITMENTS} per promise); empty for any other kind of agreement.`,
  })
  commitments(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    // A promise whose kind was changed keeps its rows, but is no longer a promise.
    if (agreement.kind !== AgreementKind.CITIZEN_PROMISE) return [];
    return loaders.commitmentsOfAgreement.load(agreement.id);
  }

  @FieldResolver(() => [PromiseConsultation], {
    description: "The consultations behind a citizen promise, the most recently held first; empty for any other kind of agreement.",
  })
  consultations(@Root() agreement: Agreement, @Args(() => ConsultationsArgs) { first }: ConsultationsArgs, @Ctx() { loaders }: Context) {
    if (agreement.kind !== AgreementKind.CITIZEN_PROMISE) return [];
    return loaders.consultationsOfAgreement({ first }).load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description: `Adds a commitment to a citizen promise (at most ${MAX_COMMITMENTS}). Coordinators of the promise's owner only. The owner party must be one of the promise's parties; a target (number or words) is needed. Any other kind of agreement is BAD_USER_INPUT. Returns the agreement, one version newer.`,
  })
  async addCommitment(
    @Arg('agreementId', () => ID, { description: 'Id of the citizen promise.' }) agreementId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Arg('input', () => AddCommitmentInput, { description: 'The new commitment.' }) input: AddCommitmentInput,
    @Ctx() context: Context,
  ) {
    const { title, description, indicator, targetText } = input;
    assertNoPersonalIdentityNumbers([{ field: 'title', text: title }, { field: 'description', text: description }, { field: 'indicator', text: indicator }, { field: 'targetText', text: targetText }]);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['commitments'] }, async (manager, found) => {
      assertCitizenPromise(found);
      const repository = manager.getRepository(Commitment);
      const count = await repository.countBy({ agreementId: found.id });
      if (count >= MAX_COMMITMENTS) {
        throw badInput(`A citizen promise holds at most ${MAX_COMMITMENTS} commitments`, [{ field: 'agreementId', message: `has ${MAX_COMMITMENTS} commitments already` }]);
      }
      await assertOwnerIsParty(manager, found.id, input.ownerPartyId);
      const commitment = repository.create({
        agreementId: found.id,
        position: input.position ?? count + 1,
        title,
        description: description ?? null,
        ownerPartyId: input.ownerPartyId.toLowerCase(),
        indicator,
        unit: input.unit ?? null,
        baseline: input.baseline ?? null,
        target: input.target ?? null,
        targetText: targetText ?? null,
      });
      assertTarget(commitment);
      await repository.insert(commitment);
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description: "Changes a commitment of a citizen promise. Coordinators of the promise's owner only; a new owner party must be one of the promise's parties. Returns the agreement, one version newer.",
  })
  async updateCommitment(
    @Arg('commitmentId', () => ID, { description: 'Id of the commitment.' }) commitmentId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Arg('input', () => UpdateCommitmentInput, { description: 'The changes.' }) input: UpdateCommitmentInput,
    @Ctx() context: Context,
  ) {
    const { title, ownerPartyId, indicator, position, ...optional } = input;
    assertNotCleared({ title, ownerPartyId, indicator, position });
    assertNoPersonalIdentityNumbers([{ field: 'title', text: title }, { field: 'description', text: input.description }, { field: 'indicator', text: indicator }, { field: 'targetText', text: input.targetText }]);
    const { agreementId } = await visibleCommitment(context.loaders, commitmentId);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['commitments'] }, async (manager, found) => {
      assertCitizenPromise(found);
      const commitment = await stillThere(manager, Commitment, 'Commitment', commitmentId, found.id);
      if (ownerPartyId) {
        await assertOwnerIsParty(manager, found.id, ownerPartyId);
        commitment.ownerPartyId = ownerPartyId.toLowerCase();
      }
      if (title) commitment.title = title;
      if (indicator) commitment.indicator = indicator;
      if (position) commitment.position = position;
      for (const key of ['description', 'unit', 'baseline', 'target', 'targetText'] as const) {
        if (optional[key] !== undefined) (commitment as unknown as Record<string, unknown>)[key] = optional[key];
      }
      assertTarget(commitment);
      await manager.getRepository(Commitment).save(commitment);
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description:
      "Removes a commitment from a citizen promise. Coordinators of the promise's owner only. A commitment that has follow-up reports is kept (BAD_USER_INPUT): its series is the promise's record. Returns the agreement, one version newer.",
  })
  async removeCommitment(
    @Arg('commitmentId', () => ID, { description: 'Id of the commitment.' }) commitmentId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Ctx() context: Context,
  ) {
    const { agreementId } = await visibleCommitment(context.loaders, commitmentId);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['commitments'] }, async (manager, found) => {
      assertCitizenPromise(found);
      const commitment = await stillThere(manager, Commitment, 'Commitment', commitmentId, found.id);
      if (await manager.getRepository(CommitmentFollowUp).existsBy({ commitmentId: commitment.id })) {
        throw badInput('A commitment with follow-up reports cannot be removed: its reports are the record of the promise', [
          { field: 'commitmentId', message: 'has follow-up reports' },
        ]);
      }
      await manager.getRepository(Commitment).delete({ id: commitment.id });
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description:
      "Records a consultation behind a citizen promise. Coordinators of the promise's owner only. The area must exist and be one of the promise's areas or within one; no more young participants than participants; no personal data. Returns the agreement, one version newer.",
  })
  async addPromiseConsultation(
    @Arg('agreementId', () => ID, { description: 'Id of the citizen promise.' }) agreementId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Arg('input', () => AddConsultationInput, { description: 'The consultation.' }) input: AddConsultationInput,
    @Ctx() context: Context,
  ) {
    const consultation = { ...input, youngAgeMin: input.youngAgeMin ?? null, youngAgeMax: input.youngAgeMax ?? null, summary: input.summary ?? null };
    checkConsultation(consultation, todayInSweden(context.clock.now()));
    await assertReferencesExist([{ type: 'Area', keys: [input.areaCode], field: 'areaCode' }], context.authorization);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['consultations'] }, async (manager, found) => {
      assertCitizenPromise(found);
      await assertWithinPromiseAreas(manager, found.id, input.areaCode);
      await manager.getRepository(PromiseConsultation).insert({ ...consultation, agreementId: found.id });
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description: "Changes a consultation behind a citizen promise, by the same rules as adding one. Coordinators of the promise's owner only. Returns the agreement, one version newer.",
  })
  async updatePromiseConsultation(
    @Arg('consultationId', () => ID, { description: 'Id of the consultation.' }) consultationId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Arg('input', () => UpdateConsultationInput, { description: 'The changes.' }) input: UpdateConsultationInput,
    @Ctx() context: Context,
  ) {
    const { heldOn, areaCode, method, participants, youngParticipants, themes } = input;
    assertNotCleared({ heldOn, areaCode, method, participants, youngParticipants });
    const { agreementId } = await visibleConsultation(context, consultationId);
    if (areaCode) await assertReferencesExist([{ type: 'Area', keys: [areaCode], field: 'areaCode' }], context.authorization);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['consultations'] }, async (manager, found) => {
      assertCitizenPromise(found);
      const consultation = await stillThere(manager, PromiseConsultation, 'PromiseConsultation', consultationId, found.id);
      const changes = Object.fromEntries(Object.entries({ ...input, themes: themes === null ? [] : themes }).filter(([, value]) => value !== undefined));
      Object.assign(consultation, changes);
      checkConsultation(consultation, todayInSweden(context.clock.now()));
      if (areaCode) await assertWithinPromiseAreas(manager, found.id, areaCode);
      await manager.getRepository(PromiseConsultation).save(consultation);
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description: "Removes a consultation from a citizen promise. Coordinators of the promise's owner only. Returns the agreement, one version newer.",
  })
  async removePromiseConsultation(
    @Arg('consultationId', () => ID, { description: 'Id of the consultation.' }) consultationId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Ctx() context: Context,
  ) {
    const { agreementId } = await visibleConsultation(context, consultationId);
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['consultations'] }, async (manager, found) => {
      assertCitizenPromise(found);
      await stillThere(manager, PromiseConsultation, 'PromiseConsultation', consultationId, found.id);
      await manager.getRepository(PromiseConsultation).delete({ id: consultationId });
    });
    return agreement;
  }

  @Mutation(() => Agreement, {
    description:
      "Reports on a commitment: where it stands, the indicator's value, a comment. Coordinators of the promise's owner or of the commitment's owner party may report; the report names their organisation, never a person. Reports are append-only: a correction is a new report. A promise that has ENDED or was TERMINATED takes no more reports (RECORD_CLOSED). Returns the agreement, one version newer.",
  })
  async reportCommitmentFollowUp(
    @Arg('commitmentId', () => ID, { description: 'Id of the commitment reported on.' }) commitmentId: string,
    @Arg('agreementVersion', () => Int, { description: VERSION_DESCRIPTION }) version: number,
    @Arg('input', () => CommitmentFollowUpInput, { description: 'The report.' }) input: CommitmentFollowUpInput,
    @Ctx() context: Context,
  ) {
    const { viewer, clock, loaders } = context;
    assertSignedIn(viewer, 'report on commitments');
    const today = todayInSweden(clock.now());
    const reportedOn = input.reportedOn ?? today;
    assertNotInFuture(reportedOn, 'reportedOn', today);
    assertPeriod(input.periodFrom, input.periodTo, { start: 'periodFrom', end: 'periodTo' });
    if (input.periodTo && input.periodTo > reportedOn) {
      throw badInput('A report covers a period up to the day it is made', [{ field: 'periodTo', message: 'must not be after reportedOn' }]);
    }
    assertNoPersonalIdentityNumbers([{ field: 'comment', text: input.comment }]);
    const read = await visibleCommitment(loaders, commitmentId);
    /** The commitment's owner party reports on it; the promise's owner on any of them. */
    const authorize = (ownerPartyId: string) => (agreement: Agreement, partyIds: string[]) => {
      const ownerPartyCoordinator = isSignedIn(viewer) && isWriter(viewer) && viewer.organisationId === ownerPartyId && partyIds.includes(ownerPartyId);
      if (!ownerPartyCoordinator) assertCanChangeAgreement(agreement, partyIds, viewer);
    };
    const { agreement } = await changeAgreement(
      context,
      { id: read.agreementId, version, fields: ['followUps'], authorize: authorize(read.ownerPartyId) },
      async (manager, found) => {
        assertCitizenPromise(found);
        const commitment = await stillThere(manager, Commitment, 'Commitment', commitmentId, found.id);
        // Its owner changed between the read and the lock: the rule is applied to the owner it has.
        if (commitment.ownerPartyId !== read.ownerPartyId) authorize(commitment.ownerPartyId)(found, await namedParties(manager, found.id));
        if (found.status === AgreementStatus.ENDED || found.status === AgreementStatus.TERMINATED) {
          throw recordClosed('Agreement', found.id, `The citizen promise is ${found.status}: it takes no more follow-up reports`);
        }
        await manager.getRepository(CommitmentFollowUp).insert({
          commitmentId: commitment.id,
          reportedOn,
          periodFrom: input.periodFrom ?? null,
          periodTo: input.periodTo ?? null,
          status: input.status,
          indicatorValue: input.indicatorValue ?? null,
          comment: input.comment ?? null,
          reportedById: viewer.organisationId,
        });
      },
    );
    return agreement;
  }
}

/** The rules of a consultation on its own, as it would be after the change. */
function checkConsultation(
  c: Pick<PromiseConsultation, 'heldOn' | 'participants' | 'youngParticipants' | 'youngAgeMin' | 'youngAgeMax' | 'themes' | 'summary'>,
  today: string,
): void {
  assertNotInFuture(c.heldOn, 'heldOn', today);
  if (c.youngParticipants > c.participants) {
    throw badInput('More young participants than participants', [{ field: 'youngParticipants', message: 'must not exceed participants' }]);
  }
  assertAgeRange(c.youngAgeMin, c.youngAgeMax, { min: 'youngAgeMin', max: 'youngAgeMax' });
  assertNoPersonalIdentityNumbers([{ field: 'summary', text: c.summary }, ...c.themes.map((text, index) => ({ field: `themes.${index}`, text }))]);
}

/** A consultation is held in the promise's area: one of its areas, or within one. */
async function assertWithinPromiseAreas(manager: EntityManager, agreementId: string, areaCode: string): Promise<void> {
  const covered = (await manager.getRepository(AgreementArea).findBy({ agreementId })).map((a) => a.areaCode);
  if (!selfAndAncestors(areaCode).some((code) => covered.includes(code))) {
    throw badInput(`Area ${areaCode} is not one of the promise's areas (${covered.join(', ')}) nor within one`, [
      { field: 'areaCode', message: "not within the promise's areas" },
    ]);
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: 'The citizen promise the commitment belongs to.' })
  agreement(@Root() commitment: Commitment, @Ctx() { loaders }: Context) {
    return loaders.agreement.load(commitment.agreementId);
  }

  @FieldResolver(() => Actor, answeredBy('actors', "The party that owns the commitment: one of the promise's parties."))
  ownerParty(@Root() commitment: Commitment): Actor {
    return { id: commitment.ownerPartyId };
  }

  @FieldResolver(() => [CommitmentFollowUp], {
    description: 'The follow-up reports on the commitment, oldest first: its series over time. Reports are never changed; a correction is a later report.',
  })
  followUps(@Root() commitment: Commitment, @Args(() => FollowUpsArgs) { first }: FollowUpsArgs, @Ctx() { loaders }: Context) {
    return loaders.followUpsOfCommitment({ first }).load(commitment.id);
  }

  @FieldResolver(() => CommitmentFollowUp, { nullable: true, description: 'The newest follow-up report; null before the first.' })
  latestFollowUp(@Root() commitment: Commitment, @Ctx() { loaders }: Context) {
    return loaders.latestFollowUp.load(commitment.id);
  }

  @FieldResolver(() => CommitmentProgress, {
    nullable: true,
    description: 'How far the indicator has come, by the newest report that gives a value; null before any report gives one.',
  })
  async progress(@Root() commitment: Commitment, @Ctx() { loaders }: Context) {
    return progressOf(commitment, await loaders.latestMeasurement.load(commitment.id));
  }
}

@Resolver(() => PromiseConsultation)
export class PromiseConsultationResolver {
  @FieldResolver(() => Area, answeredBy('actors', 'The area the consultation was held in.'))
  area(@Root() consultation: PromiseConsultation): Area {
    return { code: consultation.areaCode };
  }
}

@Resolver(() => CommitmentFollowUp)
export class CommitmentFollowUpResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation that reported (never a person).'))
  reportedBy(@Root() followUp: CommitmentFollowUp): Actor {
    return { id: followUp.reportedById };
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { answeredBy, forbidden, isOwnerMember, isWriter, assertNoPersonalIdentityNumbers } from '@samverkan/federation';
import { assertSignedIn, badInput, isSignedIn, isUuid, recordClosed, SubgraphContext, trimmedOrNull, Viewer } from '@samverkan/platform';
import { Agreement, AgreementParty, AgreementStatus } from '../agreement/agreement';
import { MAX_PARTIES } from '../agreement/agreement.inputs';
import { changeAgreement } from '../agreement/agreement-change';
import { assertMaySeeAgreement } from '../agreement/agreement-access';
import { AgreementsLoaders } from '../loaders';
import { Actor } from '../stubs';
import { AgreementInvitationsArgs, MAX_ANSWER_COMMENT } from './invitations.inputs';
import { InvitationRow, invitationsOfOrganisation } from './invitations.loaders';
import { PartyAnswer, PartyInvitation } from './party-invitation';

type Context = SubgraphContext<AgreementsLoaders>;

const AGREEMENT_ID = { description: 'Id of the agreement.' };
const VERSION = { description: 'The version of the agreement you read; a stale one is VERSION_CONFLICT and nothing is written.' };
const ACTOR_ID = { description: 'The named organisation that answers: your own organisation.' };

/**
 * Who may answer for `actorId`: a coordinator of that very organisation. Anyone else who may see
 * the agreement is FORBIDDEN (never answering for another organisation); one who may not is told
 * NOT_FOUND. An organisation the agreement does not name has nothing to answer.
 */
function assertMayAnswer(agreement: Agreement, partyIds: readonly string[], actorId: string, viewer: Viewer): void {
  assertMaySeeAgreement(agreement, partyIds, viewer);
  if (!isSignedIn(viewer) || viewer.organisationId !== actorId || !isWriter(viewer)) {
    throw forbidden(`Only coordinators of organisation ${actorId} may answer for it`);
  }
  if (!partyIds.includes(actorId)) throw badInput(`Agreement ${agreement.id} does not name ${actorId} as a party`, [{ field: 'actorId', message: 'not a party to this agreement' }]);
}

/** A comment or reason as stored: trimmed, empty as none, bounded. */
function commentOf(text: string | null | undefined, field: string): string | null {
  const comment = trimmedOrNull(text);
  assertNoPersonalIdentityNumbers([{ field, text: comment }]);
  if (comment && comment.length > MAX_ANSWER_COMMENT) throw badInput(`${field} is longer than ${MAX_ANSWER_COMMENT} characters`, [{ field, message: `at most ${MAX_ANSWER_COMMENT} characters` }]);
  return comment;
}

interface AnswerChange {
  agreementId: string;
  version: number;
  actorId: string;
  /** The answers this change starts from; any other is an invalid transition. */
  from: PartyAnswer[];
  to: PartyAnswer;
  comment: string | null;
  /** Who may make it: by default the answering organisation's coordinators; a reinvitation is the owner's. */
  byOwner?: boolean;
}

/**
 * One organisation's answer moves from one of `from` to `to`, through `changeAgreement` (locked at
 * the version read, checked, version bumped, change logged as `invitations`).
 */
async function changeAnswer(ctx: Context, { agreementId, version, actorId, from, to, comment, byOwner = false }: AnswerChange): Promise<Agreement> {
  const actor = actorId.toLowerCase();
  const { agreement } = await changeAgreement(
    ctx,
    {
      id: agreementId,
      version,
      fields: ['invitations'],
      authorize: byOwner ? undefined : (found, partyIds) => assertMayAnswer(found, partyIds, actor, ctx.viewer),
    },
    async (manager, found) => {
      if (found.status === AgreementStatus.ENDED || found.status === AgreementStatus.TERMINATED) {
        throw recordClosed('Agreement', found.id, `The agreement is ${found.status}: its parties' answers are final`);
      }
      const repository = manager.getRepository(PartyInvitation);
      const invitation = isUuid(actor) ? await repository.findOneBy({ agreementId: found.id, actorId: actor }) : null;
      if (!invitation) throw badInput(`Agreement ${found.id} does not name ${actor} as a party`, [{ field: 'actorId', message: 'not a party to this agreement' }]);
      if (!from.includes(invitation.answer) || (actor === found.ownerId && to !== PartyAnswer.CONFIRMED)) {
        throw badInput(`The answer of ${actor} is ${invitation.answer}: it cannot become ${to}${actor === found.ownerId ? ' (the owner confirms by naming itself; it ends or terminates the agreement instead)' : ''}`, [
          { field: 'actorId', message: `${invitation.answer} cannot become ${to}` },
        ]);
      }
      const now = ctx.clock.now();
      await repository.update(
        { agreementId: found.id, actorId: actor },
        to === PartyAnswer.INVITED ? { answer: to, invitedAt: now, answeredAt: null, comment: null } : { answer: to, answeredAt: now, comment },
      );
    },
  );
  return agreement;
}

@Resolver(() => Agreement)
export class AgreementInvitationsResolver {
  @FieldResolver(() => [PartyInvitation], {
    description: `Each named organisation's invitation and answer, one per organisation (whatever roles it holds), in the order they were invited; at most ${MAX_PARTIES}, as the parties are.`,
  })
  invitations(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.invitationsOfAgreement.load(agreement.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether every named organisation has CONFIRMED: only then may the agreement be ACTIVE.' })
  async allPartiesConfirmed(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return (await loaders.invitationsOfAgreement.load(agreement.id)).every((i) => i.answer === PartyAnswer.CONFIRMED);
  }

  @FieldResolver(() => [Actor], answeredBy('actors', `The named organisations that have not answered yet (INVITED), in the order they were invited (at most ${MAX_PARTIES}).`))
  async awaitingAnswerFrom(@Root() agreement: Agreement, @Ctx() { loaders }: Context): Promise<Actor[]> {
    return (await loaders.invitationsOfAgreement.load(agreement.id)).filter((i) => i.answer === PartyAnswer.INVITED).map((i) => ({ id: i.actorId }));
  }

  @Query(() => [PartyInvitation], {
    description:
      "Your organisation's invitations to agreements that name it (\"what are we asked to confirm?\"), newest first, each with its agreement. Signed-in parties only: the public is UNAUTHENTICATED.",
  })
  agreementInvitations(@Args(() => AgreementInvitationsArgs) { answers, first }: AgreementInvitationsArgs, @Ctx() { dataSource, viewer }: Context) {
    assertSignedIn(viewer, "see your organisation's invitations");
    return invitationsOfOrganisation(dataSource, viewer.organisationId, [...new Set(answers ?? [])], first);
  }

  @Mutation(() => Agreement, {
    description:
      'Confirms, for your organisation, an agreement that names it (INVITED → CONFIRMED). Coordinators of that organisation only: answering for another is FORBIDDEN; an organisation the agreement does not name, or an answer that is not INVITED, is BAD_USER_INPUT. Returns the agreement with its new version. Answers on an ENDED or TERMINATED agreement are final: RECORD_CLOSED.',
  })
  confirmAgreementParty(
    @Arg('agreementId', () => ID, AGREEMENT_ID) agreementId: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('actorId', () => ID, ACTOR_ID) actorId: string,
    @Arg('comment', () => String, { nullable: true, description: `A comment to the owner, at most ${MAX_ANSWER_COMMENT} characters.` }) comment: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return changeAnswer(ctx, { agreementId, version, actorId, from: [PartyAnswer.INVITED], to: PartyAnswer.CONFIRMED, comment: commentOf(comment, 'comment') });
  }

  @Mutation(() => Agreement, {
    description:
      'Declines, for your organisation, an agreement that names it (INVITED → DECLINED): it cannot become ACTIVE while your organisation is named, until the owner invites it again. Coordinators of that organisation only, as for `confirmAgreementParty`. Answers on an ENDED or TERMINATED agreement are final: RECORD_CLOSED.',
  })
  declineAgreementParty(
    @Arg('agreementId', () => ID, AGREEMENT_ID) agreementId: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('actorId', () => ID, ACTOR_ID) actorId: string,
    @Arg('comment', () => String, { nullable: true, description: `Why, at most ${MAX_ANSWER_COMMENT} characters.` }) comment: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return changeAnswer(ctx, { agreementId, version, actorId, from: [PartyAnswer.INVITED], to: PartyAnswer.DECLINED, comment: commentOf(comment, 'comment') });
  }

  @Mutation(() => Agreement, {
    description:
      'Withdraws your organisation from an agreement it confirmed (CONFIRMED → WITHDRAWN), recorded with the time and reason. An ACTIVE agreement then takes no update that keeps it ACTIVE until the owner removes your organisation or ends it. Coordinators of that organisation only. Answers on an ENDED or TERMINATED agreement are final: RECORD_CLOSED.',
  })
  withdrawFromAgreement(
    @Arg('agreementId', () => ID, AGREEMENT_ID) agreementId: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('actorId', () => ID, ACTOR_ID) actorId: string,
    @Arg('reason', () => String, { description: `Why your organisation withdraws (required), at most ${MAX_ANSWER_COMMENT} characters.` }) reason: string,
    @Ctx() ctx: Context,
  ) {
    const comment = commentOf(reason, 'reason');
    if (!comment) throw badInput('A withdrawal needs a reason', [{ field: 'reason', message: 'required' }]);
    return changeAnswer(ctx, { agreementId, version, actorId, from: [PartyAnswer.CONFIRMED], to: PartyAnswer.WITHDRAWN, comment });
  }

  @Mutation(() => Agreement, {
    description:
      "Invites again an organisation that DECLINED or WITHDRAWN (→ INVITED, its earlier answer and comment cleared; the change log keeps the history), e.g. after talking it over. Coordinators of the agreement's owner only; an organisation the agreement does not name, or one with another answer, is BAD_USER_INPUT. Answers on an ENDED or TERMINATED agreement are final: RECORD_CLOSED.",
  })
  reinviteAgreementParty(
    @Arg('agreementId', () => ID, AGREEMENT_ID) agreementId: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('actorId', () => ID, { description: 'The named organisation to invite again.' }) actorId: string,
    @Ctx() ctx: Context,
  ) {
    return changeAnswer(ctx, { agreementId, version, actorId, from: [PartyAnswer.DECLINED, PartyAnswer.WITHDRAWN], to: PartyAnswer.INVITED, comment: null, byOwner: true });
  }
}

@Resolver(() => PartyInvitation)
export class PartyInvitationResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The invited organisation.'))
  actor(@Root() invitation: InvitationRow): Actor {
    return { id: invitation.actorId };
  }

  @FieldResolver(() => Agreement, { description: 'The agreement the organisation is invited to.' })
  async agreement(@Root() invitation: InvitationRow, @Ctx() { loaders }: Context) {
    return loaders.agreement.load(invitation.agreementId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why, in the answering organisation's words (e.g. the reason for declining or withdrawing). Only the owner's members and the answering organisation read it: null for others.",
  })
  comment(@Root() invitation: InvitationRow, @Ctx() { viewer }: Context): string | null {
    const mayRead = isOwnerMember(invitation, viewer) || (isSignedIn(viewer) && viewer.organisationId === invitation.actorId);
    return mayRead ? invitation.comment : null;
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyAnswerResolver {
  @FieldResolver(() => PartyAnswer, { nullable: true, description: "The organisation's answer to the agreement (one per organisation, whatever roles it holds)." })
  async answer(@Root() party: AgreementParty, @Ctx() { loaders }: Context) {
    return (await loaders.invitationsOfAgreement.load(party.agreementId)).find((i) => i.actorId === party.actorId)?.answer ?? null;
  }
}

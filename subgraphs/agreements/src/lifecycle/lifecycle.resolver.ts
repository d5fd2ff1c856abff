import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { answeredBy, todayInSweden } from '@samverkan/federation';
import { IDEMPOTENCY_KEY_DESCRIPTION, SubgraphContext } from '@samverkan/platform';
import { Agreement } from '../agreement/agreement';
import { AgreementsLoaders } from '../loaders';
import { Actor } from '../stubs';
import { daysBetween } from './expiry';
import { RenewAgreementInput, StatusHistoryArgs } from './lifecycle.inputs';
import { renewAgreement } from './renewal';
import { AgreementStatusChange } from './status-change';

type Context = SubgraphContext<AgreementsLoaders>;

/** An agreement's lifecycle: how long it has left, the periods before and after it, its statuses over time, and renewal. */
@Resolver(() => Agreement)
export class AgreementLifecycleResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Days from today (in Sweden) to the last day (`endsOn`): 0 when it ends today, negative when it has ended; null when open-ended.',
  })
  daysUntilEnd(@Root() agreement: Agreement, @Ctx() { clock }: Context): number | null {
    return agreement.endsOn ? daysBetween(todayInSweden(clock.now()), agreement.endsOn) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement of the previous period that this one renews; null when none, or when you may not see it.' })
  async renews(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    const links = await loaders.renewalLinks.load(agreement.id);
    return links?.renews ? loaders.agreement.load(links.renews) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement of the next period, made by renewing this one; null when none, or when you may not see it." })
  async renewedBy(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    const links = await loaders.renewalLinks.load(agreement.id);
    return links?.renewedBy ? loaders.agreement.load(links.renewedBy) : null;
  }

  @FieldResolver(() => [AgreementStatusChange], {
    description:
      "The agreement's statuses over time, oldest first: the status it was created with (`from` null), then every change. The change log (`changeLog`) tells which fields each change touched; this tells the statuses themselves.",
  })
  statusHistory(@Root() agreement: Agreement, @Args(() => StatusHistoryArgs) args: StatusHistoryArgs, @Ctx() { loaders }: Context) {
    return loaders.statusHistory(args).load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description:
      "Renews an ACTIVE or ENDED agreement that has an end date: creates the next period's agreement as a DRAFT, starting after the previous one ends, with the same kind, description, sections and template origin, areas, visibility, parties with their roles and responsibilities (each invited again; your organisation confirmed), resources (for the whole new period), phases (kind and purpose, to fill in) and a citizen promise's commitments (without their follow-ups), linked both ways (`renews`, `renewedBy`), and returns it. The previous agreement gets a new version. An agreement is renewed once: a second renewal is BAD_USER_INPUT naming the first. Only coordinators of the owning organisation may: others get FORBIDDEN, or NOT_FOUND for an agreement they may not see. A stale `version` is VERSION_CONFLICT; nothing is written on any error.",
  })
  renewAgreement(
    @Arg('id', () => ID, { description: 'Id of the agreement to renew.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused.' }) version: number,
    @Arg('input', () => RenewAgreementInput, { description: 'The new period.' }) input: RenewAgreementInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() context: Context,
  ) {
    return renewAgreement(context, { id, version, input, idempotencyKey });
  }
}

@Resolver(() => AgreementStatusChange)
export class AgreementStatusChangeResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation that changed the status (whose coordinator, or whose answer, did).'))
  changedBy(@Root() change: AgreementStatusChange): Actor {
    return { id: change.organisationId };
  }
}

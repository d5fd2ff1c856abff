import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ActorRecordsArgs, answeredBy } from '@samverkan/federation';
import { NestedListArgs, SubgraphContext } from '@samverkan/platform';
import { Activity } from './activity';
import { AreaActivitiesArgs, AreaActivityPageArgs } from './activity.inputs';
import { activityColumns, ActivityConnection } from './activity.resolver';
import { ActivitiesLoaders } from './loaders';
import { Actor, Agreement, Area, Commitment } from './stubs';

type Context = SubgraphContext<ActivitiesLoaders>;

@Resolver(() => Actor)
export class ActorActivitiesResolver {
  @FieldResolver(
    () => [Activity],
    answeredBy(
      'activities',
      'Activities the actor organises (alone or with others), in `areaCode` when given, newest start date first (then by id): the first `first` of them. The root `activities` list with `organiserId` pages through all.',
    ),
  )
  activities(@Root() actor: Actor, @Args(() => ActorRecordsArgs) args: ActorRecordsArgs, @Ctx() { loaders, dataSource }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.activitiesOfActor({ ...args, columns: activityColumns(info, dataSource) }).load(actor.id);
  }
}

@Resolver(() => Area)
export class AreaActivitiesResolver {
  @FieldResolver(
    () => [Activity],
    answeredBy('activities', 'Activities in this area running in the period (all when left out), newest start date first, at most `first` of them.'),
  )
  activities(@Root() area: Area, @Args(() => AreaActivitiesArgs) args: AreaActivitiesArgs, @Ctx() { loaders, dataSource }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.activitiesInArea({ ...args, columns: activityColumns(info, dataSource) }).load(area.code);
  }

  @FieldResolver(
    () => ActivityConnection,
    answeredBy(
      'activities',
      'Activities in this area running in the period (all when left out), newest start date first (then by id), a page at a time: pass `pageInfo.endCursor` as `after` for the next page.',
    ),
  )
  activityPage(@Root() area: Area, @Args(() => AreaActivityPageArgs) args: AreaActivityPageArgs, @Ctx() { loaders }: Context) {
    return loaders.activityPageInArea(args).load(area.code);
  }
}

@Resolver(() => Agreement)
export class AgreementActivitiesResolver {
  @FieldResolver(
    () => [Activity],
    answeredBy(
      'activities',
      'Activities funded by this agreement, newest start date first (then by id): the first `first` of them; none if you may not see the agreement. The root `activities` list with `fundingAgreementId` pages through all.',
    ),
  )
  async activities(@Root() agreement: Agreement, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders, dataSource }: Context, @Info() info: GraphQLResolveInfo) {
    // `_entities` may name any agreement: what a hidden one funds stays hidden, as on every other path.
    return (await loaders.visibleAgreement.load(agreement.id)) ? loaders.activitiesOfAgreement({ ...args, columns: activityColumns(info, dataSource) }).load(agreement.id) : [];
  }

  @FieldResolver(
    () => [Activity],
    answeredBy(
      'activities',
      'Activities carried out under this agreement (under any of its commitments or none), whoever funds them, newest start date first (then by id): the first `first` of them; none if you may not see the agreement. The root `activities` list with `agreementId` pages through all.',
    ),
  )
  async activitiesUnder(@Root() agreement: Agreement, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders, dataSource }: Context, @Info() info: GraphQLResolveInfo) {
    return (await loaders.visibleAgreement.load(agreement.id)) ? loaders.activitiesUnderAgreement({ ...args, columns: activityColumns(info, dataSource) }).load(agreement.id) : [];
  }
}

@Resolver(() => Commitment)
export class CommitmentActivitiesResolver {
  @FieldResolver(
    () => [Activity],
    answeredBy(
      'activities',
      'Activities carried out under this commitment, for its follow-up: newest start date first (then by id), the first `first` of them; none if you may not see the commitment (its agreement). The root `activities` list with `commitmentId` pages through all.',
    ),
  )
  async activities(@Root() commitment: Commitment, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders, dataSource }: Context, @Info() info: GraphQLResolveInfo) {
    // `_entities` may name any commitment: what is done under a hidden one stays hidden.
    return (await loaders.visibleCommitment.load(commitment.id)) ? loaders.activitiesUnderCommitment({ ...args, columns: activityColumns(info, dataSource) }).load(commitment.id) : [];
  }
}

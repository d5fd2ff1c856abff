import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { ConcernsLoaders } from '../loaders';
import { Area } from '../stubs';
import { Concern } from './concern';
import { ConcernRecipient } from './concern-recipient';

type Context = SubgraphContext<ConcernsLoaders>;

@Resolver(() => Concern)
export class ConcernResolver {
  @Query(() => Concern, {
    nullable: true,
    description: 'One concern by id, if you may read it (docs/dpia-concerns.md §4); null otherwise. Every read is written to the audit log.',
  })
  concern(@Arg('id', () => ID, { description: 'Id of the concern.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.concern.load(id);
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area whose team the concern was routed to.'))
  area(@Root() concern: Concern): Area {
    return { code: concern.areaCode };
  }

  @FieldResolver(() => [ConcernRecipient], { description: 'The intervention team the concern activated, as it stood at registration.' })
  activatedTeam(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.concernRecipients.load(concern.id);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, Figures } from '@samverkan/federation';
import { isSignedIn, SubgraphContext } from '@samverkan/platform';
import { ConcernsLoaders } from '../loaders';
import { ConcernFigures } from './concern-figures';

type Context = SubgraphContext<ConcernsLoaders>;

@Resolver(() => Figures)
export class FiguresConcernsResolver {
  @FieldResolver(
    () => ConcernFigures,
    answeredBy(
      'concerns',
      "The guardians' concerns' figures: concerns registered in the month, those answered within 24 hours, and the median time to first contact. For signed-in parties only (docs/dpia-concerns.md §6): null for the public, who are never told how many concerns a small place has.",
    ),
  )
  async concerns(@Root() figures: Figures, @Ctx() { loaders, viewer }: Context): Promise<ConcernFigures | null> {
    if (!isSignedIn(viewer)) return null;
    return (await loaders.concernFigures.load(figures.month)).of(figures.areaCode);
  }
}

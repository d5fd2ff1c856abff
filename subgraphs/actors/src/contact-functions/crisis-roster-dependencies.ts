import { Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { answeredBy, entityStub, externalField } from '@samverkan/federation';
import { isSignedIn, SubgraphContext } from '@samverkan/platform';
import { ContactFunction } from './contact-function';
import type { ActorsLoaders } from '../loaders';

/**
 * The situation subgraph's crisis rosters (issue 13), to which the registry adds the gap only it can
 * see: which listed functions rest on one person. The gateway fetches the roster's function ids from
 * situation first (`@requires`), and only for rosters the viewer may see there.
 */
export const CrisisRoster = entityStub('CrisisRoster');
externalField(CrisisRoster, 'contactFunctionIds', () => [ID]);
export type CrisisRoster = InstanceType<typeof CrisisRoster> & { contactFunctionIds: string[] };

/** A roster has at most 200 lines (situation's limit), so at most as many functions: more is no roster's. */
const MAX_ROSTER_FUNCTIONS = 200;

@Resolver(() => CrisisRoster)
export class CrisisRosterDependenciesResolver {
  @FieldResolver(
    () => [ContactFunction],
    answeredBy(
      'actors',
      'The listed contact functions that rest on one person or none today (fewer than two current holders and backups, as their `isOnePersonDependency` says), in the order of the roster\'s entries: the gap only the registry can see. Signed-in parties only; null for the public.',
    ),
  )
  @Directive('@requires(fields: "contactFunctionIds")')
  async onePersonDependencies(@Root() roster: CrisisRoster, @Ctx() { viewer, loaders }: SubgraphContext<ActorsLoaders>): Promise<ContactFunction[] | null> {
    if (!isSignedIn(viewer)) return null;
    const found = await loaders.onePersonDependency.loadMany(roster.contactFunctionIds.slice(0, MAX_ROSTER_FUNCTIONS));
    return found.filter((fn): fn is ContactFunction => fn instanceof ContactFunction);
  }
}

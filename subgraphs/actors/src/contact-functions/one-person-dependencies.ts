import { Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { answeredBy, entityStub, externalField } from '@samverkan/federation';
import { isSignedIn, SubgraphContext } from '@samverkan/platform';
import { ContactFunction } from './contact-function';
import type { ActorsLoaders } from '../loaders';

type ListsContactFunctions = { id: string; contactFunctionIds: string[] };

/**
 * Another subgraph's list of contact functions (a crisis roster, an intervention team), to which the
 * registry adds the gap only it can see: which listed functions rest on one person. The gateway
 * fetches the list's function ids from its owner first (`@requires`), and only for lists the viewer
 * may see there. `maxFunctions` is the owner's limit on lines: more is no list's.
 */
function onePersonDependencies(name: 'CrisisRoster' | 'InterventionTeam', { order, maxFunctions }: { order: string; maxFunctions: number }) {
  const Stub = entityStub(name);
  externalField(Stub, 'contactFunctionIds', () => [ID]);

  @Resolver(() => Stub)
  class OnePersonDependenciesResolver {
    @FieldResolver(
      () => [ContactFunction],
      answeredBy(
        'actors',
        `The listed contact functions that rest on one person or none today (fewer than two current holders and backups, as their \`isOnePersonDependency\` says), in the order of ${order}: the gap only the registry can see. Signed-in parties only; null for the public.`,
      ),
    )
    @Directive('@requires(fields: "contactFunctionIds")')
    async onePersonDependencies(@Root() list: ListsContactFunctions, @Ctx() { viewer, loaders }: SubgraphContext<ActorsLoaders>): Promise<ContactFunction[] | null> {
      if (!isSignedIn(viewer)) return null;
      const found = await loaders.onePersonDependency.loadMany(list.contactFunctionIds.slice(0, maxFunctions));
      return found.filter((fn): fn is ContactFunction => fn instanceof ContactFunction);
    }
  }
  return { stub: Stub, resolver: OnePersonDependenciesResolver };
}

/** The situation subgraph's crisis rosters (issue 13): at most 200 lines (situation's limit). */
export const crisisRosterDependencies = onePersonDependencies('CrisisRoster', { order: "the roster's entries", maxFunctions: 200 });

/** The concerns subgraph's intervention teams (issue 15): at most 50 lines (concerns' limit). */
export const interventionTeamDependencies = onePersonDependencies('InterventionTeam', { order: "the team's members", maxFunctions: 50 });

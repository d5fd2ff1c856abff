import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { answeredBy, assertReferencesExist } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Agreement } from '../agreement/agreement';
import { changeAgreement, namedParties } from '../agreement/agreement-change';
import type { AgreementsLoaders } from '../loaders';
import { Actor, Venue } from '../stubs';
import { AgreementResource } from './agreement-resource';
import { resourceRows } from './resource-rules';
import { AgreementResourceInput, MAX_RESOURCES, Money, PartyResourceSums, RESOURCES_ARGUMENT_DESCRIPTION, ResourceTotals } from './resource.types';

type Context = SubgraphContext<AgreementsLoaders>;

@Resolver(() => Agreement)
export class AgreementResourcesResolver {
  @FieldResolver(() => [AgreementResource], {
    description: `What the parties commit to the agreement (money, staff time, premises, competence, networks), in the agreement's order: at most ${MAX_RESOURCES} (a hard cap on write). Seen by whoever sees the agreement.`,
  })
  resources(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.resourcesOfAgreement.load(agreement.id);
  }

  @FieldResolver(() => ResourceTotals, {
    description: "The agreement's resources summed over all lines (whatever their periods), and per party: money per currency (exact decimals), staff hours, and the number of premises, competence and network lines.",
  })
  resourceTotals(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.resourceTotals.load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description:
      "Replaces all the agreement's resources with these, in this order, and returns the agreement with its new version. Coordinators of the owning organisation only (a named party gets FORBIDDEN, anyone who may not see it NOT_FOUND); a stale `version` is VERSION_CONFLICT. Each resource must come from a named party, with the fields its kind needs (MONEY: amount and ISO 4217 currency, the amount left out only in a DRAFT; STAFF_TIME: hours > 0; PREMISES: a venue of the registry), within the agreement's period: otherwise BAD_USER_INPUT naming the line and field (e.g. `resources[2].endsOn`), and nothing is written.",
  })
  async setAgreementResources(
    @Arg('agreementId', () => ID, { description: 'Id of the agreement.' }) agreementId: string,
    @Arg('version', () => Int, { description: 'The version of the agreement you read; a stale one is refused.' }) version: number,
    @Arg('resources', () => [AgreementResourceInput], { description: RESOURCES_ARGUMENT_DESCRIPTION }) resources: AgreementResourceInput[],
    @Ctx() context: Context,
  ) {
    // The registry first, outside the transaction: no lock waits on another service.
    await assertReferencesExist(
      resources.map((r, i) => ({ type: 'Venue' as const, keys: [r.venueId], field: `resources[${i}].venueId` })),
      context.authorization,
    );
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['resources'] }, async (manager, found) => {
      const rows = resourceRows(resources, found, await namedParties(manager, found.id));
      await manager.getRepository(AgreementResource).delete({ agreementId: found.id });
      if (rows.length) await manager.getRepository(AgreementResource).insert(rows);
    });
    return agreement;
  }
}

@Resolver(() => AgreementResource)
export class AgreementResourceResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The party that commits the resource (resolved by the actors registry).'))
  party(@Root() resource: AgreementResource): Actor {
    return { id: resource.actorId };
  }

  @FieldResolver(() => Money, { nullable: true, description: 'MONEY: the amount and its currency; null for other kinds, and while a DRAFT has not agreed the amount.' })
  money(@Root() resource: AgreementResource): Money | null {
    return resource.amount === null ? null : { amount: resource.amount, currency: resource.currency! };
  }

  @FieldResolver(() => String, { nullable: true, description: 'MONEY: the currency (ISO 4217), also before the amount is agreed; null for other kinds.' })
  currency(@Root() resource: AgreementResource): string | null {
    return resource.currency;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'STAFF_TIME: hours over the period (one decimal); null for other kinds.' })
  hours(@Root() resource: AgreementResource): number | null {
    return resource.hours === null ? null : Number(resource.hours);
  }

  @FieldResolver(() => Venue, answeredBy('actors', 'PREMISES: the venue lent (resolved by the actors registry); null for other kinds.'))
  venue(@Root() resource: AgreementResource): Venue | null {
    return resource.venueId ? { id: resource.venueId } : null;
  }
}

@Resolver(() => PartyResourceSums)
export class PartyResourceSumsResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The party (resolved by the actors registry).'))
  party(@Root() sums: PartyResourceSums): Actor {
    return { id: sums.actorId };
  }
}

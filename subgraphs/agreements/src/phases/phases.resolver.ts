import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { assertReferencesExist } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Agreement } from '../agreement/agreement';
import { changeAgreement } from '../agreement/agreement-change';
import { CIVIL_SOCIETY_KINDS } from '../figures/figures.loaders';
import type { AgreementsLoaders } from '../loaders';
import { Actor } from '../stubs';
import { AgreementPhase } from './agreement-phase';
import { phaseRows } from './phase-rules';
import { AgreementPhaseInput, MAX_PHASES, PhaseDocument, PHASES_ARGUMENT_DESCRIPTION } from './phase.types';

type Context = SubgraphContext<AgreementsLoaders>;

@Resolver(() => Agreement)
export class AgreementPhasesResolver {
  @FieldResolver(() => [AgreementPhase], {
    description: `The phases of the work, from needs analysis to follow-up, in the agreement's order: at most ${MAX_PHASES} (a hard cap on write). Their dates need not lie within the agreement's period (a needs analysis usually comes before it). Seen by whoever sees the agreement.`,
  })
  phases(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.phasesOfAgreement.load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description:
      "Replaces all the agreement's phases with these, in this order, and returns the agreement with its new version. Coordinators of the owning organisation only (a named party gets FORBIDDEN, anyone who may not see it NOT_FOUND); a stale `version` is VERSION_CONFLICT. Participants must be actors of the registry (any actor, not only parties), dates in order, documents http(s) links: otherwise BAD_USER_INPUT naming the phase and field (e.g. `phases[0].documents[1].url`), and nothing is written.",
  })
  async setAgreementPhases(
    @Arg('agreementId', () => ID, { description: 'Id of the agreement.' }) agreementId: string,
    @Arg('version', () => Int, { description: 'The version of the agreement you read; a stale one is refused.' }) version: number,
    @Arg('phases', () => [AgreementPhaseInput], { description: PHASES_ARGUMENT_DESCRIPTION }) phases: AgreementPhaseInput[],
    @Ctx() context: Context,
  ) {
    const rows = phaseRows(phases, agreementId);
    // The registry first, outside the transaction: no lock waits on another service.
    await assertReferencesExist(
      rows.map((row, i) => ({ type: 'Actor' as const, keys: row.participantIds, field: `phases[${i}].participantIds` })),
      context.authorization,
    );
    const { agreement } = await changeAgreement(context, { id: agreementId, version, fields: ['phases'] }, async (manager, found) => {
      await manager.getRepository(AgreementPhase).delete({ agreementId: found.id });
      if (rows.length) await manager.getRepository(AgreementPhase).insert(rows.map((row) => ({ ...row, agreementId: found.id })));
    });
    return agreement;
  }
}

@Resolver(() => AgreementPhase)
export class AgreementPhaseResolver {
  @FieldResolver(() => [Actor], { description: 'The organisations that took part (any actor of the registry, not only parties), as recorded.' })
  participants(@Root() phase: AgreementPhase): Actor[] {
    return phase.participantIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [PhaseDocument], { description: 'The documents of the phase, as links (at most 20).' })
  documents(@Root() phase: AgreementPhase): PhaseDocument[] {
    return phase.documents;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether civil society took part: at least one participant is, in the actors registry now, of kind CIVIL_SOCIETY or FAITH_COMMUNITY. False without participants; null (with a DEPENDENCY_UNAVAILABLE error) when the registry is unavailable.',
  })
  async civilSocietyIncluded(@Root() phase: AgreementPhase, @Ctx() { loaders }: Context): Promise<boolean> {
    const kinds = await loaders.actorKind.loadMany(phase.participantIds);
    const failed = kinds.find((kind): kind is Error => kind instanceof Error);
    if (failed) throw failed;
    return kinds.some((kind) => CIVIL_SOCIETY_KINDS.includes(kind as string));
  }
}

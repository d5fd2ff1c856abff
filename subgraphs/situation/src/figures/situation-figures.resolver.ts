import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, Count, Figures } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { IncidentKindCount, SituationFigures } from './situation-figures';

type Context = SubgraphContext<SituationLoaders>;

@Resolver(() => Figures)
export class FiguresSituationResolver {
  @FieldResolver(
    () => SituationFigures,
    answeredBy('situation', "The situation picture's figures: reports and their levels in the month, the areas' latest levels as of its figures day, and the incidents opened in the month."),
  )
  async situation(@Root() figures: Figures, @Ctx() { loaders }: Context): Promise<SituationFigures> {
    const month = await loaders.situationFigures.load(figures.month);
    return { ...month.of(figures.areaCode), areaCode: figures.areaCode, month: figures.month };
  }
}

/** The incident figures: their own loader, so a query for report figures alone does not count incidents. */
@Resolver(() => SituationFigures)
export class IncidentFiguresResolver {
  @FieldResolver(() => Count, {
    description:
      'Incidents opened (`activatedAt`) in the month, Swedish time, in the area or its sub-areas, whatever their status now.',
  })
  async incidents(@Root() figures: SituationFigures, @Ctx() { loaders }: Context): Promise<Count> {
    return (await loaders.incidentFigures.load(figures.month)).of(figures.areaCode).incidents;
  }

  @FieldResolver(() => [IncidentKindCount], {
    description: 'The same incidents by kind, one entry per kind in the order of `IncidentKind`; the entries add up to `incidents`.',
  })
  async incidentsByKind(@Root() figures: SituationFigures, @Ctx() { loaders }: Context): Promise<IncidentKindCount[]> {
    return (await loaders.incidentFigures.load(figures.month)).of(figures.areaCode).incidentsByKind;
  }

  @FieldResolver(() => Count, {
    description:
      'Of `incidents`, those whose crisis roster did not work in time: the contact deadline (`contactDeadline`: `activatedAt` plus INCIDENT_CONTACT_DEADLINE_MINUTES, default 60) has passed, and the contact list is empty (no roster for the kind) or has a line, primary or backup, with no contact-log entry CONTACTED or ACKNOWLEDGED whose `contactedAt` is at or before the deadline (NOT_REACHED entries do not count as reached; a contact logged later with an earlier `contactedAt` does). An incident whose deadline is still ahead is not late (yet), whatever its status. Published as one part of a partition of `incidents` (late, in time), so `incidents` minus this never uncovers a hidden incident.',
  })
  async lateActivations(@Root() figures: SituationFigures, @Ctx() { loaders }: Context): Promise<Count> {
    return (await loaders.incidentFigures.load(figures.month)).of(figures.areaCode).lateActivations;
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, Count, Figures } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { AgreementKind, AgreementStatus } from '../agreement/agreement';
import type { AgreementsLoaders } from '../loaders';
import { AgreementEnding, AgreementEndingCount, AgreementFigures, AgreementKindCount, AgreementStatusCount } from './agreement-figures';

type Context = SubgraphContext<AgreementsLoaders>;

/** Two disjoint counts together: published only when both are, so the sum never uncovers a withheld part. */
const sum = (a: Count, b: Count): Count =>
  a.suppressed || b.suppressed ? { value: null, suppressed: true } : { value: a.value! + b.value!, suppressed: false };

@Resolver(() => Figures)
export class FiguresAgreementsResolver {
  @FieldResolver(() => AgreementFigures, answeredBy('agreements', 'Figures about agreements: active ones by kind and by when they end, by status, and municipalities with an active police and civil-society agreement.'))
  agreements(@Root() { areaCode, month }: Figures): AgreementFigures {
    return { areaCode, month };
  }
}

@Resolver(() => AgreementFigures)
export class AgreementFiguresResolver {
  @FieldResolver(() => Count, { description: 'Agreements active on the as-of day that cover the area.' })
  async active(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<Count> {
    return (await loaders.figures.load(month)).active().total(areaCode);
  }

  @FieldResolver(() => [AgreementKindCount], {
    description: 'The active agreements (`active`) by kind, one entry per `AgreementKind` in its order; the kinds add up to `active`.',
  })
  async activeByKind(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<AgreementKindCount[]> {
    const active = (await loaders.figures.load(month)).active();
    return active.breakdown('kind', areaCode).map(({ value, count }) => ({ kind: value as AgreementKind, count }));
  }

  @FieldResolver(() => [AgreementEndingCount], {
    description:
      'The active agreements (`active`) by when they end, counted from the as-of day: one entry per `AgreementEnding` (WITHIN_30_DAYS, WITHIN_90_DAYS, LATER, OPEN_ENDED), which split them with no overlap and add up to `active`. Agreements ending within 90 days are the first two.',
  })
  async activeByEnding(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<AgreementEndingCount[]> {
    const active = (await loaders.figures.load(month)).active();
    return active.breakdown('ending', areaCode).map(({ value, count }) => ({ ending: value as AgreementEnding, count }));
  }

  @FieldResolver(() => [AgreementStatusCount], {
    description:
      'The agreements covering the area whose period overlaps the month (started by its last day, not ended before its first; a draft without a start date is in no month), by their current status: one entry per `AgreementStatus`, each agreement in exactly one. ACTIVE holds the `active` agreements and those with status ACTIVE that are not active on the as-of day (ended earlier in the month, or, this month, starting after today); for a signed-in viewer it is shown only when both parts could be, so that ACTIVE minus `active` never shows a small count.',
  })
  async byStatus(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<AgreementStatusCount[]> {
    const figures = await loaders.figures.load(month);
    return figures
      .notActive()
      .breakdown('status', areaCode)
      .map(({ value, count }) => ({ status: value as AgreementStatus, count: value === AgreementStatus.ACTIVE ? sum(figures.active().total(areaCode), count) : count }));
  }

  @FieldResolver(() => Count, {
    nullable: true,
    description:
      "The number of municipalities in the area (for a municipality 1 or 0; a district or named area contains none) in which at least one agreement active on the as-of day has both a POLICE party and a CIVIL_SOCIETY or FAITH_COMMUNITY party (actor kinds as the actors registry has them now). An agreement counts for the municipalities of its areas at municipality level or below (a district's or named area's municipality); one for a county or for Sweden counts for none. A count of municipalities, under the same disclosure control as the other figures (so a signed-in viewer sees a single municipality's 1 or 0 suppressed, both being below the minimum count). Null when the actors service, which knows the parties' kinds, is unavailable.",
  })
  async municipalitiesWithPoliceAndCivilSociety(@Root() { areaCode, month }: AgreementFigures, @Ctx() { loaders }: Context): Promise<Count> {
    return (await loaders.partnershipMunicipalities.load(month)).total(areaCode);
  }
}

import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { NestedListArgs, SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { SituationReport } from '../reports/situation-report';
import { Actor, Area } from '../stubs';
import { AreaPictureArgs, PictureArgs, picturePeriod as period, SituationPicture, SituationPictureParty } from './situation-picture';

type Context = SubgraphContext<SituationLoaders>;

const PICTURE_DESCRIPTION =
  "The joint situation picture of exactly this area for the period [from, to], as far as you may see it: the parties' reports side by side and the combined view (highest and most recent level, how many parties reported, the computed trend and, for the signed-in, how many newer reports you may not read).";

@Resolver(() => SituationPicture)
export class SituationPictureResolver {
  @Query(() => SituationPicture, { description: `${PICTURE_DESCRIPTION} An area without reports has an empty picture.` })
  situationPicture(@Args(() => AreaPictureArgs) { areaCode, ...args }: AreaPictureArgs, @Ctx() { loaders }: Context) {
    return loaders.situationPicture(period(args)).load(areaCode);
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area of the picture.'))
  area(@Root() picture: SituationPicture): Area {
    return { code: picture.areaCode };
  }

  @FieldResolver(() => SituationReport, { nullable: true, description: 'The most recent report you may see (the one `mostRecentLevel` is of); null when you see none.' })
  mostRecentReport(@Root() picture: SituationPicture, @Ctx() { loaders }: Context) {
    return picture.mostRecentReportId ? loaders.report.load(picture.mostRecentReportId) : null;
  }

  @FieldResolver(() => [SituationPictureParty], {
    description: 'The parties whose reports in the picture you may see, side by side, the one with the most recent report first: the first `first` of them (`reportingParties` counts all).',
  })
  parties(@Root() picture: SituationPicture, @Args(() => NestedListArgs) { first }: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.pictureParties({ from: picture.from, to: picture.to, first }).load(picture.areaCode);
  }
}

@Resolver(() => SituationPictureParty)
export class SituationPicturePartyResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The reporting party: the actor that wrote and owns these reports.'))
  party(@Root() party: SituationPictureParty): Actor {
    return { id: party.partyId };
  }

  @FieldResolver(() => SituationReport, { nullable: true, description: "The party's latest report you may see (latest period end, then latest created)." })
  latestReport(@Root() party: SituationPictureParty, @Ctx() { loaders }: Context) {
    return loaders.report.load(party.latestReportId);
  }

  @FieldResolver(() => [SituationReport], {
    description: "The party's series: its reports in the period you may see, newest first (period end, then creation): the first `first` of them (`reportCount` counts all).",
  })
  reports(@Root() party: SituationPictureParty, @Args(() => NestedListArgs) { first }: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.pictureSeries({ from: party.from, to: party.to, first }).load(`${party.areaCode} ${party.partyId}`);
  }
}

@Resolver(() => Area)
export class AreaPictureResolver {
  @FieldResolver(() => SituationPicture, answeredBy('situation', `${PICTURE_DESCRIPTION} The same for many areas costs no more statements than for one.`))
  situationPicture(@Root() area: Area, @Args(() => PictureArgs) args: PictureArgs, @Ctx() { loaders }: Context) {
    return loaders.situationPicture(period(args)).load(area.code);
  }
}

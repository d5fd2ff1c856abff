import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Matches } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { AREA_CODE_PATTERN, assertPeriod } from '@samverkan/federation';
import { SituationLevel, Trend } from '../reports/situation-report';

/** How the picture orders reports, newest first: the latest period end, then the latest created (then the id, for a stable order). */
export const NEWEST_FIRST = 'period_end DESC, created_at DESC, id DESC';

export const COMPUTED_TREND_RULE =
  "Each party's change is the level of its latest report you may see minus the level of its previous one you may see (NORMAL 0, ELEVATED 1, HIGH 2, CRITICAL 3; both in the period, ordered by period end, then creation)";

/** The period of a picture, checked: `to` not before `from`, and both days PostgreSQL has (there is no year 0). */
export function picturePeriod({ from, to }: { from: string; to: string }): PictureArgs {
  assertPeriod(from, to, { start: 'from', end: 'to' });
  return { from, to };
}

@ArgsType()
export class PictureArgs {
  @Field(() => GraphQLLocalDate, { description: 'First day of the period: reports whose period ends on or after it count.' })
  from: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period, not before `from`: reports whose period starts on or before it count.' })
  to: string;
}

@ArgsType()
export class AreaPictureArgs extends PictureArgs {
  @Field(() => ID, { description: 'Code of the area, e.g. "0380-gottsunda": the reports about exactly this area (not its sub-areas).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;
}

@ObjectType({
  description:
    "One party's reports in a joint situation picture: the reports of one reporting party about the area in the period that you may see, with the trend computed from them.",
})
export class SituationPictureParty {
  /** The reporting party (the owner of its reports); exposed as `party`. */
  partyId: string;
  areaCode: string;
  from: string;
  to: string;
  latestReportId: string;

  @Field(() => Int, { description: "How many of this party's reports in the period you may see." })
  reportCount: number;

  @Field(() => SituationLevel, { description: "The level of the party's latest report you may see (latest period end, then latest created)." })
  latestLevel: SituationLevel;

  @Field(() => SituationLevel, { nullable: true, description: 'The level of the report before it that you may see; null when you see only one.' })
  previousLevel: SituationLevel | null;

  @Field(() => Trend, {
    nullable: true,
    description: `The trend computed from the party's series: WORSENING when the latest level is higher than the previous one, IMPROVING when lower, STABLE when equal; null with only one report. Not the author's \`trend\`, which each report keeps.`,
  })
  computedTrend: Trend | null;
}

@ObjectType({
  description:
    "The joint situation picture of an area for a period, as far as you may see it: the reports of every party that you may see, side by side, and a combined view of them. Reports count when they are about exactly the area and their period overlaps the period asked for. Every figure is computed from the reports you may see, except `newerHiddenReports`, which only counts the others.",
})
export class SituationPicture {
  areaCode: string;
  mostRecentReportId: string | null;

  @Field(() => GraphQLLocalDate, { description: 'First day of the period.' })
  from: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period.' })
  to: string;

  @Field(() => Int, { description: 'How many reports in the picture you may see.' })
  reportCount: number;

  @Field(() => Int, { description: 'How many distinct parties wrote the reports you may see.' })
  reportingParties: number;

  @Field(() => SituationLevel, { nullable: true, description: 'The highest level among the reports you may see; null when you see none.' })
  highestLevel: SituationLevel | null;

  @Field(() => SituationLevel, {
    nullable: true,
    description: 'The level of the most recent report you may see: the one with the latest period end, the latest created on a tie; null when you see none.',
  })
  mostRecentLevel: SituationLevel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For every signed-in party (null without a token): how many reports in the picture you may NOT read are newer than the most recent one you may read. A report is newer when its period ends later, or ends the same day and it was created later. When you may read none, every report in the picture you may not read counts. A count only: nothing else of those reports is shown.',
  })
  newerHiddenReports: number | null;

  @Field(() => Trend, {
    nullable: true,
    description: `The trend computed from the series of reports you may see (not the authors' \`trend\` fields). ${COMPUTED_TREND_RULE}; the parties with at least two such reports add their changes: WORSENING when the sum is above 0, IMPROVING below 0, STABLE at 0. Null when no party has two reports you may see in the period.`,
  })
  computedTrend: Trend | null;
}

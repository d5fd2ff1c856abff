import { Field, ObjectType } from 'type-graphql';
import { Count } from '@samverkan/federation';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { SituationLevel, Trend } from '../reports/situation-report';

@ObjectType({ description: 'How many of the counted situation reports, or areas, have one situation level.' })
export class SituationLevelCount {
  @Field(() => SituationLevel, { description: 'The situation level.' })
  level: SituationLevel;

  @Field(() => Count, { description: 'How many have this level; suppressed where publishing it could point at a hidden report.' })
  count: Count;
}

@ObjectType({ description: 'How many of the counted incidents are of one kind.' })
export class IncidentKindCount {
  @Field(() => IncidentKind, { description: 'The kind of incident.' })
  kind: IncidentKind;

  @Field(() => Count, { description: 'How many incidents of this kind; suppressed where publishing it could point at a hidden incident.' })
  count: Count;
}

/** The incident figures of an area and month (`SituationFigures.incidents`, `incidentsByKind`, `lateActivations`). */
export interface IncidentFigures {
  incidents: Count;
  incidentsByKind: IncidentKindCount[];
  lateActivations: Count;
}

@ObjectType({
  description:
    "Figures over the situation reports (lägesbilder) about an area and its sub-areas, for one calendar month: counts only, never a report's content, level per party or author; and over the incidents opened in the area and its sub-areas in the month, never an incident's content or owner. The public's figures count PUBLIC reports and incidents; a signed-in party's count every one, whoever may read it, with small counts suppressed (see `Figures.basis`).",
})
export class SituationFigures {
  @Field(() => Count, { description: 'Situation reports about the area or its sub-areas whose period overlaps the month.' })
  reports: Count;

  @Field(() => [SituationLevelCount], {
    description:
      'The same reports by their overall level, one entry per level from NORMAL to CRITICAL; the entries add up to `reports`. The monthly series of this distribution is the trend of the situation picture.',
  })
  byLevel: SituationLevelCount[];

  @Field(() => Count, {
    description:
      'Areas with a situation report as of the month\'s figures day (its last day, or today for the current month), the area itself and every area within it counted once each: the areas `latestByLevel` counts.',
  })
  reportedAreas: Count;

  @Field(() => [SituationLevelCount], {
    description:
      "The current situation level of each area within this one, counted per level: areas (not reports) whose latest report as of the month's figures day has that level. An area's latest report is, of its reports whose period has started by that day, the one with the latest period end (then the most recently written); that is also the latest of each reporting party's latest report. One entry per level from NORMAL to CRITICAL; the entries add up to `reportedAreas`.",
  })
  latestByLevel: SituationLevelCount[];

  @Field(() => Trend, {
    nullable: true,
    description:
      "Which way the situation went since the previous month, from the published `byLevel` of both months alone: the average level (NORMAL 0, ELEVATED 1, HIGH 2, CRITICAL 3) of the month's reports against the previous month's; STABLE when equal. Null when either month has no reports or any suppressed level, so it never tells more than those figures.",
  })
  trend: Trend | null;

  /** Which area and month these are, for the incident figures' own loader; not GraphQL fields. */
  areaCode: string;
  month: string;
}

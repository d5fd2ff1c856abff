import { Field, Int, ObjectType } from 'type-graphql';
import { Count } from '@samverkan/federation';

@ObjectType({
  description:
    "Figures over the guardians' concerns registered in an area and its sub-areas in one calendar month (docs/dpia-concerns.md §6): counts and a median only, never a concern, a child's reference, an organisation or a team. Every concern counts, whoever may read it, and the concerns deleted after their retention period too (their tombstones), so a past month's figures never change; small counts are suppressed (README, \"Figures and disclosure control\").",
})
export class ConcernFigures {
  @Field(() => Count, {
    description: 'Concerns registered (`registeredAt`) in the month, Swedish time, in the area or its sub-areas, whatever their status now.',
  })
  registered: Count;

  @Field(() => Count, {
    description:
      'Of `registered`, those whose first contact with the guardian (`firstContactAt`) came within CONCERN_ANSWER_HOURS (default 24) of registration, counted in whole minutes rounded up. Published as one part of a partition of `registered` (in time; not in time: answered late, or not answered and past due; pending: not answered and still within time) whose other parts are never published, so `registered` minus this uncovers nothing.',
  })
  answeredInTime: Count;

  @Field(() => Int, {
    nullable: true,
    description:
      'The median of the minutes (whole minutes, rounded up) from registration to first contact over the concerns of `registered` answered so far, in time or not; of an even number, the mean of the middle two, rounded. Null when `registered` is suppressed or fewer than FIGURES_MINIMUM_COUNT were answered: a median is not a count, and one of few concerns would tell about each.',
  })
  medianMinutesToFirstContact: number | null;
}

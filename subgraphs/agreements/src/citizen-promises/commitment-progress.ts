import { Field, Float, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Commitment } from './commitment';
import { CommitmentFollowUp } from './follow-up';

@ObjectType({ description: "How far a commitment's indicator has come, computed from its newest report that gives a value." })
export class CommitmentProgress {
  @Field(() => Float, { description: "The indicator's newest reported value, in the commitment's unit." })
  value: number;

  @Field(() => GraphQLLocalDate, { description: 'The day of the report that gave it.' })
  reportedOn: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The share of the way from `baseline` to `target` the value has come: 0 at the baseline, 1 at the target, below 0 or above 1 beyond them. Null unless the commitment has both a baseline and a numeric target, and they differ.',
  })
  shareOfTarget: number | null;
}

/** A commitment's progress by its newest measured report; null without one. */
export function progressOf({ baseline, target }: Pick<Commitment, 'baseline' | 'target'>, measured: CommitmentFollowUp | null): CommitmentProgress | null {
  if (!measured || measured.indicatorValue == null) return null;
  const value = measured.indicatorValue;
  const shareOfTarget = baseline != null && target != null && target !== baseline ? (value - baseline) / (target - baseline) : null;
  return { value, reportedOn: measured.reportedOn, shareOfTarget };
}

import { Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { NESTED_LIST_DEFAULT, NESTED_LIST_MAX, nestedFirstDescription } from '@samverkan/platform';

@InputType({ description: "The next period of an agreement: its dates, and a new title if the period's name is in it." })
export class RenewAgreementInput {
  @Field(() => GraphQLLocalDate, { description: "First day of the new period: after the previous agreement's last day (`endsOn`)." })
  startsOn: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the new period, not before `startsOn`; left out or null for an open-ended one.' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "Title of the new agreement (1–200 characters), e.g. with the new year in it; the previous agreement's title when left out." })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;
}

/** The arguments of `Agreement.statusHistory`: a bound, which a status history rarely reaches. */
@ArgsType()
export class StatusHistoryArgs {
  @Field(() => Int, { defaultValue: NESTED_LIST_DEFAULT, description: nestedFirstDescription('status changes', 'the oldest first.') })
  @Min(1)
  @Max(NESTED_LIST_MAX)
  first: number = NESTED_LIST_DEFAULT;
}

import { IsUrl, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SignUpMethod } from './details.types';

export const MAX_COST_SEK = 100_000;
export const MAX_LANGUAGES = 10;

@InputType({ description: 'What taking part costs; replaces the whole cost.' })
export class ActivityCostInput {
  @Field({ description: 'Whether it is free of charge.' })
  free: boolean;

  @Field(() => Int, { nullable: true, description: `The price in whole kronor (1–${MAX_COST_SEK}); only when not free.` })
  @Min(1)
  @Max(MAX_COST_SEK)
  amountSek?: number | null;

  @Field({ defaultValue: false, description: 'Whether Fritidskortet can pay for it.' })
  fritidskortetAccepted: boolean = false;

  @Field(() => String, { nullable: true, description: 'More about the cost (up to 500 characters).' })
  @MaxLength(500)
  note?: string | null;
}

@InputType({ description: 'How to join the activity; replaces the whole value.' })
export class ActivitySignUpInput {
  @Field(() => SignUpMethod, { description: 'How to sign up, if at all.' })
  method: SignUpMethod;

  @Field(() => String, { nullable: true, description: 'The sign-up page (http or https, up to 500 characters): required for LINK, not allowed otherwise.' })
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http or https address' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'More about joining (up to 500 characters).' })
  @MaxLength(500)
  note?: string | null;
}

import { ArrayMaxSize, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN } from '@samverkan/federation';
import { TeamFunction } from '../teams/team-vocabulary';
import { AnswerChannel, ConcernOutcome, ConcernStatus, LegalBasis } from './concern-vocabulary';

@InputType({ description: "The guardian's consent, as the receiving organisation records it. Given: which kinds of team organisation may see the concern, for what, since when. Not given: nothing else." })
export class ConsentInput {
  @Field({ description: 'Whether the guardian consented to the team seeing the concern. Without consent only the receiving organisation and the social services see it.' })
  given: boolean;

  @Field(() => [TeamFunction], { nullable: true, description: 'When given: the functions of the team whose organisations may see the concern (at least one). Absent when not given.' })
  @ArrayMaxSize(Object.keys(TeamFunction).length)
  functions?: TeamFunction[] | null;

  @Field(() => String, { nullable: true, description: 'When given: what the guardian consented to (up to 500 characters, no personal identity numbers). Absent when not given.' })
  @MaxLength(500)
  purpose?: string | null;

  @Field(() => Date, { nullable: true, description: 'When given: when the guardian consented; not in the future. Absent when not given.' })
  givenAt?: Date | null;
}

@InputType({ description: "A guardian's concern about a child, registered on the guardian's behalf by the organisation they turned to." })
export class RegisterConcernInput {
  @Field(() => ID, { description: "Code of the area whose intervention team is to answer, e.g. \"0180-rinkeby-kista\"; it must have a team." })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => Int, { description: "The child's age in years (0–20): no name, no date of birth, no personal identity number." })
  @Min(0)
  @Max(20)
  childAge: number;

  @Field({ description: "What worries the guardian (1–4000 characters), in their words; refused if it looks like it contains a personal identity number." })
  @MinLength(1)
  @MaxLength(4000)
  worry: string;

  @Field(() => AnswerChannel, { description: 'How the guardian wants to be answered.' })
  answerChannel: AnswerChannel;

  @Field(() => String, { nullable: true, description: 'When and how the guardian prefers to be reached (up to 500 characters), e.g. "efter 16".' })
  @MaxLength(500)
  answerPreference?: string | null;

  @Field({ description: 'How to reach the guardian (1–200 characters: a phone number or an e-mail address, as given). Stored encrypted; only readers of the concern see it.' })
  @MinLength(1)
  @MaxLength(200)
  guardianContact: string;

  @Field(() => LegalBasis, { description: 'The legal basis of the processing; CONSENT requires `consent.given`.' })
  legalBasis: LegalBasis;

  @Field({ description: 'The purpose of the processing (1–500 characters), e.g. "stöd till familjen genom insatsteamet".' })
  @MinLength(1)
  @MaxLength(500)
  purpose: string;

  @Field(() => ConsentInput, { description: "The guardian's consent (or its absence): always recorded." })
  @ValidateNested()
  consent: ConsentInput;
}

@InputType({ description: 'An action of the follow-up.' })
export class ConcernActionInput {
  @Field(() => ConcernOutcome, { description: 'Which action.' })
  outcome: ConcernOutcome;

  @Field(() => String, { nullable: true, description: 'A note (up to 2000 characters), without personal data.' })
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened (now when left out); not before registration, not in the future.' })
  at?: Date | null;
}

@InputType({ description: 'How a concern is closed.' })
export class CloseConcernInput {
  @Field(() => ConcernOutcome, { description: 'What came of the concern.' })
  outcome: ConcernOutcome;

  @Field(() => String, { nullable: true, description: 'A note on the outcome (up to 2000 characters), without personal data.' })
  @MaxLength(2000)
  note?: string | null;

  @Field({ description: 'Whether the guardian was told of the outcome: must be true, a concern is closed only with the guardian informed.' })
  guardianInformed: boolean;
}

@InputType({ description: 'Which concerns to list, among those you may read; all conditions must hold.' })
export class ConcernFilter {
  @Field(() => ID, { nullable: true, description: 'Only concerns routed to this area or an area within it.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => ConcernStatus, { nullable: true, description: 'Only concerns with this status.' })
  status?: ConcernStatus;

  @Field(() => Boolean, { nullable: true, description: 'True: only concerns not CLOSED.' })
  openOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'True: only concerns whose 24 hours ran out without a first contact (`breachedAt` set); false: only those not breached.' })
  breached?: boolean;

  @Field(() => Boolean, { nullable: true, description: "True: only OPEN concerns your organisation is to acknowledge, as the lead of the activated team (your inbox)." })
  awaitingMe?: boolean;
}

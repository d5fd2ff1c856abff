import { IsUUID, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { PhaseKind } from './agreement-phase';

/** The most phases an agreement holds, documents a phase links to, and organisations it names (checked on write). */
export const MAX_PHASES = 20;
export const MAX_PHASE_DOCUMENTS = 20;
export const MAX_PHASE_PARTICIPANTS = 50;

@ObjectType({ description: 'A document of a phase, kept as a link (never a copy).' })
export class PhaseDocument {
  @Field({ description: 'What the document is, e.g. "Behovsanalys Angered".' })
  title: string;

  @Field({ description: 'Where it is: an http(s) URL.' })
  url: string;
}

@InputType({ description: 'A document of a phase, as a link.' })
export class PhaseDocumentInput {
  @Field({ description: 'What the document is (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field({ description: 'Where it is: an http or https URL (up to 2000 characters).' })
  @MaxLength(2000)
  url: string;
}

@InputType({ description: 'One phase of the work under an agreement.' })
export class AgreementPhaseInput {
  @Field(() => PhaseKind, { description: 'Which phase.' })
  kind: PhaseKind;

  @Field(() => String, { nullable: true, description: 'What the phase is for (up to 2000 characters).' })
  @MaxLength(2000)
  description?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "First day of the phase. Phases need not lie within the agreement's period: a needs analysis usually comes before it.",
  })
  startsOn?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the phase, not before `startsOn`; null while open.' })
  endsOn?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `The organisations that took part (actors of the registry; any actor, not only the parties), at most ${MAX_PHASE_PARTICIPANTS}.`,
  })
  @IsUUID('all', { each: true, message: 'participantIds must hold actor ids' })
  participantIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'What came out of the phase (up to 4000 characters).' })
  @MaxLength(4000)
  outcomes?: string | null;

  @Field(() => [PhaseDocumentInput], { nullable: true, description: `The phase's documents as links, at most ${MAX_PHASE_DOCUMENTS}.` })
  documents?: PhaseDocumentInput[] | null;
}

export const PHASES_ARGUMENT_DESCRIPTION = `The agreement's phases, in order, replacing all it has (at most ${MAX_PHASES}; [] removes them all).`;

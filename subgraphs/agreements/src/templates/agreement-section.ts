import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';

/** At most this many sections in a template or an agreement. */
export const MAX_SECTIONS = 30;

@ObjectType({ description: 'One section of an agreement text: a heading and its body, e.g. "Syfte" or "Uppföljning".' })
export class AgreementSection {
  @Field({ description: 'The heading of the section, e.g. "Parternas åtaganden".' })
  heading: string;

  @Field({ description: 'The text of the section.' })
  body: string;
}

@InputType({ description: 'One section of an agreement text.' })
export class AgreementSectionInput {
  @Field({ description: 'The heading (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  heading: string;

  @Field({ description: 'The text of the section (up to 8000 characters).' })
  @MaxLength(8000)
  body: string;
}

/** Sections as stored: the two fields only, in the given order. */
export const storedSections = (sections: readonly AgreementSectionInput[] | null | undefined): AgreementSection[] =>
  (sections ?? []).map(({ heading, body }) => ({ heading, body }));

import { ArrayMaxSize, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AREA_CODE_PATTERN, GeoPointInput } from '@samverkan/federation';
import { LocalAreaKind } from './area';

export const MAX_ALIASES = 20;
export const MAX_MEMBERS = 50;

/** Optional fields shared by create and update. */
@InputType()
abstract class AreaDetailsInput {
  @Field(() => [String], {
    nullable: true,
    description: `Other names the area is known and found by, e.g. a former name (at most ${MAX_ALIASES}, each up to 200 characters); on update, replaces them.`,
  })
  @ArrayMaxSize(MAX_ALIASES)
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: `For a named area: codes of the districts of its municipality that it spans (1–${MAX_MEMBERS}); on update, replaces them. Not for a district.`,
  })
  @ArrayMaxSize(MAX_MEMBERS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'memberCodes must hold area codes' })
  memberCodes?: string[] | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'A representative point of the area (e.g. its centre), for maps and distance search; null clears it.' })
  @ValidateNested()
  point?: GeoPointInput | null;
}

@InputType({ description: 'A new district or named area of a municipality.' })
export class CreateAreaInput extends AreaDetailsInput {
  @Field(() => ID, { description: 'Code of the municipality (kommunkod), e.g. "0180" for Stockholm.' })
  @Matches(/^\d{4}$/, { message: 'municipalityCode must be a kommunkod (four digits)' })
  municipalityCode: string;

  @Field({
    description:
      'Name in Swedish (1–200 characters). The code is made from it and never changes: the municipality code, a dash and the name as a slug, e.g. "Spånga-Tensta" in 0180 → "0180-spanga-tensta".',
  })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => LocalAreaKind, { description: 'A district, or a named area spanning districts (`memberCodes`).' })
  kind: LocalAreaKind;
}

@InputType({ description: 'Changes to a district or named area: fields left out stay as they are. The code never changes.' })
export class UpdateAreaInput extends AreaDetailsInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters); the code stays. Add the old name to `aliases` to keep it findable.' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;
}

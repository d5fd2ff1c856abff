import { ArrayMaxSize, ArrayMinSize, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AREA_CODE_PATTERN, Visibility } from '@samverkan/federation';
import { ObservationCategory } from '../reports/situation-report';
import { MAX_SHARED_WITH } from '../reports/situation-report.inputs';

/** One of each category at most: there are 11. */
export const MAX_TEMPLATE_CATEGORIES = 11;
export const MAX_AGREED_BY = 50;

@InputType({ description: 'One category of an observation template, with its guiding question.' })
export class TemplateCategoryInput {
  @Field(() => ObservationCategory, { description: 'The observation category; each at most once per template.' })
  category: ObservationCategory;

  @Field({ description: 'What to look at in this category (1–500 characters), at area level; refused if it looks like it contains a personal identity number.' })
  @MinLength(1)
  @MaxLength(500)
  guidingQuestion: string;
}

@InputType({ description: 'A new observation template.' })
export class CreateObservationTemplateInput {
  @Field(() => ID, { description: 'Code of the area the template is for; reports about this area and its sub-areas may use it.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field({ description: 'Name of the template (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => [TemplateCategoryInput], { description: `The agreed categories, in order (1–${MAX_TEMPLATE_CATEGORIES}, each category once).` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TEMPLATE_CATEGORIES)
  @ValidateNested({ each: true })
  categories: TemplateCategoryInput[];

  @Field(() => [ID], { nullable: true, description: `The parties (Actor ids, at most ${MAX_AGREED_BY}) that agreed on the template; optional.` })
  @ArrayMaxSize(MAX_AGREED_BY)
  @IsUUID('all', { each: true, message: 'agreedByIds holds something that is not an actor id' })
  agreedByIds?: string[];

  @Field(() => Visibility, { defaultValue: Visibility.OWNER, description: 'Who may see (and so use) the template. OWNER unless you choose otherwise.' })
  visibility: Visibility;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see and use the template.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[];
}

@InputType({ description: 'Changes to an observation template: fields left out stay as they are. Reports already written with it are not changed.' })
export class UpdateObservationTemplateInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => [TemplateCategoryInput], { nullable: true, description: `When given, replaces the categories (1–${MAX_TEMPLATE_CATEGORIES}, each once).` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TEMPLATE_CATEGORIES)
  @ValidateNested({ each: true })
  categories?: TemplateCategoryInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'When given, replaces the agreeing parties; an empty list or null removes them all.' })
  @ArrayMaxSize(MAX_AGREED_BY)
  @IsUUID('all', { each: true, message: 'agreedByIds holds something that is not an actor id' })
  agreedByIds?: string[] | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the template from now on.' })
  visibility?: Visibility | null;

  @Field(() => [ID], { nullable: true, description: 'When given, replaces the organisations a SHARED template is shown to; an empty list or null removes them all.' })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[] | null;
}

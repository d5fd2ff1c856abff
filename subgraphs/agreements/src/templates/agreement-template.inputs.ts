import { ArrayMaxSize, ArrayMinSize, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ActorKind, AREA_CODE_PATTERN, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, Visibility } from '@samverkan/federation';
import { AgreementKind, PartyRole } from '../agreement/agreement';
import { AgreementPartyInput, MAX_AREAS, MAX_PARTIES, MAX_SHARED_WITH } from '../agreement/agreement.inputs';
import { ResourceKind } from '../resources/agreement-resource';
import { PhaseKind } from '../phases/agreement-phase';
import { AgreementSectionInput, MAX_SECTIONS } from './agreement-section';
import { TemplateStatus } from './agreement-template';

export const MAX_SUGGESTED_RESOURCES = 30;
export const MAX_SUGGESTED_PHASES = 12;
/** Each role at most once. */
export const MAX_SUGGESTED_PARTIES = Object.keys(PartyRole).length;

@InputType({ description: 'A role a template suggests a party for.' })
export class SuggestedPartyInput {
  @Field(() => PartyRole, { description: 'The role; each role at most once per template.' })
  role: PartyRole;

  @Field(() => [ActorKind], { nullable: true, description: 'The kinds of organisations that usually hold the role; any kind when left out or empty.' })
  @ArrayMaxSize(Object.keys(ActorKind).length)
  actorKinds?: ActorKind[] | null;

  @Field(() => String, { nullable: true, description: 'What the party in this role usually takes on (up to 2000 characters).' })
  @MaxLength(2000)
  responsibilities?: string | null;
}

@InputType({ description: 'A resource a template suggests.' })
export class SuggestedResourceInput {
  @Field(() => ResourceKind, { description: 'What kind of resource.' })
  kind: ResourceKind;

  @Field(() => PartyRole, { description: 'The role of the party that usually brings it.' })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'What the resource is (up to 2000 characters).' })
  @MaxLength(2000)
  description?: string | null;
}

@InputType({ description: 'A phase a template suggests.' })
export class SuggestedPhaseInput {
  @Field(() => PhaseKind, { description: 'Which phase.' })
  kind: PhaseKind;

  @Field(() => String, { nullable: true, description: 'What the phase is for (up to 2000 characters).' })
  @MaxLength(2000)
  description?: string | null;
}

/** The lists of a template, shared by create and update. */
@InputType()
abstract class TemplateContentInput {
  @Field(() => String, { nullable: true, description: 'What the template is for (up to 4000 characters); copied as the description of agreements drafted from it.' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => [AgreementSectionInput], { nullable: true, description: `The sections of the agreement text, in order (at most ${MAX_SECTIONS}); on update, replaces them.` })
  @ArrayMaxSize(MAX_SECTIONS)
  @ValidateNested({ each: true })
  sections?: AgreementSectionInput[] | null;

  @Field(() => [SuggestedPartyInput], { nullable: true, description: `The suggested roles, in order, each role once (at most ${MAX_SUGGESTED_PARTIES}); on update, replaces them.` })
  @ArrayMaxSize(MAX_SUGGESTED_PARTIES)
  @ValidateNested({ each: true })
  suggestedParties?: SuggestedPartyInput[] | null;

  @Field(() => [SuggestedResourceInput], { nullable: true, description: `The suggested resources, in order (at most ${MAX_SUGGESTED_RESOURCES}); on update, replaces them.` })
  @ArrayMaxSize(MAX_SUGGESTED_RESOURCES)
  @ValidateNested({ each: true })
  suggestedResources?: SuggestedResourceInput[] | null;

  @Field(() => [SuggestedPhaseInput], { nullable: true, description: `The suggested phases, in order (at most ${MAX_SUGGESTED_PHASES}); on update, replaces them.` })
  @ArrayMaxSize(MAX_SUGGESTED_PHASES)
  @ValidateNested({ each: true })
  suggestedPhases?: SuggestedPhaseInput[] | null;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see and use the template; on update, replaces them.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds must hold actor ids' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({ description: 'A new agreement template.' })
export class CreateAgreementTemplateInput extends TemplateContentInput {
  @Field({ description: 'Title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => AgreementKind, { description: 'The kind of agreement it drafts.' })
  kind: AgreementKind;

  @Field(() => TemplateStatus, { defaultValue: TemplateStatus.DRAFT, description: 'DRAFT unless given; only a PUBLISHED template can be used.' })
  status: TemplateStatus = TemplateStatus.DRAFT;

  @Field(() => Visibility, { defaultValue: Visibility.OWNER, description: 'Who may see (and so use) the template; OWNER unless given. Templates are usually PUBLIC or NETWORK.' })
  visibility: Visibility = Visibility.OWNER;
}

@InputType({ description: 'Changes to an agreement template: fields left out stay as they are. Agreements already drafted from it are not changed.' })
export class UpdateAgreementTemplateInput extends TemplateContentInput {
  @Field(() => String, { nullable: true, description: 'New title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => AgreementKind, { nullable: true, description: 'New kind.' })
  kind?: AgreementKind | null;

  @Field(() => TemplateStatus, { nullable: true, description: 'New status, e.g. PUBLISHED when ready or RETIRED when no longer offered.' })
  status?: TemplateStatus | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the template from now on.' })
  visibility?: Visibility | null;
}

@InputType({ description: 'Which agreement templates to list; all conditions must hold.' })
export class AgreementTemplateFilter {
  @Field(() => [AgreementKind], { nullable: true, description: 'Only templates for these kinds of agreement.' })
  kinds?: AgreementKind[];

  @Field(() => [TemplateStatus], { nullable: true, description: 'Only templates with these statuses.' })
  statuses?: TemplateStatus[];

  @Field({ nullable: true, description: 'Only templates whose title or description contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;
}

@InputType({ description: 'What a draft agreement takes besides its template: its title, areas, parties, period and sharing.' })
export class AgreementFromTemplateInput {
  @Field(() => String, { nullable: true, description: "Title (1–200 characters); the template's title when left out." })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => [ID], { description: `Codes of the areas the agreement covers (1–${MAX_AREAS}); a national agreement covers \`SE\`.` })
  @ArrayMinSize(1, { message: 'an agreement covers at least one area' })
  @ArrayMaxSize(MAX_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes: string[];

  @Field(() => [AgreementPartyInput], {
    description: `The parties and their roles (1–${MAX_PARTIES}); a party that gives no responsibilities gets the template's suggestion for its role.`,
  })
  @ArrayMinSize(1, { message: 'an agreement needs at least one party' })
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested()
  parties: AgreementPartyInput[];

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the agreement is to apply, when known.' })
  startsOn?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the agreement is to apply, not before `startsOn`; null for open-ended.' })
  endsOn?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.OWNER, description: 'Who may see the draft, as for `createAgreement`; OWNER unless given. The named parties see it anyway.' })
  visibility: Visibility = Visibility.OWNER;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: whom to share it with (at most ${MAX_SHARED_WITH}); its parties when left out, as for \`createAgreement\`.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds must hold actor ids' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

import { ArrayMaxSize, ArrayMinSize, isEmail, isURL, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, periodProblem } from '@samverkan/federation';
import { badInput, FieldProblem, PageArgs } from '@samverkan/platform';
import { ContactChannelKind, ContactHolderRole } from './contact-function';
import { INCLUDE_ARCHIVED } from '../registry/archiving';

export const MAX_CHANNELS = 10;
export const MAX_HOLDERS = 20;

@InputType({ description: 'Which contact functions to list; all conditions must hold.' })
export class ContactFunctionFilter {
  @Field(() => ID, { nullable: true, description: 'Only functions covering this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => ID, { nullable: true, description: 'Only functions of this actor.' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId?: string;

  @Field({
    nullable: true,
    description: 'Only functions whose name or description contains this text (case-insensitive). Channels and holders are never searched.',
  })
  @MaxLength(200)
  text?: string;

  @Field(INCLUDE_ARCHIVED)
  includeArchived: boolean = false;
}

@ArgsType()
export class OnePersonDependenciesArgs extends PageArgs {
  @Field(() => ID, { description: 'The area, e.g. a municipality ("0180") or a county ("01").' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'Include functions covering sub-areas (WITHIN) or also wider areas (OVERLAPPING).' })
  scope: AreaScope = AreaScope.WITHIN;
}

@InputType({ description: 'One way to reach a contact function.' })
export class ContactChannelInput {
  @Field(() => ContactChannelKind, { description: 'What kind of channel this is; decides how `value` is checked.' })
  kind: ContactChannelKind;

  @Field({
    description:
      'The number (PHONE, SMS: "010-123 45 67" or "+46 10 123 45 67"), e-mail address (EMAIL), http(s) URL (WEB) or free text (OTHER); 1–200 characters.',
  })
  @MinLength(1)
  @MaxLength(200)
  value: string;

  @Field(() => String, { nullable: true, description: 'When or how to use it (up to 200 characters).' })
  @MaxLength(200)
  note?: string | null;
}

@InputType({ description: 'A person holding a contact function, or backing it up, during a period.' })
export class ContactFunctionHolderInput {
  @Field({ description: 'Name of the person (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  personName: string;

  @Field(() => ContactHolderRole, { defaultValue: ContactHolderRole.HOLDER, description: 'Holder or backup.' })
  role: ContactHolderRole = ContactHolderRole.HOLDER;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day; null when not known.' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day (not before `from`); null while ongoing.' })
  until?: string | null;
}

/** Optional fields shared by create and update: on update, null clears them. */
@InputType()
abstract class ContactFunctionDetailsInput {
  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'What to contact the function about (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => [ContactChannelInput], {
    nullable: true,
    description: `How to reach the function, in order of preference (at most ${MAX_CHANNELS}); on update it replaces the list, null clears it.`,
  })
  @ArrayMaxSize(MAX_CHANNELS)
  @ValidateNested({ each: true })
  channels?: ContactChannelInput[] | null;
}

@InputType({ description: 'A new contact function.' })
export class CreateContactFunctionInput extends ContactFunctionDetailsInput {
  @Field(() => ID, { description: 'The actor the function belongs to; you must be a coordinator of it (or of the organisation maintaining its entry).' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId: string;

  @Field({ description: 'Name of the function, not of a person (1–200 characters), e.g. "Fritidssamordnare Rinkeby-Kista".' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { description: 'Code of the area the function covers.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => [ContactFunctionHolderInput], {
    nullable: true,
    description: `Who holds the function and who backs it up (at most ${MAX_HOLDERS}); see also \`setContactFunctionHolders\`.`,
  })
  @ArrayMaxSize(MAX_HOLDERS)
  @ValidateNested({ each: true })
  holders?: ContactFunctionHolderInput[] | null;
}

@InputType({ description: 'Changes to a contact function: fields left out stay as they are, null clears an optional field. Holders are set with `setContactFunctionHolders`.' })
export class UpdateContactFunctionInput extends ContactFunctionDetailsInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'New area code.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;
}

/** Phone and SMS numbers: national (0…) or international (+…), with spaces, dashes or brackets between digits. */
const PHONE_CHARACTERS = /^\+?[0-9][0-9 ()-]*[0-9]$/;
const PHONE_DIGITS = /^(\+[1-9]\d{6,14}|0\d{6,12})$/;

export const isPhoneNumber = (value: string) => PHONE_CHARACTERS.test(value) && PHONE_DIGITS.test(value.replace(/[ ()-]/g, ''));

/** The stable messages for channel values that do not fit their kind. */
export const CHANNEL_PROBLEMS: Record<ContactChannelKind, { check: (value: string) => boolean; message: string }> = {
  PHONE: { check: isPhoneNumber, message: 'not a phone number' },
  SMS: { check: isPhoneNumber, message: 'not a phone number' },
  EMAIL: { check: (value) => isEmail(value), message: 'not an e-mail address' },
  WEB: { check: (value) => isURL(value, { protocols: ['http', 'https'], require_protocol: true }), message: 'not an http(s) URL' },
  OTHER: { check: (value) => value.trim().length > 0, message: 'must not be blank' },
};

/** Checks each channel's value against its kind; all problems are reported at once, with the channel's position. */
export function checkChannels(channels: ContactChannelInput[], field = 'channels'): void {
  const problems: FieldProblem[] = channels.flatMap((channel, index) =>
    CHANNEL_PROBLEMS[channel.kind].check(channel.value.trim()) ? [] : [{ field: `${field}.${index}.value`, message: CHANNEL_PROBLEMS[channel.kind].message }],
  );
  if (problems.length) throw badInput(`Invalid contact channel: ${problems.map((p) => `${p.field} is ${p.message}`).join('; ')}`, problems);
}

/** Checks that no holder's period ends before it starts. */
export function checkHolders(holders: ContactFunctionHolderInput[], field = 'holders'): void {
  const problems = holders.flatMap((holder, index) => periodProblem(holder.from, holder.until, { start: 'from', end: `${field}.${index}.until` }) ?? []);
  if (problems.length) throw badInput('A holder\'s period ends before it starts', problems);
}

@InputType({ description: 'Which contact function of an organisation the public may see, and which of its channels.' })
export class PublicContactInput {
  @Field(() => ID, { description: 'A contact function of the organisation.' })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId: string;

  @Field(() => [Int], {
    description: `Positions (from 0) of the channels to publish in the function's \`channels\` as you read them; 1–${MAX_CHANNELS}. A channel whose value or note contains a word of a holder's name cannot be published.`,
  })
  @ArrayMinSize(1, { message: 'choose at least one channel' })
  @ArrayMaxSize(MAX_CHANNELS)
  channels: number[];
}

import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, GeoPointInput, IsExternalId, Visibility } from '@samverkan/federation';
import { NESTED_LIST_DEFAULT, NESTED_LIST_MAX, NestedListArgs, nestedFirstDescription } from '@samverkan/platform';
import { IncidentKind, IncidentSeverity, IncidentStatus } from './incident-vocabulary';
import { IncidentContactChannel, IncidentContactStatus } from './incident';

export const MAX_SHARED_WITH = 50;

@InputType({ description: 'Which incidents to list; all conditions must hold.' })
export class IncidentFilter {
  @Field(() => ID, { nullable: true, description: 'Only incidents in this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [IncidentKind], { nullable: true, description: 'Only incidents of one of these kinds.' })
  kinds?: IncidentKind[];

  @Field(() => [IncidentStatus], { nullable: true, description: 'Only incidents with one of these statuses.' })
  statuses?: IncidentStatus[];

  @Field(() => [IncidentSeverity], { nullable: true, description: 'Only incidents with one of these severities.' })
  severities?: IncidentSeverity[];

  @Field(() => Date, { nullable: true, description: 'Only incidents that occurred at or after this instant.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only incidents that occurred before this instant.' })
  to?: Date;

  @Field(() => Boolean, { nullable: true, description: 'True: only overdue incidents (see `Incident.overdue`), now; false: only those that are not.' })
  overdue?: boolean;
}

@InputType({ description: 'A new incident: opening it activates the crisis roster of its area for its kind.' })
export class CreateIncidentInput {
  @Field(() => ID, { description: 'Code of the area it happened in, e.g. "0380-gottsunda".' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => IncidentKind, { description: 'What kind of incident it is: the roster\'s lines for this kind make the contact list.' })
  kind: IncidentKind;

  @Field(() => IncidentSeverity, { description: 'How serious it is for the area.' })
  severity: IncidentSeverity;

  @Field({ description: 'A short title (1–200 characters), at area level; refused if it looks like it contains a personal identity number.' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true, description: 'What happened (up to 4000 characters), at area level; refused if it looks like it contains a personal identity number.' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Date, { description: 'When it happened (or began); not in the future.' })
  occurredAt: Date;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it happened, if it helps (a place, not a home address).' })
  @ValidateNested()
  point?: GeoPointInput | null;

  @Field(() => Visibility, {
    defaultValue: Visibility.OWNER,
    description: 'Who may see the incident, its contact list, log and follow-up. OWNER unless you choose otherwise; SHARED with the organisations on the contact list lets them log their acknowledgement and write their follow-up.',
  })
  visibility: Visibility;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see the incident.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[];

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({ description: 'Changes to an incident: fields left out stay as they are; required fields cannot be cleared. Its area and kind are fixed (its contact list was made from them).' })
export class UpdateIncidentInput {
  @Field(() => IncidentStatus, {
    nullable: true,
    description: 'New status: OPEN → ACTIVE, STOOD_DOWN or CLOSED; ACTIVE → STOOD_DOWN or CLOSED; STOOD_DOWN → ACTIVE (flares up again) or CLOSED. Never back to OPEN (BAD_USER_INPUT); a CLOSED incident stays closed (RECORD_CLOSED).',
  })
  status?: IncidentStatus | null;

  @Field(() => IncidentSeverity, { nullable: true, description: 'New severity.' })
  severity?: IncidentSeverity | null;

  @Field(() => String, { nullable: true, description: 'New title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description (up to 4000 characters); null clears it.' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Date, { nullable: true, description: 'New time it happened; not in the future.' })
  occurredAt?: Date | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'New point; null clears it.' })
  @ValidateNested()
  point?: GeoPointInput | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the incident from now on.' })
  visibility?: Visibility | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the organisations (at most ${MAX_SHARED_WITH}) a SHARED incident is shown to.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({ description: 'One contact of an incident\'s contact list, made or tried: a new entry of the contact log, and the line\'s current state.' })
export class LogIncidentContactInput {
  @Field(() => ID, { description: 'The contact function contacted: one on the incident\'s contact list (else BAD_USER_INPUT).' })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId: string;

  @Field(() => IncidentContactStatus, { description: 'The outcome: CONTACTED, ACKNOWLEDGED or NOT_REACHED (UNCONTACTED is not an outcome).' })
  outcome: IncidentContactStatus;

  @Field(() => IncidentContactChannel, { description: 'How the contact was made or tried.' })
  channel: IncidentContactChannel;

  @Field(() => Date, { nullable: true, description: 'When it was made or tried; now when left out. Not in the future, not before the incident was opened.' })
  contactedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What the party will do (up to 1000 characters), e.g. "Öppnar lokalen i kväll", "POSOM aktiverad", "Vuxna på plats i kväll".' })
  @MaxLength(1000)
  commitment?: string | null;

  @Field(() => String, { nullable: true, description: 'A note (up to 1000 characters), e.g. "Ingen svarade, sms skickat". No names.' })
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'Your organisation\'s entry in an incident\'s joint follow-up.' })
export class IncidentFollowUpInput {
  @Field({ description: 'What worked (1–2000 characters).' })
  @MinLength(1)
  @MaxLength(2000)
  whatWorked: string;

  @Field({ description: 'What did not work, and what to do differently (1–2000 characters).' })
  @MinLength(1)
  @MaxLength(2000)
  whatDidNotWork: string;
}

/** The arguments of `Area.incidents`: the scope and a bound. */
@ArgsType()
export class AreaIncidentsArgs extends NestedListArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'Include incidents in sub-areas (WITHIN) or also in wider areas containing this one (OVERLAPPING).',
  })
  scope: AreaScope = AreaScope.WITHIN;
}

/** The bound of a contact log (`Incident.contactLog`, `IncidentContact.log`): there is no root list of entries to page through. */
@ArgsType()
export class ContactLogArgs {
  @Field(() => Int, {
    defaultValue: NESTED_LIST_DEFAULT,
    description: nestedFirstDescription('entries', 'each is one call, message or meeting, so the default holds all but the longest logs.'),
  })
  @Min(1)
  @Max(NESTED_LIST_MAX)
  first: number = NESTED_LIST_DEFAULT;
}

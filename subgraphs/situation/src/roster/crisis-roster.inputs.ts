import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, Visibility } from '@samverkan/federation';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { RosterRole } from './crisis-roster';

export const MAX_ENTRIES = 200;
export const MAX_MAINTAINERS = 20;
export const MAX_SHARED_WITH = 50;
export const MAX_POSITION = 100;

@InputType({ description: 'Which crisis rosters to list; all conditions must hold.' })
export class CrisisRosterFilter {
  @Field(() => ID, { nullable: true, description: 'Only rosters of this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => Boolean, { nullable: true, description: 'Only rosters with gaps (true) or without (false); see `CrisisRoster.gaps`.' })
  hasGaps?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only rosters that list this contact function.' })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId?: string;
}

@InputType({ description: 'One line of a crisis roster: for one kind of incident, a contact function at a place in the order.' })
export class CrisisRosterEntryInput {
  @Field(() => IncidentKind, { description: 'The kind of incident.' })
  incidentKind: IncidentKind;

  @Field(() => Int, { description: `Place in the calling order for this kind (1–${MAX_POSITION}); a backup takes the place of the primary it backs up.` })
  @Min(1)
  @Max(MAX_POSITION)
  position: number;

  @Field(() => RosterRole, { defaultValue: RosterRole.PRIMARY, description: 'Primary, or backup of the primary at the same place.' })
  role: RosterRole;

  @Field(() => ID, { description: 'The contact function (from the actors registry) to contact; at most once per kind of incident.' })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId: string;

  @Field(() => String, {
    nullable: true,
    description: 'What this party is expected to do (up to 500 characters), e.g. "öppna lokaler"; refused if it looks like it contains a personal identity number.',
  })
  @MaxLength(500)
  task?: string | null;
}

const ENTRIES_DESCRIPTION = `The roster's lines (at most ${MAX_ENTRIES}): each contact function at most once per kind of incident, each backup at the place of a primary of its kind.`;
const MAINTAINERS_DESCRIPTION = `Organisations (Actor ids, at most ${MAX_MAINTAINERS}) whose coordinators may change the roster's entries and note besides the owner's, e.g. the area's other crisis collaboration parties; they also see it.`;

@InputType({ description: 'A new crisis roster for an area.' })
export class CreateCrisisRosterInput {
  @Field(() => ID, { description: 'Code of the area, e.g. "0380-gottsunda"; an area has at most one crisis roster.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => [CrisisRosterEntryInput], { defaultValue: [], description: ENTRIES_DESCRIPTION })
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  entries: CrisisRosterEntryInput[];

  @Field(() => [ID], { defaultValue: [], description: MAINTAINERS_DESCRIPTION })
  @ArrayMaxSize(MAX_MAINTAINERS)
  @IsUUID('all', { each: true, message: 'maintainerIds holds something that is not an actor id' })
  maintainerIds: string[];

  @Field(() => String, { nullable: true, description: 'Notes for whoever uses the roster (up to 2000 characters), e.g. when it was last practised.' })
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.OWNER, description: 'Who may see the roster besides its maintainers. OWNER unless you choose otherwise.' })
  visibility: Visibility;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see the roster.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[];

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({
  description:
    "Changes to a crisis roster: fields left out stay as they are. Maintainers change `entries` and `note`; `maintainerIds`, `visibility`, `sharedWithIds` and `externalId` are the owner's (FORBIDDEN for maintainers).",
})
export class UpdateCrisisRosterInput {
  @Field(() => [CrisisRosterEntryInput], { nullable: true, description: `When given, replaces all entries. ${ENTRIES_DESCRIPTION}` })
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  entries?: CrisisRosterEntryInput[] | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the maintainers. ${MAINTAINERS_DESCRIPTION}` })
  @ArrayMaxSize(MAX_MAINTAINERS)
  @IsUUID('all', { each: true, message: 'maintainerIds holds something that is not an actor id' })
  maintainerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New note; null clears it.' })
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the roster from now on.' })
  visibility?: Visibility | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the organisations (at most ${MAX_SHARED_WITH}) a SHARED roster is shown to.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

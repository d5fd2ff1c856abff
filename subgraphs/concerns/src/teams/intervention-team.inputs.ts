import { ArrayMaxSize, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, Visibility } from '@samverkan/federation';
import { TeamFunction, TeamRole } from './team-vocabulary';

export const MAX_MEMBERS = 50;
export const MAX_MAINTAINERS = 20;
export const MAX_SHARED_WITH = 50;

@InputType({ description: 'Which intervention teams to list; all conditions must hold.' })
export class InterventionTeamFilter {
  @Field(() => ID, { nullable: true, description: 'Only teams of this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => Boolean, { nullable: true, description: 'Only teams with gaps (true) or without (false); see `InterventionTeam.gaps` (one-person dependencies, `onePersonDependencies`, are not gaps here).' })
  hasGaps?: boolean;
}

@InputType({ description: 'One line of an intervention team: a contact function of the registry, what its organisation does in the team and its part.' })
export class TeamMemberInput {
  @Field(() => ID, { description: 'The contact function (from the actors registry); at most once per team.' })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId: string;

  @Field(() => TeamFunction, {
    description:
      "What its organisation does in the team; must fit the organisation's kind in the registry: SOCIAL_SERVICES a municipality, POLICE the police, SCHOOL a school or a municipality, CIVIL_SOCIETY an association or a faith community, OTHER any. Each function at most once per team.",
  })
  function: TeamFunction;

  @Field(() => TeamRole, { description: 'Its part in answering: exactly one LEAD per team, at most one COORDINATOR.' })
  role: TeamRole;
}

const MEMBERS_DESCRIPTION = `The team's lines (at most ${MAX_MEMBERS}): exactly one LEAD, at most one COORDINATOR, each contact function and each function once. Civil-society lines take part once their organisation joins (\`joinInterventionTeam\`).`;
const MAINTAINERS_DESCRIPTION = `Organisations (Actor ids, at most ${MAX_MAINTAINERS}) whose coordinators may change the team's members and note besides the owner's, e.g. the area's other parties; they also see it.`;

@InputType({ description: 'A new intervention team for an area.' })
export class CreateInterventionTeamInput {
  @Field(() => ID, { description: 'Code of the area, e.g. "0180-rinkeby-kista"; an area has at most one intervention team.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => [TeamMemberInput], { description: MEMBERS_DESCRIPTION })
  @ArrayMaxSize(MAX_MEMBERS)
  @ValidateNested({ each: true })
  members: TeamMemberInput[];

  @Field(() => [ID], { defaultValue: [], description: MAINTAINERS_DESCRIPTION })
  @ArrayMaxSize(MAX_MAINTAINERS)
  @IsUUID('all', { each: true, message: 'maintainerIds holds something that is not an actor id' })
  maintainerIds: string[];

  @Field(() => String, { nullable: true, description: 'Notes for the team (up to 2000 characters), e.g. how it meets; refused if it looks like it contains a personal identity number.' })
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Visibility, {
    defaultValue: Visibility.NETWORK,
    description: 'Who may see the team besides its maintainers. NETWORK unless you choose otherwise: whoever registers a concern in the area should know who answers.',
  })
  visibility: Visibility;

  @Field(() => [ID], { nullable: true, description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see the team.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[];

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({
  description:
    "Changes to an intervention team: fields left out stay as they are. Maintainers change `members` and `note`; `maintainerIds`, `visibility`, `sharedWithIds` and `externalId` are the owner's (FORBIDDEN for maintainers).",
})
export class UpdateInterventionTeamInput {
  @Field(() => [TeamMemberInput], {
    nullable: true,
    description: `When given, replaces all lines; a line whose contact function stays keeps when it joined. ${MEMBERS_DESCRIPTION}`,
  })
  @ArrayMaxSize(MAX_MEMBERS)
  @ValidateNested({ each: true })
  members?: TeamMemberInput[] | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the maintainers. ${MAINTAINERS_DESCRIPTION}` })
  @ArrayMaxSize(MAX_MAINTAINERS)
  @IsUUID('all', { each: true, message: 'maintainerIds holds something that is not an actor id' })
  maintainerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New note; null clears it.' })
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the team from now on.' })
  visibility?: Visibility | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the organisations (at most ${MAX_SHARED_WITH}) a SHARED team is shown to.` })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

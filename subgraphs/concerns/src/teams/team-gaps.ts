import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TeamMember } from './intervention-team';
import { TeamFunction, TeamRole } from './team-vocabulary';

export enum TeamGapKind {
  NO_LEAD = 'NO_LEAD',
  NO_BACKUP = 'NO_BACKUP',
  NO_SOCIAL_SERVICES = 'NO_SOCIAL_SERVICES',
  NO_COORDINATOR = 'NO_COORDINATOR',
  ONE_ORGANISATION = 'ONE_ORGANISATION',
}

registerEnumType(TeamGapKind, {
  name: 'TeamGapKind',
  description: 'What is missing in an intervention team. Only lines that take part count: a civil-society line counts once its organisation has joined.',
  valuesConfig: {
    NO_LEAD: { description: 'No lead takes part: nobody acknowledges a new concern.' },
    NO_BACKUP: { description: 'No backup takes part: when the lead is not reached, escalation reaches nobody.' },
    NO_SOCIAL_SERVICES: { description: "No social services line takes part: the municipality's social services would not hear of the concerns routed to the team." },
    NO_COORDINATOR: { description: "No coordinator takes part: nobody is told before the 24 hours run out." },
    ONE_ORGANISATION: { description: 'Every line that takes part is of one organisation: a one-organisation dependency, not a team of several parties.' },
  },
});

@ObjectType({
  description:
    "A gap in an intervention team. Whether a listed contact function rests on one person is the registry's to say: see the team's `onePersonDependencies`.",
})
export class TeamGap {
  @Field(() => TeamGapKind, { description: 'What is missing.' })
  kind: TeamGapKind;
}

/** Whether a line takes part: civil-society lines once their organisation joined, the others at once. */
export const takesPart = (member: Pick<TeamMember, 'joinedAt'>) => member.joinedAt !== null;

/** The gaps of a team from its lines, in the order of TeamGapKind. */
export function teamGaps(members: readonly TeamMember[]): TeamGap[] {
  const active = members.filter(takesPart);
  const hasRole = (role: TeamRole) => active.some((member) => member.role === role);
  const missing: Record<TeamGapKind, boolean> = {
    NO_LEAD: !hasRole(TeamRole.LEAD),
    NO_BACKUP: !hasRole(TeamRole.BACKUP),
    NO_SOCIAL_SERVICES: !active.some((member) => member.teamFunction === TeamFunction.SOCIAL_SERVICES),
    NO_COORDINATOR: !hasRole(TeamRole.COORDINATOR),
    ONE_ORGANISATION: new Set(active.map((member) => member.actorId)).size === 1,
  };
  return Object.values(TeamGapKind).filter((kind) => missing[kind]).map((kind) => ({ kind }));
}

/** `teamGaps(...).length > 0` as SQL over the team `alias`, for the `hasGaps` filter. */
export const HAS_GAPS_SQL = (alias: string) => {
  const active = (condition: string) => `EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = ${alias}.id AND m.joined_at IS NOT NULL AND ${condition})`;
  return `(NOT ${active(`m.role = '${TeamRole.LEAD}'`)} OR NOT ${active(`m.role = '${TeamRole.BACKUP}'`)}
    OR NOT ${active(`m.function = '${TeamFunction.SOCIAL_SERVICES}'`)} OR NOT ${active(`m.role = '${TeamRole.COORDINATOR}'`)}
    OR (SELECT count(DISTINCT m.actor_id) FROM team_members m WHERE m.team_id = ${alias}.id AND m.joined_at IS NOT NULL) = 1)`;
};

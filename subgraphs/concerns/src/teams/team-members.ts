import { EntityManager } from 'typeorm';
import { ActorKind, assertNoPersonalIdentityNumbers, assertReferencesExist, referencedRecord, ReferencedRecords } from '@samverkan/federation';
import { badInput, FieldProblem } from '@samverkan/platform';
import { TeamMember } from './intervention-team';
import { TeamMemberInput } from './intervention-team.inputs';
import { TeamFunction, TeamRole } from './team-vocabulary';

/** The kinds of organisation each function fits (the registry's `Actor.kind`); OTHER fits any. */
const FITTING_KINDS: Record<Exclude<TeamFunction, TeamFunction.OTHER>, ActorKind[]> = {
  SOCIAL_SERVICES: [ActorKind.MUNICIPALITY],
  POLICE: [ActorKind.POLICE],
  SCHOOL: [ActorKind.SCHOOL, ActorKind.MUNICIPALITY],
  CIVIL_SOCIETY: [ActorKind.CIVIL_SOCIETY, ActorKind.FAITH_COMMUNITY],
};

const fits = (teamFunction: TeamFunction, kind: ActorKind) => teamFunction === TeamFunction.OTHER || FITTING_KINDS[teamFunction].includes(kind);

const refuse = (problems: FieldProblem[]) => {
  throw badInput(`Invalid intervention team: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}. Nothing was written.`, problems);
};

/** Rules on the lines that need no other service: one lead, at most one coordinator, each function and contact function once; no personal identity numbers. */
export function checkMembers(members: TeamMemberInput[], note: string | null | undefined) {
  const problems: FieldProblem[] = [];
  const leads = members.filter((member) => member.role === TeamRole.LEAD).length;
  if (leads !== 1) problems.push({ field: 'members', message: `needs exactly one LEAD (has ${leads})` });
  if (members.filter((member) => member.role === TeamRole.COORDINATOR).length > 1) problems.push({ field: 'members', message: 'has more than one COORDINATOR' });
  const functions = new Set<TeamFunction>();
  const contactFunctions = new Set<string>();
  members.forEach((member, index) => {
    if (functions.has(member.function)) problems.push({ field: `members.${index}.function`, message: `${member.function} is in the team already` });
    functions.add(member.function);
    const id = member.contactFunctionId.toLowerCase();
    if (contactFunctions.has(id)) problems.push({ field: `members.${index}.contactFunctionId`, message: 'is in the team already' });
    contactFunctions.add(id);
  });
  if (problems.length) refuse(problems);
  assertNoPersonalIdentityNumbers([{ field: 'note', text: note }]);
}

/** The area, contact functions (with their organisation and its kind) and actors live in the actors subgraph: ask it, as the caller, before writing. */
export function checkReferences(
  { areaCode, members, maintainerIds, sharedWithIds }: { areaCode?: string; members: TeamMemberInput[]; maintainerIds: string[]; sharedWithIds?: string[] | null },
  authorization: string | undefined,
) {
  return assertReferencesExist(
    [
      { type: 'Area', keys: [areaCode], field: 'areaCode' },
      { type: 'ContactFunction', keys: members.map((member) => member.contactFunctionId), field: 'members.contactFunctionId' },
      { type: 'Actor', keys: maintainerIds, field: 'maintainerIds' },
      { type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' },
    ],
    authorization,
    { ContactFunction: 'actor { id kind }' },
  );
}

type Organisation = { id: string; kind: ActorKind };
const organisationOf = (found: ReferencedRecords, member: TeamMemberInput) => referencedRecord(found, 'ContactFunction', member.contactFunctionId)!.actor as Organisation;

/** Each function must fit its organisation's kind, as the registry says now. */
export function checkFunctionsFit(members: TeamMemberInput[], found: ReferencedRecords) {
  const problems = members.flatMap((member, index) => {
    const { kind } = organisationOf(found, member);
    return fits(member.function, kind) ? [] : [{ field: `members.${index}.function`, message: `${member.function} does not fit an organisation of kind ${kind}` }];
  });
  if (problems.length) refuse(problems);
}

/**
 * Replaces a team's lines, with each organisation and its kind as the registry says now. A
 * civil-society line takes part once its organisation joins; the others at once (`now`). A line
 * whose contact function, function and organisation stay keeps when it joined.
 */
export async function replaceMembers(manager: EntityManager, teamId: string, members: TeamMemberInput[], found: ReferencedRecords, now: Date) {
  const repository = manager.getRepository(TeamMember);
  const before = new Map((await repository.findBy({ teamId })).map((line) => [`${line.contactFunctionId}/${line.teamFunction}/${line.actorId}`, line.joinedAt]));
  await repository.delete({ teamId });
  if (!members.length) return;
  await repository.insert(
    members.map((member) => {
      const contactFunctionId = member.contactFunctionId.toLowerCase();
      const organisation = organisationOf(found, member);
      const joinedBefore = before.get(`${contactFunctionId}/${member.function}/${organisation.id}`) ?? null;
      return {
        teamId,
        contactFunctionId,
        actorId: organisation.id,
        actorKind: organisation.kind,
        teamFunction: member.function,
        role: member.role,
        joinedAt: joinedBefore ?? (member.function === TeamFunction.CIVIL_SOCIETY ? null : now),
      };
    }),
  );
}

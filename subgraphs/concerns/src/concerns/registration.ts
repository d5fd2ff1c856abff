import { EntityManager } from 'typeorm';
import { ActorKind } from '@samverkan/federation';
import { SignedIn } from '@samverkan/platform';
import { appendAudit } from '../audit/audit-log';
import { startConcernClock } from '../clock/deadlines';
import { TeamMember } from '../teams/intervention-team';
import { takesPart } from '../teams/team-gaps';
import { Concern } from './concern';
import { ConcernRecipient } from './concern-recipient';
import { ConcernStatus } from './concern-vocabulary';
import { RegisterConcernInput } from './concern.inputs';
import { encryptContact } from './contact-details';
import { newChildReference } from './child-reference';

/** What a registration writes, checked already: the input, the team it is routed to and the receiving organisation's kind; `id` only for fixed (demo) ids. */
export interface ConcernRegistration extends Omit<RegisterConcernInput, 'answerPreference'> {
  answerPreference?: string | null;
  teamId: string;
  receivingActorKind: ActorKind;
  id?: string;
}

/**
 * Registers a concern in the caller's transaction, the one way every concern is written (the API,
 * the demo seed, the tests): the concern OPEN for `registeredBy`'s organisation, the team's activated
 * lines copied as its recipients, its clock started (deadlines and ACTIVATED notifications) and the
 * REGISTERED audit entry. The caller has checked the input and the team.
 */
export async function registerConcernRecord(
  manager: EntityManager,
  fields: ConcernRegistration,
  registeredBy: SignedIn,
  now: Date,
): Promise<{ concern: Concern; recipients: ConcernRecipient[] }> {
  const { consent } = fields;
  const repository = manager.getRepository(Concern);
  const concern = await repository.save(
    repository.create({
      ...(fields.id ? { id: fields.id } : {}),
      areaCode: fields.areaCode,
      teamId: fields.teamId,
      receivingActorId: registeredBy.organisationId,
      receivingActorKind: fields.receivingActorKind,
      registeredAt: now,
      childAge: fields.childAge,
      childReference: newChildReference(),
      worry: fields.worry,
      answerChannel: fields.answerChannel,
      answerPreference: fields.answerPreference ?? null,
      contactCiphertext: encryptContact(fields.guardianContact),
      legalBasis: fields.legalBasis,
      purpose: fields.purpose,
      consentGiven: consent.given,
      consentFunctions: consent.given ? [...new Set(consent.functions)] : [],
      consentPurpose: consent.given ? consent.purpose! : null,
      consentGivenAt: consent.given ? consent.givenAt! : null,
      consentRecordedBy: registeredBy.organisationId,
      consentRecordedAt: now,
      consentWithdrawnAt: null,
      consentWithdrawnBy: null,
      status: ConcernStatus.OPEN,
    }),
  );
  const recipients = await activateTeam(manager, concern.id, fields.teamId);
  await startConcernClock(manager, concern, recipients);
  await appendAudit(manager, [{ concernId: concern.id, action: 'REGISTERED' }], registeredBy, now);
  return { concern, recipients };
}

/** Copies the team's activated lines to the concern: those that take part (`takesPart`: a civil-society line once joined). */
async function activateTeam(manager: EntityManager, concernId: string, teamId: string): Promise<ConcernRecipient[]> {
  const lines = (await manager.getRepository(TeamMember).findBy({ teamId })).filter(takesPart);
  if (!lines.length) return [];
  const repository = manager.getRepository(ConcernRecipient);
  return repository.save(
    lines.map((line) =>
      repository.create({ concernId, contactFunctionId: line.contactFunctionId, actorId: line.actorId, actorKind: line.actorKind, teamFunction: line.teamFunction, role: line.role }),
    ),
  );
}

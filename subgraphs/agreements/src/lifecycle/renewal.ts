import { EntityManager } from 'typeorm';
import { assertPeriod, ChangeAction, givenFields, recordChange } from '@samverkan/federation';
import { badInput, idempotentCreate, SubgraphContext, Viewer } from '@samverkan/platform';
import { Agreement, AgreementArea, AgreementParty, AgreementStatus } from '../agreement/agreement';
import { changeAgreement } from '../agreement/agreement-change';
import { syncInvitations } from '../parties/invitations';
import { AgreementResource } from '../resources/agreement-resource';
import { AgreementPhase } from '../phases/agreement-phase';
import { Commitment } from '../citizen-promises/commitment';
import { AgreementsLoaders } from '../loaders';
import { RenewAgreementInput } from './lifecycle.inputs';
import { recordStatusChanges } from './status-change';

/** One part of an agreement that its renewal carries over to the next period's draft. */
type CopyStep = (manager: EntityManager, previous: Agreement, next: Agreement, now: Date) => Promise<void>;

/** The parties with their roles and responsibilities, each invited again: the owner's organisation confirmed, the others asked anew. */
const copyParties: CopyStep = async (manager, previous, next, now) => {
  const parties = await manager.getRepository(AgreementParty).findBy({ agreementId: previous.id });
  await manager.getRepository(AgreementParty).insert(parties.map(({ actorId, role, responsibilities }) => ({ agreementId: next.id, actorId, role, responsibilities })));
  await syncInvitations(manager, next, [], parties, now);
};

/** The areas covered. */
const copyAreas: CopyStep = async (manager, previous, next) => {
  const areas = await manager.getRepository(AgreementArea).findBy({ agreementId: previous.id });
  await manager.getRepository(AgreementArea).insert(areas.map(({ areaCode }) => ({ agreementId: next.id, areaCode })));
};

/** The resources, as the starting point of the next period's: each line for the whole new period (its own dates belonged to the old one). */
const copyResources: CopyStep = async (manager, previous, next) => {
  const resources = await manager.getRepository(AgreementResource).findBy({ agreementId: previous.id });
  if (resources.length) {
    await manager.getRepository(AgreementResource).insert(resources.map(({ id: _id, agreementId: _from, startsOn: _start, endsOn: _end, ...line }) => ({ ...line, agreementId: next.id, startsOn: null, endsOn: null })));
  }
};

/** The phases as a plan to fill in: kind and purpose; dates, participants, outcomes and documents belong to the period that had them. */
const copyPhases: CopyStep = async (manager, previous, next) => {
  const phases = await manager.getRepository(AgreementPhase).findBy({ agreementId: previous.id });
  if (phases.length) {
    await manager.getRepository(AgreementPhase).insert(phases.map(({ kind, description, position }) => ({ agreementId: next.id, kind, description, position, participantIds: [], documents: [] })));
  }
};

/** A citizen promise's commitments, to be followed up anew: their follow-ups belong to the period that had them. */
const copyCommitments: CopyStep = async (manager, previous, next) => {
  const commitments = await manager.getRepository(Commitment).findBy({ agreementId: previous.id });
  if (commitments.length) {
    await manager.getRepository(Commitment).insert(
      commitments.map(({ position, title, description, ownerPartyId, indicator, unit, baseline, target, targetText }) => ({
        agreementId: next.id, position, title, description, ownerPartyId, indicator, unit, baseline, target, targetText,
      })),
    );
  }
};

/**
 * Everything a renewal copies besides the agreement's own fields, in order. What belongs to an
 * agreement (sections, resources, phases, commitments…) is carried over by adding its step here.
 */
export const RENEWAL_COPY_STEPS: CopyStep[] = [copyParties, copyAreas, copyResources, copyPhases, copyCommitments];

/** Statuses an agreement can be renewed from: in force, or run its course. A draft is not yet a period; a terminated one was stopped. */
const RENEWABLE = [AgreementStatus.ACTIVE, AgreementStatus.ENDED];

/** Refuses a renewal the previous agreement does not allow: wrong status, no end, a new period not after it, or renewed already. */
async function assertRenewable(manager: EntityManager, previous: Agreement, { startsOn }: RenewAgreementInput) {
  if (!RENEWABLE.includes(previous.status)) {
    throw badInput(`Only an ACTIVE or ENDED agreement can be renewed, not a ${previous.status} one`, [{ field: 'id', message: 'must be ACTIVE or ENDED' }]);
  }
  if (!previous.endsOn) {
    throw badInput('An open-ended agreement has no period to follow: give it an end date (`endsOn`) first', [{ field: 'id', message: 'has no end date' }]);
  }
  if (startsOn <= previous.endsOn) {
    throw badInput(`The new period must start after the previous one ends (${previous.endsOn})`, [{ field: 'input.startsOn', message: `must be after ${previous.endsOn}` }]);
  }
  const [renewal]: Array<{ id: string }> = await manager.query('SELECT id FROM agreements WHERE renews = $1', [previous.id]);
  if (renewal) {
    throw badInput(`Agreement ${previous.id} is already renewed by agreement ${renewal.id}`, [{ field: 'id', message: `already renewed by ${renewal.id}` }]);
  }
}

/**
 * Renews an agreement: the next period's DRAFT, owned and seen as the previous one, with its kind,
 * description, sections and template origin, commitments (without their follow-ups), parties (invited again) and areas, linked to it (`renews`). In one transaction
 * with the previous agreement's change (it gained `renewedBy`: a new version, logged as UPDATED),
 * which also checks the caller (the owner's coordinators) and the version read.
 */
export function renewAgreement(
  { dataSource, viewer, clock, loaders }: SubgraphContext<AgreementsLoaders>,
  { id, version, input, idempotencyKey }: { id: string; version: number; input: RenewAgreementInput; idempotencyKey?: string | null },
): Promise<Agreement> {
  assertPeriod(input.startsOn, input.endsOn, { start: 'input.startsOn', end: 'input.endsOn' });
  const request = { operation: 'renewAgreement', key: idempotencyKey, input: { id, version, ...input } };
  return idempotentCreate(
    { dataSource, viewer, clock },
    request,
    async (transaction) => {
      const { result } = await changeAgreement({ dataSource: transaction, viewer }, { id, version, fields: ['renewedBy'] }, async (manager, previous) => {
        await assertRenewable(manager, previous, input);
        const now = clock.now();
        const repository = manager.getRepository(Agreement);
        const next = await repository.save(
          repository.create({
            title: input.title ?? previous.title,
            kind: previous.kind,
            description: previous.description,
            status: AgreementStatus.DRAFT,
            startsOn: input.startsOn,
            endsOn: input.endsOn ?? null,
            ownerId: previous.ownerId,
            visibility: previous.visibility,
            sharedWith: previous.sharedWith,
            // The text's structure and where it came from: a renewal is the same agreement's next period.
            sections: previous.sections,
            templateId: previous.templateId,
            templateVersion: previous.templateVersion,
          }),
        );
        // The unique index on `renews` is the last guard against a second renewal.
        await manager.query('UPDATE agreements SET renews = $2 WHERE id = $1', [next.id, previous.id]);
        for (const copy of RENEWAL_COPY_STEPS) await copy(manager, previous, next, now);
        await recordStatusChanges(manager, [{ agreementId: next.id, from: null, to: next.status, at: now, organisationId: previous.ownerId }]);
        await recordChange(manager, viewer, { entityType: 'Agreement', entityId: next.id, action: ChangeAction.CREATED, fields: ['renews', ...givenFields(input)] });
        return next;
      });
      return result;
    },
    (renewalId) => loaders.agreement.load(renewalId),
    'Agreement',
  );
}

/**
 * Before an agreement is deleted: the agreement it renews loses its `renewedBy` (so it can be
 * renewed again), and the one renewing it loses its `renews` (the foreign key sets it null). Each
 * is a change of that record: a new version and a change-log entry, in the deletion's transaction.
 */
export async function unlinkRenewals(manager: EntityManager, viewer: Viewer, agreementId: string): Promise<void> {
  const linked: Array<{ id: string; field: string }> = await manager.query(
    `SELECT g.renews AS id, 'renewedBy' AS field FROM agreements g WHERE g.id = $1 AND g.renews IS NOT NULL
     UNION ALL SELECT next.id, 'renews' FROM agreements next WHERE next.renews = $1`,
    [agreementId],
  );
  for (const { id, field } of linked) {
    await manager.query('UPDATE agreements SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = $1', [id]);
    await recordChange(manager, viewer, { entityType: 'Agreement', entityId: id, action: ChangeAction.UPDATED, fields: [field] });
  }
}

import { DataSource, EntityManager } from 'typeorm';
import { ChangeAction, recordChange } from '@samverkan/federation';
import { assertSignedIn, lockForUpdate, Viewer } from '@samverkan/platform';
import { Agreement, AgreementParty } from './agreement';
import { assertCanChangeAgreement } from './agreement-access';

/** The organisations an agreement names as parties, each once. */
export async function namedParties(manager: EntityManager, agreementId: string): Promise<string[]> {
  const parties = await manager.getRepository(AgreementParty).findBy({ agreementId });
  return [...new Set(parties.map((p) => p.actorId))];
}

export interface AgreementChange {
  /** The agreement to change and the version the caller read: a stale one is VERSION_CONFLICT. */
  id: string;
  version: number;
  /** What the change log records as changed, e.g. `['resources']` or `['parties.answer']`. */
  fields: string[];
  /**
   * Who may make this change, given the agreement and the organisations it names. By default the
   * owner's coordinators (`assertCanChangeAgreement`); a party's answer has its own rule.
   */
  authorize?: (agreement: Agreement, partyIds: string[]) => void;
}

/**
 * One change to an agreement or to what belongs to it (parties' answers, resources, phases,
 * commitments, consultations, follow-ups): in one transaction, the agreement is locked at the
 * version read, the caller checked, `change` run, the agreement's version bumped (child rows are
 * part of it) and the change logged. Anything `change` throws writes nothing. `dataSource` may be
 * the manager of a transaction already open (e.g. an idempotent create's): the change joins it.
 */
export async function changeAgreement<T>(
  { dataSource, viewer }: { dataSource: Pick<DataSource, 'transaction'>; viewer: Viewer },
  { id, version, fields, authorize }: AgreementChange,
  change: (manager: EntityManager, agreement: Agreement) => Promise<T>,
): Promise<{ agreement: Agreement; result: T }> {
  assertSignedIn(viewer, 'change agreements');
  return dataSource.transaction(async (manager) => {
    const { record: agreement, commit } = await lockForUpdate(manager, Agreement, 'Agreement', id, version, async (found) => {
      const partyIds = await namedParties(manager, found.id);
      (authorize ?? ((a, ids) => assertCanChangeAgreement(a, ids, viewer)))(found, partyIds);
    });
    const result = await change(manager, agreement);
    const saved = await commit();
    await recordChange(manager, viewer, { entityType: 'Agreement', entityId: agreement.id, action: ChangeAction.UPDATED, fields });
    return { agreement: saved, result };
  });
}

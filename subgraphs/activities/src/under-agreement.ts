import { ReferencedRecords, referencedRecord } from '@samverkan/federation';
import { badInput } from '@samverkan/platform';

/** What an activity is carried out under: an agreement, and optionally one of its commitments. */
export interface UnderAgreement {
  agreementId: string | null;
  commitmentId: string | null;
}

/** Asked of the agreements subgraph with each commitment (`assertReferencesExist`): the agreement it belongs to. */
export const COMMITMENT_AGREEMENT_SELECTION = 'agreement { id }';

/** The agreement a commitment belongs to, as its owner answered when the reference was checked (lower-cased, as stored). */
function agreementOfCommitment(found: ReferencedRecords, commitmentId: string): string {
  const record = referencedRecord(found, 'Commitment', commitmentId) as { agreement?: { id?: string } } | undefined;
  const id = record?.agreement?.id;
  // A commitment is seen exactly when its agreement is: without one, it is not there for the caller.
  if (!id) throw badInput(`Unknown citizen-promise commitment id: ${commitmentId}`, [{ field: 'commitmentId', message: 'unknown citizen-promise commitment' }]);
  return id.toLowerCase();
}

const canonical = (id: string | null) => id?.toLowerCase() ?? null;
const sameId = (a: string | null, b: string | null) => canonical(a) === canonical(b);

/**
 * What an activity is carried out under after a change (`given`: fields left out stay, null clears),
 * from what it was under (`former`). A commitment belongs to its agreement, so: given alone, it sets
 * the agreement to its own; given with an agreement, it must be one of that agreement's; and an
 * agreement cannot change or be cleared under a commitment that stays. BAD_USER_INPUT otherwise, before
 * anything is written. `found`: the commitments with their agreements (`COMMITMENT_AGREEMENT_SELECTION`).
 */
export function underAgreementColumns(former: UnderAgreement, given: Partial<UnderAgreement>, found: ReferencedRecords): UnderAgreement {
  // As stored (uuids compare without regard to case), so the record answered after the write is the one read later.
  const commitmentId = given.commitmentId !== undefined ? canonical(given.commitmentId) : former.commitmentId;
  const agreementId = given.agreementId !== undefined ? canonical(given.agreementId) : former.agreementId;
  if (given.commitmentId) {
    const own = agreementOfCommitment(found, given.commitmentId);
    if (given.agreementId === undefined) return { agreementId: own, commitmentId };
    if (!sameId(agreementId, own)) {
      throw badInput('The commitment belongs to another agreement than agreementId', [{ field: 'commitmentId', message: 'not a commitment of agreementId' }]);
    }
  } else if (commitmentId && !sameId(agreementId, former.agreementId)) {
    throw badInput("The activity is carried out under a commitment of its agreement: give commitmentId (null to clear it) with the new agreementId", [
      { field: 'agreementId', message: "not the agreement of the activity's commitment" },
    ]);
  }
  return { agreementId, commitmentId };
}

import { DataSource } from 'typeorm';
import { byArguments, firstOfEachLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { rowsOfAgreementLoader } from '../agreement/agreement-rows';
import { Agreement } from '../agreement/agreement';
import { agreementVisibleSql } from '../agreement/agreement-access';
import { Commitment } from './commitment';
import { PromiseConsultation } from './consultation';
import { CommitmentFollowUp } from './follow-up';

/** A commitment's reports in series order: by the day reported, then as recorded. */
const SERIES: Array<[string, 'ASC' | 'DESC']> = [['reported_on', 'ASC'], ['created_at', 'ASC'], ['id', 'ASC']];
const NEWEST_FIRST = SERIES.map(([column, direction]): [string, 'ASC' | 'DESC'] => [column, direction === 'ASC' ? 'DESC' : 'ASC']);

/**
 * Per-request loaders of citizen promises, one statement per level for any number of agreements or
 * commitments. The lists are only asked for agreements (and their commitments) the viewer was shown;
 * a commitment by id, for `_entities`, is gated by its agreement's visibility in the same statement.
 */
export function citizenPromiseLoaders(dataSource: DataSource, viewer: Viewer) {
  /** The latest report per commitment among those meeting `where` (SQL over the reports as `t`). */
  const latest = (where: Array<[string, object]>) => {
    const loader = firstOfEachLoader(dataSource, CommitmentFollowUp, { keyColumn: 'commitment_id', keyOf: (f) => f.commitmentId, order: NEWEST_FIRST, where }, 1);
    return { load: async (commitmentId: string) => (await loader.load(commitmentId))[0] ?? null };
  };
  return {
    /** `Agreement.commitments`: all of a promise's commitments (at most MAX_COMMITMENTS), by position. */
    commitmentsOfAgreement: rowsOfAgreementLoader(dataSource, Commitment),
    /** By id, for `_entities`: null when there is none or the viewer may not see its agreement. */
    commitment: recordLoader<string, Commitment>(
      (ids) =>
        dataSource
          .getRepository(Commitment)
          .createQueryBuilder('commitment')
          .innerJoin(Agreement, 'r', 'r.id = commitment.agreement_id')
          .where('commitment.id = ANY(CAST(:ids AS uuid[]))', { ids: ids.filter(isUuid).map((id) => id.toLowerCase()) })
          .andWhere(...agreementVisibleSql('r', viewer))
          .getMany(),
      (c) => c.id,
    ),
    /** `Agreement.consultations(first)`: the most recently held first. */
    consultationsOfAgreement: byArguments(({ first }: { first: number }) =>
      firstOfEachLoader(dataSource, PromiseConsultation, { keyColumn: 'agreement_id', keyOf: (c) => c.agreementId, order: [['held_on', 'DESC'], ['id', 'ASC']] }, first),
    ),
    /** `Commitment.followUps(first)`: the series, oldest first. */
    followUpsOfCommitment: byArguments(({ first }: { first: number }) =>
      firstOfEachLoader(dataSource, CommitmentFollowUp, { keyColumn: 'commitment_id', keyOf: (f) => f.commitmentId, order: SERIES }, first),
    ),
    /** `Commitment.latestFollowUp`. */
    latestFollowUp: latest([]),
    /** The latest report with an indicator value, for `Commitment.progress`. */
    latestMeasurement: latest([['t.indicator_value IS NOT NULL', {}]]),
  };
}

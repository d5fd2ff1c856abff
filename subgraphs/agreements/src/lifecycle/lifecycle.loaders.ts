import { DataSource } from 'typeorm';
import { byArguments, firstOfEachLoader, isUuid, recordLoader } from '@samverkan/platform';
import { StatusHistoryArgs } from './lifecycle.inputs';
import { AgreementStatusChange } from './status-change';

/** An agreement's links to the periods before and after it (ids only; whether the viewer sees them is the agreement loader's answer). */
export interface RenewalLinks {
  id: string;
  renews: string | null;
  renewedBy: string | null;
}

/** The lifecycle's loaders: renewal links and status histories, each one statement per batch. */
export function lifecycleLoaders(dataSource: DataSource) {
  return {
    /** By agreement id: the agreement it renews and the one that renews it (at most one each: a unique index). */
    renewalLinks: recordLoader<string, RenewalLinks>(
      (ids) =>
        dataSource.query(
          `SELECT g.id, g.renews AS "renews", next.id AS "renewedBy"
             FROM agreements g LEFT JOIN agreements next ON next.renews = g.id
            WHERE g.id = ANY($1::uuid[])`,
          [ids.filter(isUuid)],
        ),
      (links) => links.id,
    ),
    /** `Agreement.statusHistory`: by agreement id, its first `first` status changes, oldest first. Asked only for agreements the viewer was shown. */
    statusHistory: byArguments(({ first }: StatusHistoryArgs) =>
      firstOfEachLoader(dataSource, AgreementStatusChange, { keyColumn: 'agreement_id', keyOf: (change) => change.agreementId, order: [['id', 'ASC']] }, first),
    ),
  };
}

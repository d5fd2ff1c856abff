import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { actorKinds } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { rowsOfAgreementLoader } from '../agreement/agreement-rows';
import { AgreementPhase } from './agreement-phase';
import { needsAnalysisFiguresLoader } from './phase-figures';

/** Loaders of phases: only asked for agreements the viewer has been shown (fields of `Agreement`). */
export function phaseLoaders(dataSource: DataSource, viewer: Viewer) {
  return {
    /** The month's needs-analysis figures (`AgreementFigures.needsAnalysis`), by month, over the records the viewer's basis covers. */
    needsAnalysisFigures: needsAnalysisFiguresLoader(dataSource, viewer),
    /** An agreement's phases, in its order. */
    phasesOfAgreement: rowsOfAgreementLoader(dataSource, AgreementPhase),
    /** The registry's kind of each actor (null: unknown to it), all of a request in one batched call; fails when the registry does not answer. */
    actorKind: new DataLoader<string, string | null>(async (ids) => {
      const kinds = await actorKinds(ids);
      return ids.map((id) => kinds.get(id.toLowerCase()) ?? null);
    }),
  };
}

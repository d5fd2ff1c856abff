import { DataSource } from 'typeorm';
import { changeLogLoader, webhookDeliveriesLoader } from '@samverkan/federation';
import { Clock, systemClock, Viewer } from '@samverkan/platform';
import { situationFiguresLoader } from './figures/situation-figures.loader';
import { incidentFiguresLoader } from './figures/incident-figures.loader';
import { reportLoaders } from './reports/report.loaders';
import { incidentLoaders } from './incidents/incident.loaders';
import { rosterLoaders } from './roster/roster.loaders';
import { templateLoaders } from './templates/template.loaders';
import { pictureLoaders } from './picture/situation-picture.loader';

/**
 * Per-request loaders for one viewer, one set per feature: every list and reference of this subgraph
 * is fetched in one batch per level, and every loader returns only the records the viewer may see.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer, _authorization?: string, clock: Clock = systemClock) {
  return {
    changeLog: changeLogLoader(dataSource),
    webhookDeliveries: webhookDeliveriesLoader(dataSource),
    situationFigures: situationFiguresLoader(dataSource, viewer),
    incidentFigures: incidentFiguresLoader(dataSource, viewer, clock),
    ...reportLoaders(dataSource, viewer),
    ...incidentLoaders(dataSource, viewer),
    ...rosterLoaders(dataSource, viewer),
    ...templateLoaders(dataSource, viewer),
    ...pictureLoaders(dataSource, viewer),
  };
}

export type SituationLoaders = ReturnType<typeof createLoaders>;

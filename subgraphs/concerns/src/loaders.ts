import { DataSource } from 'typeorm';
import { Clock, systemClock, Viewer } from '@samverkan/platform';
import { concernLoaders } from './concerns/concern.loaders';
import { teamLoaders } from './teams/team.loaders';
import { concernFiguresLoader } from './figures/concern-figures.loader';
import { clockLoaders } from './clock/clock.loaders';

/**
 * Per-request loaders for one viewer, one set per feature: every list and reference of this subgraph
 * is fetched in one batch per level, and every loader returns only the records the viewer may see.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer, _authorization?: string, clock: Clock = systemClock) {
  return {
    ...teamLoaders(dataSource, viewer),
    ...concernLoaders(dataSource, viewer, clock),
    ...clockLoaders(dataSource),
    concernFigures: concernFiguresLoader(dataSource, viewer, clock),
  };
}

export type ConcernsLoaders = ReturnType<typeof createLoaders>;

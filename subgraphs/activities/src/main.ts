import { runSubgraphProcess } from '@samverkan/shared';
import { activitiesSubgraph } from './index';

void runSubgraphProcess(activitiesSubgraph);

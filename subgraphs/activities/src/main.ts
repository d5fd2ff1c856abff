import { runSubgraphProcess } from '@samverkan/platform';
import { activitiesSubgraph } from './index';

void runSubgraphProcess(activitiesSubgraph);

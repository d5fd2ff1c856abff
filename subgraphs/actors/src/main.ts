import { runSubgraphProcess } from '@samverkan/shared';
import { actorsSubgraph } from './index';

void runSubgraphProcess(actorsSubgraph);

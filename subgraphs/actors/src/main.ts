import { runSubgraphProcess } from '@samverkan/platform';
import { actorsSubgraph } from './index';

void runSubgraphProcess(actorsSubgraph);

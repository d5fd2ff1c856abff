import { runSubgraphProcess } from '@samverkan/platform';
import { agreementsSubgraph } from './index';

void runSubgraphProcess(agreementsSubgraph);

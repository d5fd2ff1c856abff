import { runSubgraphProcess } from '@samverkan/shared';
import { agreementsSubgraph } from './index';

void runSubgraphProcess(agreementsSubgraph);

import { runSubgraphProcess } from '@samverkan/platform';
import { situationSubgraph } from './index';

void runSubgraphProcess(situationSubgraph);

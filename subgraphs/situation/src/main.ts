import { runSubgraphProcess } from '@samverkan/shared';
import { situationSubgraph } from './index';

void runSubgraphProcess(situationSubgraph);

// Tracing first: it patches http, pg and graphql as they are first required, and CommonJS runs in this order.
import { startTracing } from '@samverkan/platform/dist/observability/tracing';
startTracing('concerns');

import { runSubgraphProcess } from '@samverkan/platform';
import { concernsSubgraph } from './index';

void runSubgraphProcess(concernsSubgraph);

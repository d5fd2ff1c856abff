// Tracing first: it patches http, pg and graphql as they are first required, and CommonJS runs in this order.
import { startTracing } from '@samverkan/platform/dist/observability/tracing';
startTracing('actors');

import { runSubgraphProcess } from '@samverkan/platform';
import { actorsSubgraph } from './index';

void runSubgraphProcess(actorsSubgraph);

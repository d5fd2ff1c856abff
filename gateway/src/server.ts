import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import {
  authConfig,
  authenticator,
  currentRequestId,
  ErrorCode,
  formatError,
  GatewayConfig,
  SubgraphLimits,
  logger,
  queryLimits,
  REQUEST_ID_HEADER,
  requestStatsEnabled,
  serveGraphQL,
  ServedGraphQL,
  SUBGRAPHS,
  SubgraphName,
  urlOf,
} from '@samverkan/platform/dist/core';
// The lookup alone: the federation package's index holds the subgraphs' schema types.
import { organisationExists } from '@samverkan/federation/dist/references';
import { countMerged, observeRequestSize, withFetchMetrics } from './fetch-metrics';
import { isTimeout, subgraphFetcher } from './subgraph-fetcher';
import { readSupergraph } from './supergraph';

interface GatewayContext extends BaseContext {
  /** The caller's verified Authorization header, passed on to every subgraph, which applies its own rules. */
  authorization?: string;
  /** SQL statements per subgraph for this request, when statement statistics are on. */
  sqlStatements: Partial<Record<SubgraphName, number>>;
}

type WillSendRequestArgs = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0];
type DidReceiveResponseArgs = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/**
 * Forwards to a subgraph at its configured URL, within the limits (timeout, connections), and adds
 * up the statement counts it reports.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: SubgraphName,
    private readonly limits: SubgraphLimits,
    observers: { merge: boolean; onMerged?: () => void; onSent?: (bodyBytes: number) => void },
  ) {
    // No cache hints are used: the subgraphs' cache-control headers are not read.
    super({ url: urlOf(subgraph), fetcher: subgraphFetcher(limits, observers), honorSubgraphCacheControlHeader: false });
  }

  override willSendRequest({ request, context }: WillSendRequestArgs) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    // One id follows a query across services (none when composing live, outside any request).
    const requestId = currentRequestId();
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /**
   * A subgraph's refusals (4xx) are read as answers (`subgraphFetcher`). A failed answer that still
   * carries a GraphQL error (e.g. 503 from a subgraph whose own dependency is down) passes that error
   * on, with its code, instead of a bare status; any other failed answer means it is unavailable.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = (await this.parseBody(response).catch(() => undefined)) as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    if (first) {
      // A subgraph that names a service it could not reach is more precise than this one's name.
      const serviceName = first.extensions?.serviceName ?? this.subgraph;
      return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? ErrorCode.BAD_USER_INPUT, serviceName } });
    }
    return this.unavailable(`answered HTTP ${response.status}`);
  }

  /**
   * Connection refused or reset, no answer within the timeout, or an answer that is not GraphQL: the
   * subgraph is unavailable. Its part of the answer is null, and the error names it, never its
   * address (which the underlying error carries).
   */
  override didEncounterError(error: Error) {
    if (error instanceof GraphQLError) throw error;
    // The cause (with the address) goes to the operators' log only.
    logger.warn({ subgraph: this.subgraph, err: error }, 'subgraph unavailable');
    throw this.unavailable(isTimeout(error) ? `no answer within ${this.limits.timeoutMs} ms` : 'no answer');
  }

  private unavailable(reason: string) {
    return new GraphQLError(`The ${this.subgraph} service is unavailable (${reason})`, {
      extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE, serviceName: this.subgraph },
    });
  }

  override async didReceiveResponse({ response, context }: DidReceiveResponseArgs) {
    const count = response.extensions?.sqlStatements;
    if (typeof count === 'number' && context.sqlStatements) {
      context.sqlStatements[this.subgraph] = (context.sqlStatements[this.subgraph] ?? 0) + count;
    }
    return response;
  }
}

/**
 * The gateway composes and forwards; each subgraph enforces its own rules. In production it serves
 * the committed `supergraph.graphql`; with `GATEWAY_COMPOSE=live` it composes from the running subgraphs.
 */
export function createGateway({
  composeLive,
  metrics,
  subgraphLimits,
  mergeSubgraphRequests,
}: Pick<GatewayConfig, 'composeLive' | 'metrics' | 'subgraphLimits' | 'mergeSubgraphRequests'>): ApolloGateway {
  const buildService = ({ name }: { name: string }) => {
    const observers = {
      merge: mergeSubgraphRequests,
      onMerged: metrics && mergeSubgraphRequests ? countMerged(name) : undefined,
      onSent: metrics ? observeRequestSize(name) : undefined,
    };
    const source = new SubgraphDataSource(name as SubgraphName, subgraphLimits, observers);
    return metrics ? withFetchMetrics(name, source) : source;
  };
  if (composeLive) {
    return new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({ subgraphs: SUBGRAPHS.map((name) => ({ name, url: urlOf(name) })) }),
      buildService,
      logger,
    });
  }
  return new ApolloGateway({ supergraphSdl: readSupergraph(), buildService, logger });
}

export function startGateway(config: GatewayConfig): Promise<ServedGraphQL> {
  logger.level = config.logLevel;
  const authenticate = authenticator(authConfig(config.auth, config), organisationExists);
  const limits = queryLimits('gateway', config);
  const gateway = createGateway(config);
  // Ready once a supergraph is loaded (at start; with GATEWAY_COMPOSE=live, once composed). Subgraphs report their own readiness.
  let schemaLoaded = false;
  gateway.onSchemaLoadOrUpdate(() => (schemaLoaded = true));
  return serveGraphQL<GatewayContext>(
    (plugins) =>
      new ApolloServer<GatewayContext>({
        gateway,
        formatError,
        logger,
        includeStacktraceInErrorResponses: false,
        introspection: !config.production,
        validationRules: limits.validationRules,
        plugins: [
          ...plugins,
          ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
          {
            async requestDidStart() {
              return {
                async willSendResponse({ response, contextValue }) {
                  if (!requestStatsEnabled() || response.body.kind !== 'single') return;
                  const result = response.body.singleResult;
                  result.extensions = { ...result.extensions, sqlStatements: contextValue.sqlStatements };
                },
              };
            },
          },
        ],
      }),
    {
      port: config.port,
      // As large as the largest subgraph's (the actors registry's CSV imports of up to 2 MB).
      maxRequestSize: config.maxRequestSize ?? '3mb',
      ready: async () => (schemaLoaded ? { ready: true } : { ready: false, reason: 'no supergraph loaded yet' }),
      metrics: config.metrics,
      guard: limits.guard,
      context: async (req) => {
        // Refuse a bad token here already; each subgraph verifies it again and applies its rules.
        const authorization = req.headers.authorization;
        await authenticate(authorization);
        return { authorization, sqlStatements: {} };
      },
    },
  );
}

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
  logger,
  queryLimits,
  REQUEST_ID_HEADER,
  requestStatsEnabled,
  serveGraphQL,
  ServedGraphQL,
  SUBGRAPHS,
  SubgraphName,
  urlOf,
} from '@samverkan/platform';
import { organisationExists } from '@samverkan/federation';
import { readSupergraph } from './supergraph';

interface GatewayContext extends BaseContext {
  /** The caller's verified Authorization header, passed on to every subgraph, which applies its own rules. */
  authorization?: string;
  /** SQL statements per subgraph for this request, when statement statistics are on. */
  sqlStatements: Partial<Record<SubgraphName, number>>;
}

type WillSendRequestArgs = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0];
type DidReceiveResponseArgs = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/** Forwards to a subgraph at its configured URL, and adds up the statement counts it reports. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: SubgraphName) {
    super({ url: urlOf(subgraph) });
  }

  override willSendRequest({ request, context }: WillSendRequestArgs) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    // One id follows a query across services (none when composing live, outside any request).
    const requestId = currentRequestId();
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /**
   * A subgraph answers HTTP 400 when it refuses a query (e.g. a malformed date literal); pass its
   * own error on, with its code, instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = (await this.parseBody(response).catch(() => undefined)) as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    if (first) return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? ErrorCode.BAD_USER_INPUT } });
    return new GraphQLError(`The ${this.subgraph} subgraph did not answer (${response.status})`, {
      extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE },
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
export function createGateway({ composeLive }: Pick<GatewayConfig, 'composeLive'>): ApolloGateway {
  const buildService = ({ name }: { name: string }) => new SubgraphDataSource(name as SubgraphName);
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
  const authenticate = authenticator(authConfig(config.auth), organisationExists);
  const limits = queryLimits('gateway', config);
  return serveGraphQL<GatewayContext>(
    (plugins) =>
      new ApolloServer<GatewayContext>({
        gateway: createGateway(config),
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

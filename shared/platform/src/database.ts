import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, Logger, MixedList, EntitySchema } from 'typeorm';
import { logger } from './log';
import { currentRequestStats } from './request-stats';

/** Counts each statement against the current request and logs slow or failed ones. */
class CountingLogger implements Logger {
  constructor(private readonly logging: DatabaseLogging) {}
  logQuery() {
    const stats = currentRequestStats();
    if (stats) stats.sqlStatements += 1;
  }
  logQueryError(error: string | Error, query: string) {
    // Input errors are reported to the caller; keep the log for the unexpected ones.
    if (this.logging.sqlErrors) logger.warn({ err: error, query }, 'SQL error');
  }
  logQuerySlow(time: number, query: string) {
    logger.warn({ durationMs: time, query: query.slice(0, 200) }, 'Slow SQL');
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    if (this.logging.migrations) logger.info(message);
  }
  log() {}
}

/** What is logged besides slow statements (`SAMVERKAN_LOG_SQL_ERRORS`, `SAMVERKAN_LOG_MIGRATIONS`). */
export interface DatabaseLogging {
  sqlErrors?: boolean;
  migrations?: boolean;
}

export interface DatabaseOptions {
  url: string;
  /** Connections (`DATABASE_POOL_SIZE`); pg's default, 10, if not given. */
  poolSize?: number;
  log?: DatabaseLogging;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export function createDataSource({ url, poolSize, log = {}, entities, migrations }: DatabaseOptions): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: true,
    logger: new CountingLogger(log),
    maxQueryExecutionTime: 1000,
    // No JIT: our statements take milliseconds, and compiling one costs tens (the area lists'
    // estimates cross jit_above_cost on national data: 40–90 ms of compiling per overview on a
    // server built with JIT, against some 15 ms of executing).
    extra: { max: poolSize, application_name: 'samverkan', options: '-c jit=off' },
  };
  return new DataSource(options);
}

/** Connects and brings the schema up to date; every service does this at start-up. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs `fn` on the server's maintenance database, where databases are created and dropped. */
async function onServer<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` if it does not exist (embedded default and tests). */
export const ensureDatabase = (url: string) =>
  onServer(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`);
  });

export const dropDatabase = (url: string) =>
  onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`));

/** `url` with its database name replaced: one server, one database per subgraph. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

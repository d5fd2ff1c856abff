import type { EmbeddedServer } from '@samverkan/dev';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedPostgres?: EmbeddedServer }).embeddedPostgres?.stop();
}

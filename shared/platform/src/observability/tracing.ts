import type { ServiceName } from '../services';

let shutdown: (() => Promise<void>) | undefined;

/**
 * OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Unset, the SDK is not even loaded: tracing off costs nothing.
 *
 * The instrumentations patch http, pg and graphql as they are first required, so each service's
 * main.ts calls this before its other imports; this file itself imports nothing that loads them.
 */
export function startTracing(service: ServiceName, env: NodeJS.ProcessEnv = process.env): void {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  if (env.OTEL_SDK_DISABLED === 'true') return;
  // A synchronous require: an import() would let main.ts load http and pg before the patches.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('./tracing-sdk') as typeof import('./tracing-sdk');
  shutdown = sdk.startTracingSdk(`samverkan-${service}`);
}

/** Exports the spans still batched; a service awaits it before it exits. */
export async function stopTracing(): Promise<void> {
  await shutdown?.();
}

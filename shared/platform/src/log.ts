import pino from 'pino';
import { currentRequestId } from './request-stats';

/** pino's levels, most severe first; `silent` writes nothing (`LOG_LEVEL`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The services' one logger: JSON lines on standard output, each with the id of the request it was
 * written for, if any. Credentials never reach the log, wherever a header object is logged.
 * Its level is the configuration's, set when a service starts (`LOG_LEVEL`).
 */
export const logger = pino({
  level: 'info',
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: {
    paths: ['authorization', 'cookie', '*.authorization', '*.cookie', '*.headers.authorization', '*.headers.cookie', '*.headers["set-cookie"]'],
    censor: '[redacted]',
  },
});

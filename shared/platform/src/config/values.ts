import { z } from 'zod';

/** A kind of value a variable takes: the rule that reads the raw string, and what it must be, in words. */
export interface Kind<T> {
  schema: z.ZodType<T, string>;
  /** "an integer from 1 to 65535": the error says "must be" this, the README's "value" column shows it. */
  is: string;
  /** Never echoed in an error: a database URL may hold a password. */
  secret?: boolean;
}

function kind<T>(is: string, build: (error: { error: string }) => z.ZodType<T, string>, secret = false): Kind<T> {
  return { is, schema: build({ error: `must be ${is}` }), secret };
}

export const port = kind('an integer from 1 to 65535', (error) =>
  z
    .string()
    .refine((raw) => /^\d{1,5}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 65535, error)
    .transform(Number),
);

export const positiveInteger = kind('a positive integer', (error) => z.string().regex(/^[1-9]\d{0,5}$/, error).transform(Number));

/** Seconds, where zero means "not at all". */
export const seconds = kind('a whole number of seconds (0 or more)', (error) => z.string().regex(/^\d{1,6}$/, error).transform(Number));

export const httpUrl = kind('an http:// or https:// URL', (error) => z.url({ protocol: /^https?$/, ...error }));

export const databaseUrl = kind('a postgres:// or postgresql:// URL', (error) => z.url({ protocol: /^postgres(ql)?$/, ...error }), true);

/** The one rule for switches: exactly `true` or `false`. */
export const flag = kind('true or false', (error) => z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive', ...error }));

/** A switch that was once spelled `on`: `on`/`off` still work, so existing deployments keep theirs. */
export const legacyFlag = kind('true or false (on or off also work)', (error) =>
  z.stringbool({ truthy: ['true', 'on'], falsy: ['false', 'off'], case: 'sensitive', ...error }),
);

/** A body size as express takes it. */
export const size = kind('a size in b, kb or mb, such as 100kb', (error) => z.string().regex(/^[1-9]\d*(b|kb|mb)$/, error));

/** A DNS name of two or more labels, lower case, e.g. samverkan.uppsala.se. */
export const domainName = kind('a domain name such as samverkan.example.se', (error) =>
  z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, error),
);

export const text = kind('text', (error) => z.string(error));

/** A number of hours, decimals allowed (0.5 is half an hour), above zero and at most a year. */
export const hours = kind('a number of hours above 0 (decimals allowed), at most 8760', (error) =>
  z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, error).transform(Number).refine((value) => value > 0 && value <= 8760, error),
);

/** A 256-bit key as base64 (44 characters), e.g. from `openssl rand -base64 32`. */
export const key256 = kind('a 256-bit key in base64 (openssl rand -base64 32)', (error) =>
  z.string().refine((raw) => /^[A-Za-z0-9+/]{43}=$/.test(raw) && Buffer.from(raw, 'base64').length === 32, error),
true);

/** Days per kind of organisation, e.g. `POLICE=730,MUNICIPALITY=365`; unset or empty: none. */
export const daysByKind = kind('KIND=days pairs separated by commas, e.g. POLICE=730,MUNICIPALITY=365', (error) =>
  z
    .string()
    .refine((raw) => raw.split(',').every((pair) => /^[A-Z_]+=[1-9]\d{0,5}$/.test(pair.trim())), error)
    .transform((raw) => Object.fromEntries(raw.split(',').map((pair) => pair.trim().split('=')).map(([kind, days]) => [kind, Number(days)])) as Record<string, number>),
);

export const oneOf = <const V extends readonly [string, ...string[]]>(...values: V) =>
  kind(values.length === 1 ? `${values[0]} (or unset)` : `one of ${values.join(', ')}`, (error) => z.enum(values, error));

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

export const oneOf = <const V extends readonly [string, ...string[]]>(...values: V) =>
  kind(values.length === 1 ? `${values[0]} (or unset)` : `one of ${values.join(', ')}`, (error) => z.enum(values, error));

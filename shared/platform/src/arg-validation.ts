import { validateOrReject, ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, ValidatorFn } from 'type-graphql';

// Required fields are enforced by the schema; validators check the values that are given.
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

async function validate(value: unknown): Promise<void> {
  try {
    await (Array.isArray(value) ? Promise.all(value.filter(isObject).map((item) => validateOrReject(item, OPTIONS))) : validateOrReject(value as object, OPTIONS));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
}

/** Each request's validations so far, by argument type and value. */
const validated = new WeakMap<object, Map<unknown, Map<string, Promise<void>>>>();

/**
 * type-graphql's argument validation (class-validator, as its default does), once per request for
 * each argument type and value: a nested list's arguments are the same for every parent, and were
 * validated once per parent (an area overview: fifty times; a tenth of a subgraph's CPU).
 */
export const validateArgsOncePerRequest: ValidatorFn = (value, type, { context }) => {
  if (!isObject(value)) return;
  let byType = validated.get(context);
  if (!byType) validated.set(context, (byType = new Map()));
  let byValue = byType.get(type);
  if (!byValue) byType.set(type, (byValue = new Map()));
  const key = JSON.stringify(value);
  let outcome = byValue.get(key);
  if (!outcome) byValue.set(key, (outcome = validate(value)));
  return outcome;
};

import 'reflect-metadata';
import { Max } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { validateArgsOncePerRequest } from '../src/arg-validation';

class Args {
  @Max(10)
  first = 1;
}

const args = (first: number) => Object.assign(new Args(), { first });
const run = (value: unknown, context: object) => validateArgsOncePerRequest(value, Args, { context, args: {}, root: {}, info: {} as never });

describe('argument validation once per request', () => {
  it('accepts valid values and refuses invalid ones, in lists too', async () => {
    const context = {};
    await expect(run(args(5), context)).resolves.toBeUndefined();
    await expect(run(args(11), context)).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(run([args(1), args(12)], context)).rejects.toBeInstanceOf(ArgumentValidationError);
    expect(run(null, context)).toBeUndefined();
  });

  it('gives the same outcome for the same value within a request, and validates afresh in another', async () => {
    const context = {};
    const first = run(args(11), context);
    expect(run(args(11), context)).toBe(first);
    await expect(first).rejects.toBeInstanceOf(ArgumentValidationError);
    const other = run(args(11), {});
    expect(other).not.toBe(first);
    await expect(other).rejects.toBeInstanceOf(ArgumentValidationError);
    // Another value is validated on its own.
    await expect(run(args(3), context)).resolves.toBeUndefined();
  });
});

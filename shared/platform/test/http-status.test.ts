import { refusalStatus } from '../src/http-status';

const error = (code: string, path?: string[]) => ({ message: code, path, extensions: { code } });

describe('the status of a refused operation', () => {
  it("is the code's 4xx when nothing was answered", () => {
    expect(refusalStatus(null, [error('BAD_USER_INPUT')])).toBe(400);
    expect(refusalStatus({ updateActivity: null }, [error('VERSION_CONFLICT', ['updateActivity'])])).toBe(409);
    expect(refusalStatus({ a: null, b: null }, [error('FORBIDDEN', ['a']), error('FORBIDDEN', ['b'])])).toBe(403);
  });

  it('is 400 when the refusals differ', () => {
    expect(refusalStatus({ a: null, b: null }, [error('NOT_FOUND', ['a']), error('FORBIDDEN', ['b'])])).toBe(400);
  });

  it("is left alone when something was answered, a failed field has no error of its own, or the failure is not the caller's", () => {
    expect(refusalStatus({ a: { id: '1' }, b: null }, [error('BAD_USER_INPUT', ['b'])])).toBeUndefined();
    expect(refusalStatus({ a: null, b: null }, [error('BAD_USER_INPUT', ['b'])])).toBeUndefined();
    expect(refusalStatus(null, [error('DEPENDENCY_UNAVAILABLE')])).toBeUndefined();
    expect(refusalStatus(null, [error('BAD_USER_INPUT'), error('INTERNAL_SERVER_ERROR')])).toBeUndefined();
    expect(refusalStatus({ a: 1 }, undefined)).toBeUndefined();
  });
});

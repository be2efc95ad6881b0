import { describe, expect, it } from 'vitest';
import { callerFrom } from './caller.ts';

describe('the caller from verified claims', () => {
  it('reads claims as API Gateway passes them: strings, lists as "[a b]"', () => {
    expect(
      callerFrom({ sub: 'abc', name: 'Ada', email: 'Ada@Example.org', email_verified: 'true', 'cognito:groups': '[editors stewards]' }),
    ).toEqual({ id: 'abc', name: 'Ada', verifiedEmail: 'ada@example.org', steward: true });
  });

  it('reads claims as a token carries them: booleans and arrays', () => {
    expect(callerFrom({ sub: 'abc', email: 'a@b.org', email_verified: true, 'cognito:groups': ['stewards'] })).toMatchObject({
      verifiedEmail: 'a@b.org',
      steward: true,
    });
  });

  it('ignores an e-mail the identity provider did not verify, and groups that are not stewards', () => {
    expect(callerFrom({ sub: 'abc', email: 'a@b.org', email_verified: 'false', 'cognito:groups': '[stewardship]' })).toEqual({
      id: 'abc',
      name: null,
      verifiedEmail: null,
      steward: false,
    });
  });

  it('is nobody without a subject', () => {
    expect(callerFrom(undefined)).toBeUndefined();
    expect(callerFrom({ sub: '' })).toBeUndefined();
  });
});

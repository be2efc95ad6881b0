import { describe, expect, it } from 'vitest';
import { callerFrom } from './caller.ts';

describe('the caller from verified claims', () => {
  it('reads claims as API Gateway passes them: strings, lists as "[a b]"', () => {
    expect(
      callerFrom({ sub: 'abc', name: 'Ada', email: 'Ada@Example.org', email_verified: 'true', 'cognito:groups': '[editors stewards]' }),
    ).toEqual({ id: 'abc', name: 'Ada', verifiedEmail: 'ada@example.org', steward: true, token: null });
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
      token: null,
    });
  });

  it("keeps the token's id and expiry, which signing out records, and a name without controls", () => {
    expect(callerFrom({ sub: 'abc', name: 'Ada\u0000 L.\u202e', jti: 'token-1', exp: '1796000000' })).toMatchObject({
      name: 'Ada L.',
      token: { id: 'token-1', expiresAt: 1796000000 },
    });
  });

  it('is nobody without a subject', () => {
    expect(callerFrom(undefined)).toBeUndefined();
    expect(callerFrom({ sub: '' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { handler } from './access-token-claims.ts';

const event = (userAttributes: Record<string, string>) =>
  ({ request: { userAttributes }, response: {} }) as unknown as PreTokenGenerationV2TriggerEvent;

describe('the access token claims trigger', () => {
  it('adds name, e-mail and whether it is verified', async () => {
    const result = await handler(event({ sub: 'x', name: 'Ada', email: 'ada@example.org', email_verified: 'true' }));
    expect(result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      name: 'Ada',
      email: 'ada@example.org',
      email_verified: 'true',
    });
  });

  it('adds nothing the person did not give', async () => {
    const result = await handler(event({ sub: 'x', email: 'ada@example.org', email_verified: 'false' }));
    expect(result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      email: 'ada@example.org',
      email_verified: 'false',
    });
  });
});

// The signed-in person, read from the JWT claims that API Gateway's authorizer (or the local gateway) verified.
import { personName, stewardsGroup } from '@collective-actions/shared';
import type { Caller } from '../services/caller.ts';

/** Cognito's; a deployment with another OpenID Connect provider names its own (GROUPS_CLAIM). */
const groupsClaim = process.env.GROUPS_CLAIM ?? 'cognito:groups';

type Claims = Record<string, string | number | boolean | string[]>;

/** API Gateway hands array claims over as one string, "[a b]"; tokens may carry real arrays. */
function listClaim(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function callerFrom(claims: Claims | undefined): Caller | undefined {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return undefined;
  const emailVerified = claims.email_verified === true || claims.email_verified === 'true';
  const expiresAt = Number(claims.exp);
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? personName(claims.name) : null,
    verifiedEmail: emailVerified && typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
    steward: listClaim(claims[groupsClaim]).includes(stewardsGroup),
    token: typeof claims.jti === 'string' && claims.jti && Number.isFinite(expiresAt) ? { id: claims.jti, expiresAt } : null,
  };
}

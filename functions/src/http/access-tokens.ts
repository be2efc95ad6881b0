// Checks bearer access tokens as API Gateway's JWT authorizer does: the issuer's signature, issuer, expiry, and the audience in `aud` or `client_id`.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ServiceUnavailable, Unauthorized } from '@collective-actions/shared';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** The issuer's keys, found through its OpenID Connect discovery document (Cognito and others publish them at different paths). */
async function discoverKeys(issuer: string): Promise<KeySet> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => undefined);
  const jwksUri = response?.ok ? ((await response.json()) as { jwks_uri?: unknown }).jwks_uri : undefined;
  if (typeof jwksUri !== 'string') throw new ServiceUnavailable('The identity provider cannot be reached to check the access token.');
  return createRemoteJWKSet(new URL(jwksUri));
}

/** Verifies an Authorization header; answers the token's claims or throws Unauthorized. */
export function accessTokenVerifier(issuer: string, audiences: string[]) {
  let keys: Promise<KeySet> | undefined;
  const keySet = () => {
    keys ??= discoverKeys(issuer).catch((error) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  return async (authorization: string | undefined): Promise<JWTPayload> => {
    const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new Unauthorized();
    const jwks = await keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer }));
    } catch {
      throw new Unauthorized('The access token is not valid or has expired: sign in again.');
    }
    // Cognito's access tokens carry no `aud`: they name their client in `client_id`, which API Gateway accepts too.
    const named = [payload.aud ?? [], payload.client_id ?? []].flat();
    if (!named.some((audience) => typeof audience === 'string' && audiences.includes(audience))) {
      throw new Unauthorized('The access token was issued for another audience: sign in to this platform.');
    }
    return payload;
  };
}

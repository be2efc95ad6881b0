// The site as an OpenID Connect client: authorization code with PKCE, through openid-client.
import { OIDC_CLIENT_ID, OIDC_ISSUER, OIDC_LOGOUT_URL, OIDC_SCOPE } from '$app/env/private';
import * as oidc from 'openid-client';

let configuration: Promise<oidc.Configuration> | undefined;

/** The provider's configuration, discovered once; a failed discovery is tried again at the next sign-in. */
export function provider(): Promise<oidc.Configuration> {
  configuration ??= oidc
    .discovery(new URL(OIDC_ISSUER), OIDC_CLIENT_ID, undefined, oidc.None(), {
      // Only the local provider runs on plain http (localhost).
      execute: new URL(OIDC_ISSUER).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    })
    .catch((error) => {
      configuration = undefined;
      throw error;
    });
  return configuration;
}

export const scope = () => OIDC_SCOPE;
export const issuerOrigin = () => new URL(OIDC_ISSUER).origin;
/** Where signing out may lead: the provider, and its logout address where it has one of its own. */
export const signOutOrigins = () => [...new Set([issuerOrigin(), ...(OIDC_LOGOUT_URL ? [new URL(OIDC_LOGOUT_URL).origin] : [])])];
export { oidc };

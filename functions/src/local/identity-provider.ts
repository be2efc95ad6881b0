// The embedded OpenID Connect provider for local runs: real authorization-code + PKCE flows, RS256 JWT access tokens.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors } from 'oidc-provider';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '@collective-actions/shared/security-headers';
import { accountFor } from './demo-accounts.ts';
import { serve } from './serve.ts';
import { errorPage, pageLanguage, pagePolicy, signedOutPage, signInPage, signOutPage } from './sign-in-pages.ts';

/** The command-line client `npm run token` signs in with; its redirect is never followed. */
export const cliClient = { clientId: 'collective-actions-cli', redirectUri: 'http://127.0.0.1/callback' };

/** The site's client: public, authorization code with PKCE, as in AWS. */
export const siteClientId = 'collective-actions-site';

const apiScope = 'api';

/** Signing keys: kept in a file so tokens survive a restart, or made fresh for a test run. */
async function signingKeys(file: string | undefined): Promise<JWK[]> {
  if (file) {
    try {
      return JSON.parse(await readFile(file, 'utf8')).keys;
    } catch {
      // first start: made below
    }
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const keys = [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: `local-${Date.now()}` }];
  if (file) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ keys }), { mode: 0o600 });
  }
  return keys;
}

export interface IdentityProviderOptions {
  port: number;
  issuer: string;
  /** The `aud` of access tokens: the API. */
  audience: string;
  /** Where the site runs, which people sign in to and come back to. */
  siteUrl: string;
  /** The site's client id, `siteClientId` unless told. */
  siteClientId?: string;
  keysFile?: string;
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<{ stop: () => Promise<void> }> {
  const { issuer, audience } = options;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: cliClient.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [cliClient.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: options.siteClientId ?? siteClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${options.siteUrl}/auth/callback`],
        post_logout_redirect_uris: [`${options.siteUrl}/`, `${options.siteUrl}/fr`, `${options.siteUrl}/fr/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: await signingKeys(options.keysFile) },
    cookies: { keys: [crypto.randomUUID()] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    findAccount: async (_ctx, id) => {
      const account = accountFor(id);
      return {
        accountId: account.login,
        claims: async () => ({ sub: account.login, name: account.name, email: account.email, email_verified: true }),
      };
    },
    // First-party clients: signing in grants the platform's scopes without a consent screen.
    loadExistingGrant: async (ctx) => {
      const { client, session, provider: self } = ctx.oidc;
      const existing = ctx.oidc.result?.consent?.grantId ?? session!.grantIdFor(client!.clientId);
      if (existing) return self.Grant.find(existing);
      const grant = new self.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addResourceScope(audience, apiScope);
      await grant.save();
      return grant;
    },
    // The claims API Gateway's authorizer would pass on from a Cognito access token, plus the person's name and e-mail.
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = accountFor(token.accountId);
      return {
        name: account.name,
        email: account.email,
        email_verified: true,
        ...(account.groups.length ? { 'cognito:groups': account.groups } : {}),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(pageLanguage(ctx.get('accept-language')), `${out.error}: ${out.error_description ?? ''}`);
    },
    // The provider's own sign-in page (any password), in the language the site asks for.
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(pageLanguage((ctx.oidc.params?.ui_locales as string | undefined) ?? ctx.get('accept-language')), form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage(pageLanguage(ctx.get('accept-language')));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          return { scope: apiScope, audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 86400, Grant: 86400 },
  });
  const providerCallback = provider.callback();
  /** GET /interaction/:uid shows the sign-in form; POST /interaction/:uid signs in whoever is named. */
  async function interaction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'GET') {
      const language = pageLanguage(typeof details.params.ui_locales === 'string' ? details.params.ui_locales : request.headers['accept-language']);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(signInPage(language, `/interaction/${details.uid}`));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const login = form.get('login')?.trim();
    if (!login) {
      response.writeHead(303, { location: `/interaction/${details.uid}` }).end();
      return;
    }
    await provider.interactionFinished(request, response, { login: { accountId: accountFor(login).login } }, { mergeWithLastSubmission: false });
  }
  const policy = pagePolicy(options.siteUrl);
  return serve((request, response) => {
    // The security headers the site's own answers carry, with the policy of these pages.
    for (const [name, value] of Object.entries(securityHeaders(false))) response.setHeader(name, value);
    response.setHeader('content-security-policy', policy);
    if (!/^\/interaction\/[\w-]+$/.test(request.url ?? '')) return providerCallback(request, response);
    interaction(request, response).catch((error) => {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`This sign-in has expired or is not valid: start again from the site. (${error.message})`);
    });
  }, options.port);
}

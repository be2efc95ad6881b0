import { defineEnvVars } from '@sveltejs/kit/env';
import * as z from 'zod';

export const variables = defineEnvVars({
  API_URL: {
    schema: z.url().default('http://localhost:3001'),
    description: 'Base address of the Collective Actions API, without /v1.',
  },
  OIDC_ISSUER: {
    schema: z.url().default('http://localhost:3002'),
    description: 'The OpenID Connect provider people sign in with (its discovery document is read at the first sign-in).',
  },
  OIDC_CLIENT_ID: {
    schema: z.string().min(1).default('collective-actions-site'),
    description: "The site's client id at the provider: a public client, authorization code with PKCE.",
  },
  OIDC_SCOPE: {
    schema: z.string().min(1).default('openid email profile api'),
    description: 'Scopes asked for at sign-in; the access token they give is what the API accepts.',
  },
  OIDC_GROUPS_CLAIM: {
    schema: z.string().min(1).default('cognito:groups'),
    description: "The access-token claim listing the person's groups (stewards are the group 'stewards').",
  },
  OIDC_LOGOUT_URL: {
    schema: z.url().optional(),
    description:
      "Where signing out ends the provider's session, for a provider whose discovery document names no end_session_endpoint (Cognito: https://<domain>/logout).",
  },
  SESSION_SECRET: {
    // Optional here because the build reads this file too; the first sign-in fails without it.
    schema: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    description: 'Encrypts the session cookie (at least 32 characters). Changing it signs everyone out.',
  },
});

// Where access tokens come from: the identity stack's user pool, or another OpenID Connect provider.
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';

export type TokenIssuer =
  | { kind: 'cognito'; issuer: string; userPool: IUserPool; /** Cognito's own logout address: its discovery document names no end_session_endpoint. */ logoutUrl: string }
  | { kind: 'external'; issuer: string; audience: string[]; groupsClaim?: string; siteClientId?: string };

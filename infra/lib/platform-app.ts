// The platform's stacks for one stage, from the app's context; checked by cdk-nag's AwsSolutions rules.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStack, type TokenIssuer } from './app-stack.ts';
import { DataStack } from './data-stack.ts';
import { IdentityStack } from './identity-stack.ts';

export function definePlatform(app: App) {
  const context = (name: string): string | undefined => app.node.tryGetContext(name) || undefined;
  const stage = context('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`The stage "${stage}" must be lower-case letters, digits and hyphens, 20 at most, starting with a letter.`);
  }
  const prefix = `CollectiveActions-${stage}`;
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };

  const data = new DataStack(app, `${prefix}-Data`, { env, description: `Collective Actions (${stage}): data` });

  // Another OpenID Connect provider instead of Cognito: --context oidcIssuer=https://… --context oidcAudience=…
  const oidcIssuer = context('oidcIssuer');
  let identity: IdentityStack | undefined;
  let tokens: TokenIssuer;
  if (oidcIssuer) {
    const audience = context('oidcAudience');
    if (!audience) throw new Error('With oidcIssuer, give oidcAudience too: the audience (or client id) its access tokens carry.');
    tokens = {
      kind: 'external',
      issuer: oidcIssuer,
      audience: audience.split(','),
      groupsClaim: context('oidcGroupsClaim'),
      // The site's own client at that provider (a public client with PKCE); the first audience otherwise.
      siteClientId: context('oidcSiteClientId'),
    };
  } else {
    identity = new IdentityStack(app, `${prefix}-Identity`, { env, stage, description: `Collective Actions (${stage}): identity` });
    tokens = { kind: 'cognito', issuer: identity.issuer, userPool: identity.userPool, logoutUrl: `${identity.loginDomain}/logout` };
  }

  const application = new AppStack(app, `${prefix}-App`, {
    env,
    description: `Collective Actions (${stage}): API, site and alarms`,
    table: data.table,
    tokens,
    alarmEmail: context('alarmEmail'),
    // --context mailFrom="Collective Actions <notifications@example.org>": e-mail through SES (docs/deploy.md).
    mailFrom: context('mailFrom'),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { data, identity, app: application };
}

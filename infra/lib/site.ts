// The site: SvelteKit's server in Lambda (through AWS's Lambda Web Adapter), its static files in S3, and how it signs
// people in with the issuer the API trusts.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnManagedLoginBranding, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { LayerVersion } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Alarms } from './alarms.ts';
import type { Api } from './api.ts';
import { basicExecutionRole, nagArn, nagName, PlatformFunction } from './platform-function.ts';
import { siteAssetsSource, siteServerCode } from './site-build.ts';
import type { TokenIssuer } from './token-issuer.ts';

// AWS's Lambda Web Adapter (https://github.com/awslabs/aws-lambda-web-adapter) runs the site's Node server in Lambda.
const webAdapterLayer = (stack: Stack) => `arn:aws:lambda:${stack.region}:753240598075:layer:LambdaAdapterLayerArm64:28`;

export class Site extends Construct {
  readonly assets: Bucket;
  private readonly server: PlatformFunction;

  constructor(scope: Construct, id: string, { api, alarms }: { api: Api; alarms: Alarms }) {
    super(scope, id);
    this.assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt from the repository on every deploy: nothing here to keep (the deployment empties it on delete).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the build’s fingerprinted static files, public through CloudFront; no request to it needs an audit trail.',
    });
    this.server = new PlatformFunction(this, 'SiteServer', {
      description: 'Collective Actions site: SvelteKit server rendering',
      alarms,
      code: siteServerCode(),
      handler: 'run.sh',
      layers: [LayerVersion.fromLayerVersionArn(this, 'WebAdapter', webAdapterLayer(Stack.of(this)))],
      timeoutSeconds: 15,
      environment: {
        AWS_LAMBDA_EXEC_WRAPPER: '/opt/bootstrap',
        AWS_LWA_READINESS_CHECK_PROTOCOL: 'tcp',
        PORT: '8080',
        HOST_HEADER: 'x-viewer-host',
        PROTOCOL_HEADER: 'x-viewer-proto',
        API_URL: api.endpoint,
      },
    });
    api.addDefaultRoute(this.server.function);
    this.deployAssets();
  }

  private deployAssets(): void {
    const stack = Stack.of(this);
    new BucketDeployment(this, 'AssetsDeployment', {
      sources: [siteAssetsSource()],
      destinationBucket: this.assets,
      // Earlier builds' files stay, for pages still open in browsers; deleting the stack deletes them all.
      prune: false,
      retainOnDelete: false,
    });
    // The deployment's provider function is CDK's own, shared by the stack and run only while deploying.
    const deployer = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    Validations.of(deployer).acknowledge(
      basicExecutionRole,
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: "CDK's BucketDeployment copies the build into the site bucket and needs these object-level actions on it.",
      })),
      { id: `AwsSolutions-IAM5[Resource::${nagArn(this.assets)}/*]`, reason: 'Every object of the site bucket, which only holds the build: the deployment replaces them.' },
      {
        id: `AwsSolutions-IAM5[Resource::arn:${nagName(stack.partition, 'AWS::Partition')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${nagName(stack.region, 'AWS::Region')}/*]`,
        reason: "CDK's asset bucket, from which the deployment reads the build.",
      },
      { id: 'AwsSolutions-L1', reason: "CDK's BucketDeployment provider picks its own runtime; it runs only during deployments." },
    );
  }

  /** Signs people in with the issuer the API trusts; answers the audience the API's tokens are for. */
  signInWith(tokens: TokenIssuer, siteUrl: string): string[] {
    const site = this.server.function;
    let audience: string[];
    if (tokens.kind === 'cognito') {
      // Made here, beside the site it calls back to; the pool stays in the stateful stack.
      const client = new UserPoolClient(this, 'Client', {
        userPool: tokens.userPool,
        // A public client: the site proves itself with PKCE, so there is no client secret to keep.
        generateSecret: false,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
          callbackUrls: [`${siteUrl}/auth/callback`],
          // Signing out ends at the home page, in English or French.
          logoutUrls: [`${siteUrl}/`, `${siteUrl}/fr`],
        },
        supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        accessTokenValidity: Duration.hours(1),
        idTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(30),
      });
      new CfnManagedLoginBranding(this, 'LoginBranding', { userPoolId: tokens.userPool.userPoolId, clientId: client.userPoolClientId, useCognitoProvidedValues: true });
      new CfnOutput(Stack.of(this), 'SiteClientId', { value: client.userPoolClientId });
      // Cognito's access tokens name their client in client_id, which API Gateway checks against the audience.
      audience = [client.userPoolClientId];
      site.addEnvironment('OIDC_CLIENT_ID', client.userPoolClientId);
      site.addEnvironment('OIDC_LOGOUT_URL', tokens.logoutUrl);
    } else {
      audience = tokens.audience;
      site.addEnvironment('OIDC_CLIENT_ID', tokens.siteClientId ?? audience[0]);
      if (tokens.groupsClaim) site.addEnvironment('OIDC_GROUPS_CLAIM', tokens.groupsClaim);
    }
    // The site signs people in with the same issuer the API trusts; its own API scope is Cognito's default access.
    site.addEnvironment('OIDC_ISSUER', tokens.issuer);
    site.addEnvironment('OIDC_SCOPE', 'openid email profile');
    const sessionSecret = new Secret(this, 'SessionSecret', {
      description: "Encrypts the site's session cookies",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Resolved by CloudFormation at deploy time (a dynamic reference): the value is in the function's
    // configuration, never in the template or the repository.
    site.addEnvironment('SESSION_SECRET', sessionSecret.secretValue.unsafeUnwrap());
    Validations.of(sessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the session key would sign everyone out; sessions last an hour, and a redeploy can replace the secret when needed.',
    });
    return audience;
  }
}

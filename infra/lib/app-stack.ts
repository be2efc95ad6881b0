// The stateless stack: the HTTP API (one function per route, from the route table), the site, CloudFront, alarms.
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { CfnManagedLoginBranding, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, type IUserPool } from 'aws-cdk-lib/aws-cognito';
import { Operation, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  Architecture,
  FilterCriteria,
  Function as LambdaFunction,
  LayerVersion,
  LoggingFormat,
  Runtime,
  StartingPosition,
  type IFunction,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import { fallbackContentSecurityPolicy, permissionsPolicy, strictTransportSecurity } from '@collective-actions/shared/security-headers';
import { publicCacheSeconds, routeKey, routes, routeThrottle } from '@collective-actions/functions/routes.ts';
import { basicExecutionRole, PlatformFunction } from './platform-function.ts';
import { siteAssetsSource, siteServerCode } from './site-build.ts';

/** Where access tokens come from: the identity stack's user pool, or another OpenID Connect provider. */
export type TokenIssuer =
  | { kind: 'cognito'; issuer: string; userPool: IUserPool; /** Cognito's own logout address: its discovery document names no end_session_endpoint. */ logoutUrl: string }
  | { kind: 'external'; issuer: string; audience: string[]; groupsClaim?: string; siteClientId?: string };

export interface AppStackProps extends StackProps {
  table: ITableV2;
  tokens: TokenIssuer;
  /** Who gets the alarms by e-mail, if anyone. */
  alarmEmail?: string;
}

// AWS's Lambda Web Adapter (https://github.com/awslabs/aws-lambda-web-adapter) runs the site's Node server in Lambda.
const webAdapterLayer = (stack: Stack) => `arn:aws:lambda:${stack.region}:753240598075:layer:LambdaAdapterLayerArm64:28`;

// Lets the site build absolute URLs for the address the visitor used, not the API's. Names of our
// own: CloudFront reserves some X-Forwarded-* headers for itself.
const viewerHost = `function handler(event) {
  var request = event.request;
  request.headers['x-viewer-host'] = { value: request.headers.host.value };
  request.headers['x-viewer-proto'] = { value: 'https' };
  return request;
}`;

/** How cdk-nag names a value in a finding: itself when known at synth time, else the pseudo parameter. */
const nagName = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

export class AppStack extends Stack {
  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const alarms = new Alarms(this, props.alarmEmail);

    // ---------------------------------------------------------------- the HTTP API
    const api = new HttpApi(this, 'Api', { description: 'Collective Actions API and site', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const stage = new HttpStage(this, 'Stage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      // Per account and region, above any one client: requests past it get 429 before reaching a function.
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    // Each write route, all callers together (routeThrottle in the route table); each caller and organisation has its own
    // allowance below that, which the functions keep (writeThrottle).
    // The property is plain JSON to CloudFormation, so its keys are written as CloudFormation spells them.
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      routes
        .filter((route) => route.method !== 'GET')
        .map((route) => [routeKey(route), { ThrottlingRateLimit: routeThrottle.ratePerSecond, ThrottlingBurstLimit: routeThrottle.burst }]),
    );
    alarms.add('Api5xx', api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5, 'The API answered 5xx');

    // ---------------------------------------------------------------- the site
    const assets = new Bucket(this, 'SiteAssets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt from the repository on every deploy: nothing here to keep (the deployment empties it on delete).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const site = new LambdaFunction(this, 'SiteServer', {
      description: 'Collective Actions site: SvelteKit server rendering',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'run.sh',
      code: siteServerCode(),
      layers: [LayerVersion.fromLayerVersionArn(this, 'WebAdapter', webAdapterLayer(this))],
      memorySize: 1024,
      timeout: Duration.seconds(15),
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, 'SiteServerLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      environment: {
        AWS_LAMBDA_EXEC_WRAPPER: '/opt/bootstrap',
        AWS_LWA_READINESS_CHECK_PROTOCOL: 'tcp',
        PORT: '8080',
        HOST_HEADER: 'x-viewer-host',
        PROTOCOL_HEADER: 'x-viewer-proto',
        API_URL: api.apiEndpoint,
      },
    });
    const siteRoute = new HttpRoute(this, 'SiteRoute', {
      httpApi: api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Site', site),
    });
    Validations.of(site).acknowledge(basicExecutionRole);
    Validations.of(siteRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The site is public; it checks its own session for the pages that need one.',
    });
    Validations.of(assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the build’s fingerprinted static files, public through CloudFront; no request to it needs an audit trail.',
    });
    alarms.addFunction('SiteServer', site);

    // ---------------------------------------------------------------- open data: the snapshot exports and search read
    const openData = new Bucket(this, 'OpenData', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt from the table whenever records change, but kept when the stack goes: deleting it needs it emptied by hand.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(openData).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds the public open-data snapshot, rebuilt from the table, public through CloudFront: no request to it needs an audit trail.',
    });

    // ---------------------------------------------------------------- CloudFront in front of both
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', api.apiEndpoint)));
    // The headers shared/src/security-headers.ts defines, which the local servers add themselves.
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
          includeSubdomains: strictTransportSecurity.includeSubDomains,
          preload: strictTransportSecurity.preload,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        // The site sends its own policy with the hashes of its scripts; this one covers everything else.
        contentSecurityPolicy: { contentSecurityPolicy: fallbackContentSecurityPolicy, override: false },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: permissionsPolicy, override: true }] },
    });
    const dynamic: BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      functionAssociations: [
        {
          eventType: FunctionEventType.VIEWER_REQUEST,
          function: new CloudFrontFunction(this, 'ViewerHost', { code: FunctionCode.fromInline(viewerHost), runtime: FunctionRuntime.JS_2_0 }),
        },
      ],
    };
    const distribution = new Distribution(this, 'Site', {
      comment: `Collective Actions (${this.stackName})`,
      defaultBehavior: {
        ...dynamic,
        // Pages are cached for as long as the site says (briefly, and only pages anyone may see);
        // every cookie is part of the key, so a signed-in page is never served to someone else.
        cachePolicy: new CachePolicy(this, 'Pages', {
          minTtl: Duration.seconds(0),
          defaultTtl: Duration.seconds(0),
          maxTtl: Duration.minutes(5),
          cookieBehavior: CacheCookieBehavior.all(),
          queryStringBehavior: CacheQueryStringBehavior.all(),
          headerBehavior: CacheHeaderBehavior.none(),
          enableAcceptEncodingGzip: true,
          enableAcceptEncodingBrotli: true,
        }),
      },
      additionalBehaviors: {
        // The API's reads, kept as long as each answer's Cache-Control says (the route table's, a minute mostly; never a
        // signed-in person's), told apart by their query, Origin (CORS answers differ) and Authorization.
        '/v1/*': {
          ...dynamic,
          cachePolicy: new CachePolicy(this, 'ApiReads', {
            minTtl: Duration.seconds(0),
            defaultTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(Math.max(publicCacheSeconds, ...routes.map((route) => ('cacheSeconds' in route ? route.cacheSeconds : 0)))),
            cookieBehavior: CacheCookieBehavior.none(),
            queryStringBehavior: CacheQueryStringBehavior.all(),
            headerBehavior: CacheHeaderBehavior.allowList('Authorization', 'Origin'),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
        },
        // Each file says how long it keeps (a minute): exports outgrow what a function may answer, so the API sends readers here.
        '/open-data/*': {
          origin: S3BucketOrigin.withOriginAccessControl(openData),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
        '/_app/*': {
          origin: S3BucketOrigin.withOriginAccessControl(assets),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
      },
    });
    Validations.of(distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'The platform is for governments and civil society in every country: no geographic restriction.' },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'Abuse is limited by API Gateway throttling and the API’s own limits; a WAF web ACL (about 6 USD a month idle) can be attached per deployment.',
      },
      { id: 'AwsSolutions-CFR3', reason: 'Every dynamic request is logged by API Gateway’s access log and the functions; static files need no log.' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'With the default cloudfront.net certificate the minimum TLS version cannot be chosen; a deployment with its own domain sets TLSv1.2_2021.',
      },
    );
    new BucketDeployment(this, 'SiteAssetsDeployment', {
      sources: [siteAssetsSource()],
      destinationBucket: assets,
      // Earlier builds' files stay, for pages still open in browsers; deleting the stack deletes them all.
      prune: false,
      retainOnDelete: false,
    });
    // The deployment's provider function is CDK's own, shared by the stack and run only while deploying.
    const deployer = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    Validations.of(deployer).acknowledge(
      basicExecutionRole,
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: "CDK's BucketDeployment copies the build into the site bucket and needs these object-level actions on it.",
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::<SiteAssetsAFFF3379.Arn>/*]',
        reason: 'Every object of the site bucket, which only holds the build: the deployment replaces them.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:${nagName(this.partition, 'AWS::Partition')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${nagName(this.region, 'AWS::Region')}/*]`,
        reason: "CDK's asset bucket, from which the deployment reads the build.",
      },
      { id: 'AwsSolutions-L1', reason: "CDK's BucketDeployment provider picks its own runtime; it runs only during deployments." },
    );
    const siteUrl = `https://${distribution.distributionDomainName}`;

    // ---------------------------------------------------------------- who may call what
    let audience: string[];
    if (props.tokens.kind === 'cognito') {
      // Made here, beside the site it calls back to; the pool stays in the stateful stack.
      const client = new UserPoolClient(this, 'SiteClient', {
        userPool: props.tokens.userPool,
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
      new CfnManagedLoginBranding(this, 'LoginBranding', {
        userPoolId: props.tokens.userPool.userPoolId,
        clientId: client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
      new CfnOutput(this, 'SiteClientId', { value: client.userPoolClientId });
      // Cognito's access tokens name their client in client_id, which API Gateway checks against the audience.
      audience = [client.userPoolClientId];
      site.addEnvironment('OIDC_CLIENT_ID', client.userPoolClientId);
      site.addEnvironment('OIDC_LOGOUT_URL', props.tokens.logoutUrl);
    } else {
      audience = props.tokens.audience;
      site.addEnvironment('OIDC_CLIENT_ID', props.tokens.siteClientId ?? audience[0]);
      if (props.tokens.groupsClaim) site.addEnvironment('OIDC_GROUPS_CLAIM', props.tokens.groupsClaim);
    }
    // The site signs people in with the same issuer the API trusts; its own API scope is Cognito's default access.
    site.addEnvironment('OIDC_ISSUER', props.tokens.issuer);
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
    const authorizer = new HttpJwtAuthorizer('Jwt', props.tokens.issuer, { jwtAudience: audience });

    // The snapshot builder runs when records change: the table's stream, batched for up to a minute, without the
    // idempotency and throttle records, whose writes and expiries change nothing published.
    const openDataUrl = `${siteUrl}/open-data/`;
    const builder = new PlatformFunction(this, 'SnapshotBuilder', {
      entry: 'functions/src/jobs/build-snapshot.ts',
      description: 'Builds the open-data snapshot: exports, data package, search index',
      environment: { SNAPSHOT_BUCKET: openData.bucketName, SNAPSHOT_URL: openDataUrl, SITE_URL: siteUrl, POWERTOOLS_SERVICE_NAME: 'collective-actions-open-data' },
      timeout: Duration.minutes(5),
      memorySize: 2048,
    });
    builder.bindTable(props.table, 'read');
    builder.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [openData.arnForObjects('open-data/*')] }));
    Validations.of(builder).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::<OpenData12C7EFDD.Arn>/open-data/*]',
      reason: 'The builder writes the files of the snapshot, whose names are those of the exports: only PutObject, only under open-data/.',
    });
    builder.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10_000,
        maxBatchingWindow: Duration.minutes(1),
        retryAttempts: 3,
        filters: [
          FilterCriteria.filter({ dynamodb: { Keys: { [tableDefinition.partitionKey]: { S: [{ 'anything-but': [...tableDefinition.unpublishedPartitions] }] } } } }),
        ],
      }),
    );
    alarms.addFunction('SnapshotBuilder', builder.function);

    for (const route of routes) {
      const handler = new PlatformFunction(this, pascal(route.handler), {
        entry: `functions/src/handlers/${route.handler}.ts`,
        description: routeKey(route),
        // Search keeps the snapshot's index in memory: a few hundred MB at 100,000 contributions (docs/open-data.md).
        ...(route.table === 'snapshot' ? { memorySize: 2048 } : {}),
        environment: {
          ALLOWED_ORIGINS: siteUrl,
          SITE_URL: siteUrl,
          POWERTOOLS_SERVICE_NAME: 'collective-actions-api',
          ...(props.tokens.kind === 'external' && props.tokens.groupsClaim ? { GROUPS_CLAIM: props.tokens.groupsClaim } : {}),
          // API Gateway's authorizer cannot be optional: these functions check a token themselves, against the same issuer and audience.
          ...(route.access === 'optional' ? { OIDC_ISSUER: props.tokens.issuer, OIDC_AUDIENCE: audience.join(',') } : {}),
          ...(route.table === 'snapshot' ? { SNAPSHOT_URL: openDataUrl } : {}),
        },
      });
      if (route.table === 'read' || route.table === 'write') handler.bindTable(props.table, route.table);
      const open = route.access === 'public' || route.access === 'optional';
      // Every GET answers HEAD too (RFC 9110), from the same function, which leaves the body out.
      const apiRoutes = api.addRoutes({
        path: route.path,
        methods: route.method === 'GET' ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(pascal(route.handler), handler.function),
        authorizer: open ? undefined : authorizer,
      });
      for (const apiRoute of open ? apiRoutes : []) {
        Validations.of(apiRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.access === 'public'
              ? 'A public route of open data: anyone may read it.'
              : 'Anyone may read it; its function checks a bearer token itself when one comes, to show its holder more.',
        });
      }
      alarms.addFunction(pascal(route.handler), handler.function);
    }

    const throttled = props.table.metricThrottledRequestsForOperations({
      // The operations the repository uses (an alarm takes at most ten metrics).
      operations: [Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.TRANSACT_WRITE_ITEMS],
      period: Duration.minutes(5),
    });
    alarms.add('TableThrottles', throttled, 1, 'DynamoDB throttled requests');

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
  }
}

/** Alarms, each notifying one topic (and an e-mail address when one is given). */
class Alarms {
  private readonly stack: Stack;
  private readonly topic: Topic;

  constructor(stack: Stack, email: string | undefined) {
    this.stack = stack;
    this.topic = new Topic(stack, 'Alarms', { displayName: 'Collective Actions alarms', enforceSSL: true });
    if (email) this.topic.addSubscription(new EmailSubscription(email));
  }

  add(id: string, metric: IMetric, threshold: number, description: string): void {
    new Alarm(this.stack, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    }).addAlarmAction(new SnsAction(this.topic));
  }

  /** One alarm per function for its errors and throttles together. */
  addFunction(id: string, fn: IFunction): void {
    const period = Duration.minutes(5);
    this.add(
      `${id}Failures`,
      new MathExpression({
        expression: 'errors + throttles',
        usingMetrics: { errors: fn.metricErrors({ period }), throttles: fn.metricThrottles({ period }) },
        period,
      }),
      1,
      `${fn.node.path}: errors or throttles`,
    );
  }
}

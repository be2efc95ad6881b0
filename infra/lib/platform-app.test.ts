import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import { publicCacheSeconds, routeThrottle } from '@collective-actions/shared/api-policy';
import { routeKey, routes, unmatchedRouteKey } from '@collective-actions/shared/routes';
import { repositoryRoot } from './platform-function.ts';
import { definePlatform } from './platform-app.ts';

// Every assembly goes to a directory of its own, removed after the run (CDK's default is a temporary directory it keeps).
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((outdir) => rmSync(outdir, { recursive: true, force: true })));

/** An app that builds no bundles, writing its assembly where the run cleans up. */
function newApp(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'collective-actions-synth-'));
  outdirs.push(outdir);
  return new App({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
}

/** The platform as `cdk synth` makes it (same feature flags), without building the bundles. */
function synthesize(context: Record<string, string> = {}) {
  const { context: flags } = JSON.parse(readFileSync(`${repositoryRoot}cdk.json`, 'utf8'));
  const app = newApp({ ...flags, ...context });
  const stacks = definePlatform(app);
  const assembly = app.synth();
  return { stacks, assembly };
}

const { stacks, assembly } = synthesize();
const data = Template.fromStack(stacks.data);
const identity = Template.fromStack(stacks.identity!);
const application = Template.fromStack(stacks.app);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;

describe('the data stack', () => {
  const [[, table]] = resources(data, 'AWS::DynamoDB::GlobalTable');

  it('has the keys and indexes of the shared table definition, all strings', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      table.Properties.GlobalSecondaryIndexes.map((index: any) => ({
        indexName: index.IndexName,
        partitionKey: index.KeySchema[0].AttributeName,
        sortKey: index.KeySchema[1].AttributeName,
        projection: index.Projection.ProjectionType,
      })),
    ).toEqual(tableDefinition.globalSecondaryIndexes.map((index) => ({ ...index, projection: 'ALL' })));
    expect(table.Properties.AttributeDefinitions.every((attribute: any) => attribute.AttributeType === 'S')).toBe(true);
  });

  it('is on-demand, recoverable to a point in time, protected from deletion, retained, and unnamed', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.TableName).toBeUndefined();
  });
});

describe('the identity stack', () => {
  it('signs people in by verified e-mail, on a pool that survives the stack', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'ESSENTIALS',
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
    });
    identity.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has the stewards group and a managed login domain', () => {
    identity.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'stewards' });
    identity.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
  });

  it('gives the site a public client for the authorization-code flow with PKCE, calling back to the site', () => {
    application.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      GenerateSecret: false,
      CallbackURLs: [Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/auth/callback'])]) })],
      LogoutURLs: [Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/'])]) }), Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/fr'])]) })],
    });
    application.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('tells the site whom to sign people in with, and a session key from Secrets Manager it never sees in the template', () => {
    const [[, site]] = resources(application, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Description === 'Collective Actions site: SvelteKit server rendering');
    const variables = site.Properties.Environment.Variables;
    expect(variables).toMatchObject({ OIDC_ISSUER: expect.anything(), OIDC_CLIENT_ID: { Ref: expect.stringMatching(/^SiteClient/) }, OIDC_SCOPE: 'openid email profile' });
    // Cognito names no end_session_endpoint: signing out ends its session at its own /logout.
    expect(JSON.stringify(variables.OIDC_LOGOUT_URL)).toContain('/logout');
    expect(JSON.stringify(variables.SESSION_SECRET)).toMatch(/resolve:secretsmanager/);
  });
});

describe('the API', () => {
  const apiRoutes = resources(application, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);
  const functions = resources(application, 'AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes('/v1'));

  it('wires every route of the route table, HEAD beside each GET, the catch-all /v1 route, and the site behind everything else', () => {
    const heads = routes.filter((route) => route.method === 'GET').map((route) => `HEAD ${route.path}`);
    expect(apiRoutes.map((route) => route.RouteKey).sort()).toEqual([...routes.map(routeKey), ...heads, unmatchedRouteKey, '$default'].sort());
    expect(apiRoutes.find((route) => route.RouteKey === unmatchedRouteKey)!.AuthorizationType).toBe('NONE');
    for (const head of heads) {
      const [get, wired] = [apiRoutes.find((route) => route.RouteKey === head.replace('HEAD', 'GET'))!, apiRoutes.find((route) => route.RouteKey === head)!];
      expect(wired.Target, head).toEqual(get.Target);
      expect(wired.AuthorizationType, head).toBe(get.AuthorizationType);
    }
  });

  it('puts the JWT authorizer on exactly the routes that need a signed-in caller', () => {
    for (const route of routes) {
      const wired = apiRoutes.find((candidate) => candidate.RouteKey === routeKey(route))!;
      expect(wired.AuthorizationType, routeKey(route)).toBe(route.access === 'public' || route.access === 'optional' ? 'NONE' : 'JWT');
    }
    application.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });

  it("tells the functions of optional sign-in routes the authorizer's issuer and audience, and no other function", () => {
    for (const route of routes) {
      const [, fn] = functions.find(([, candidate]) => candidate.Properties.Description === routeKey(route))!;
      const variables = fn.Properties.Environment.Variables;
      if (route.access === 'optional') {
        expect(variables, routeKey(route)).toMatchObject({ OIDC_ISSUER: expect.anything(), OIDC_AUDIENCE: expect.anything() });
      } else {
        expect(variables.OIDC_ISSUER, routeKey(route)).toBeUndefined();
      }
    }
  });

  it('gives the key of the unsubscribe links to the functions that sign and check them, and to no other, as a dynamic reference', () => {
    const holders = resources(application, 'AWS::Lambda::Function')
      .filter(([, fn]) => fn.Properties.Environment?.Variables?.UNSUBSCRIBE_SECRET !== undefined)
      .map(([, fn]) => String(fn.Properties.Description))
      .sort();
    expect(holders).toEqual([
      'Delivers notifications from the outbox to the inboxes of the people concerned',
      'GET /v1/unsubscribe',
      'POST /v1/unsubscribe',
      'Sends the daily and weekly digests whose window has ended in their reader’s time zone',
    ]);
    for (const [, fn] of functions.filter(([, candidate]) => String(candidate.Properties.Description).endsWith('/v1/unsubscribe'))) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.UNSUBSCRIBE_SECRET)).toMatch(/resolve:secretsmanager/);
    }
  });

  it('stays within the 500 resources CloudFormation allows a stack, the route functions sharing a role per kind of table access and one log group', () => {
    expect(Object.keys(application.toJSON().Resources).length).toBeLessThan(500);
    const roles = new Set(functions.map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0]));
    expect(roles.size).toBe(3);
    const logGroups = new Set(functions.map(([, fn]) => fn.Properties.LoggingConfig.LogGroup.Ref));
    expect(logGroups.size).toBe(1);
    expect(resources(application, 'AWS::Logs::LogGroup').find(([id]) => logGroups.has(id))?.[1].Properties.RetentionInDays).toBe(30);
  });

  it('has one function per route (and the catch-all route), on Node 24 and arm64', () => {
    expect(functions.map(([, fn]) => fn.Properties.Description).sort()).toEqual([...routes.map(routeKey), unmatchedRouteKey].sort());
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    }
  });

  it('gives read routes no write permission, routes without the table no access to it, and no function a wildcard action or resource', () => {
    const policies = resources(application, 'AWS::IAM::Policy');
    for (const [, fn] of functions) {
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const route = routes.find((candidate) => routeKey(candidate) === fn.Properties.Description) ?? { table: 'none' };
      const statements = policies
        .filter(([, policy]) => policy.Properties.Roles.some((ref: any) => ref.Ref === role))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
      const actions = statements.flatMap((statement: any) => [statement.Action].flat());
      const writes = actions.filter((action: string) => /Put|Update|Delete|Write/.test(action));
      expect(writes, fn.Properties.Description).toEqual(route.table === 'write' ? expect.arrayContaining(['dynamodb:PutItem']) : []);
      if (route.table === 'none') expect(actions.filter((action: string) => action.startsWith('dynamodb:')), fn.Properties.Description).toEqual([]);
      expect(actions).not.toContain('dynamodb:Scan');
      for (const statement of statements) {
        expect([statement.Action].flat()).not.toContain('*');
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|\/\*"/);
      }
    }
  });

  it('lets browsers call the functions from the site’s origin only', () => {
    for (const [, fn] of functions) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.ALLOWED_ORIGINS)).toMatch(/https:\/\/.*SiteDistribution|DomainName/);
    }
    expect(resources(application, 'AWS::ApiGatewayV2::Api')[0][1].Properties.CorsConfiguration).toBeUndefined();
  });

  it('throttles each write route as the local gateway does', () => {
    const [[, stage]] = resources(application, 'AWS::ApiGatewayV2::Stage');
    const writes = routes.filter((route) => route.method !== 'GET').map(routeKey);
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(writes.sort());
    for (const key of writes) {
      expect(stage.Properties.RouteSettings[key]).toEqual({ ThrottlingRateLimit: routeThrottle.ratePerSecond, ThrottlingBurstLimit: routeThrottle.burst });
    }
  });

  it("lets CloudFront keep the API's reads as their Cache-Control says, told apart by query, Origin and Authorization", () => {
    const longest = Math.max(publicCacheSeconds, ...routes.map((route) => ('cacheSeconds' in route ? route.cacheSeconds : 0)));
    application.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: longest,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization', 'Origin'] },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'none' },
        }),
      }),
    });
  });

  it('throttles the stage and keeps an access log', () => {
    application.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('the site', () => {
  it('keeps its assets in a private bucket', () => {
    application.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('serves pages, API and assets through one distribution with security headers', () => {
    application.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/v1/*' }),
          Match.objectLike({ PathPattern: '/_app/*' }),
        ]),
      }),
    });
    application.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'") }),
        }),
      },
    });
  });
});

/** The IAM actions a function's role allows. */
function actionsOf(fn: any): string[] {
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return resources(application, 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((ref: any) => ref.Ref === role))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .flatMap((statement: any) => [statement.Action].flat());
}

describe('notifications', () => {
  const notifier = () => resources(application, 'AWS::Lambda::Function').find(([, fn]) => String(fn.Properties.Description).startsWith('Delivers notifications'))!;

  it('delivers each outbox insert from the table’s stream, record by record, the undeliverable to a dead-letter queue with an alarm', () => {
    const [id] = notifier();
    const [queueId] = resources(application, 'AWS::SQS::Queue').find(([queue]) => queue.startsWith('NotificationsUndelivered'))!;
    application.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: id },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { SK: { S: ['OUTBOX'] } } } }) }] },
    });
    application.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
  });

  it('runs the digest sender every hour, with one more try within the hour, and lets it write the table and nothing else', () => {
    const [id, sender] = resources(application, 'AWS::Lambda::Function').find(([, fn]) => String(fn.Properties.Description).startsWith('Sends the daily and weekly digests'))!;
    application.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [id, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600 } },
    });
    expect(sender.Properties.Timeout).toBe(900);
    const actions = actionsOf(sender);
    expect(actions.filter((action: string) => !action.startsWith('dynamodb:'))).toEqual([]);
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('runs the reminder writer every quarter of an hour, and lets it write the table and nothing else, without the mail’s secrets', () => {
    const [id, writer] = resources(application, 'AWS::Lambda::Function').find(([, fn]) => String(fn.Properties.Description).startsWith('Writes the reminders'))!;
    application.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [id, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 900 } },
    });
    expect(Object.keys(writer.Properties.Environment.Variables).sort()).toEqual(['POWERTOOLS_SERVICE_NAME', 'TABLE_NAME']);
    const actions = actionsOf(writer);
    expect(actions.filter((action: string) => !action.startsWith('dynamodb:'))).toEqual([]);
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('runs the match notice writer every hour, with the table and the snapshot’s address, without the mail’s secrets', () => {
    const [id, writer] = resources(application, 'AWS::Lambda::Function').find(([, fn]) => String(fn.Properties.Description).startsWith('Writes the weekly notices'))!;
    application.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [id, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600 } },
    });
    expect(Object.keys(writer.Properties.Environment.Variables).sort()).toEqual(['POWERTOOLS_SERVICE_NAME', 'SNAPSHOT_URL', 'TABLE_NAME']);
    expect(JSON.stringify(writer.Properties.Environment.Variables.SNAPSHOT_URL)).toMatch(/open-data\//);
    const actions = actionsOf(writer);
    expect(actions.filter((action: string) => !action.startsWith('dynamodb:'))).toEqual([]);
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('lets the notifier write the table, and nothing else', () => {
    const actions = actionsOf(notifier()[1]);
    expect(actions.filter((action: string) => !action.startsWith('dynamodb:') && !action.startsWith('sqs:'))).toEqual([]);
    expect(actions).toContain('dynamodb:PutItem');
  });
});

describe('open data', () => {
  const functions = resources(application, 'AWS::Lambda::Function');
  const builder = () => functions.find(([, fn]) => String(fn.Properties.Description).startsWith('Builds the open-data snapshot'))!;

  it('rebuilds the snapshot from the table’s stream, batched for up to a minute, leaving out idempotency records', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'KEYS_ONLY' } });
    const [id] = builder();
    application.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: id },
      StartingPosition: 'LATEST',
      MaximumBatchingWindowInSeconds: 60,
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { PK: { S: [{ prefix: 'ACTION#' }, { prefix: 'THEME#' }, { prefix: 'ORGANISATION#' }] } } } }) }],
      },
    });
  });

  it('lets DynamoDB delete idempotency records once they expire', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
  });

  it('lets the builder only read the table and write files under open-data/', () => {
    const actions = actionsOf(builder()[1]);
    expect(actions.filter((action: string) => action.startsWith('s3:'))).toEqual(['s3:PutObject']);
    expect(actions.filter((action: string) => /dynamodb:(Put|Update|Delete)/.test(action))).toEqual([]);
  });

  it('serves the snapshot through CloudFront, where the export and search functions read it', () => {
    application.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/open-data/*' })]) }),
    });
    for (const route of routes.filter((candidate) => 'snapshot' in candidate)) {
      const [, fn] = functions.find(([, candidate]) => candidate.Properties.Description === routeKey(route))!;
      expect(JSON.stringify(fn.Properties.Environment.Variables.SNAPSHOT_URL), routeKey(route)).toMatch(/open-data\//);
    }
  });
});

describe('observability and checks', () => {
  it('logs every function to a log group of its own with a retention', () => {
    for (const template of [identity, application]) {
      const groups = Object.fromEntries(resources(template, 'AWS::Logs::LogGroup'));
      for (const [id, fn] of resources(template, 'AWS::Lambda::Function')) {
        // Named in the function's logging configuration, or (CDK's own deployment function) named after it.
        const group =
          groups[fn.Properties.LoggingConfig?.LogGroup?.Ref] ??
          Object.values(groups).find((candidate) => JSON.stringify(candidate.Properties.LogGroupName ?? '').includes(`"Ref":"${id}"`));
        expect(group?.Properties.RetentionInDays, id).toBeGreaterThan(0);
      }
      for (const [id, group] of Object.entries(groups)) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('alarms on API 5xx, every function’s errors and throttles, DynamoDB throttles and undelivered notifications', () => {
    const alarms = resources(application, 'AWS::CloudWatch::Alarm');
    const ids = alarms.map(([id]) => id);
    expect(ids.some((id) => id.includes('Api5xx'))).toBe(true);
    // Each function's errors and throttles, counted as none when it is not called, in an alarm that names it.
    const watched = (functionId: string, metric: string) =>
      alarms.some(([, alarm]) =>
        (alarm.Properties.Metrics ?? []).some(
          (query: any) =>
            query.MetricStat?.Metric.MetricName === metric &&
            query.MetricStat.Metric.Dimensions.some((dimension: any) => dimension.Value.Ref === functionId) &&
            alarm.Properties.Metrics.some((sum: any) => sum.ReturnData !== false && String(sum.Expression).includes(`FILL(${query.Id}, 0)`)),
        ),
      );
    // Every function of the platform's (not the one CDK brings to copy the site's assets).
    const functions = resources(application, 'AWS::Lambda::Function').map(([id]) => id).filter((id) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(functions.length).toBeGreaterThan(routes.length);
    expect(functions.filter((id) => !watched(id, 'Errors') || !watched(id, 'Throttles'))).toEqual([]);
    // Five route functions to an alarm, and one each for the catch-all route, the site server, the snapshot builder, the
    // notifier, the digest sender, the reminder writer and the match notice writer.
    expect(ids.filter((id) => id.includes('Failures'))).toHaveLength(Math.ceil(routes.length / 5) + 7);
    expect(ids.some((id) => id.includes('TableThrottles'))).toBe(true);
    expect(ids.some((id) => id.includes('UndeliveredNotifications'))).toBe(true);
  });

  it('passes cdk-nag’s AwsSolutions rules, every finding acknowledged with a reason', () => {
    const report = JSON.parse(readFileSync(`${assembly.directory}/validation-report.json`, 'utf8'));
    expect(report.pluginReports.flatMap((plugin: any) => plugin.violations ?? [])).toEqual([]);
  });

  it('fails the synthesis on a finding nobody acknowledged', () => {
    const app = newApp({});
    const { data: stack } = definePlatform(app);
    new Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });
});

describe('with another OpenID Connect provider', () => {
  const external = synthesize({ oidcIssuer: 'https://login.example.gov', oidcAudience: 'collective-actions', oidcGroupsClaim: 'roles' });

  it('has no Cognito and points the authorizer at that issuer', () => {
    expect(external.stacks.identity).toBeUndefined();
    const template = Template.fromStack(external.stacks.app);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://login.example.gov', Audience: ['collective-actions'] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ GROUPS_CLAIM: 'roles' }) } });
  });
});

describe('with e-mail through SES', () => {
  const withMail = synthesize({ mailFrom: 'Collective Actions <notifications@collective-actions.example.org>' });
  const template = Template.fromStack(withMail.stacks.app);
  const functions = resources(template, 'AWS::Lambda::Function');
  const described = (start: string) => functions.find(([, fn]) => String(fn.Properties.Description).startsWith(start))!;
  const statementsOf = (fn: Resource) =>
    resources(template, 'AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((ref: any) => ref.Ref === fn.Properties.Role['Fn::GetAtt'][0]))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);

  it('sends as the domain, with Easy DKIM and a MAIL FROM subdomain, through a configuration set that requires TLS', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'collective-actions.example.org',
      MailFromAttributes: { MailFromDomain: 'mail.collective-actions.example.org' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
    for (const start of ['Delivers notifications', 'Sends the daily and weekly digests']) {
      const [, fn] = described(start);
      expect(fn.Properties.Environment.Variables).toMatchObject({
        MAIL_FROM: 'Collective Actions <notifications@collective-actions.example.org>',
        MAIL_CONFIGURATION_SET: { Ref: expect.stringMatching(/^MailConfigurationSet/) },
      });
      expect(fn.Properties.Environment.Variables.MAIL_SMTP_URL).toBeUndefined();
      const ses = statementsOf(fn).filter((statement: any) => [statement.Action].flat().some((action: string) => action.startsWith('ses:')));
      expect(ses.map((statement: any) => statement.Action)).toEqual(['ses:SendEmail']);
      expect(JSON.stringify(ses[0].Resource)).toMatch(/identity\/collective-actions\.example\.org|MailIdentity/);
      expect(JSON.stringify(ses[0].Resource)).toMatch(/configuration-set/);
    }
  });

  it('records bounces and complaints, from the configuration set through EventBridge, with a function that may only write the table', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], EventBridgeDestination: Match.anyValue() },
    });
    const [id, feedback] = described('Stops e-mail to the addresses SES reports');
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint Received'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } })],
    });
    const actions = statementsOf(feedback).flatMap((statement: any) => [statement.Action].flat());
    expect(actions.filter((action: string) => !action.startsWith('dynamodb:'))).toEqual([]);
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('passes cdk-nag, and stays within 500 resources', () => {
    const report = JSON.parse(readFileSync(`${withMail.assembly.directory}/validation-report.json`, 'utf8'));
    expect(report.pluginReports.flatMap((plugin: any) => plugin.violations ?? [])).toEqual([]);
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(500);
  });
});

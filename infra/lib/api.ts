// The HTTP API: one function per route of the route table, behind API Gateway's stage throttles and access log.
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeThrottle, stageThrottle } from '@collective-actions/shared/api-policy';
import { routeKey, routes, unmatchedRouteKey } from '@collective-actions/shared/routes';
import { routeFunction, unmatchedRouteFunction, type Deployment } from '@collective-actions/functions/function-definitions.ts';
import type { Alarms } from './alarms.ts';
import { PlatformFunction, logGroupKeptAMonth, sharedRole } from './platform-function.ts';

export class Api extends Construct {
  readonly httpApi: HttpApi;
  private readonly alarms: Alarms;

  constructor(scope: Construct, id: string, alarms: Alarms) {
    super(scope, id);
    this.alarms = alarms;
    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'Collective Actions API and site', createDefaultStage: false });
    const accessLogs = logGroupKeptAMonth(this, 'AccessLogs');
    const stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Each route, all callers together, unless it says otherwise below: requests past it get 429 before reaching a function.
      throttle: { rateLimit: stageThrottle.ratePerSecond, burstLimit: stageThrottle.burst },
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
    alarms.add('Api5xx', this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5, 'The API answered 5xx');
  }

  get endpoint(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Every /v1 request no route takes: its function answers preflights, 404 and 405 as the API's problems. */
  private addUnmatchedRoute(deployment: Deployment, role: Role, logGroup: ILogGroup): void {
    const definition = unmatchedRouteFunction(deployment);
    const fn = new PlatformFunction(this, definition.name, { ...definition, alarms: this.alarms, role, logGroup });
    const route = new HttpRoute(this, 'UnmatchedRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(unmatchedRouteKey.replace(/^ANY /, ''), HttpMethod.ANY),
      integration: new HttpLambdaIntegration(definition.name, fn.function),
    });
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: 'It answers requests no route takes (preflights, 404, 405): nothing to authorise.' });
  }

  /** Everything the routes do not take: the site. */
  addDefaultRoute(fn: IFunction): void {
    const route = new HttpRoute(this, 'SiteRoute', { httpApi: this.httpApi, routeKey: HttpRouteKey.DEFAULT, integration: new HttpLambdaIntegration('Site', fn) });
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: 'The site is public; it checks its own session for the pages that need one.' });
  }

  /** A function per route of the route table, with exactly the table access and environment its route needs, logging to one log group. */
  addRouteFunctions(table: ITableV2, deployment: Deployment): void {
    const roles = { none: sharedRole(this, 'NoTableRole', 'none', table), read: sharedRole(this, 'ReadRole', 'read', table), write: sharedRole(this, 'WriteRole', 'write', table) };
    // One log group for them all: each function's streams carry its name, and so does each line it logs.
    const logGroup = logGroupKeptAMonth(this, 'RouteLogs');
    this.addUnmatchedRoute(deployment, roles.none, logGroup);
    const authorizer = new HttpJwtAuthorizer('Jwt', deployment.issuer, { jwtAudience: deployment.audience });
    const handlers = routes.map((route) => {
      const definition = routeFunction(route, deployment);
      const handler = new PlatformFunction(this, definition.name, { ...definition, role: roles[definition.table ?? 'none'], logGroup });
      const open = route.access === 'public' || route.access === 'optional';
      // Every GET answers HEAD too (RFC 9110), from the same function, which leaves the body out.
      const apiRoutes = this.httpApi.addRoutes({
        path: route.path,
        methods: route.method === 'GET' ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]],
        // One permission per function, for this API (not one per route and method): the stack stays within
        // CloudFormation's 500 resources. Only this API's routes integrate with the function, and each names it.
        integration: new HttpLambdaIntegration(definition.name, handler.function, { scopePermissionToRoute: false }),
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
      return handler.function;
    });
    this.alarms.addFunctions('Routes', handlers);
  }
}

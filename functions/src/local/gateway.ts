// The local stand-in for API Gateway's HTTP API as the CDK stack configures it: the route table's routes (HEAD beside
// each GET) and the catch-all /v1 route, the JWT authorizer on the routes that have it, the stage's throttles per route,
// version 2.0 events to each route's function in the local Lambda service, and API Gateway's own answers when it
// refuses a request or a function fails.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { BadRequest, Problem } from '@collective-actions/shared';
import { routeThrottle, stageThrottle } from '@collective-actions/shared/api-policy';
import { routeKey, routesMatching, unmatchedRouteKey } from '@collective-actions/shared/routes';
import { fallbackContentSecurityPolicy, securityHeaders } from '@collective-actions/shared/security-headers';
import { accessTokenVerifier } from '../http/access-tokens.ts';
import { problemReply } from '../http/problem-responses.ts';
import type { LambdaService, Outcome } from './lambda-service.ts';
import { serve } from './serve.ts';

type Reply = APIGatewayProxyStructuredResultV2;

// API Gateway's own limit on request bodies (its 30 s integration timeout is longer than any function's).
const maxRequestBytes = 10 * 1024 * 1024;

/** An answer of API Gateway itself, as it words them. */
const gatewayAnswer = (statusCode: number, message: string, headers: Record<string, string> = {}): Reply => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ message }),
});

/**
 * What API Gateway answers for an invocation: the function's result (a bare value as a JSON body, as payload format 2.0
 * reads it), or its own 500 when the function failed or ran past its timeout.
 */
function answerOf(outcome: Outcome): Reply {
  if (outcome.kind !== 'result') {
    console.error(`A local function failed: ${outcome.kind === 'timeout' ? outcome.errorMessage : `${outcome.errorType}: ${outcome.errorMessage}`}`);
    return gatewayAnswer(500, 'Internal Server Error');
  }
  const result = outcome.result;
  if (result && typeof result === 'object' && 'statusCode' in result) return result as Reply;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
}

/** API Gateway's throttle of a route: a token bucket of `burst` requests, refilled at `ratePerSecond`, for all callers together. */
function tokenBucket({ ratePerSecond, burst }: { ratePerSecond: number; burst: number }) {
  let tokens = burst;
  let at = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - at) / 1000) * ratePerSecond);
    at = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/** API Gateway passes every claim as a string; lists become "[a b]". */
function claimsAsApiGatewayPassesThem(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxRequestBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const isText = (contentType: string | undefined) =>
  !contentType || /^(text\/|application\/([\w.+-]+\+)?(json|xml)|application\/x-www-form-urlencoded)/i.test(contentType);

/**
 * Writes an answer with one header per name (API Gateway joins a name sent twice in different cases), and the security
 * headers as CloudFront's response headers policy sets them: over the function's, but for the policy, which a page
 * brings of its own.
 */
function send(response: ServerResponse, result: Reply): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    const lower = name.toLowerCase();
    headers[lower] = lower in headers ? `${headers[lower]}, ${value}` : String(value);
  }
  Object.assign(headers, securityHeaders(false));
  headers['content-security-policy'] ??= fallbackContentSecurityPolicy;
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
}

export interface GatewayOptions {
  port: number;
  issuer: string;
  audience: string;
  lambda: LambdaService;
  /** The function behind each route key: HEAD routes and the catch-all route included. */
  integrations: Map<string, string>;
}

export async function startGateway(options: GatewayOptions): Promise<{ stop: () => Promise<void> }> {
  const verify = accessTokenVerifier(options.issuer, [options.audience]);
  const throttles = new Map<string, () => boolean>();
  const throttled = (key: string) => {
    if (!throttles.has(key)) throttles.set(key, tokenBucket(/^(GET|HEAD|ANY) /.test(key) ? stageThrottle : routeThrottle));
    return !throttles.get(key)!();
  };

  async function dispatch(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', 'http://gateway.local');
    const method = request.method ?? 'GET';
    // Everything outside /v1 is the site's (the default route, in AWS): this gateway serves the API only.
    if (!url.pathname.startsWith('/v1/')) return gatewayAnswer(404, 'Not Found');
    // A route of the table, HEAD beside each GET; else the catch-all route, whose function answers preflights, 404 and 405.
    const body = await readBody(request);
    if (!body) return gatewayAnswer(413, 'Request Entity Too Large');
    const found = routesMatching(url.pathname).find(({ route }) => route.method === (method === 'HEAD' ? 'GET' : method));
    const key = found ? (method === 'HEAD' ? `HEAD ${found.route.path}` : routeKey(found.route)) : unmatchedRouteKey;
    if (throttled(key)) return gatewayAnswer(429, 'Too Many Requests');

    const pathParameters: Record<string, string> = {};
    for (const [name, raw] of Object.entries(found?.params ?? { proxy: url.pathname.slice('/v1/'.length) })) {
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        throw new BadRequest(`The ${name} in the path is not correctly URL-encoded.`);
      }
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const queryStringParameters: Record<string, string> = {};
    for (const [name, value] of url.searchParams) {
      queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
    }
    // As in AWS, routes open to anyone have no authorizer: an optional token is the function's to check.
    const checked = found && found.route.access !== 'public' && found.route.access !== 'optional';
    let claims: Record<string, string> | undefined;
    if (checked) {
      try {
        claims = claimsAsApiGatewayPassesThem(await verify(headers.authorization));
      } catch (error) {
        if (!(error instanceof Problem && error.status === 401)) throw error;
        // The authorizer's own refusal, before any function runs.
        return gatewayAnswer(401, 'Unauthorized', { 'www-authenticate': headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer' });
      }
    }
    const text = isText(headers['content-type']);
    const now = new Date();
    const requestId = randomUUID();
    const event = {
      version: '2.0',
      routeKey: key,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      cookies: request.headers.cookie?.split(/;\s*/),
      headers,
      queryStringParameters: url.search ? queryStringParameters : undefined,
      pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: url.pathname,
          protocol: `HTTP/${request.httpVersion}`,
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: key,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: claims.scope?.split(' ') ?? [] } } } : {}),
      },
      body: body.length ? body.toString(text ? 'utf8' : 'base64') : undefined,
      isBase64Encoded: body.length > 0 && !text,
    } as APIGatewayProxyEventV2WithJWTAuthorizer;
    const target = options.integrations.get(key);
    if (!target) throw new Error(`No function is integrated with ${key}`);
    return answerOf(await options.lambda.invoke(target, event));
  }

  return serve((request, response) => {
    dispatch(request)
      .catch((error) => {
        if (error instanceof Problem) return problemReply(error);
        console.error('The local gateway failed:', error);
        return gatewayAnswer(500, 'Internal Server Error');
      })
      .then((result) => send(response, result));
  }, options.port);
}

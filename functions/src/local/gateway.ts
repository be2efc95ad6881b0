// The local stand-in for API Gateway's HTTP API: routes from the route table, JWT checks as its authorizer does, version
// 2.0 events to each route's function in the local Lambda service, and its answers when a function fails.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { BadRequest, MethodNotAllowed, NotFound, PayloadTooLarge, Problem } from '@collective-actions/shared';
import { fallbackContentSecurityPolicy, securityHeaders } from '@collective-actions/shared/security-headers';
import { accessTokenVerifier } from '../http/access-tokens.ts';
import { methodsOf } from '../http/http-semantics.ts';
import { problemReply } from '../http/problem-responses.ts';
import { routeKey, routes } from '@collective-actions/shared/routes';
import type { LambdaService, Outcome } from './lambda-service.ts';
import { serve } from './serve.ts';

// API Gateway's own limit on request bodies (its 30 s integration timeout is longer than any function's).
const maxRequestBytes = 10 * 1024 * 1024;

const compiled = routes.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replaceAll('.', '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

/**
 * What API Gateway answers for an invocation: the function's result (a bare value as a JSON body, as payload format 2.0
 * reads it), or its own 500 when the function failed or ran past its timeout.
 */
function answerOf(outcome: Outcome): APIGatewayProxyStructuredResultV2 {
  if (outcome.kind !== 'result') {
    console.error(`A local function failed: ${outcome.kind === 'timeout' ? outcome.errorMessage : `${outcome.errorType}: ${outcome.errorMessage}`}`);
    return { statusCode: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal Server Error' }) };
  }
  const result = outcome.result;
  if (result && typeof result === 'object' && 'statusCode' in result) return result as APIGatewayProxyStructuredResultV2;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
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

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxRequestBytes) throw new PayloadTooLarge(maxRequestBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const isText = (contentType: string | undefined) =>
  !contentType || /^(text\/|application\/([\w.+-]+\+)?(json|xml)|application\/x-www-form-urlencoded)/i.test(contentType);

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  // As CloudFront's response headers policy adds them in AWS.
  const headers: Record<string, string | string[]> = {
    ...securityHeaders(false),
    'content-security-policy': fallbackContentSecurityPolicy,
    ...(result.headers as Record<string, string>),
  };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
}

export interface GatewayOptions {
  port: number;
  issuer: string;
  audience: string;
  lambda: LambdaService;
  /** The function behind each route key, HEAD routes included. */
  integrations: Map<string, string>;
}

export async function startGateway(options: GatewayOptions): Promise<{ stop: () => Promise<void> }> {
  const verify = accessTokenVerifier(options.issuer, [options.audience]);
  async function dispatch(request: IncomingMessage): Promise<APIGatewayProxyStructuredResultV2> {
    const url = new URL(request.url ?? '/', 'http://gateway.local');
    const method = request.method ?? 'GET';
    const matches = compiled.flatMap(({ route, pattern }) => {
      const match = pattern.exec(url.pathname);
      return match ? [{ route, groups: match.groups ?? {} }] : [];
    });
    if (matches.length === 0) throw new NotFound(`No API route matches ${url.pathname}.`);
    // CORS preflight goes to a handler of the path, whose CORS middleware answers it (API Gateway's CORS setting does this in AWS).
    // HEAD goes to the path's GET route, as the HEAD routes the CDK adds beside each GET do in AWS.
    const found = method === 'OPTIONS' ? matches[0] : matches.find(({ route }) => route.method === (method === 'HEAD' ? 'GET' : method));
    if (!found) throw new MethodNotAllowed(method, [...new Set(matches.flatMap(({ route }) => methodsOf(route.path)))]);
    const { route, groups } = found;

    const pathParameters: Record<string, string> = {};
    for (const [name, raw] of Object.entries(groups)) {
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
    const checked = route.access !== 'public' && route.access !== 'optional' && method !== 'OPTIONS';
    const claims = checked ? claimsAsApiGatewayPassesThem(await verify(headers.authorization)) : undefined;
    const body = await readBody(request);
    const text = isText(headers['content-type']);
    const now = new Date();
    const requestId = randomUUID();
    const key = method === 'HEAD' ? `HEAD ${route.path}` : routeKey(route);
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
    const target = options.integrations.get(method === 'OPTIONS' ? routeKey(route) : key);
    if (!target) throw new Error(`No function is integrated with ${key}`);
    return answerOf(await options.lambda.invoke(target, event));
  }

  return serve((request, response) => {
    dispatch(request)
      .catch((error) => {
        if (error instanceof Problem) return problemReply(error);
        console.error('The local gateway failed:', error);
        return problemReply(new Problem(500, 'internal-error', 'Internal error', 'The local gateway failed.'));
      })
      .then((result) => send(response, result));
  }, options.port);
}

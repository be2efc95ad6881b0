// What HTTP (RFC 9110) asks of every answer, in one place, after everything else has had its say: header names folded
// to one case (and Vary's values merged), Vary: Origin, Cache-Control from the route table, an ETag and 304 for a
// conditional GET, HEAD as GET without the body, and Allow on OPTIONS.
import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { publicCacheSeconds } from '@collective-actions/shared/api-policy';
import { routes, type Route } from '@collective-actions/shared/routes';

type Reply = APIGatewayProxyStructuredResultV2;

/** An entity tag of a text: strong for the bytes themselves, weak for a text the same in all but what `weak` says. */
export const entityTag = (text: string, weak = false) =>
  `${weak ? 'W/' : ''}"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;

/** Every method a path answers: its routes', HEAD with GET, and OPTIONS. */
export function methodsOf(path: string): string[] {
  const methods = routes.filter((route) => route.path === path).map((route) => route.method as string);
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
}

/** What shared caches and browsers may keep of a successful read: anyone's answers for a while, a signed-in person's never. */
export function cacheControlOf(route: Route): string {
  if (route.access !== 'public' && route.access !== 'optional') return 'private, no-store';
  const seconds = 'cacheSeconds' in route ? route.cacheSeconds : publicCacheSeconds;
  return seconds === 0 ? 'no-store' : `public, max-age=${seconds}`;
}

/** Headers with one name each, in lower case; the values of a header named twice (Vary, vary) joined, each once. */
function folded(headers: Reply['headers'] = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.trim().toLowerCase();
    result[lower] = lower in result ? `${result[lower]}, ${value}` : String(value);
  }
  if (result.vary) result.vary = [...new Set(result.vary.split(',').map((token) => token.trim().toLowerCase()).filter(Boolean))].join(', ');
  return result;
}

const tagsIn = (header: string) => header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
const opaque = (tag: string) => tag.replace(/^W\//, '');

/** Whether the client's copy is current: If-None-Match by weak comparison, or else If-Modified-Since (RFC 9110, 13.1). */
function notModified(request: Record<string, string | undefined>, headers: Record<string, string>): boolean {
  const ifNoneMatch = request['if-none-match'];
  if (ifNoneMatch !== undefined) return tagsIn(ifNoneMatch).some((tag) => tag === '*' || opaque(tag) === opaque(headers.etag));
  const since = Date.parse(request['if-modified-since'] ?? '');
  return headers['last-modified'] !== undefined && !Number.isNaN(since) && Date.parse(headers['last-modified']) <= since;
}

// What a 304 keeps of the 200 it stands for (RFC 9110, 15.4.5).
const keptBy304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'last-modified'];

export function finishReply(route: Route, event: APIGatewayProxyEventV2, reply: Reply): Reply {
  // The CORS headers answer the Origin a request sends, or none: a cache must tell requests apart by it.
  const headers = folded({ ...reply.headers, 'vary ': 'origin' });
  const method = event.requestContext.http.method;
  const status = reply.statusCode ?? 200;
  let body = reply.body;
  let statusCode = status;
  if (method === 'OPTIONS') headers.allow = methodsOf(route.path).join(', ');
  if (method === 'GET' || method === 'HEAD') {
    headers['cache-control'] ??= status < 400 ? cacheControlOf(route) : 'no-store';
    if (status === 200 && body !== undefined) {
      headers.etag ??= entityTag(body);
      if (notModified(event.headers ?? {}, headers)) {
        statusCode = 304;
        body = undefined;
        for (const name of Object.keys(headers)) if (!keptBy304.includes(name)) delete headers[name];
      }
    }
    if (method === 'HEAD' && body !== undefined) {
      headers['content-length'] = String(reply.isBase64Encoded ? Buffer.from(body, 'base64').byteLength : Buffer.byteLength(body));
      body = undefined;
    }
  }
  return { ...reply, statusCode, headers, body };
}

type Request = Parameters<NonNullable<MiddlewareObj<APIGatewayProxyEventV2, Reply>['before']>>[0];

/**
 * Registered first, so that it runs last, on answers and errors alike. A preflight is answered by the CORS middleware
 * given, before anything else runs, then finished here (middy runs no `after` for an answer a `before` gave).
 */
export const httpSemantics = (route: Route, cors: MiddlewareObj<APIGatewayProxyEventV2, Reply>): MiddlewareObj<APIGatewayProxyEventV2, Reply> => {
  const finish = (request: { event: APIGatewayProxyEventV2; response?: Reply | null }) => {
    if (request.response) request.response = finishReply(route, request.event, request.response);
  };
  return {
    before: async (request: Request) => {
      if (request.event.requestContext.http.method !== 'OPTIONS') return undefined;
      await cors.before?.(request);
      return finishReply(route, request.event, request.response ?? { statusCode: 204 });
    },
    after: finish,
    onError: finish,
  };
};

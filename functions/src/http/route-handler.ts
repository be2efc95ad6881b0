// Wraps a route's use case in the middy stack every handler shares, so a handler is a few lines.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { BadRequest, PayloadTooLarge, Unauthorized, UnsupportedMediaType, ValidationFailed, fieldErrorsOf, writeJson } from '@collective-actions/shared';
import { formMediaTypes, type RequestSchemas } from '@collective-actions/shared/api-policy';
import { findRoute, type AccessOf, type RequestOf, type Route, type RouteKey } from '@collective-actions/shared/routes';
import { isRevoked } from '../data/sessions.ts';
import { accessTokenVerifier } from './access-tokens.ts';
import { authorise, type Act } from '../services/authorisation.ts';
import type { Caller } from '../services/caller.ts';
import { callerFrom } from './caller.ts';
import { entityTag, httpSemantics, methodsOf } from './http-semantics.ts';
import { logger } from './logger.ts';
import { problemResponses } from './problem-responses.ts';
import { throttleWrites } from './write-throttle.ts';

export const maxBodyBytes = 64 * 1024;

/** The event as API Gateway sends it, plus the caller the authorisation step resolved. */
type Event = APIGatewayProxyEventV2WithJWTAuthorizer & { caller?: Caller };
export type Reply = APIGatewayProxyStructuredResultV2;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteRequest<Key extends RouteKey, S extends RequestSchemas = RequestOf<Key>> {
  /** The JSON body, or the form's fields. */
  body: S['body'] extends z.ZodType ? z.output<S['body']> : Parsed<S['form']>;
  query: Parsed<S['query']>;
  params: Parsed<S['params']>;
  /** Always there on routes that need a signed-in caller; never on public ones; on optional ones when a valid token came. */
  caller: AccessOf<Key> extends 'public' ? undefined : AccessOf<Key> extends 'optional' ? Caller | undefined : Caller;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: writeJson(body),
});

export const noContent = (): Reply => ({ statusCode: 204 });

/**
 * An iCalendar feed. Its DTSTAMPs say when it was written, so no two are the same bytes: its entity tag is a weak one,
 * of what it says without them, so that a calendar client asking again gets 304 until an item changes.
 */
export const calendar = (name: string, body: string): Reply => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${name}.ics"`,
    etag: entityTag(body.replace(/^DTSTAMP:.*\r\n/gm, ''), true),
  },
  body,
});

const bodyBytes = (event: Event) =>
  event.body === undefined ? 0 : event.isBase64Encoded ? Buffer.from(event.body, 'base64').byteLength : Buffer.byteLength(event.body);

/** Refuses oversized bodies, and bodies sent to routes that take none, before anything parses them. */
const bodyGuard = (takes: 'a JSON body' | 'a form' | undefined): MiddlewareObj<Event> => ({
  before: ({ event }) => {
    const bytes = bodyBytes(event);
    if (bytes > maxBodyBytes) throw new PayloadTooLarge(maxBodyBytes);
    if (!takes && bytes > 0) throw new BadRequest('This request takes no body: send it without one.');
    if (takes && bytes === 0) throw new BadRequest(`This request needs ${takes}.`);
  },
});

/** Reads a form body into its fields (the last of a repeated one), as the web platform's own FormData parses either media type. */
const formBodyParser = (): MiddlewareObj<Event> => ({
  before: async ({ event }) => {
    const type = event.headers['content-type'];
    if (!formMediaTypes.some((media) => type?.split(';')[0].trim().toLowerCase() === media)) throw new UnsupportedMediaType(type, formMediaTypes.join(' or '));
    const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    const form = await new Response(bytes, { headers: { 'content-type': type! } }).formData().catch(() => {
      throw new BadRequest(`The body is not a form that ${type} can carry.`);
    });
    (event as { body: unknown }).body = Object.fromEntries([...form].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]));
  },
});

export function parse<S extends z.ZodType>(schema: S | undefined, input: unknown, where: 'body' | 'parameters'): z.output<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailed(fieldErrorsOf(result.error, where));
  return result.data;
}

let optionalTokens: ReturnType<typeof accessTokenVerifier> | undefined;

/** Checks the token of an optional-token route against the issuer and audience the deployment names. */
function verifyOptionalToken(authorization: string) {
  const { OIDC_ISSUER, OIDC_AUDIENCE } = process.env;
  if (!OIDC_ISSUER || !OIDC_AUDIENCE) throw new Error('OIDC_ISSUER and OIDC_AUDIENCE must be set for routes with optional sign-in');
  optionalTokens ??= accessTokenVerifier(OIDC_ISSUER, OIDC_AUDIENCE.split(','));
  return optionalTokens(authorization);
}

/** The caller, unless their session was signed out: the token checks out, but its holder said it was over. */
async function stillSignedIn(caller: Caller | undefined): Promise<Caller | undefined> {
  if (caller?.token && (await isRevoked(caller.token.id))) throw new Unauthorized('This session was signed out: sign in again.');
  return caller;
}

/** Resolves the caller the route's access needs, before anything reads the request. */
const authorisation = (route: Route): MiddlewareObj<Event> => {
  // What an optional-token route answers, errors included, depends on who asks: no shared cache may keep a signed-in answer.
  const varyByCaller = ({ event, response }: { event: Event; response: Reply | null }) => {
    if (route.access !== 'optional' || !response) return;
    response.headers = { ...response.headers, vary: 'authorization', ...(event.caller ? { 'cache-control': 'private, no-store' } : {}) };
  };
  return {
    before: async ({ event }) => {
      if (route.access === 'public') return;
      if (route.access === 'optional') {
        const authorization = event.headers.authorization;
        if (authorization) event.caller = await stillSignedIn(callerFrom((await verifyOptionalToken(authorization)) as Parameters<typeof callerFrom>[0]));
        return;
      }
      const caller = await stillSignedIn(callerFrom(event.requestContext.authorizer?.jwt?.claims));
      if (!caller) throw new Unauthorized();
      // The authorisation table holds each steward route under its handler's name (checked by its test).
      if (route.access === 'steward') await authorise(caller, route.handler as Act);
      event.caller = caller;
    },
    after: varyByCaller,
    onError: varyByCaller,
  };
};

const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? 'http://localhost:3000').split(',');

/** CORS for the site's origin on a path: what it may send, see and keep, for the methods `methods` lists. */
export const corsFor = (methods: string[]) =>
  httpCors({
    origins: allowedOrigins,
    // A preflight is answered before anything reads the request (see httpSemantics).
    disableBeforePreflightResponse: false,
    methods: methods.join(', '),
    headers: 'authorization, content-type, idempotency-key',
    exposeHeaders: 'location, retry-after, idempotent-replayed',
    maxAge: 600,
  });

/**
 * The shared stack around a route's use case, which it calls with the request parsed with the route table's schemas
 * (and the event and context, for what stands around the use case itself).
 */
export function handlerStack<const Key extends RouteKey>(
  key: Key,
  invoke: (request: RouteRequest<Key>, event: Event, context: Context) => Promise<Reply>,
) {
  const route = findRoute(key);
  if (!route) throw new Error(`${key} is not in the route table`);
  const schemas: RequestSchemas = 'request' in route ? route.request : {};
  const cors = corsFor(methodsOf(route.path));
  const stack = middy<Event, Reply>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpSemantics(route, cors))
    .before(({ event }) => logger.setCorrelationId(event.requestContext.requestId))
    .use(httpHeaderNormalizer())
    .use(authorisation(route))
    .use(bodyGuard(schemas.body ? 'a JSON body' : schemas.form ? 'a form' : undefined));
  if (schemas.body) stack.use(httpJsonBodyParser());
  if (schemas.form) stack.use(formBodyParser());
  stack.use(throttleWrites(route));
  return stack
    .use(cors)
    .use(problemResponses())
    .handler(async (event, context) => {
      const request = {
        body: parse(schemas.body ?? schemas.form, event.body, 'body'),
        query: parse(schemas.query, event.queryStringParameters ?? {}, 'parameters'),
        params: parse(schemas.params, event.pathParameters ?? {}, 'parameters'),
        caller: event.caller,
      } as RouteRequest<Key>;
      return invoke(request, event, context);
    });
}

/** The Lambda handler of a route other than a POST (those are `idempotentRouteHandler`'s): its use case behind the shared stack. */
export function routeHandler<const Key extends Exclude<RouteKey, `POST ${string}`>>(key: Key, useCase: (request: RouteRequest<Key>) => Promise<Reply>) {
  return handlerStack(key, useCase);
}

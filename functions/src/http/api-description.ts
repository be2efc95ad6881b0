// The OpenAPI 3.1 description of the API, generated from the route table and its zod schemas (never written by hand).
import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  action,
  agendaItem,
  coalitionMember,
  contribution,
  membershipEvent,
  organisation,
  person,
  problemDocument,
  theme,
} from '@collective-actions/shared';
import { formMediaTypes, idempotencyHeaders, type ReplySchema, type RequestSchemas } from '@collective-actions/shared/api-policy';
import { routes, type Route } from '@collective-actions/shared/routes';
import { maxBodyBytes } from './route-handler.ts';

/** The problem types (RFC 9457 `type`) each status stands for, and when a route can answer it. */
const problemTypes = {
  400: { types: ['bad-request', 'validation-error'], when: () => true, about: 'The request is malformed, or a field is not valid (see `errors`).' },
  401: { types: ['unauthorized'], when: (route: Route) => route.access !== 'public', about: 'No valid bearer access token came.' },
  403: {
    types: ['forbidden'],
    when: (route: Route) => route.access !== 'public',
    about: 'The caller may not do this (on a route anyone may call: may not see what was asked for, such as hidden contributions).',
  },
  404: { types: ['not-found'], when: (route: Route) => requestOf(route).params !== undefined, about: 'Nothing public has this address.' },
  409: {
    types: ['conflict', 'stale-version', 'request-in-progress'],
    when: (route: Route) => route.method !== 'GET' && route.table === 'write',
    about:
      'The change clashes with the current state, or the record changed since the version sent, or (POST) the request with the same ' +
      '`Idempotency-Key` is still being processed: send it again after `Retry-After` seconds.',
  },
  // Refused before anything reads it, on a route that takes no body too.
  413: { types: ['payload-too-large'], when: (route: Route) => route.method !== 'GET', about: `The body is over ${maxBodyBytes / 1024} KB.` },
  429: {
    types: ['too-many-requests'],
    when: (route: Route) => route.method !== 'GET',
    about: 'Too many changes in a short time: try again after `Retry-After` seconds.',
  },
  422: {
    types: ['idempotency-key-reused'],
    when: (route: Route) => route.method === 'POST',
    about: 'The `Idempotency-Key` was already used for a request with another body or address.',
  },
  415: {
    types: ['unsupported-media-type'],
    when: (route: Route) => requestOf(route).body !== undefined || requestOf(route).form !== undefined,
    about: 'The body is not of the media type the route takes.',
  },
  500: { types: ['internal-error'], when: () => true, about: 'Something failed on our side; it has been logged.' },
  503: {
    types: ['service-unavailable'],
    when: () => true,
    about: 'The database or the open-data snapshot is briefly unavailable: try again after `Retry-After` seconds.',
  },
} as const;

/**
 * What API Gateway answers itself, before or instead of a function, as `{"message": …}`: 401 from the JWT authorizer on
 * the routes that have it, 413 over 10 MB, 429 past a route's throttle, 500 when a function failed or ran out of time.
 */
const gatewayAnswers = {
  401: { when: (route: Route) => route.access === 'signed-in' || route.access === 'steward', about: 'the gateway found no valid bearer token (`WWW-Authenticate` says which)' },
  413: { when: () => true, about: 'the body is over 10 MB' },
  429: { when: () => true, about: 'the route had more requests than it takes from all callers together' },
  500: { when: () => true, about: 'the function failed, or ran past its timeout' },
} as const;

const gatewayMessage = z.object({ message: z.string() }).meta({ description: "API Gateway's own answer" });

const requestOf = (route: Route): RequestSchemas => ('request' in route ? route.request : {});

const problemResponse = (status: keyof typeof problemTypes) => ({
  description: `${problemTypes[status].about} Problem types: ${problemTypes[status].types.map((type) => `\`/problems/${type}\``).join(', ')}.`,
  content: { 'application/problem+json': { schema: problemDocument } },
  ...(status === 503 || status === 429 || status === 409 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } } } } : {}),
});

/** What every read may send to ask only for a change (RFC 9110, 13.1). */
const conditionalHeaders = z.object({
  'if-none-match': z
    .string()
    .optional()
    .meta({ description: 'The `ETag` of the copy the client has: the answer is 304, without a body, while it is current' }),
  'if-modified-since': z
    .string()
    .optional()
    .meta({ description: 'Where an answer has `Last-Modified`: 304 while nothing changed since (ignored when `If-None-Match` comes)' }),
});

const readHeaders = {
  ETag: { description: 'Identifies this version of the answer, for `If-None-Match`', schema: { type: 'string' as const } },
  'Cache-Control': { description: 'How long it may be kept: a while for anyone’s answers, never for a signed-in person’s', schema: { type: 'string' as const } },
  Vary: { description: 'What else the answer depends on: `origin` always, `authorization` where a signed-in caller may see more', schema: { type: 'string' as const } },
};

const notModified = {
  description: 'Not modified: the copy named by `If-None-Match` (or not changed since `If-Modified-Since`) is current. No body.',
  headers: { ETag: readHeaders.ETag, 'Cache-Control': readHeaders['Cache-Control'], Vary: readHeaders.Vary },
};

const location = { Location: { description: 'The address of what was created, or where to get it', schema: { type: 'string' as const } } };
const replayed = {
  'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`', schema: { type: 'string' as const } },
};

function successResponse(route: Route, status: number, reply: ReplySchema) {
  const description = { 201: 'Created; `Location` gives its address.', 204: 'Done; no content.', 302: 'Found: `Location` gives where to get it.' }[status] ?? 'OK';
  const headers = {
    ...(status === 201 || status === 302 ? location : {}),
    ...(route.method === 'POST' ? replayed : {}),
    ...(route.method === 'GET' && status === 200 ? readHeaders : {}),
  };
  return {
    description,
    ...(reply === null
      ? {}
      : {
          content: Object.fromEntries(
            Object.entries(reply instanceof z.ZodType ? { 'application/json': reply } : reply).map(([mediaType, schema]) => [mediaType, { schema }]),
          ),
        }),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
}

const security: Record<Route['access'], Array<Record<string, string[]>>> = {
  // Said outright, so that no document-wide default ever applies to a public operation.
  public: [],
  optional: [{}, { bearer: [] }],
  'signed-in': [{ bearer: [] }],
  steward: [{ bearer: [] }],
};

const accessNote = {
  public: 'Anyone may call it.',
  optional: 'Anyone may call it; a signed-in caller who may see more (leads, stewards, the organisation itself) sends a bearer token. The answer varies by `Authorization`.',
  'signed-in': 'Needs a bearer access token.',
  steward: 'Needs the bearer access token of a platform steward.',
} as const;

const operationIdOf = (route: Route) => route.handler.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

function operationOf(route: Route): ZodOpenApiOperationObject {
  const request = requestOf(route);
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, reply] of Object.entries(route.replies)) responses[status as `2${string}`] = successResponse(route, Number(status), reply);
  if (route.method === 'GET') responses['304'] = notModified;
  for (const status of Object.keys(problemTypes).map(Number) as Array<keyof typeof problemTypes>) {
    if (problemTypes[status].when(route)) responses[`${status}`] = problemResponse(status);
  }
  for (const status of Object.keys(gatewayAnswers).map(Number) as Array<keyof typeof gatewayAnswers>) {
    if (!gatewayAnswers[status].when(route)) continue;
    const problem = responses[`${status}`] as ReturnType<typeof problemResponse> | undefined;
    const about = `Or, as \`{"message": …}\`, when ${gatewayAnswers[status].about}.`;
    responses[`${status}`] = {
      ...problem,
      description: problem ? `${problem.description} ${about}` : `Sent by API Gateway, as \`{"message": …}\`, when ${gatewayAnswers[status].about}.`,
      content: { ...problem?.content, 'application/json': { schema: gatewayMessage } },
    };
  }
  return {
    operationId: operationIdOf(route),
    summary: route.summary,
    description: accessNote[route.access],
    tags: [route.path.split('/')[2].replace(/\..*$/, '')],
    security: security[route.access],
    // Who may call it, in one word, for readers (the site's developers page) that do not read `security`.
    'x-access': route.access,
    requestParams: {
      ...(request.params ? { path: request.params } : {}),
      ...(request.query ? { query: request.query } : {}),
      ...(route.method === 'POST' ? { header: idempotencyHeaders } : {}),
      ...(route.method === 'GET' ? { header: conditionalHeaders } : {}),
    },
    ...(request.body ? { requestBody: { required: true, content: { 'application/json': { schema: request.body } } } } : {}),
    ...(request.form ? { requestBody: { required: true, content: Object.fromEntries(formMediaTypes.map((media) => [media, { schema: request.form }])) } } : {}),
    responses,
  };
}

/** HEAD of a read: the same answer, headers only. */
function headOf(route: Route): ZodOpenApiOperationObject {
  const get = operationOf(route);
  const responses = Object.fromEntries(
    Object.entries(get.responses).map(([status, response]) => {
      const { content: _, ...headersOnly } = response as { content?: unknown };
      return [status, headersOnly];
    }),
  ) as ZodOpenApiResponsesObject;
  return { ...get, operationId: `${operationIdOf(route)}Head`, summary: `${route.summary} (headers only)`, responses };
}

export function apiDescription() {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operationOf(route);
    if (route.method === 'GET') item.head = headOf(route);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Collective Actions API',
      version: '1',
      description:
        'Contributions, coalitions and agendas of international collective actions for open government. ' +
        'Errors are RFC 9457 problem documents (`application/problem+json`); each operation lists the types it can answer, and a method ' +
        'a path does not take answers 405 `/problems/method-not-allowed` with `Allow`. Lists page with an opaque `cursor`: pass the `next` value of one page to get the following one.',
      // The data the API serves is under the Licence Ouverte 2.0 (stated with the exports); this is the software's licence.
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OpenID Connect access token from the platform\'s issuer' } },
      schemas: {
        Theme: theme,
        Action: action,
        Contribution: contribution,
        Organisation: organisation,
        CoalitionMember: coalitionMember,
        MembershipEvent: membershipEvent,
        AgendaItem: agendaItem,
        Person: person,
        Problem: problemDocument,
      },
    },
  });
}

// The site's one client of the API, derived from the API's route table: each call names a route by its key ("GET
// /v1/actions/{slug}"), and its path, parameters, body and answer come from the table and its schemas.
import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import * as z from 'zod';
import { problemDocument, type ProblemDocument } from '@collective-actions/shared';
import { answerSchemaOf, findRoute, pathOf, type AnswerOf, type RequestOf, type Route, type RouteKey } from '@collective-actions/shared/routes';

type Fetch = typeof globalThis.fetch;

type ReadKey = Extract<RouteKey, `GET ${string}`>;
export type ChangeKey = Exclude<RouteKey, ReadKey>;
type Input<Schemas, Part extends string> = Schemas extends { [P in Part]: infer S extends z.ZodType } ? z.input<S> : undefined;
type ParamsOf<Key extends RouteKey> = Input<RequestOf<Key>, 'params'>;
/** Its JSON body, or the fields of its form. */
type BodyOf<Key extends RouteKey> = RequestOf<Key> extends { form: infer S extends z.ZodType } ? z.input<S> : Input<RequestOf<Key>, 'body'>;

/** What a change sends: its path parameters and query, its body, and the key that makes sending it twice safe. */
export interface ChangeRequest<Key extends RouteKey> {
  params?: ParamsOf<Key>;
  query?: Record<string, string>;
  body?: BodyOf<Key>;
  idempotencyKey?: string;
}

/** A change's body as its route takes it: a form's fields, or JSON. */
function bodyOf(route: Route, body: unknown): { type: string; text: string } | undefined {
  if (body === undefined) return undefined;
  if ('request' in route && 'form' in route.request) return { type: 'application/x-www-form-urlencoded', text: String(new URLSearchParams(body as Record<string, string>)) };
  return { type: 'application/json', text: JSON.stringify(body) };
}

/** The API's problem, or API Gateway's own refusal (`{"message": …}`: no token, too many requests) as one. */
function problemOf(status: number, body: unknown): ProblemDocument {
  const problem = problemDocument.safeParse(body);
  if (problem.success) return problem.data;
  const message = String((body as { message?: unknown } | null)?.message ?? '');
  return { type: 'about:blank', title: message, status, detail: message };
}

/** What a change answers: the record, or the problem the API explains (a 4xx the person can act on). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ProblemDocument };

const routeOf = (key: RouteKey): Route => findRoute(key)!;

/** The query a route understands, from any parameters (a page's own query string, say): others and empty ones dropped. */
function queryOf(route: Route, given: URLSearchParams | Record<string, string> | undefined): string {
  const schema = 'request' in route && 'query' in route.request ? route.request.query : undefined;
  const names = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const entries = given instanceof URLSearchParams ? [...given] : Object.entries(given ?? {});
  const query = new URLSearchParams(entries.filter(([name, value]) => names.includes(name) && value !== ''));
  return query.size ? `?${query}` : '';
}

/** The API's public address of a route, for links a visitor follows (downloads, feeds, the OpenAPI document). */
export const apiAddress = <Key extends ReadKey>(key: Key, params?: ParamsOf<Key>) => `${API_URL}${pathOf(routeOf(key), params as Record<string, string>)}`;

/** Where the API's paths start. */
export const apiBase = `${API_URL}/v1`;

/** A client for one request of the site: with the signed-in person's token (sent from the server only), if any. */
export function apiClient(fetch: Fetch, token?: string) {
  const authorised = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const address = (route: Route, params: unknown) => `${API_URL}${pathOf(route, params as Record<string, string>)}`;
  return {
    /**
     * Reads a resource; a 404, 403, 400 or 503 becomes the site's own error page, anything else unexpected a 500 that
     * names it. The answer is checked with the route's schema, or a narrower one of the site's (`shape`).
     */
    async read<Key extends ReadKey, S extends z.ZodType | undefined = undefined>(
      key: Key,
      request: { params?: ParamsOf<Key>; query?: URLSearchParams | Record<string, string> } = {},
      shape?: S,
    ): Promise<S extends z.ZodType ? z.output<S> : AnswerOf<Key>> {
      const route = routeOf(key);
      const url = `${address(route, request.params)}${queryOf(route, request.query)}`;
      const response = await fetch(url, { headers: authorised() });
      if (response.status === 404) error(404, 'Not found');
      if (response.status === 403) error(403, 'Forbidden');
      // A query the API refuses (a hand-edited filter, say) is the visitor's to fix, not a failure of the site.
      if (response.status === 400) error(400, 'Bad request');
      // The open data and the search index are being built (on a first start): a moment's wait, not a failure.
      if (response.status === 503) error(503, 'Service unavailable');
      if (!response.ok) throw new Error(`The API answered ${response.status} for ${key} (${url}).`);
      return (shape ?? answerSchemaOf(route))!.parse(await response.json()) as never;
    },

    /** Sends a change; a 4xx comes back as the API's problem, for the form to show. */
    async change<Key extends ChangeKey>(
      key: Key,
      request: ChangeRequest<Key> = {},
    ): Promise<Outcome<AnswerOf<Key>>> {
      const route = routeOf(key);
      const body = bodyOf(route, request.body);
      const response = await fetch(`${address(route, request.params)}${queryOf(route, request.query)}`, {
        method: route.method,
        headers: {
          ...authorised(),
          ...(body ? { 'content-type': body.type } : {}),
          ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
        },
        body: body?.text,
      });
      if (response.status >= 400 && response.status < 500) return { ok: false, problem: problemOf(response.status, await response.json()) };
      if (!response.ok) throw new Error(`The API answered ${response.status} for ${key}.`);
      const schema = answerSchemaOf(route);
      return { ok: true, value: (schema && response.status !== 204 ? schema.parse(await response.json()) : undefined) as AnswerOf<Key> };
    },

    /** Whether the session's token is still good: false once it was signed out or it expired (the API being down is neither). */
    sessionIsOpen: async () => (await fetch(address(routeOf('GET /v1/me/session'), {}), { headers: authorised() })).status !== 401,

    /** A calendar feed as the API serves it, passed on under the site's own address. */
    async calendar<Key extends 'GET /v1/agenda.ics' | 'GET /v1/actions/{slug}/agenda.ics'>(key: Key, params?: ParamsOf<Key>): Promise<Response> {
      const response = await fetch(address(routeOf(key), params));
      if (response.status === 404) error(404, 'Not found');
      if (!response.ok) throw new Error(`The API answered ${response.status} for ${key}.`);
      const headers = ['content-type', 'content-disposition', 'cache-control'].flatMap((name) =>
        response.headers.has(name) ? [[name, response.headers.get(name)!] as [string, string]] : [],
      );
      return new Response(response.body, { headers });
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** What the site shows of the open-data package descriptor. */
export const dataPackage = z.object({
  created: z.iso.datetime(),
  resources: z.array(z.object({ name: z.string(), path: z.string(), format: z.string(), schema: z.object({ fields: z.array(z.object({ name: z.string() })) }) })),
});

const parameter = z.object({ name: z.string(), in: z.string(), required: z.boolean().optional() });

/** What the API reference shows of the OpenAPI description. */
export const apiDescription = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string(),
        summary: z.string(),
        tags: z.array(z.string()),
        'x-access': z.enum(['public', 'optional', 'signed-in', 'steward']),
        parameters: z.array(parameter).optional(),
        // Each body's fields, and which are required.
        requestBody: z
          .object({
            content: z.record(z.string(), z.object({ schema: z.object({ properties: z.record(z.string(), z.unknown()).default({}), required: z.array(z.string()).default([]) }) })),
          })
          .optional(),
        responses: z.record(z.string(), z.object({ description: z.string() })),
      }),
    ),
  ),
});

export type ApiOperation = z.output<typeof apiDescription>['paths'][string][string];

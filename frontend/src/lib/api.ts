// The site's one client of the API: every call, and the check that answers have the agreed shape.
import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import * as z from 'zod';
import {
  me,
  organisation,
  people,
  problemDocument,
  type ProblemDocument,
  action,
  actionList,
  actionView,
  agendaItem,
  agendaPage,
  coalitionMembersView,
  contribution,
  contributionPage,
  contributionView,
  membershipHistory,
  organisationView,
  organisationHistory,
  organisationPage,
  searchResults,
  stats,
  verificationQueue,
} from '@collective-actions/shared';

type Fetch = typeof globalThis.fetch;

/** The signed-in person's access token, sent to the API from the server only. */
type Token = string | undefined;

const authorised = (token: Token): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Reads an API resource; a 404 becomes the site's own 404, anything else unexpected a 500 that names it. */
async function read<S extends z.ZodType>(fetch: Fetch, path: string, schema: S, query?: URLSearchParams, token?: Token): Promise<z.output<S>> {
  const search = query?.size ? `?${query}` : '';
  const response = await fetch(`${API_URL}/v1${path}${search}`, { headers: authorised(token) });
  if (response.status === 404) error(404, 'Not found');
  if (response.status === 403) error(403, 'Forbidden');
  // A query the API refuses (a hand-edited filter, say) is the visitor's to fix, not a failure of the site.
  if (response.status === 400) error(400, 'Bad request');
  // The open data and the search index are being built (on a first start): a moment's wait, not a failure.
  if (response.status === 503) error(503, 'Service unavailable');
  if (!response.ok) throw new Error(`The API answered ${response.status} for ${path}${search}.`);
  return schema.parse(await response.json());
}

/** What a change answers: the record, or the problem the API explains (a 4xx the person can act on). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ProblemDocument };

async function change<S extends z.ZodType>(
  fetch: Fetch,
  token: Token,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema?: S,
  idempotencyKey?: string,
): Promise<Outcome<z.output<S> | undefined>> {
  const response = await fetch(`${API_URL}/v1${path}`, {
    method,
    headers: {
      ...authorised(token),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400 && response.status < 500) return { ok: false, problem: problemDocument.parse(await response.json()) };
  if (!response.ok) throw new Error(`The API answered ${response.status} for ${method} ${path}.`);
  return { ok: true, value: schema && response.status !== 204 ? schema.parse(await response.json()) : undefined };
}

/** Only the parameters an API list understands, from a page's own query string. */
const pick = (from: URLSearchParams, names: string[]) =>
  new URLSearchParams([...from].filter(([name, value]) => names.includes(name) && value !== ''));

/** The API's public address of a path, for links a visitor follows (downloads, feeds, the OpenAPI document). */
export const apiAddress = (path: string) => `${API_URL}/v1${path}`;

/** What the site shows of the open-data package descriptor. */
const dataPackage = z.object({
  created: z.iso.datetime(),
  resources: z.array(z.object({ name: z.string(), path: z.string(), format: z.string(), schema: z.object({ fields: z.array(z.object({ name: z.string() })) }) })),
});

const parameter = z.object({ name: z.string(), in: z.string(), required: z.boolean().optional() });

/** What the API reference shows of the OpenAPI description. */
const apiDescription = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string(),
        summary: z.string(),
        tags: z.array(z.string()),
        security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
        parameters: z.array(parameter).optional(),
        requestBody: z.unknown().optional(),
        responses: z.record(z.string(), z.object({ description: z.string() })),
      }),
    ),
  ),
});

export type ApiOperation = z.output<typeof apiDescription>['paths'][string][string];

export const api = (fetch: Fetch, token?: Token) => ({
  search: (q: string) => read(fetch, '/search', searchResults, new URLSearchParams({ q })),
  dataPackage: () => read(fetch, '/exports/datapackage.json', dataPackage),
  apiDescription: () => read(fetch, '/openapi.json', apiDescription),
  actions: () => read(fetch, '/actions', actionList),
  /** With what the caller may do with it. */
  action: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}`, actionView, undefined, token),
  contributions: (slug: string, query: URLSearchParams) =>
    read(fetch, `/actions/${encodeURIComponent(slug)}/contributions`, contributionPage, pick(query, ['type', 'organisationKind', 'country', 'cursor'])),
  /** With a token: hidden ones too, to those who may see them; with what the caller may do with it. */
  contribution: (slug: string, id: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}`, contributionView, undefined, token),
  /** With a token: requests too, to those who may see them; with what the caller may do in the coalition. */
  members: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/members`, coalitionMembersView, undefined, token),
  hiddenContributions: (slug: string) =>
    read(fetch, `/actions/${encodeURIComponent(slug)}/contributions`, contributionPage, new URLSearchParams({ visibility: 'hidden', limit: '100' }), token),
  requestMembership: (slug: string, body: unknown, key?: string) =>
    change(fetch, token, 'POST', `/actions/${encodeURIComponent(slug)}/members`, body, undefined, key),
  changeMembership: (slug: string, organisationId: string, body: unknown) =>
    change(fetch, token, 'PATCH', `/actions/${encodeURIComponent(slug)}/members/${encodeURIComponent(organisationId)}`, body),
  leaveCoalition: (slug: string, organisationId: string) =>
    change(fetch, token, 'DELETE', `/actions/${encodeURIComponent(slug)}/members/${encodeURIComponent(organisationId)}`, undefined),
  addAgendaItem: (slug: string, body: unknown, key?: string) =>
    change(fetch, token, 'POST', `/actions/${encodeURIComponent(slug)}/agenda`, body, agendaItem, key),
  editAgendaItem: (slug: string, id: string, body: unknown) =>
    change(fetch, token, 'PATCH', `/actions/${encodeURIComponent(slug)}/agenda/${encodeURIComponent(id)}`, body, agendaItem),
  deleteAgendaItem: (slug: string, id: string) =>
    change(fetch, token, 'DELETE', `/actions/${encodeURIComponent(slug)}/agenda/${encodeURIComponent(id)}`, undefined),
  hideContribution: (slug: string, id: string, body: unknown) =>
    change(fetch, token, 'PUT', `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}/hidden`, body),
  unhideContribution: (slug: string, id: string) =>
    change(fetch, token, 'DELETE', `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}/hidden`, undefined),
  history: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/history`, membershipHistory),
  actionAgenda: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/agenda`, agendaPage, new URLSearchParams({ limit: '100' })),
  agendaItem: (slug: string, id: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/agenda/${encodeURIComponent(id)}`, agendaItem),
  agenda: (query: URLSearchParams) => read(fetch, '/agenda', agendaPage, pick(query, ['cursor', 'limit'])),
  organisation: (id: string) => read(fetch, `/organisations/${encodeURIComponent(id)}`, organisationView, undefined, token),
  /** The directory's first page, by name. */
  organisations: () => read(fetch, '/organisations', organisationPage, new URLSearchParams({ limit: '100' })),
  organisationContributions: (id: string, query: URLSearchParams) =>
    read(fetch, `/organisations/${encodeURIComponent(id)}/contributions`, contributionPage, pick(query, ['cursor'])),
  stats: () => read(fetch, '/stats', stats),
  me: () => read(fetch, '/me', me, undefined, token),
  /** Whether the session's token is still good: false once it was signed out or expired (the API being down is neither). */
  sessionIsOpen: async () => (await fetch(`${API_URL}/v1/me/session`, { headers: authorised(token) })).status !== 401,
  /** Signs the token out at the API, which refuses it from then on. */
  endSession: () => change(fetch, token, 'DELETE', '/me/session', undefined),
  createAction: (body: unknown, key?: string) => change(fetch, token, 'POST', '/actions', body, action, key),
  updateAction: (slug: string, body: unknown) => change(fetch, token, 'PATCH', `/actions/${encodeURIComponent(slug)}`, body, action),
  registerOrganisation: (body: unknown, key?: string) => change(fetch, token, 'POST', '/organisations', body, organisation, key),
  people: (id: string) => read(fetch, `/organisations/${encodeURIComponent(id)}/people`, people, undefined, token),
  updateOrganisation: (id: string, body: unknown) => change(fetch, token, 'PATCH', `/organisations/${encodeURIComponent(id)}`, body, organisation),
  addPerson: (id: string, body: unknown, key?: string) =>
    change(fetch, token, 'POST', `/organisations/${encodeURIComponent(id)}/people`, body, undefined, key),
  verifyOrganisation: (id: string, body: unknown) => change(fetch, token, 'POST', `/organisations/${encodeURIComponent(id)}/verification`, body),
  organisationHistory: (id: string) => read(fetch, `/organisations/${encodeURIComponent(id)}/history`, organisationHistory, new URLSearchParams({ limit: '100' })),
  verificationQueue: () => read(fetch, '/verifications', verificationQueue, new URLSearchParams({ limit: '100' }), token),
  appointLead: (slug: string, body: unknown, key?: string) =>
    change(fetch, token, 'POST', `/actions/${encodeURIComponent(slug)}/leads`, body, undefined, key),
  submitContribution: (slug: string, body: unknown, key?: string) =>
    change(fetch, token, 'POST', `/actions/${encodeURIComponent(slug)}/contributions`, body, contribution, key),
  editContribution: (slug: string, id: string, body: unknown) =>
    change(fetch, token, 'PATCH', `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}`, body, contribution),
  withdrawContribution: (slug: string, id: string) =>
    change(fetch, token, 'DELETE', `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}`, undefined),
  /** A calendar feed as the API serves it, passed on under the site's own address. */
  calendar: async (path: string) => {
    const response = await fetch(`${API_URL}/v1${path}`);
    if (response.status === 404) error(404, 'Not found');
    if (!response.ok) throw new Error(`The API answered ${response.status} for ${path}.`);
    const headers = ['content-type', 'content-disposition', 'cache-control'].flatMap((name) =>
      response.headers.has(name) ? [[name, response.headers.get(name)!] as [string, string]] : [],
    );
    return new Response(response.body, { headers });
  },
});

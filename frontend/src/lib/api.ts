// The site's one client of the API: every call, and the check that answers have the agreed shape.
import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import type * as z from 'zod';
import {
  action,
  actionList,
  agendaItem,
  agendaPage,
  coalitionMembers,
  contribution,
  contributionPage,
  membershipHistory,
  organisationDetail,
  stats,
} from '@collective-actions/shared';

type Fetch = typeof globalThis.fetch;

/** Reads an API resource; a 404 becomes the site's own 404, anything else unexpected a 500 that names it. */
async function read<S extends z.ZodType>(fetch: Fetch, path: string, schema: S, query?: URLSearchParams): Promise<z.output<S>> {
  const search = query?.size ? `?${query}` : '';
  const response = await fetch(`${API_URL}/v1${path}${search}`);
  if (response.status === 404) error(404, 'Not found');
  // A query the API refuses (a hand-edited filter, say) is the visitor's to fix, not a failure of the site.
  if (response.status === 400) error(400, 'Bad request');
  if (!response.ok) throw new Error(`The API answered ${response.status} for ${path}${search}.`);
  return schema.parse(await response.json());
}

/** Only the parameters an API list understands, from a page's own query string. */
const pick = (from: URLSearchParams, names: string[]) =>
  new URLSearchParams([...from].filter(([name, value]) => names.includes(name) && value !== ''));

export const api = (fetch: Fetch) => ({
  actions: () => read(fetch, '/actions', actionList),
  action: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}`, action),
  contributions: (slug: string, query: URLSearchParams) =>
    read(fetch, `/actions/${encodeURIComponent(slug)}/contributions`, contributionPage, pick(query, ['type', 'organisationKind', 'country', 'cursor'])),
  contribution: (slug: string, id: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/contributions/${encodeURIComponent(id)}`, contribution),
  members: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/members`, coalitionMembers),
  history: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/history`, membershipHistory),
  actionAgenda: (slug: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/agenda`, agendaPage, new URLSearchParams({ limit: '100' })),
  agendaItem: (slug: string, id: string) => read(fetch, `/actions/${encodeURIComponent(slug)}/agenda/${encodeURIComponent(id)}`, agendaItem),
  agenda: (query: URLSearchParams) => read(fetch, '/agenda', agendaPage, pick(query, ['cursor', 'limit'])),
  organisation: (id: string) => read(fetch, `/organisations/${encodeURIComponent(id)}`, organisationDetail),
  organisationContributions: (id: string, query: URLSearchParams) =>
    read(fetch, `/organisations/${encodeURIComponent(id)}/contributions`, contributionPage, pick(query, ['cursor'])),
  stats: () => read(fetch, '/stats', stats),
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

import { api } from '#lib/api.ts';
import type { RequestHandler } from './$types';

// The coalition's calendar feed under the site's own address, so "add to calendar" works wherever the site runs.
export const GET: RequestHandler = ({ fetch, params }) => api(fetch).calendar(`/actions/${encodeURIComponent(params.slug)}/agenda.ics`);

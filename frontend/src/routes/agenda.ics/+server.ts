import { api } from '#lib/api.ts';
import type { RequestHandler } from './$types';

// Every coalition's calendar feed under the site's own address.
export const GET: RequestHandler = ({ fetch }) => api(fetch).calendar('/agenda.ics');

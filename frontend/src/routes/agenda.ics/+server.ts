import type { RequestHandler } from './$types';

// Every coalition's calendar feed under the site's own address.
export const GET: RequestHandler = ({ locals }) => locals.api.calendar('GET /v1/agenda.ics');

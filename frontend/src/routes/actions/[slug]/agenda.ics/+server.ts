import type { RequestHandler } from './$types';

// The coalition's calendar feed under the site's own address, so "add to calendar" works wherever the site runs.
export const GET: RequestHandler = ({ locals, params }) => locals.api.calendar('GET /v1/actions/{slug}/agenda.ics', params);

import { json, routeHandler } from '../http/route-handler.ts';
import { listRecentlyHidden } from '../services/contributions.ts';

export const handler = routeHandler('GET /v1/hidden-contributions', async ({ query, caller }) => json(200, await listRecentlyHidden(caller, query)));

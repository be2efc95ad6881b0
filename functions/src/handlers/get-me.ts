import { json, routeHandler } from '../http/route-handler.ts';
import { getMe } from '../services/me.ts';

export const handler = routeHandler('GET /v1/me', async ({ query, caller }) => json(200, await getMe(caller, query.language)));

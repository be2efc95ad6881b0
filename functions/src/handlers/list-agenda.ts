import { json, routeHandler } from '../http/route-handler.ts';
import { listAgenda } from '../services/agenda.ts';

export const handler = routeHandler('GET /v1/agenda', async ({ query }) => json(200, await listAgenda(query)));

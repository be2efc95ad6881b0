import { json, routeHandler } from '../http/route-handler.ts';
import { latestCooperations } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/cooperations', async ({ query }) => json(200, await latestCooperations(query)));

import { json, routeHandler } from '../http/route-handler.ts';
import { listCooperations } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/cooperations', async ({ params, query }) => json(200, await listCooperations(params.slug, query)));

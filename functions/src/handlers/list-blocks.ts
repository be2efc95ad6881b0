import { json, routeHandler } from '../http/route-handler.ts';
import { listBlocks } from '../services/cooperations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/blocks', async ({ params, caller }) => json(200, await listBlocks(caller, params.id)));

import { json, routeHandler } from '../http/route-handler.ts';
import { decideReport } from '../services/reports.ts';

export const handler = routeHandler('PUT /v1/reports/{id}/decision', async ({ params, body, caller }) => json(200, await decideReport(caller, params.id, body)));

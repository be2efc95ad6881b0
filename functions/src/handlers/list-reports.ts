import { json, routeHandler } from '../http/route-handler.ts';
import { listReports } from '../services/reports.ts';

export const handler = routeHandler('GET /v1/reports', async ({ query, caller }) => json(200, await listReports(caller, query)));

import { json, routeHandler } from '../http/route-handler.ts';
import { organisationHistory } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/history', async ({ params, query }) =>
  json(200, await organisationHistory(params.id, query)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { listOrganisations } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations', async ({ query }) =>
  json(200, await listOrganisations(query)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { getOrganisationDetail } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/organisations/{id}', async ({ params }) =>
  json(200, await getOrganisationDetail(params.id)),
);

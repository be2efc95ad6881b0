import { organisationsQuery } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listOrganisations } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations', { query: organisationsQuery }, async ({ query }) =>
  json(200, await listOrganisations(query)),
);

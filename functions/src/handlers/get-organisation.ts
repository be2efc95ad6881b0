import { organisationPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { getOrganisation } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}', { path: organisationPath }, async ({ path }) =>
  json(200, await getOrganisation(path.id)),
);

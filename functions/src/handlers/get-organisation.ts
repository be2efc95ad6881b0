import { organisationPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { getOrganisationDetail } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/organisations/{id}', { path: organisationPath }, async ({ path }) =>
  json(200, await getOrganisationDetail(path.id)),
);

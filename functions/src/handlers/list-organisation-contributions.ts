import { organisationPath, pageQuery } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listOrganisationContributions } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/contributions', { path: organisationPath, query: pageQuery }, async ({ path, query }) =>
  json(200, await listOrganisationContributions(path.id, query)),
);

import { organisationPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { verifyOrganisation } from '../services/organisations.ts';

export const handler = routeHandler('POST /v1/organisations/{id}/verification', { path: organisationPath }, async ({ path, caller }) =>
  json(200, await verifyOrganisation(caller, path.id)),
);

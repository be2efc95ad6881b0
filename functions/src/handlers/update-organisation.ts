import { organisationChanges, organisationPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { updateOrganisation } from '../services/organisations.ts';

export const handler = routeHandler(
  'PATCH /v1/organisations/{id}',
  { path: organisationPath, body: organisationChanges },
  async ({ path, body, caller }) => json(200, await updateOrganisation(caller, path.id, body)),
);

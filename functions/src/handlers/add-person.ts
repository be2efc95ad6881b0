import { newPerson, organisationPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { addPerson } from '../services/organisations.ts';

export const handler = routeHandler(
  'POST /v1/organisations/{id}/people',
  { path: organisationPath, body: newPerson },
  async ({ path, body, caller }) => json(201, await addPerson(caller, path.id, body)),
);

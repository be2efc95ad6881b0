import { json, routeHandler } from '../http/route-handler.ts';
import { addPerson } from '../services/organisations.ts';

export const handler = routeHandler(
  'POST /v1/organisations/{id}/people',
  async ({ params, body, caller }) => json(201, await addPerson(caller, params.id, body)),
);

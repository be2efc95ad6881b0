import { json, routeHandler } from '../http/route-handler.ts';
import { listPeople } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/people', async ({ params, caller }) =>
  json(200, { items: await listPeople(caller, params.id) }),
);

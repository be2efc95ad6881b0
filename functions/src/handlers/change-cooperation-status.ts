import { json, routeHandler } from '../http/route-handler.ts';
import { changeCooperationStatus } from '../services/cooperations.ts';

export const handler = routeHandler(
  'PUT /v1/actions/{slug}/cooperations/{id}/status',
  async ({ params, body, caller }) => json(200, await changeCooperationStatus(caller, params.slug, params.id, body)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { acceptCooperation } from '../services/cooperations.ts';

export const handler = routeHandler(
  'PUT /v1/actions/{slug}/cooperations/{id}/acceptances/{organisationId}',
  async ({ params, caller }) => json(200, await acceptCooperation(caller, params.slug, params.id, params.organisationId)),
);

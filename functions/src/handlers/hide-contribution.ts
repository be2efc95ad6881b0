import { json, routeHandler } from '../http/route-handler.ts';
import { hideContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'PUT /v1/actions/{slug}/contributions/{id}/hidden',
  async ({ params, body, caller }) => json(200, await hideContribution(caller, params.slug, params.id, body)),
);

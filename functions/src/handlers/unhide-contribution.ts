import { json, routeHandler } from '../http/route-handler.ts';
import { unhideContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'DELETE /v1/actions/{slug}/contributions/{id}/hidden',
  async ({ params, caller }) => json(200, await unhideContribution(caller, params.slug, params.id)),
);

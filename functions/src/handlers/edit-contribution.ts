import { json, routeHandler } from '../http/route-handler.ts';
import { editContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/contributions/{id}',
  async ({ params, body, caller }) => json(200, await editContribution(caller, params.slug, params.id, body)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { listContributionUpdates } from '../services/contributions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/contributions/{id}/updates', async ({ params, query }) =>
  json(200, await listContributionUpdates(params.slug, params.id, query)),
);

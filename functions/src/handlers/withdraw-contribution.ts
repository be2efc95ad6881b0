import { noContent, routeHandler } from '../http/route-handler.ts';
import { withdrawContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'DELETE /v1/actions/{slug}/contributions/{id}',
  async ({ params, caller }) => {
    await withdrawContribution(caller, params.slug, params.id);
    return noContent();
  },
);

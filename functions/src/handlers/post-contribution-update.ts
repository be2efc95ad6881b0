import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { postContributionUpdate } from '../services/contributions.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/contributions/{id}/updates',
  async ({ params, body, caller }) => json(201, await postContributionUpdate(caller, params.slug, params.id, body)),
);

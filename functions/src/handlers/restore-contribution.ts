import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { restoreContribution } from '../services/contributions.ts';

export const handler = idempotentRouteHandler('POST /v1/actions/{slug}/contributions/{id}/restoration', async ({ params, caller }) =>
  json(200, await restoreContribution(caller, params.slug, params.id)),
);

import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { submitContribution } from '../services/contributions.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/contributions',
  async ({ params, body, caller }) => {
    const contribution = await submitContribution(caller, params.slug, body);
    return json(201, contribution, { location: `/v1/actions/${params.slug}/contributions/${contribution.id}` });
  },
);

import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { proposeCooperation } from '../services/cooperations.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/contributions/{id}/cooperations',
  async ({ params, body, caller }) => {
    const cooperation = await proposeCooperation(caller, params.slug, params.id, body);
    return json(201, cooperation, { location: `/v1/actions/${params.slug}/cooperations/${cooperation.id}` });
  },
);

import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { postMessage } from '../services/cooperations.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/cooperations/{id}/messages',
  async ({ params, body, caller }) => {
    const message = await postMessage(caller, params.slug, params.id, body.text);
    return json(201, message, { location: `/v1/actions/${params.slug}/cooperations/${params.id}/messages/${message.id}` });
  },
);

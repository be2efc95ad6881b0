import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { reportMessage } from '../services/cooperations.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/cooperations/{id}/messages/{messageId}/report',
  async ({ params, body, caller }) => json(200, await reportMessage(caller, params.slug, params.id, params.messageId, body)),
);

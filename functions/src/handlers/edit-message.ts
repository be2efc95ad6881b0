import { json, routeHandler } from '../http/route-handler.ts';
import { editMessage } from '../services/cooperations.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/cooperations/{id}/messages/{messageId}',
  async ({ params, body, caller }) => json(200, await editMessage(caller, params.slug, params.id, params.messageId, body.text)),
);

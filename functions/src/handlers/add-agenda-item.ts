import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { addAgendaItem } from '../services/agenda.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/agenda',
  async ({ params, body, caller }) => {
    const item = await addAgendaItem(caller, params.slug, body);
    return json(201, item, { location: `/v1/actions/${params.slug}/agenda/${item.id}` });
  },
);

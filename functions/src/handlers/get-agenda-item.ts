import { json, routeHandler } from '../http/route-handler.ts';
import { getAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda/{id}', async ({ params }) =>
  json(200, await getAgendaItem(params.slug, params.id)),
);

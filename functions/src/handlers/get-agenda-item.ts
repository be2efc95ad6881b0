import { json, routeHandler } from '../http/route-handler.ts';
import { getAgendaItem } from '../services/agenda.ts';

// Every change to an item moves its updatedAt: a natural Last-Modified.
export const handler = routeHandler('GET /v1/actions/{slug}/agenda/{id}', async ({ params }) => {
  const item = await getAgendaItem(params.slug, params.id);
  return json(200, item, { 'last-modified': new Date(item.updatedAt).toUTCString() });
});

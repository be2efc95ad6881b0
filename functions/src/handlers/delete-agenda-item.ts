import { noContent, routeHandler } from '../http/route-handler.ts';
import { deleteAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler('DELETE /v1/actions/{slug}/agenda/{id}', async ({ params, caller }) => {
  await deleteAgendaItem(caller, params.slug, params.id);
  return noContent();
});

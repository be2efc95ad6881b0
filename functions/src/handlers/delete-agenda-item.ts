import { agendaItemPath } from '@collective-actions/shared';
import { noContent, routeHandler } from '../http/route-handler.ts';
import { deleteAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler('DELETE /v1/actions/{slug}/agenda/{id}', { path: agendaItemPath }, async ({ path, caller }) => {
  await deleteAgendaItem(caller, path.slug, path.id);
  return noContent();
});

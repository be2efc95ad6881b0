import { agendaItemChanges, agendaItemPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { editAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/agenda/{id}',
  { path: agendaItemPath, body: agendaItemChanges },
  async ({ path, body, caller }) => json(200, await editAgendaItem(caller, path.slug, path.id, body)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { editAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/agenda/{id}',
  async ({ params, body, caller }) => json(200, await editAgendaItem(caller, params.slug, params.id, body)),
);

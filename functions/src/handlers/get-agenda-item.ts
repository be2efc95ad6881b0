import { agendaItemPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { getAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda/{id}', { path: agendaItemPath }, async ({ path }) =>
  json(200, await getAgendaItem(path.slug, path.id)),
);

import { actionPath, agendaQuery } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listActionAgenda } from '../services/agenda.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda', { path: actionPath, query: agendaQuery }, async ({ path, query }) =>
  json(200, await listActionAgenda(path.slug, query)),
);

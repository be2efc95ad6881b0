import { actionPath, newAgendaItem } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { addAgendaItem } from '../services/agenda.ts';

export const handler = routeHandler(
  'POST /v1/actions/{slug}/agenda',
  { path: actionPath, body: newAgendaItem },
  async ({ path, body, caller }) => {
    const item = await addAgendaItem(caller, path.slug, body);
    return json(201, item, { location: `/v1/actions/${path.slug}/agenda/${item.id}` });
  },
);

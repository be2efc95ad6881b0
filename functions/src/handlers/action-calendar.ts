import { actionPath } from '@collective-actions/shared';
import { calendar, routeHandler } from '../http/route-handler.ts';
import { actionCalendar } from '../services/calendar.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda.ics', { path: actionPath }, async ({ path }) =>
  calendar(path.slug, await actionCalendar(path.slug)),
);

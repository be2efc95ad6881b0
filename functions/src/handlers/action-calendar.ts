import { calendar, routeHandler } from '../http/route-handler.ts';
import { actionCalendar } from '../services/calendar.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/agenda.ics', async ({ params }) =>
  calendar(params.slug, await actionCalendar(params.slug)),
);

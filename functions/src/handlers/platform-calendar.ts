import { calendar, routeHandler } from '../http/route-handler.ts';
import { platformCalendar } from '../services/calendar.ts';

export const handler = routeHandler('GET /v1/agenda.ics', async () => calendar('collective-actions', await platformCalendar()));

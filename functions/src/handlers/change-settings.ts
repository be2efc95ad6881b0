import { json, routeHandler } from '../http/route-handler.ts';
import { changeSettings } from '../services/settings.ts';

export const handler = routeHandler('PATCH /v1/me/settings', async ({ body, caller }) => json(200, await changeSettings(caller, body)));

import { actionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { getAction } from '../services/actions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}', { path: actionPath }, async ({ path }) =>
  json(200, await getAction(path.slug)),
);

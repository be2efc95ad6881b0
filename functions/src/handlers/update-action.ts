import { json, routeHandler } from '../http/route-handler.ts';
import { updateAction } from '../services/actions.ts';

export const handler = routeHandler('PATCH /v1/actions/{slug}', async ({ params, body }) =>
  json(200, await updateAction(params.slug, body)),
);

import { json, routeHandler } from '../http/route-handler.ts';
import { createAction } from '../services/actions.ts';

export const handler = routeHandler('POST /v1/actions', async ({ body }) => {
  const action = await createAction(body);
  return json(201, action, { location: `/v1/actions/${action.slug}` });
});

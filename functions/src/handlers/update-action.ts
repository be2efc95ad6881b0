import { actionChanges, actionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { updateAction } from '../services/actions.ts';

export const handler = routeHandler('PATCH /v1/actions/{slug}', { path: actionPath, body: actionChanges }, async ({ path, body }) =>
  json(200, await updateAction(path.slug, body)),
);

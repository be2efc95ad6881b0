import { actionPath, pageQuery } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listHistory } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/history', { path: actionPath, query: pageQuery }, async ({ path, query }) =>
  json(200, await listHistory(path.slug, query)),
);

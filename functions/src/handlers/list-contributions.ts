import { actionPath, contributionsQuery } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listContributions } from '../services/contributions.ts';

export const handler = routeHandler(
  'GET /v1/actions/{slug}/contributions',
  { path: actionPath, query: contributionsQuery },
  async ({ path, query, caller }) => json(200, await listContributions(caller, path.slug, query)),
);

import { actionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { listMembers } from '../services/coalitions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/members', { path: actionPath }, async ({ path, caller }) =>
  json(200, await listMembers(caller, path.slug)),
);

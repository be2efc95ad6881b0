import { contributionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { getContribution } from '../services/contributions.ts';

export const handler = routeHandler('GET /v1/actions/{slug}/contributions/{id}', { path: contributionPath }, async ({ path, caller }) =>
  json(200, await getContribution(caller, path.slug, path.id)),
);

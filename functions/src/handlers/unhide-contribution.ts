import { contributionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { unhideContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'DELETE /v1/actions/{slug}/contributions/{id}/hidden',
  { path: contributionPath },
  async ({ path, caller }) => json(200, await unhideContribution(caller, path.slug, path.id)),
);

import { contributionPath, hiding } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { hideContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'PUT /v1/actions/{slug}/contributions/{id}/hidden',
  { path: contributionPath, body: hiding },
  async ({ path, body, caller }) => json(200, await hideContribution(caller, path.slug, path.id, body)),
);

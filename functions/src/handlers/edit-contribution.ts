import { contributionChanges, contributionPath } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { editContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/contributions/{id}',
  { path: contributionPath, body: contributionChanges },
  async ({ path, body, caller }) => json(200, await editContribution(caller, path.slug, path.id, body)),
);

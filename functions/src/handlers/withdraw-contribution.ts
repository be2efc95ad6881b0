import { contributionPath } from '@collective-actions/shared';
import { noContent, routeHandler } from '../http/route-handler.ts';
import { withdrawContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'DELETE /v1/actions/{slug}/contributions/{id}',
  { path: contributionPath },
  async ({ path, caller }) => {
    await withdrawContribution(caller, path.slug, path.id);
    return noContent();
  },
);

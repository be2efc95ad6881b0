import { actionPath, newContribution } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { submitContribution } from '../services/contributions.ts';

export const handler = routeHandler(
  'POST /v1/actions/{slug}/contributions',
  { path: actionPath, body: newContribution },
  async ({ path, body, caller }) => {
    const contribution = await submitContribution(caller, path.slug, body);
    return json(201, contribution, { location: `/v1/actions/${path.slug}/contributions/${contribution.id}` });
  },
);

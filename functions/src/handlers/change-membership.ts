import { json, noContent, routeHandler } from '../http/route-handler.ts';
import { changeMembership } from '../services/coalitions.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/members/{organisationId}',
  async ({ params, body, caller }) => {
    const member = await changeMembership(caller, params.slug, params.organisationId, body.change);
    return member ? json(200, member) : noContent();
  },
);

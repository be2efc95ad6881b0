import { membershipChange, membershipPath } from '@collective-actions/shared';
import { json, noContent, routeHandler } from '../http/route-handler.ts';
import { changeMembership } from '../services/coalitions.ts';

export const handler = routeHandler(
  'PATCH /v1/actions/{slug}/members/{organisationId}',
  { path: membershipPath, body: membershipChange },
  async ({ path, body, caller }) => {
    const member = await changeMembership(caller, path.slug, path.organisationId, body.change);
    return member ? json(200, member) : noContent();
  },
);

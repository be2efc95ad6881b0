import { membershipPath } from '@collective-actions/shared';
import { noContent, routeHandler } from '../http/route-handler.ts';
import { leaveCoalition } from '../services/coalitions.ts';

export const handler = routeHandler('DELETE /v1/actions/{slug}/members/{organisationId}', { path: membershipPath }, async ({ path, caller }) => {
  await leaveCoalition(caller, path.slug, path.organisationId);
  return noContent();
});

import { noContent, routeHandler } from '../http/route-handler.ts';
import { leaveCoalition } from '../services/coalitions.ts';

export const handler = routeHandler('DELETE /v1/actions/{slug}/members/{organisationId}', async ({ params, caller }) => {
  await leaveCoalition(caller, params.slug, params.organisationId);
  return noContent();
});

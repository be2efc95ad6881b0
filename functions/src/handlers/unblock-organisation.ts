import { noContent, routeHandler } from '../http/route-handler.ts';
import { unblockOrganisation } from '../services/cooperations.ts';

export const handler = routeHandler('DELETE /v1/organisations/{id}/blocks/{organisationId}', async ({ params, caller }) => {
  await unblockOrganisation(caller, params.id, params.organisationId);
  return noContent();
});

import { noContent, routeHandler } from '../http/route-handler.ts';
import { endSession } from '../services/sessions.ts';

export const handler = routeHandler('DELETE /v1/me/session', async ({ caller }) => {
  await endSession(caller);
  return noContent();
});

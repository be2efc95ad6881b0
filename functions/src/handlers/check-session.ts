import { noContent, routeHandler } from '../http/route-handler.ts';

// The shared stack refuses a signed-out or expired token with 401 before this runs.
export const handler = routeHandler('GET /v1/me/session', async () => noContent());

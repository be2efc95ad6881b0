import { json, routeHandler } from '../http/route-handler.ts';
import { verificationQueue } from '../services/organisations.ts';

export const handler = routeHandler('GET /v1/verifications', async ({ query }) => json(200, await verificationQueue(query)));

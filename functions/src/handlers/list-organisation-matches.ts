import { json, routeHandler } from '../http/route-handler.ts';
import { organisationMatches } from '../services/matches.ts';

export const handler = routeHandler('GET /v1/organisations/{id}/matches', async ({ params, query, caller }) => json(200, await organisationMatches(caller, params.id, query)));

import { json, routeHandler } from '../http/route-handler.ts';
import { chooseToFollow } from '../services/follows.ts';

export const handler = routeHandler('DELETE /v1/actions/{slug}/following', async ({ params, caller }) => json(200, await chooseToFollow(caller, params.slug, false)));

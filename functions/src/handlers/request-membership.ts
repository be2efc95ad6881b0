import { actionPath, joinRequest } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { requestMembership } from '../services/coalitions.ts';

export const handler = routeHandler(
  'POST /v1/actions/{slug}/members',
  { path: actionPath, body: joinRequest },
  async ({ path, body, caller }) => {
    const member = await requestMembership(caller, path.slug, body);
    return json(201, member, { location: `/v1/actions/${path.slug}/members/${member.organisation.id}` });
  },
);

import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { requestMembership } from '../services/coalitions.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/members',
  async ({ params, body, caller }) => {
    const member = await requestMembership(caller, params.slug, body);
    return json(201, member, { location: `/v1/actions/${params.slug}/members/${member.organisation.id}` });
  },
);

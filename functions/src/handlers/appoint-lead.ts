import { idempotentRouteHandler } from '../http/idempotency.ts';
import { json } from '../http/route-handler.ts';
import { appointLead } from '../services/coalitions.ts';

export const handler = idempotentRouteHandler(
  'POST /v1/actions/{slug}/leads',
  async ({ params, body, caller }) => {
    const { member, joined } = await appointLead(caller, params.slug, body.organisationId);
    return json(joined ? 201 : 200, member, { location: `/v1/actions/${params.slug}/members/${member.organisation.id}` });
  },
);

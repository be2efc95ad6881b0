import { actionPath, leadAppointment } from '@collective-actions/shared';
import { json, routeHandler } from '../http/route-handler.ts';
import { appointLead } from '../services/coalitions.ts';

export const handler = routeHandler(
  'POST /v1/actions/{slug}/leads',
  { path: actionPath, body: leadAppointment },
  async ({ path, body, caller }) => {
    const { member, joined } = await appointLead(caller, path.slug, body.organisationId);
    return json(joined ? 201 : 200, member, { location: `/v1/actions/${path.slug}/members/${member.organisation.id}` });
  },
);

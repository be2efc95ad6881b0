// Two organisations and the cooperations between them, for the API tests of cooperations, their threads and reports.
import type { Contribution, CooperationView, Organisation } from '@collective-actions/shared';
import { afterNotifier, call, inboxOf, newOrganisation, unique } from './api.ts';

export interface Side {
  organisation: Organisation;
  admin: string;
  /** One of its people who is not an admin. */
  member: string;
}

export async function newSide(name: string): Promise<Side> {
  const admin = unique(`${name}-admin`);
  const member = `${unique(`${name}-member`)}@example.org`;
  const organisation = await newOrganisation(admin, { name: unique(name) });
  const invited = await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: member } });
  if (invited.status !== 201) throw new Error(`Could not add ${member}: ${JSON.stringify(invited.body)}`);
  await call('GET', '/v1/me', { as: member });
  return { organisation, admin, member };
}

export const propose = (as: string, offer: Contribution, organisationId: string, message = 'We would like to reuse your tooling for our contracts.') =>
  call<CooperationView>('POST', `/v1/actions/${offer.action}/contributions/${offer.id}/cooperations`, { as, body: { organisationId, message } });

export const pathOf = (cooperation: { action: string; id: string }) => `/v1/actions/${cooperation.action}/cooperations/${cooperation.id}`;

/** The notifications of a kind in someone's inbox, once the notifier delivered at least `expected` of them. */
export const told = async (who: string, kind: string, expected = 1) =>
  (await afterNotifier(() => inboxOf(who), (inbox) => inbox.items.filter((item) => item.kind === kind).length >= expected)).items.filter(
    (item) => item.kind === kind,
  );

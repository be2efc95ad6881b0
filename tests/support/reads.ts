// A real address for every GET route of the route table, on records made for the purpose, and who may read it: for
// tests that call every read the API has (HTTP semantics, the OpenAPI conformance test).
import { routeKey, routes, type RouteKey } from '@collective-actions/shared/routes';
import { exportFiles, type AgendaItem, type CooperationView } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, unique } from './api.ts';
import { addressOf, mailAfterDelivery, sentHeaders } from './mail.ts';
import { snapshotAfter } from './open-data.ts';

export interface Read {
  key: RouteKey;
  path: string;
  /** Who reads it: nobody, or a login name. */
  as?: string;
  access: (typeof routes)[number]['access'];
}

/** Records on a new coalition, then a read of each GET route (each export file among them). */
export async function everyRead(): Promise<Read[]> {
  const { slug, lead, leadOrganisation } = await newCoalition();
  // With the address the lead signed in with, the request to join is e-mailed, with its unsubscribe link.
  await call('GET', '/v1/me', { as: lead });
  const author = unique('reader');
  const organisation = await joinCoalition(slug, author, lead);
  const [mail] = await mailAfterDelivery(addressOf(lead), 1);
  const unsubscribe = new URL((await sentHeaders(mail))['list-unsubscribe'].slice(1, -1)).search;
  const contribution = await newContribution(author, slug, organisation.id, { text: 'Budget data, explained.\nA second line.' });
  // A request the contribution (an offer) answers: each is the other's match.
  const request = await newContribution(lead, slug, leadOrganisation.id, { kind: 'request', title: 'Help with budget data', region: 'europe', deadline: '2031-01-31' });
  // A cooperation the two organisations agreed to, after a message each.
  const cooperation = (
    await call<CooperationView>('POST', `/v1/actions/${slug}/contributions/${contribution.id}/cooperations`, {
      as: lead,
      body: { organisationId: leadOrganisation.id, message: 'Shall we work on it together?' },
    })
  ).body;
  const cooperationPath = `/v1/actions/${slug}/cooperations/${cooperation.id}`;
  await call('POST', `${cooperationPath}/messages`, { as: author, body: { text: 'Yes: see https://example.org/plan' } });
  await call('PUT', `${cooperationPath}/acceptances/${organisation.id}`, { as: author });
  await call('PUT', `${cooperationPath}/acceptances/${leadOrganisation.id}`, { as: lead });
  await call('POST', `${cooperationPath}/updates`, { as: author, body: { text: 'The first workshop took place.', link: 'https://example.org/report' } });
  await call('POST', `/v1/actions/${slug}/contributions/${contribution.id}/updates`, { as: author, body: { text: 'The guide is out.', progress: 'delivered' } });
  const item = (
    await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
      as: lead,
      body: { kind: 'meeting', title: 'Coalition call', description: 'Agenda to follow.', start: '2027-03-27T10:00', end: '2027-03-27T11:30', timeZone: 'Europe/Paris', onlineUrl: 'https://meet.example.org/call', language: 'en' },
    })
  ).body;
  await snapshotAfter(new Date().toISOString());
  const paths: Record<string, Array<Omit<Read, 'key' | 'access'>>> = {
    'GET /v1/actions': [{ path: '/v1/actions' }, { path: '/v1/actions?theme=integrity' }],
    'GET /v1/actions/{slug}': [{ path: `/v1/actions/${slug}` }],
    'GET /v1/actions/{slug}/contributions': [{ path: `/v1/actions/${slug}/contributions?limit=1` }, { path: `/v1/actions/${slug}/contributions?visibility=hidden`, as: lead }],
    'GET /v1/actions/{slug}/contributions/{id}': [{ path: `/v1/actions/${slug}/contributions/${contribution.id}` }, { path: `/v1/actions/${slug}/contributions/${contribution.id}`, as: author }],
    'GET /v1/actions/{slug}/contributions/{id}/matches': [
      { path: `/v1/actions/${slug}/contributions/${request.id}/matches` },
      { path: `/v1/actions/${slug}/contributions/${contribution.id}/matches?limit=1` },
    ],
    'GET /v1/actions/{slug}/cooperations': [{ path: `/v1/actions/${slug}/cooperations` }, { path: `/v1/actions/${slug}/cooperations?status=agreed&contribution=${contribution.id}` }],
    'GET /v1/actions/{slug}/contributions/{id}/updates': [{ path: `/v1/actions/${slug}/contributions/${contribution.id}/updates` }, { path: `/v1/actions/${slug}/contributions/${contribution.id}/updates?limit=1` }],
    'GET /v1/cooperations': [{ path: '/v1/cooperations?status=agreed&limit=5' }],
    'GET /v1/actions/{slug}/cooperations/{id}': [{ path: cooperationPath }, { path: cooperationPath, as: lead }],
    'GET /v1/actions/{slug}/cooperations/{id}/updates': [{ path: `${cooperationPath}/updates` }, { path: `${cooperationPath}/updates?limit=1` }],
    'GET /v1/actions/{slug}/cooperations/{id}/messages': [{ path: `${cooperationPath}/messages`, as: author }, { path: `${cooperationPath}/messages?limit=1`, as: lead }],
    'GET /v1/actions/{slug}/members': [{ path: `/v1/actions/${slug}/members` }, { path: `/v1/actions/${slug}/members`, as: lead }],
    'GET /v1/actions/{slug}/history': [{ path: `/v1/actions/${slug}/history` }],
    'GET /v1/actions/{slug}/agenda': [{ path: `/v1/actions/${slug}/agenda?from=2027-01-01` }],
    'GET /v1/actions/{slug}/agenda.ics': [{ path: `/v1/actions/${slug}/agenda.ics` }],
    'GET /v1/actions/{slug}/agenda/{id}': [{ path: `/v1/actions/${slug}/agenda/${item.id}` }],
    'GET /v1/agenda': [{ path: '/v1/agenda?from=2027-01-01&limit=5' }],
    'GET /v1/agenda.ics': [{ path: '/v1/agenda.ics' }],
    'GET /v1/me': [{ path: '/v1/me', as: author }],
    'GET /v1/me/settings': [{ path: '/v1/me/settings', as: author }],
    'GET /v1/me/session': [{ path: '/v1/me/session', as: author }],
    'GET /v1/unsubscribe': [{ path: `/v1/unsubscribe${unsubscribe}` }],
    'GET /v1/me/notifications': [{ path: '/v1/me/notifications', as: lead }, { path: '/v1/me/notifications?limit=1', as: author }],
    'GET /v1/organisations': [{ path: '/v1/organisations?limit=5' }, { path: '/v1/organisations?country=FR&kind=civil-society&limit=5' }],
    'GET /v1/organisations/{id}': [{ path: `/v1/organisations/${organisation.id}` }],
    'GET /v1/organisations/{id}/contributions': [
      { path: `/v1/organisations/${organisation.id}/contributions` },
      { path: `/v1/organisations/${organisation.id}/contributions?visibility=all&limit=5`, as: author },
    ],
    'GET /v1/organisations/{id}/matches': [{ path: `/v1/organisations/${organisation.id}/matches`, as: author }, { path: `/v1/organisations/${leadOrganisation.id}/matches?since=2026-01-01T00:00:00.000Z`, as: lead }],
    'GET /v1/organisations/{id}/blocks': [{ path: `/v1/organisations/${organisation.id}/blocks`, as: author }],
    'GET /v1/organisations/{id}/cooperations': [{ path: `/v1/organisations/${organisation.id}/cooperations`, as: author }],
    'GET /v1/organisations/{id}/people': [{ path: `/v1/organisations/${organisation.id}/people`, as: author }],
    'GET /v1/organisations/{id}/history': [{ path: `/v1/organisations/${organisation.id}/history` }],
    'GET /v1/verifications': [{ path: '/v1/verifications?limit=5', as: 'steward' }],
    'GET /v1/hidden-contributions': [{ path: '/v1/hidden-contributions?limit=5', as: 'steward' }],
    'GET /v1/reports': [{ path: '/v1/reports?limit=5', as: 'steward' }, { path: '/v1/reports?status=dismissed&limit=5', as: 'steward' }],
    'GET /v1/stats': [{ path: '/v1/stats' }],
    'GET /v1/changes': [{ path: '/v1/changes?limit=10' }],
    'GET /v1/changes.atom': [{ path: '/v1/changes.atom?limit=10' }],
    // Every file, each export's CSV and JSON among them.
    'GET /v1/exports/{file}': exportFiles.map((file) => ({ path: `/v1/exports/${file}` })),
    'GET /v1/search': [{ path: '/v1/search?q=budget' }],
    'GET /v1/openapi.json': [{ path: '/v1/openapi.json' }],
  };
  const reads = routes.filter((route) => route.method === 'GET');
  const missing = reads.map(routeKey).filter((key) => !(key in paths));
  if (missing.length) throw new Error(`No sample read for ${missing.join(', ')}: add one to tests/support/reads.ts`);
  return reads.flatMap((route) => paths[routeKey(route)].map((read) => ({ key: routeKey(route), access: route.access, ...read })));
}

// The route table: the single source of the API's routes for the local gateway and the CDK stack.

/**
 * Who may call a route: anyone; anyone, with more shown to a signed-in caller who may see it
 * (optional: the function checks a token itself, as API Gateway's authorizer cannot be optional);
 * any signed-in person; or platform stewards only.
 */
export type Access = 'public' | 'optional' | 'signed-in' | 'steward';

/** What a route's function may do to the table: in AWS, read routes get no write permission. */
export type TableAccess = 'read' | 'write';

export const routes = [
  { method: 'GET', path: '/v1/actions', handler: 'list-actions', access: 'public', table: 'read' },
  { method: 'POST', path: '/v1/actions', handler: 'create-action', access: 'steward', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}', handler: 'get-action', access: 'public', table: 'read' },
  { method: 'PATCH', path: '/v1/actions/{slug}', handler: 'update-action', access: 'steward', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}/contributions', handler: 'list-contributions', access: 'optional', table: 'read' },
  { method: 'POST', path: '/v1/actions/{slug}/contributions', handler: 'submit-contribution', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}/contributions/{id}', handler: 'get-contribution', access: 'optional', table: 'read' },
  { method: 'PATCH', path: '/v1/actions/{slug}/contributions/{id}', handler: 'edit-contribution', access: 'signed-in', table: 'write' },
  { method: 'DELETE', path: '/v1/actions/{slug}/contributions/{id}', handler: 'withdraw-contribution', access: 'signed-in', table: 'write' },
  { method: 'PUT', path: '/v1/actions/{slug}/contributions/{id}/hidden', handler: 'hide-contribution', access: 'signed-in', table: 'write' },
  { method: 'DELETE', path: '/v1/actions/{slug}/contributions/{id}/hidden', handler: 'unhide-contribution', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}/members', handler: 'list-members', access: 'optional', table: 'read' },
  { method: 'POST', path: '/v1/actions/{slug}/members', handler: 'request-membership', access: 'signed-in', table: 'write' },
  { method: 'PATCH', path: '/v1/actions/{slug}/members/{organisationId}', handler: 'change-membership', access: 'signed-in', table: 'write' },
  { method: 'DELETE', path: '/v1/actions/{slug}/members/{organisationId}', handler: 'leave-coalition', access: 'signed-in', table: 'write' },
  { method: 'POST', path: '/v1/actions/{slug}/leads', handler: 'appoint-lead', access: 'steward', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}/history', handler: 'list-membership-history', access: 'public', table: 'read' },
  { method: 'GET', path: '/v1/actions/{slug}/agenda', handler: 'list-action-agenda', access: 'public', table: 'read' },
  { method: 'POST', path: '/v1/actions/{slug}/agenda', handler: 'add-agenda-item', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/actions/{slug}/agenda.ics', handler: 'action-calendar', access: 'public', table: 'read' },
  { method: 'GET', path: '/v1/actions/{slug}/agenda/{id}', handler: 'get-agenda-item', access: 'public', table: 'read' },
  { method: 'PATCH', path: '/v1/actions/{slug}/agenda/{id}', handler: 'edit-agenda-item', access: 'signed-in', table: 'write' },
  { method: 'DELETE', path: '/v1/actions/{slug}/agenda/{id}', handler: 'delete-agenda-item', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/agenda', handler: 'list-agenda', access: 'public', table: 'read' },
  { method: 'GET', path: '/v1/agenda.ics', handler: 'platform-calendar', access: 'public', table: 'read' },
  // Reading the caller turns invitations waiting for their e-mail into memberships.
  { method: 'GET', path: '/v1/me', handler: 'get-me', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/organisations', handler: 'list-organisations', access: 'public', table: 'read' },
  { method: 'POST', path: '/v1/organisations', handler: 'register-organisation', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/organisations/{id}', handler: 'get-organisation', access: 'public', table: 'read' },
  { method: 'PATCH', path: '/v1/organisations/{id}', handler: 'update-organisation', access: 'signed-in', table: 'write' },
  { method: 'GET', path: '/v1/organisations/{id}/contributions', handler: 'list-organisation-contributions', access: 'public', table: 'read' },
  { method: 'GET', path: '/v1/organisations/{id}/people', handler: 'list-people', access: 'signed-in', table: 'read' },
  { method: 'POST', path: '/v1/organisations/{id}/people', handler: 'add-person', access: 'signed-in', table: 'write' },
  { method: 'POST', path: '/v1/organisations/{id}/verification', handler: 'verify-organisation', access: 'steward', table: 'write' },
  { method: 'GET', path: '/v1/stats', handler: 'get-stats', access: 'public', table: 'read' },
] as const satisfies ReadonlyArray<{
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: string;
  access: Access;
  table: TableAccess;
}>;

export type Route = (typeof routes)[number];

type AccessByKey = { [R in Route as `${R['method']} ${R['path']}`]: R['access'] };

/** "METHOD /path", as API Gateway names a route in `event.routeKey`. */
export type RouteKey = keyof AccessByKey;

export const routeKey = (route: Route): RouteKey => `${route.method} ${route.path}` as RouteKey;

export type AccessOf<Key extends RouteKey> = AccessByKey[Key];

export function findRoute(key: string): Route | undefined {
  return routes.find((route) => routeKey(route) === key);
}

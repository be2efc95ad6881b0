// The route table: the single source of the API's routes for the local gateway and the CDK stack.

/** Who may call a route: anyone, any signed-in person, or platform stewards only. */
export type Access = 'public' | 'signed-in' | 'steward';

export const routes = [
  { method: 'GET', path: '/v1/actions', handler: 'list-actions', access: 'public' },
  { method: 'POST', path: '/v1/actions', handler: 'create-action', access: 'steward' },
  { method: 'GET', path: '/v1/actions/{slug}', handler: 'get-action', access: 'public' },
  { method: 'PATCH', path: '/v1/actions/{slug}', handler: 'update-action', access: 'steward' },
  { method: 'GET', path: '/v1/actions/{slug}/contributions', handler: 'list-contributions', access: 'public' },
  { method: 'POST', path: '/v1/actions/{slug}/contributions', handler: 'submit-contribution', access: 'signed-in' },
  { method: 'GET', path: '/v1/actions/{slug}/contributions/{id}', handler: 'get-contribution', access: 'public' },
  { method: 'PATCH', path: '/v1/actions/{slug}/contributions/{id}', handler: 'edit-contribution', access: 'signed-in' },
  { method: 'DELETE', path: '/v1/actions/{slug}/contributions/{id}', handler: 'withdraw-contribution', access: 'signed-in' },
  { method: 'GET', path: '/v1/me', handler: 'get-me', access: 'signed-in' },
  { method: 'GET', path: '/v1/organisations', handler: 'list-organisations', access: 'public' },
  { method: 'POST', path: '/v1/organisations', handler: 'register-organisation', access: 'signed-in' },
  { method: 'GET', path: '/v1/organisations/{id}', handler: 'get-organisation', access: 'public' },
  { method: 'PATCH', path: '/v1/organisations/{id}', handler: 'update-organisation', access: 'signed-in' },
  { method: 'GET', path: '/v1/organisations/{id}/people', handler: 'list-people', access: 'signed-in' },
  { method: 'POST', path: '/v1/organisations/{id}/people', handler: 'add-person', access: 'signed-in' },
  { method: 'POST', path: '/v1/organisations/{id}/verification', handler: 'verify-organisation', access: 'steward' },
  { method: 'GET', path: '/v1/stats', handler: 'get-stats', access: 'public' },
] as const satisfies ReadonlyArray<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string; handler: string; access: Access }>;

export type Route = (typeof routes)[number];

type AccessByKey = { [R in Route as `${R['method']} ${R['path']}`]: R['access'] };

/** "METHOD /path", as API Gateway names a route in `event.routeKey`. */
export type RouteKey = keyof AccessByKey;

export const routeKey = (route: Route): RouteKey => `${route.method} ${route.path}` as RouteKey;

export type AccessOf<Key extends RouteKey> = AccessByKey[Key];

export function findRoute(key: string): Route | undefined {
  return routes.find((route) => routeKey(route) === key);
}

import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { routeKey, routes } from '@collective-actions/shared/routes';

describe('the route table', () => {
  it('names each route once', () => {
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('points every route at a handler file of its own', async () => {
    const handlers = routes.map((route) => route.handler);
    expect(new Set(handlers).size).toBe(handlers.length);
    for (const handler of handlers) await access(new URL(`./handlers/${handler}.ts`, import.meta.url));
  });

  it('keeps every route under /v1 with braces for path parameters', () => {
    for (const route of routes) expect(route.path).toMatch(/^\/v1(\/([a-z.-]+|\{[a-z]+\}))+$/i);
  });
});

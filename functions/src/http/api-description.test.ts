import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as problems from '@collective-actions/shared';
import { type RequestSchemas } from '@collective-actions/shared/api-policy';
import { routes } from '@collective-actions/shared/routes';
import { apiDescription } from './api-description.ts';

// The document as clients receive it: JSON, without undefined members.
const document = JSON.parse(JSON.stringify(apiDescription()));

const namesIn = (schema: unknown) => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {}).sort();

const operationOf = (route: (typeof routes)[number]) => document.paths[route.path]?.[route.method.toLowerCase()];

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('has exactly the operations of the route table', () => {
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const heads = routes.filter((route) => route.method === 'GET').map((route) => `HEAD ${route.path}`);
    expect(described.sort()).toEqual([...routes.map((route) => `${route.method} ${route.path}`), ...heads].sort());
  });

  it("names every route's path and query parameters, its body and its answers", () => {
    for (const route of routes) {
      const operation = operationOf(route);
      const request: RequestSchemas = 'request' in route ? route.request : {};
      const parameters = (operation.parameters ?? []) as Array<{ in: string; name: string }>;
      const named = (where: string) => parameters.filter((parameter) => parameter.in === where).map((parameter) => parameter.name).sort();
      expect(named('path'), route.path).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort());
      expect(named('path')).toEqual(namesIn(request.params));
      expect(named('query'), route.path).toEqual(namesIn(request.query));
      const headers = { POST: ['idempotency-key'], GET: ['if-modified-since', 'if-none-match'] }[route.method as string] ?? [];
      expect(named('header'), `${route.method} ${route.path}`).toEqual(headers);
      expect(operation.requestBody !== undefined, `${route.method} ${route.path} body`).toBe('body' in request || 'form' in request);
      for (const status of Object.keys(route.replies)) expect(operation.responses[status], `${route.method} ${route.path} ${status}`).toBeDefined();
      // Public operations say outright that they need nothing.
      expect(operation.security, route.path).toEqual(route.access === 'public' ? [] : expect.arrayContaining([{ bearer: [] }]));
      if (route.method === 'GET') {
        expect(operation.responses['304'], route.path).toBeDefined();
        const head = document.paths[route.path].head;
        expect(Object.keys(head.responses).sort(), route.path).toEqual(Object.keys(operation.responses).sort());
        for (const response of Object.values(head.responses)) expect((response as { content?: unknown }).content).toBeUndefined();
      }
    }
  });

  it('has no component that nothing refers to', () => {
    const text = JSON.stringify(document);
    for (const name of Object.keys(document.components.schemas)) expect(text, name).toContain(`"#/components/schemas/${name}"`);
  });

  it('names every problem type the API answers, with the problem schema', () => {
    const text = JSON.stringify(document);
    const problemClasses = Object.values(problems as Record<string, unknown>).filter(
      (value): value is new (...args: any[]) => problems.Problem => typeof value === 'function' && value.prototype instanceof problems.Problem,
    );
    expect(problemClasses.length).toBeGreaterThanOrEqual(10);
    for (const Problem of problemClasses) {
      const { type } = new Problem('detail', ['GET']);
      expect(text, type).toContain(`\`${type}\``);
    }
    expect(document.paths['/v1/actions/{slug}/contributions'].post.responses['400'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });
});

// Property-based fuzzing of every route: valid shapes from the route table's schemas and junk of every kind, with no
// token, a forged one or a real one. Whatever comes, the API answers below 500, and every error is problem+json (or
// API Gateway's own `{"message"}`, where the gateway refuses before any function runs).
// Reproducible: FUZZ_SEED picks the run (fast-check prints the seed and path of a failure); FUZZ_RUNS sets its length
// (`npm run fuzz` sends 10,000 requests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RequestSchemas } from '@collective-actions/shared/api-policy';
import { routes } from '@collective-actions/shared/routes';
import { problemDocument } from '@collective-actions/shared';
import { bodyTextFor, junk, pathSegmentFor, validFor } from '../support/arbitraries.ts';
import { apiUrl, tokenFor } from '../support/api.ts';
import { expectDescribed } from '../support/api-conformance.ts';
import { atomTitles, expectCsvExportsToMatchJson, snapshotAfter } from '../support/open-data.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 400);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123);

/** The addresses a route answers: its path with any segment for each parameter. */
const patternOf = (path: string) => new RegExp(`^${path.replaceAll('.', '\\.').replace(/\{\w+\}/g, '[^/]+')}$`);

const requestFor = (route: (typeof routes)[number]) => {
  const request: RequestSchemas = 'request' in route ? route.request : {};
  const shape = (request.params as { shape?: Record<string, import('zod').ZodType> } | undefined)?.shape ?? {};
  const segments = route.path.split('/').map((segment) => {
    const name = segment.match(/^\{(\w+)\}$/)?.[1];
    return name ? pathSegmentFor(validFor(shape[name])) : fc.constant(segment);
  });
  const query = request.query
    ? fc.oneof(
        validFor(request.query).map((value) => new URLSearchParams(Object.entries(value as object).map(([key, item]) => [key, String(item)]))),
        fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 300 })).map((value) => new URLSearchParams(value)),
      )
    : fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 2 }).map((value) => new URLSearchParams(value));
  // fetch sends no body with GET; other routes without one sometimes get one, which they must refuse.
  const body =
    route.method === 'GET'
      ? fc.constant(undefined)
      : request.body
        ? bodyTextFor(validFor(request.body))
        : request.form
          ? fc.oneof(validFor(request.form).map((value) => String(new URLSearchParams(value as Record<string, string>))), fc.string({ unit: 'binary', maxLength: 200 }))
          : fc.option(junk.map((value) => JSON.stringify(value)), { nil: undefined });
  return fc.record({
    route: fc.constant(route),
    path: fc.tuple(...segments).map((parts) => parts.join('/')),
    query,
    body,
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=fuzz',
      undefined,
    ),
    caller: fc.constantFrom('nobody', 'forged', 'fuzzer'),
    // POSTs take an Idempotency-Key: none, a good one, or junk a header can carry.
    idempotencyKey:
      route.method === 'POST'
        ? fc.option(fc.oneof(fc.uuid(), fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((code) => String.fromCharCode(code)), maxLength: 300 })), {
            nil: undefined,
          })
        : fc.constant(undefined),
  });
};

describe('every route, fuzzed', () => {
  it(`answers ${runs} generated requests below 500, with a problem document for every error`, { timeout: 60_000 + runs * 200 }, async () => {
    const token = await tokenFor('fuzzer');
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...routes.map(requestFor)), async ({ route, path, query, body, contentType, caller, idempotencyKey }) => {
        const headers: Record<string, string> = {};
        if (caller === 'forged') headers.authorization = `Bearer ${token.slice(0, -8)}AAAAAAAA`;
        if (caller === 'fuzzer') headers.authorization = `Bearer ${token}`;
        if (contentType && body !== undefined) headers['content-type'] = contentType;
        if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
        const reply = await fetch(`${apiUrl}${path}${query.size ? `?${query}` : ''}`, { method: route.method, headers, body });
        const text = await reply.text();
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status, `${route.method} ${path}`).toBeLessThan(500);
        // Whatever it answers, the description lists, for the route the address reached (fetch reads "/./" and "/../"
        // away, so an address may reach another route, or none: the gateway's own 404).
        const reached = new URL(`${apiUrl}${path}`).pathname;
        if (patternOf(route.path).test(reached)) {
          expectDescribed(route.method, route.path, { status: reply.status, headers: reply.headers, body: text });
        }
        if (reply.status >= 400) {
          const where = `${route.method} ${path} ${reply.status}`;
          if (reply.headers.get('content-type') === 'application/json') {
            // API Gateway's own refusal, before any function: its JWT authorizer's, a throttle's or its body limit's.
            expect([401, 413, 429], where).toContain(reply.status);
            expect(JSON.parse(text), where).toEqual({ message: expect.any(String) });
          } else {
            expect(reply.headers.get('content-type'), where).toBe('application/problem+json');
            expect(problemDocument.safeParse(JSON.parse(text)).success, where).toBe(true);
          }
          expect(text).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    console.info(`fuzz: ${runs} requests, seed ${seed}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    // The fuzzer reached past validation: some requests were refused for their content, some were accepted.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401]));
  });

  it('leaves, whatever it got the API to store, every export readable by a strict parser and equal to its JSON copy, and the Atom feed well-formed', async () => {
    await snapshotAfter(new Date().toISOString());
    const { organisations } = await expectCsvExportsToMatchJson();
    expect(organisations.length).toBeGreaterThan(0);
    // The feed's own title and one per entry: a strict parser throws on anything ill-formed.
    expect(atomTitles(await (await fetch(`${apiUrl}/v1/changes.atom?limit=100`)).text()).length).toBeGreaterThan(1);
  });
});

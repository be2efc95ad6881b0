import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { countryCode, httpsUrl, patchOf } from './common.ts';
import { newContribution } from './contributions.ts';
import { newPerson } from './organisations.ts';
import { fieldErrorsOf, Problem, StaleVersion, Unauthorized } from './problems.ts';

const errorsOf = (schema: z.ZodType, input: unknown, where: 'body' | 'parameters' = 'body') => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsOf(result.error, where);
};

describe('field errors', () => {
  it('point at body fields with escaped JSON pointers, one per unknown key', () => {
    const schema = z.strictObject({ links: z.array(z.string()) });
    expect(errorsOf(schema, { links: ['a', 7], 'x/y~z': true })).toEqual([
      { pointer: '#/links/1', detail: 'must be a string' },
      { pointer: '#/x~1y~0z', detail: 'is not a field this request accepts' },
    ]);
  });

  it('name query and path parameters', () => {
    expect(errorsOf(z.strictObject({ limit: z.coerce.number().int() }), { limit: 'x' }, 'parameters')).toEqual([
      { parameter: 'limit', detail: 'must be a number' },
    ]);
  });

  it('say "is required" for a missing field', () => {
    expect(errorsOf(z.object({ title: z.string() }), {})).toEqual([{ pointer: '#/title', detail: 'is required' }]);
  });
});

describe('field schemas', () => {
  it('accept assigned ISO 3166-1 codes only', () => {
    expect(countryCode.safeParse('FR').success).toBe(true);
    expect(countryCode.safeParse('UA').success).toBe(true);
    for (const code of ['ZZ', 'EU', 'fr', 'FRA', '']) expect(countryCode.safeParse(code).success, code).toBe(false);
  });

  it('accept https addresses with a domain only', () => {
    expect(httpsUrl.safeParse('https://www.data.gouv.fr/fr/').success).toBe(true);
    for (const url of ['http://example.org', 'javascript:alert(1)', 'https://localhost/', 'ftp://example.org']) {
      expect(httpsUrl.safeParse(url).success, url).toBe(false);
    }
  });

  it('require a PATCH body to change something besides the version', () => {
    const changes = patchOf({ title: z.string().optional() });
    expect(changes.safeParse({ version: 3 }).success).toBe(false);
    expect(changes.safeParse({ version: 3, title: 'New' }).success).toBe(true);
    expect(changes.safeParse({ version: 0, title: 'New' }).success).toBe(false);
  });

  it('lower-case e-mail addresses and default the role to member', () => {
    expect(newPerson.parse({ email: 'Ada@Example.ORG' })).toEqual({ email: 'ada@example.org', role: 'member' });
  });

  it('trim text and default links to none', () => {
    const parsed = newContribution.parse({
      organisationId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      offers: ['data'],
      title: '  Open registers  ',
      text: 'Line one\nline two',
      language: 'fr',
    });
    expect(parsed).toMatchObject({ title: 'Open registers', text: 'Line one\nline two', links: [] });
  });
});

describe('problems', () => {
  it('become RFC 9457 documents with their headers kept apart', () => {
    const problem = new Unauthorized();
    expect(problem).toBeInstanceOf(Problem);
    expect(problem.toDocument()).toEqual({
      type: '/problems/unauthorized',
      title: 'Not signed in',
      status: 401,
      detail: 'Sign in: this request needs a valid bearer access token.',
      errors: undefined,
    });
    expect(problem.headers).toEqual({ 'www-authenticate': 'Bearer' });
    expect(new StaleVersion('action').status).toBe(409);
  });
});

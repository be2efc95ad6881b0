import { beforeAll, describe, expect, it } from 'vitest';
import type { Action, Me } from '@collective-actions/shared';
import { afterNotifier, call, contributionBody, joinCoalition, newAction, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';

const problem = (reply: { status: number; headers: Headers; body: any }, status: number, type: string) => {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.body).toMatchObject({ status, type: `/problems/${type}`, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
};

describe('bad input gets a clear 4xx problem and stores nothing', () => {
  let admin: string;
  let slug: string;
  let organisationId: string;
  const organisationsOf = async (login: string) => (await call<Me>('GET', '/v1/me', { as: login })).body.organisations.length;
  const contributionsOn = async (action: string) => (await call<Action>('GET', `/v1/actions/${action}`)).body.counts.contributions;

  beforeAll(async () => {
    admin = unique('careless');
    slug = await newAction();
    organisationId = (await newOrganisation(admin)).id;
  });

  it('malformed JSON → 400', async () => {
    const reply = await call('POST', '/v1/organisations', {
      as: admin,
      rawBody: '{"name": "Broken", ',
      headers: { 'content-type': 'application/json' },
    });
    problem(reply, 400, 'bad-request');
    expect(reply.body.detail).toMatch(/not valid JSON/);
    expect(await organisationsOf(admin)).toBe(1);
  });

  it('a body that is not JSON → 415', async () => {
    const reply = await call('POST', '/v1/organisations', {
      as: admin,
      rawBody: 'name=Form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    problem(reply, 415, 'unsupported-media-type');
    expect(await organisationsOf(admin)).toBe(1);
  });

  it('a missing body → 400', async () => {
    problem(await call('POST', '/v1/organisations', { as: admin, headers: { 'content-type': 'application/json' } }), 400, 'bad-request');
  });

  it('a body sent to a route that takes none → 400', async () => {
    // By someone else, on an action of its own, so that the counts the other cases check stay at nothing.
    const author = unique('author');
    const [action, organisation] = await Promise.all([newAction(), newOrganisation(author)]);
    const contribution = await newContribution(author, action, organisation.id);
    const reply = await call('DELETE', `/v1/actions/${action}/contributions/${contribution.id}`, { as: author, body: { reason: 'none' } });
    problem(reply, 400, 'bad-request');
    expect((await call('GET', `/v1/actions/${action}/contributions/${contribution.id}`)).status).toBe(200);
  });

  it('a body over 64 KB → 413', async () => {
    const reply = await call('POST', `/v1/actions/${slug}/contributions`, {
      as: admin,
      body: contributionBody(organisationId, { text: 'x'.repeat(70_000) }),
    });
    problem(reply, 413, 'payload-too-large');
    expect(await contributionsOn(slug)).toBe(0);
  });

  it('unknown fields → 400 naming each of them', async () => {
    const reply = await call('POST', `/v1/actions/${slug}/contributions`, {
      as: admin,
      body: { ...contributionBody(organisationId), status: 'hidden', 'a/b': 1 },
    });
    problem(reply, 400, 'validation-error');
    expect(reply.body.errors).toEqual([
      { pointer: '#/status', detail: 'is not a field this request accepts' },
      { pointer: '#/a~1b', detail: 'is not a field this request accepts' },
    ]);
    expect(await contributionsOn(slug)).toBe(0);
  });

  it.each([
    ['no offer', { offers: [] }, '#/offers'],
    ['an unknown offer', { offers: ['bribes'] }, '#/offers/0'],
    ['a repeated offer', { offers: ['data', 'data'] }, '#/offers'],
    ['six links', { links: Array.from({ length: 6 }, (_, i) => `https://example.org/${i}`) }, '#/links'],
    ['a plain http link', { links: ['http://example.org/'] }, '#/links/0'],
    ['a javascript: link', { links: ['javascript:alert(1)'] }, '#/links/0'],
    ['an empty title', { title: '   ' }, '#/title'],
    ['a title with a line break', { title: 'Two\nlines' }, '#/title'],
    ['control characters', { text: 'Bell \u0007' }, '#/text'],
    ['an unknown language', { language: 'xx' }, '#/language'],
    ['a number for text', { text: 42 }, '#/text'],
    ['a malformed organisation id', { organisationId: '../../etc/passwd' }, '#/organisationId'],
  ])('a contribution with %s → 400 at the field', async (_, fields, pointer) => {
    const reply = await call('POST', `/v1/actions/${slug}/contributions`, { as: admin, body: { ...contributionBody(organisationId), ...fields } });
    problem(reply, 400, 'validation-error');
    expect(reply.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
    expect(await contributionsOn(slug)).toBe(0);
  });

  it('a missing required field → 400 "is required"', async () => {
    const { title: _, ...withoutTitle } = contributionBody(organisationId);
    const reply = await call('POST', `/v1/actions/${slug}/contributions`, { as: admin, body: withoutTitle });
    expect(reply.body.errors).toEqual([{ pointer: '#/title', detail: 'is required' }]);
  });

  it('an organisation with an unassigned country code or a non-https website → 400', async () => {
    const reply = await call('POST', '/v1/organisations', {
      as: admin,
      body: { name: 'Nowhere', kind: 'civil-society', country: 'ZZ', website: 'ftp://example.org' },
    });
    problem(reply, 400, 'validation-error');
    expect(reply.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['#/country', '#/website']);
    expect(await organisationsOf(admin)).toBe(1);
  });

  it('an edit that changes nothing but the version → 400', async () => {
    const reply = await call('PATCH', `/v1/organisations/${organisationId}`, { as: admin, body: { version: 1 } });
    problem(reply, 400, 'validation-error');
  });

  it.each([
    ['/v1/organisations/not-an-id', 'id'],
    ['/v1/actions/Not_A_Slug', 'slug'],
    ['/v1/actions/open-public-procurement/contributions/123', 'id'],
    ['/v1/actions/open-public-procurement/contributions/..%2F..%2Fadmin', 'id'],
  ])('a malformed id in %s → 400', async (path, parameter) => {
    const reply = await call('GET', path);
    problem(reply, 400, 'validation-error');
    expect(reply.body.errors[0].parameter).toBe(parameter);
  });

  it('a well-formed id of nothing → 404', async () => {
    problem(await call('GET', '/v1/organisations/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, 'not-found');
    problem(await call('GET', `/v1/actions/${slug}/contributions/01ARZ3NDEKTSV4RRFFQ69G5FAV`), 404, 'not-found');
    problem(await call('GET', '/v1/actions/no-such-action'), 404, 'not-found');
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['base64 of something else', Buffer.from('{"after":{"PK":"x"}}').toString('base64url')],
    ['a cursor of another list', Buffer.from(JSON.stringify({ after: `acme#01ARZ3NDEKTSV4RRFFQ69G5FAV` })).toString('base64url')],
  ])('a bad cursor (%s) → 400', async (_, cursor) => {
    const reply = await call('GET', `/v1/actions/${slug}/contributions?cursor=${cursor}`);
    problem(reply, 400, 'bad-request');
    expect(reply.body.detail).toMatch(/cursor/);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=many', 'limit'],
    ['limit=101', 'limit'],
    ['type=bribes', 'type'],
    ['country=fr', 'country'],
    ['organisationKind=company', 'organisationKind'],
    ['sort=oldest', 'sort'],
  ])('a bad query parameter (%s) → 400', async (query, parameter) => {
    const reply = await call('GET', `/v1/actions/${slug}/contributions?${query}`);
    problem(reply, 400, 'validation-error');
    expect(reply.body.errors[0].parameter).toBe(parameter);
  });

  it('a contribution to an action that does not exist → 404, nothing counted', async () => {
    const reply = await call('POST', '/v1/actions/no-such-action/contributions', { as: admin, body: contributionBody(organisationId) });
    problem(reply, 404, 'not-found');
    expect((await call('GET', `/v1/organisations/${organisationId}`)).body.contributionCount).toBe(0);
  });

  it('an unknown route → 404, a known path with another method → 405 with Allow', async () => {
    problem(await call('GET', '/v1/nothing-here'), 404, 'not-found');
    const reply = await call('PUT', '/v1/organisations');
    problem(reply, 405, 'method-not-allowed');
    expect(reply.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });
});

describe('hostile JSON', () => {
  it('a __proto__ key → 400, nothing stored', async () => {
    const admin = unique('hostile');
    const reply = await call('POST', '/v1/organisations', {
      as: admin,
      rawBody: '{"name":"Proto","kind":"civil-society","country":"FR","website":"https://example.org/","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    problem(reply, 400, 'bad-request');
    expect((await call<Me>('GET', '/v1/me', { as: admin })).body.organisations).toEqual([]);
  });
});

describe('bad input on the coalition, agenda and moderation routes gets a 4xx problem and changes nothing', () => {
  let slug: string;
  let lead: string;
  let requester: string;
  let requestingId: string;
  let memberId: string;
  let contributionId: string;
  let agendaId: string;

  /** Everything these routes could change, as the lead sees it. */
  const state = async () =>
    JSON.stringify(
      await Promise.all([
        call('GET', `/v1/actions/${slug}/members`, { as: lead }),
        call('GET', `/v1/actions/${slug}`),
        call('GET', `/v1/actions/${slug}/history`),
        call('GET', `/v1/actions/${slug}/agenda`),
        call('GET', `/v1/actions/${slug}/contributions?visibility=hidden`, { as: lead }),
      ]).then((replies) => replies.map((reply) => reply.body)),
    );

  beforeAll(async () => {
    ({ slug, lead } = await newCoalition());
    requester = unique('requester');
    requestingId = (await joinCoalition(slug, requester)).id;
    const member = unique('member');
    memberId = (await joinCoalition(slug, member, lead)).id;
    contributionId = (await newContribution(member, slug, memberId)).id;
    agendaId = (
      await call('POST', `/v1/actions/${slug}/agenda`, {
        as: lead,
        body: { kind: 'event', title: 'Kept as it is', start: '2027-01-01', timeZone: 'UTC', language: 'en' },
      })
    ).body.id;
    // The notifier has made the lead's and the member's admins follow the action: nothing moves from here on.
    await afterNotifier(() => call('GET', `/v1/actions/${slug}`), (reply) => reply.body.followers >= 2);
  });

  const unknownId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
  it.each([
    ['a join request with an unknown field', 'POST', () => `/v1/actions/${slug}/members`, () => ({ as: requester, body: { organisationId: requestingId, role: 'lead' } }), 400],
    ['a join request with a malformed id', 'POST', () => `/v1/actions/${slug}/members`, () => ({ as: requester, body: { organisationId: '../admin' } }), 400],
    ['a join request with a 2,000-character message', 'POST', () => `/v1/actions/${slug}/members`, () => ({ as: requester, body: { organisationId: requestingId, message: 'x'.repeat(2000) } }), 400],
    ['a join request for an organisation of nobody', 'POST', () => `/v1/actions/${slug}/members`, () => ({ as: requester, body: { organisationId: unknownId } }), 403],
    ['a join request to no action', 'POST', () => '/v1/actions/no-such-action/members', () => ({ as: requester, body: { organisationId: requestingId } }), 404],
    ['an unknown change', 'PATCH', () => `/v1/actions/${slug}/members/${requestingId}`, () => ({ as: lead, body: { change: 'promote' } }), 400],
    ['a change with no body', 'PATCH', () => `/v1/actions/${slug}/members/${requestingId}`, () => ({ as: lead, headers: { 'content-type': 'application/json' } }), 400],
    ['a change to an organisation not in the coalition', 'PATCH', () => `/v1/actions/${slug}/members/${unknownId}`, () => ({ as: lead, body: { change: 'approve' } }), 404],
    ['removing a request instead of declining it', 'PATCH', () => `/v1/actions/${slug}/members/${requestingId}`, () => ({ as: lead, body: { change: 'remove' } }), 409],
    ['making a member a member', 'PATCH', () => `/v1/actions/${slug}/members/${memberId}`, () => ({ as: lead, body: { change: 'make-member' } }), 409],
    ['a malformed organisation in the path', 'DELETE', () => `/v1/actions/${slug}/members/not-an-id`, () => ({ as: requester }), 400],
    ['a lead appointment of nobody', 'POST', () => `/v1/actions/${slug}/leads`, () => ({ as: 'steward', body: { organisationId: unknownId } }), 400],
    ['a lead appointment without an organisation', 'POST', () => `/v1/actions/${slug}/leads`, () => ({ as: 'steward', body: {} }), 400],
    ['a hiding without a reason', 'PUT', () => `/v1/actions/${slug}/contributions/${contributionId}/hidden`, () => ({ as: lead, body: { reason: ' ' } }), 400],
    ['a hiding of nothing', 'PUT', () => `/v1/actions/${slug}/contributions/${unknownId}/hidden`, () => ({ as: lead, body: { reason: 'Spam.' } }), 404],
    ['a history page of 0', 'GET', () => `/v1/actions/${slug}/history?limit=0`, () => ({}), 400],
    ['a history cursor of another list', 'GET', () => `/v1/actions/${slug}/history?cursor=bm90LWEtY3Vyc29y`, () => ({}), 400],
    ['a visibility that does not exist', 'GET', () => `/v1/actions/${slug}/contributions?visibility=secret`, () => ({ as: lead }), 400],
    ['an agenda edit without a version', 'PATCH', () => `/v1/actions/${slug}/agenda/${agendaId}`, () => ({ as: lead, body: { title: 'No version' } }), 400],
    ['an agenda edit of a stale version', 'PATCH', () => `/v1/actions/${slug}/agenda/${agendaId}`, () => ({ as: lead, body: { version: 7, title: 'Stale' } }), 409],
    ['an agenda edit with a bad status', 'PATCH', () => `/v1/actions/${slug}/agenda/${agendaId}`, () => ({ as: lead, body: { version: 1, status: 'maybe' } }), 400],
    ['an agenda item with a huge title', 'POST', () => `/v1/actions/${slug}/agenda`, () => ({ as: lead, body: { kind: 'event', title: 'x'.repeat(300), start: '2027-01-01', timeZone: 'UTC', language: 'en' } }), 400],
    ['an agenda item path that is not an id', 'GET', () => `/v1/actions/${slug}/agenda/..%2F..%2Fetc`, () => ({}), 400],
    ['an agenda bound that is not a date', 'GET', () => `/v1/actions/${slug}/agenda?from=soon`, () => ({}), 400],
    ['a calendar of no action', 'GET', () => '/v1/actions/no-such-action/agenda.ics', () => ({}), 404],
  ])('%s → %s', async (_, method, path, options, status) => {
    const before = await state();
    const reply = await call(method, path(), options());
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), detail: expect.any(String) });
    expect(await state()).toBe(before);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import * as counts from '@collective-actions/functions/data/counts.ts';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import { idempotentUseCase } from '@collective-actions/functions/http/idempotency.ts';
import { Conflict, RequestInProgress, type Action, type Contribution, type ContributionPage } from '@collective-actions/shared';
import { call, contributionBody, newAction, newOrganisation, unique } from '../support/api.ts';

describe('Idempotency-Key on POST', () => {
  let slug: string;
  let admin: string;
  let organisationId: string;

  const submit = (key: string | undefined, body: object, options: { as?: string; to?: string } = {}) =>
    call<Contribution>('POST', `/v1/actions/${options.to ?? slug}/contributions`, {
      as: options.as ?? admin,
      body,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const contributionsOn = async (action = slug) => (await call<ContributionPage>('GET', `/v1/actions/${action}/contributions`)).body.items;

  beforeAll(async () => {
    slug = await newAction();
    admin = unique('retrying');
    organisationId = (await newOrganisation(admin)).id;
  });

  it('runs 20 concurrent retries of one submission once, and gives all of them the same answer', async () => {
    const key = crypto.randomUUID();
    const body = contributionBody(organisationId, { title: 'Sent twenty times' });
    const replies = await Promise.all(Array.from({ length: 20 }, () => submit(key, body)));

    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    const [created] = await contributionsOn();
    expect(await contributionsOn()).toHaveLength(1);
    for (const reply of replies) {
      expect(reply.body).toEqual(replies[0].body);
      expect(reply.headers.get('location')).toBe(`/v1/actions/${slug}/contributions/${created.id}`);
    }
    // One request did the work; the others were told they got its stored answer.
    expect(replies.filter((reply) => reply.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const action = (await call<Action>('GET', `/v1/actions/${slug}`)).body;
    expect(action.counts.contributions).toBe(1);
    expect(action.counts).toEqual(await counts.recountAction(slug));

    // A later retry still gets the answer, and still creates nothing.
    const later = await submit(key, body);
    expect(later.status).toBe(201);
    expect(later.body).toEqual(replies[0].body);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(await contributionsOn()).toHaveLength(1);
  });

  it('keeps the answer for a day in the idempotency partition, where the table forgets it by itself', async () => {
    const sentAt = Date.now() / 1000;
    await submit(crypto.randomUUID(), contributionBody(organisationId, { title: 'Remembered for a day' }));
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :route)',
        ExpressionAttributeValues: { ':partition': tableDefinition.idempotencyPartition, ':route': 'POST /v1/actions/{slug}/contributions#' },
      }),
    );
    const newest = Items.map((item) => item[tableDefinition.timeToLiveAttribute] as number).sort((a, b) => b - a)[0];
    expect(newest - sentAt).toBeGreaterThan(24 * 3600 - 60);
    expect(newest - sentAt).toBeLessThan(24 * 3600 + 60);
    expect(Items.every((item) => item.status === 'COMPLETED')).toBe(true);
  });

  it('refuses the same key with another body, or at another address, with 422, and changes nothing', async () => {
    const key = crypto.randomUUID();
    expect((await submit(key, contributionBody(organisationId, { title: 'The first request' }))).status).toBe(201);
    const before = await contributionsOn();

    const otherBody = await submit(key, contributionBody(organisationId, { title: 'Another request' }));
    expect(otherBody.status).toBe(422);
    expect(otherBody.headers.get('content-type')).toBe('application/problem+json');
    expect(otherBody.body).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422 });

    const elsewhere = await newAction();
    const otherAddress = await submit(key, contributionBody(organisationId, { title: 'The first request' }), { to: elsewhere });
    expect(otherAddress.status).toBe(422);
    expect(await contributionsOn(elsewhere)).toHaveLength(0);
    expect(await contributionsOn()).toEqual(before);
  });

  it("keeps each caller's keys apart, and each route's", async () => {
    const key = crypto.randomUUID();
    const mine = await submit(key, contributionBody(organisationId, { title: 'Same key, first caller' }));
    const colleague = unique('colleague');
    const theirs = await submit(key, contributionBody((await newOrganisation(colleague)).id, { title: 'Same key, second caller' }), { as: colleague });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);

    const organisation = await call('POST', '/v1/organisations', {
      as: admin,
      body: { name: unique('Same key, another route'), kind: 'civil-society', country: 'FR', website: 'https://example.org/' },
      headers: { 'idempotency-key': key },
    });
    expect(organisation.status).toBe(201);
    expect(organisation.headers.get('idempotent-replayed')).toBeNull();
  });

  it('still creates one record per request when no key is sent', async () => {
    const body = contributionBody(organisationId, { title: 'Sent without a key' });
    const [first, second] = [await submit(undefined, body), await submit(undefined, body)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('refuses a key that is empty, too long or not ASCII with 400, naming the header', async () => {
    for (const key of ['', 'k'.repeat(256), 'clé-été']) {
      const reply = await call('POST', '/v1/organisations', {
        as: admin,
        body: { name: unique('Refused key'), kind: 'civil-society', country: 'FR', website: 'https://example.org/' },
        headers: { 'idempotency-key': key },
      });
      expect(reply.status, key).toBe(400);
      expect(reply.body).toMatchObject({ type: '/problems/validation-error', errors: [{ parameter: 'idempotency-key' }] });
    }
  });
});

describe('a retry that arrives while the first request is running', () => {
  // The use cases here are stand-ins with a chosen duration; the records are real, in DynamoDB Local.
  const contextWith = (millis: number) => {
    const deadline = Date.now() + millis;
    return { getRemainingTimeInMillis: () => deadline - Date.now() } as Context;
  };
  const request = { params: { slug: 'waiting' }, body: { title: 'slow' } };
  const created = { statusCode: 201, headers: { location: '/somewhere' }, body: '{"done":true}' };

  it('waits for its answer, and gives up with 409 and Retry-After past the time it has', async () => {
    let runs = 0;
    const slow = idempotentUseCase(`POST /test/${crypto.randomUUID()}`, async () => {
      runs += 1;
      await sleep(1500);
      return created;
    });
    const key = crypto.randomUUID();
    const first = slow(key, 'someone', request, contextWith(10_000));
    await sleep(100);
    const patient = slow(key, 'someone', request, contextWith(10_000));
    const hurried = slow(key, 'someone', request, contextWith(1500)).catch((error: unknown) => error);

    const refusal = await hurried;
    expect(refusal).toBeInstanceOf(RequestInProgress);
    expect((refusal as RequestInProgress).headers['retry-after']).toBe('1');
    expect(await first).toEqual(created);
    expect(await patient).toEqual({ ...created, headers: { ...created.headers, 'idempotent-replayed': 'true' } });
    expect(runs).toBe(1);
  });

  it('runs the use case itself when the first request failed, since a failure is not an answer to keep', async () => {
    let runs = 0;
    const failsOnce = idempotentUseCase(`POST /test/${crypto.randomUUID()}`, async () => {
      runs += 1;
      await sleep(300);
      if (runs === 1) throw new Conflict('The first attempt clashed.');
      return created;
    });
    const key = crypto.randomUUID();
    const first = failsOnce(key, 'someone', request, contextWith(10_000)).catch((error: unknown) => error);
    await sleep(50);
    const retry = failsOnce(key, 'someone', request, contextWith(10_000));
    expect(await first).toBeInstanceOf(Conflict);
    expect(await retry).toEqual(created);
    expect(runs).toBe(2);
  });
});

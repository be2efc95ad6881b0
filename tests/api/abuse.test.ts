// The write throttle: a token bucket per caller and per organisation, kept in the table (DynamoDB Local here).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { takeToken } from '@collective-actions/functions/data/throttle.ts';
import { writeThrottle } from '@collective-actions/shared/api-policy';
import { call, newOrganisation, unique } from '../support/api.ts';

/**
 * A bucket spent as a burst of changes sent a second from now would leave it: a bucket refills a token every 20 ms,
 * faster than a test can spend it through the API and send its next request, so the test writes the bucket's record.
 */
const drain = (subject: string) =>
  documents.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.throttleBucket(subject), tat: Date.now() + 1000 + (writeThrottle.burst * 1000) / writeThrottle.ratePerSecond },
    }),
  );

describe('a bucket of the write throttle', () => {
  const bucket = { burst: 5, ratePerSecond: 2 };

  it('gives exactly its burst to changes sent at once, then one token per interval, and says how long to wait', async () => {
    const subject = unique('bucket');
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 12 }, () => takeToken(subject, bucket, now)));
    expect(waits.filter((wait) => wait === undefined)).toHaveLength(5);
    // Refused: the next token comes one interval (500 ms) later.
    for (const wait of waits.filter((one) => one !== undefined)) expect(wait).toBe(500);
    expect(await takeToken(subject, bucket, now + 499)).toBe(1);
    expect(await takeToken(subject, bucket, now + 500)).toBeUndefined();
    expect(await takeToken(subject, bucket, now + 500)).toBe(500);
    // Left alone, it fills up to its burst again, and no further.
    const later = now + 60_000;
    const refilled = await Promise.all(Array.from({ length: 7 }, () => takeToken(subject, bucket, later)));
    expect(refilled.filter((wait) => wait === undefined)).toHaveLength(5);
  });

  it('is one per subject', async () => {
    const [a, b] = [unique('a'), unique('b')];
    for (let i = 0; i < 5; i++) expect(await takeToken(a, bucket)).toBeUndefined();
    expect(await takeToken(a, bucket)).toBeGreaterThan(0);
    expect(await takeToken(b, bucket)).toBeUndefined();
  });
});

describe('the write throttle', () => {
  it('answers a caller past the burst 429 with Retry-After, before reading the body, and lets others and reads through', async () => {
    const caller = unique('hasty');
    await drain(`caller#${caller}`);
    // Refused bodies cost the database nothing, but count as writes all the same.
    const refused = await call('POST', '/v1/organisations', { as: caller, body: { name: '' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(Math.ceil(writeThrottle.burst / writeThrottle.ratePerSecond));
    expect((await call('POST', '/v1/organisations', { as: unique('patient'), body: { name: '' } })).status).toBe(400);
    expect((await call('GET', '/v1/stats', { as: caller })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    expect((await call('POST', '/v1/organisations', { as: caller, body: { name: '' } })).status).toBe(400);
  });

  it('gives an organisation one allowance, however many accounts its people open, and lets nobody outside spend it', async () => {
    const admin = unique('admin');
    const organisation = await newOrganisation(admin);
    // A second account joined by invitation: it signs in with the invited e-mail and so becomes a member.
    const throwaway = `${unique('throwaway')}@example.org`;
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: throwaway } })).status).toBe(201);
    expect((await call('GET', '/v1/me', { as: throwaway })).status).toBe(200);

    // Outsiders naming the organisation are refused for what they are, and spend nothing of its allowance.
    const outsiders = await Promise.all(
      Array.from({ length: writeThrottle.burst + 10 }, (_, index) =>
        call('PATCH', `/v1/organisations/${organisation.id}`, { as: `outsider-${index % 20}-${organisation.id}`, body: { version: 1, name: 'Taken over' } }),
      ),
    );
    expect(new Set(outsiders.map((reply) => reply.status))).toEqual(new Set([403]));
    expect((await call('POST', `/v1/actions/open-public-procurement/contributions`, { as: throwaway, body: { organisationId: organisation.id } })).status).toBe(400);

    // Its own bucket spent, by one account: the other, fresh as it is, gets 429 for changes made for it.
    await drain(`organisation#${organisation.id}`);
    for (const member of [admin, throwaway]) {
      const reply = await call('PATCH', `/v1/organisations/${organisation.id}`, { as: member, body: { version: 1, name: 'Renamed' } });
      expect(reply.status, member).toBe(429);
      expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect((await call('POST', '/v1/actions/open-public-procurement/contributions', { as: throwaway, body: { organisationId: organisation.id } })).status).toBe(429);
    // Changes for another organisation of the same person are not held back.
    const other = await newOrganisation(admin);
    expect((await call('PATCH', `/v1/organisations/${other.id}`, { as: admin, body: { version: 1, name: 'Other renamed' } })).status).toBe(200);
  });
});

import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import { checkConsistency } from '@collective-actions/functions/data/consistency.ts';
import { call, inboxAfterDelivery, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

describe('the consistency checker', () => {
  it('finds nothing after real changes, and names each count or index entry that was tampered with', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await joinCoalition(slug, author, lead);
    const kept = await newContribution(author, slug, organisation.id);
    const hidden = await newContribution(author, slug, organisation.id);
    const withdrawn = await newContribution(author, slug, organisation.id);
    await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead, body: { reason: 'Off topic.' } });
    await call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: author });
    expect(await checkConsistency([slug])).toEqual([]);

    // A count that moved without its record, and a contribution that lost its feed entry.
    const tally = { PK: `ACTION#${slug}`, SK: `CONTRIBUTOR#${organisation.id}` };
    const record = { PK: `ACTION#${slug}`, SK: `CONTRIBUTION#${kept.id}` };
    const originals = await Promise.all([tally, record].map(async (Key) => (await documents.send(new GetCommand({ TableName: tableName, Key }))).Item!));
    const update = (Key: Record<string, string>, UpdateExpression: string, ExpressionAttributeValues?: Record<string, unknown>) =>
      documents.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression, ExpressionAttributeValues }));
    await update(tally, 'SET contributions = contributions + contributions');
    await update(record, 'REMOVE GSI5PK, GSI5SK');
    expect(await checkConsistency([slug])).toEqual([
      {
        what: `index entries of contribution ${kept.id} (published)`,
        stored: { listed: true, inFeed: false },
        recomputed: { listed: true, inFeed: true },
      },
      { what: `contributions of ${organisation.id} on ${slug}`, stored: 2, recomputed: 1 },
    ]);
    // Put back as they were, so that the check of the whole table after the suite finds nothing.
    for (const item of originals) await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    expect(await checkConsistency([slug])).toEqual([]);

    // A follower counted twice.
    const reader = unique('reader');
    expect((await call('PUT', `/v1/actions/${slug}/following`, { as: reader })).status).toBe(200);
    // The lead's and the member's admins come to follow it by default, as the notifier runs: wait for all three.
    const followers = 3;
    await expect.poll(async () => (await call('GET', `/v1/actions/${slug}`)).body.followers, { timeout: 15_000 }).toBe(followers);
    const counter = { PK: `FOLLOW#ACTION#${slug}`, SK: 'COUNT' };
    await update(counter, 'ADD followers :one', { ':one': 1 });
    expect(await checkConsistency([slug])).toEqual([{ what: `followers of action ${slug}`, stored: followers + 1, recomputed: followers }]);
    await update(counter, 'ADD followers :one', { ':one': -1 });
    expect(await checkConsistency([slug])).toEqual([]);
  });

  it('counts what waits for each digest', async () => {
    const { slug, lead } = await newCoalition();
    const reader = unique('digest-reader');
    await call('GET', '/v1/me', { as: reader });
    expect((await call('PUT', `/v1/actions/${slug}/following`, { as: reader })).status).toBe(200);
    const meeting = { kind: 'meeting', title: unique('Call'), start: '2031-03-27T10:00', timeZone: 'Europe/Paris', language: 'en' };
    expect((await call('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting })).status).toBe(201);
    await inboxAfterDelivery(reader, 1);
    const mine = async () => (await checkConsistency()).filter((difference) => difference.what.includes(reader));
    expect(await mine()).toEqual([]);

    const digest = { PK: `PERSON#${reader}`, SK: 'DIGEST#daily' };
    await documents.send(new UpdateCommand({ TableName: tableName, Key: digest, UpdateExpression: 'ADD waiting :one', ExpressionAttributeValues: { ':one': 1 } }));
    expect(await mine()).toEqual([{ what: `notifications waiting for the daily digest of ${reader}`, stored: 2, recomputed: 1 }]);
    await documents.send(new UpdateCommand({ TableName: tableName, Key: digest, UpdateExpression: 'ADD waiting :one', ExpressionAttributeValues: { ':one': -1 } }));
    expect(await mine()).toEqual([]);
  });
});

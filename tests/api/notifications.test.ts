import { describe, expect, it } from 'vitest';
import { afterDelivery, call, inboxAfterDelivery, inboxOf, joinCoalition, kinds, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';

describe('notifications', () => {
  it("tell a coalition's leads of a request, and the organisation's admins of each decision, never the person who acted", async () => {
    const { slug, lead, leadOrganisation } = await newCoalition();
    // Appointed by a steward, the lead organisation's admin is told it was made lead.
    expect(kinds(await inboxAfterDelivery(lead, 1))).toEqual([`made-lead ${leadOrganisation.name}`]);
    // The lead organisation's second admin is told too; its plain member is not.
    const coLead = unique('co-lead');
    const plainMember = unique('plain-member');
    expect((await call('POST', `/v1/organisations/${leadOrganisation.id}/people`, { as: lead, body: { email: `${coLead}@users.localhost`, role: 'admin' } })).status).toBe(201);
    expect((await call('POST', `/v1/organisations/${leadOrganisation.id}/people`, { as: lead, body: { email: `${plainMember}@users.localhost`, role: 'member' } })).status).toBe(201);
    // Signing in (reading /me) turns the invitations into memberships.
    await call('GET', '/v1/me', { as: coLead });
    await call('GET', '/v1/me', { as: plainMember });
    // Each is told they were added, and by whom is never said.
    const added = [`added-to-organisation ${leadOrganisation.name}`];
    expect(kinds(await inboxAfterDelivery(plainMember, 1))).toEqual(added);

    const asker = unique('asker');
    const organisation = await joinCoalition(slug, asker, undefined, { name: unique('Asking ministry') });
    const requested = [`join-requested ${organisation.name}`];
    expect(kinds(await inboxAfterDelivery(coLead, 2))).toEqual([...requested, ...added]);
    const inbox = await inboxAfterDelivery(lead, 2);
    expect(kinds(inbox)).toEqual([...requested, `made-lead ${leadOrganisation.name}`]);
    expect(inbox.items[0]).toMatchObject({ action: slug, read: false, organisation: { id: organisation.id } });
    expect(inbox.unread).toBe(2);
    expect((await inboxOf(asker)).items).toEqual([]);

    expect((await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: lead, body: { change: 'approve' } })).status).toBe(200);
    expect((await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: coLead, body: { change: 'make-lead' } })).status).toBe(200);
    const told = await inboxAfterDelivery(asker, 2);
    expect(kinds(told)).toEqual([`made-lead ${organisation.name}`, `request-approved ${organisation.name}`]);
    expect(told.unread).toBe(2);
    // Neither the lead who approved nor the co-lead who made it lead hears of their own act; the plain member hears nothing.
    await afterDelivery();
    expect(kinds(await inboxOf(lead))).toEqual([...requested, `made-lead ${leadOrganisation.name}`]);
    expect(kinds(await inboxOf(coLead))).toEqual([...requested, ...added]);
    expect(kinds(await inboxOf(plainMember))).toEqual(added);
  });

  it('tell a declined or removed organisation, and are read one by one or all at once, page by page', async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('admin');
    const declined = await joinCoalition(slug, admin, undefined, { name: unique('Declined network') });
    expect((await call('PATCH', `/v1/actions/${slug}/members/${declined.id}`, { as: lead, body: { change: 'decline' } })).status).toBe(200);
    const removed = await joinCoalition(slug, admin, lead, { name: unique('Removed network') });
    expect((await call('PATCH', `/v1/actions/${slug}/members/${removed.id}`, { as: lead, body: { change: 'remove' } })).status).toBe(204);

    const inbox = await inboxAfterDelivery(admin, 3);
    expect(kinds(inbox)).toEqual([`member-removed ${removed.name}`, `request-approved ${removed.name}`, `request-declined ${declined.name}`]);
    const first = await inboxOf(admin, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await inboxOf(admin, `?limit=2&cursor=${first.next}`);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(inbox.items.map((item) => item.id));
    expect(second.next).toBeNull();

    const [newest] = inbox.items;
    const read = await call('POST', '/v1/me/notifications/read', { as: admin, body: { ids: [newest.id, newest.id] } });
    expect(read).toMatchObject({ status: 200, body: { unread: 2 } });
    // Reading it again changes nothing.
    expect((await call('POST', '/v1/me/notifications/read', { as: admin, body: { ids: [newest.id] } })).body).toEqual({ unread: 2 });
    expect((await inboxOf(admin)).items.map((item) => item.read)).toEqual([true, false, false]);
    expect((await call('POST', '/v1/me/notifications/read', { as: admin, body: { all: true } })).body).toEqual({ unread: 0 });
    expect(await inboxOf(admin)).toMatchObject({ unread: 0, items: [{ read: true }, { read: true }, { read: true }] });
  });

  it("refuses someone else's notification and bad bodies, marking nothing", async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('admin');
    await joinCoalition(slug, admin, lead);
    const [theirs] = (await inboxAfterDelivery(admin, 1)).items;
    const [mine] = (await inboxAfterDelivery(lead, 2)).items;

    const refused = await call('POST', '/v1/me/notifications/read', { as: lead, body: { ids: [mine.id, theirs.id] } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer: '#/ids/1', detail: 'is not one of your notifications' }]);
    expect((await inboxOf(lead)).unread).toBe(2);
    expect((await inboxOf(admin)).unread).toBe(1);

    for (const body of [{}, { ids: [] }, { ids: ['not-an-id'] }, { all: false }, { ids: [mine.id], all: true }, { ids: Array(101).fill(mine.id) }, { all: 'yes' }]) {
      const reply = await call('POST', '/v1/me/notifications/read', { as: lead, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('GET', '/v1/me/notifications?limit=0', { as: lead })).status).toBe(400);
    expect((await call('GET', '/v1/me/notifications?cursor=nonsense', { as: lead })).status).toBe(400);
    expect((await call('GET', '/v1/me/notifications')).status).toBe(401);
    expect((await inboxOf(lead)).unread).toBe(2);
  });

  it('reach each recipient once, however often delivery runs', async () => {
    const { deliverEvent } = await import('@collective-actions/functions/services/delivery.ts');
    const { slug, lead } = await newCoalition();
    const admin = unique('admin');
    const organisation = await newOrganisation(admin, { name: unique('Twice told') });
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })).status).toBe(201);
    const [told, appointed] = (await inboxAfterDelivery(lead, 2)).items;
    expect(told.kind).toBe('join-requested');
    // Delivery runs again (a retry after a crash, a second stream record): nothing new arrives.
    const { read: _, ...content } = told;
    const again = await deliverEvent({ ...content, actor: admin, people: [] });
    expect(again).toBe(0);
    expect(await inboxOf(lead)).toMatchObject({ unread: 2, items: [{ id: told.id }, { id: appointed.id }] });
  });

  it('are delivered by the stream handler AWS runs, which reports a record it cannot read and goes on with the others', async () => {
    const { handler } = await import('@collective-actions/functions/jobs/notify.ts');
    const { keys } = await import('@collective-actions/functions/data/keys.ts');
    const { slug, lead } = await newCoalition();
    const admin = unique('admin');
    const organisation = await newOrganisation(admin, { name: unique('Streamed') });
    expect((await call('POST', `/v1/actions/${slug}/members`, { as: admin, body: { organisationId: organisation.id } })).status).toBe(201);
    const [told] = (await inboxAfterDelivery(lead, 2)).items;
    const record = (sequence: string, keyOf: Record<string, { S: string }> | undefined) => ({
      eventID: sequence,
      eventName: 'INSERT' as const,
      eventSourceARN: 'arn:aws:dynamodb:eu-west-3:000000000000:table/test/stream/local',
      dynamodb: { Keys: keyOf, SequenceNumber: sequence, StreamViewType: 'KEYS_ONLY' as const },
    });
    const { PK, SK } = keys.outboxEvent(told.id);
    const context = { functionName: 'Notifier', awsRequestId: 'test', getRemainingTimeInMillis: () => 60_000 } as never;
    const answer = await handler({ Records: [record('1', { PK: { S: PK }, SK: { S: SK } }), record('2', undefined)] }, context);
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect((await inboxOf(lead)).items.filter((item) => item.id === told.id)).toHaveLength(1);
  });

  it("tell a contribution's author and its organisation's admins that a lead hid it, and why, then that it is shown again", async () => {
    const { slug, lead } = await newCoalition();
    const admin = unique('admin');
    const author = unique('author');
    const organisation = await joinCoalition(slug, admin, lead, { name: unique('Contributing network') });
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: `${author}@users.localhost`, role: 'member' } })).status).toBe(201);
    await call('GET', '/v1/me', { as: author });
    const contribution = await newContribution(author, slug, organisation.id, { title: 'Procurement data, explained' });
    const reason = 'It links to a page that asks for payment.';
    expect((await call('PUT', `/v1/actions/${slug}/contributions/${contribution.id}/hidden`, { as: lead, body: { reason } })).status).toBe(200);
    expect((await call('DELETE', `/v1/actions/${slug}/contributions/${contribution.id}/hidden`, { as: lead })).status).toBe(200);

    const about = { action: slug, organisation: { id: organisation.id }, contribution: { id: contribution.id, title: 'Procurement data, explained' } };
    for (const who of [author, admin]) {
      // The admin was told its request was approved, the author that they were added to the organisation.
      const inbox = await inboxAfterDelivery(who, 3);
      expect(inbox.items.slice(0, 2)).toMatchObject([
        { kind: 'contribution-shown', ...about },
        { kind: 'contribution-hidden', reason, ...about },
      ]);
      expect(inbox.items[0]).not.toHaveProperty('reason');
    }
    // The lead who hid and showed it hears of neither (only, as a follower of the action, that it was added); nobody
    // else's inbox holds the author's id.
    await afterDelivery();
    expect((await inboxOf(lead)).items.map((item) => item.kind)).toEqual(['contribution-added', 'join-requested', 'made-lead']);
    expect(JSON.stringify(await inboxOf(admin))).not.toContain(author);
  });
});

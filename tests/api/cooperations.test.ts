// Cooperations against DynamoDB Local: a proposal opens a private thread between two organisations, which nobody else
// may read; both organisations' admins accept it (once, however many accept at once) and it is public.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution, CooperationView, Message } from '@collective-actions/shared';
import { dynamo, tableName } from '@collective-actions/functions/data/client.ts';
import { checkConsistency } from '@collective-actions/functions/data/consistency.ts';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { afterNotifier, call, inboxOf, newAction, newContribution } from '../support/api.ts';
import { newSide, pathOf, propose, told, type Side } from '../support/cooperations.ts';
import { addressOf, mailAfterDelivery } from '../support/mail.ts';

const fixture = {} as { slug: string; city: Side; cso: Side; outsider: Side; offer: Contribution };

beforeAll(async () => {
  const slug = await newAction('digital-commons');
  const [city, cso, outsider] = await Promise.all([newSide('City'), newSide('CSO'), newSide('Outsider')]);
  // With the address it signed in with, the offering organisation's admin is e-mailed.
  await call('GET', '/v1/me?language=fr', { as: cso.admin });
  const offer = await newContribution(cso.member, slug, cso.organisation.id, { title: 'Open contracting tooling', offers: ['tools', 'expertise'] });
  Object.assign(fixture, { slug, city, cso, outsider, offer });
});

describe('a proposal', () => {
  it('opens a thread the other organisation is told of, and that nobody else may read', async () => {
    const { city, cso, outsider, offer } = fixture;
    const proposed = await propose(city.member, offer, city.organisation.id, 'Could your team help us publish in OCDS? See https://example.org/plan');
    expect(proposed.status).toBe(201);
    expect(proposed.headers.get('location')).toBe(pathOf(proposed.body));
    const cooperation = proposed.body;
    expect(cooperation).toMatchObject({
      action: fixture.slug,
      contribution: { id: offer.id, title: offer.title, kind: 'offer' },
      proposer: { id: city.organisation.id },
      partner: { id: cso.organisation.id },
      status: 'proposed',
      accepted: { proposer: null, partner: null },
      // A member writes; only admins accept.
      can: { read: true, write: true, accept: [], decline: false, changeStatus: false, postUpdate: false },
    });

    const [notification] = await told(cso.admin, 'cooperation-proposed');
    // At once by e-mail, in the language the admin reads the site in, with a link to the cooperation: never the message.
    const [mail] = await mailAfterDelivery(addressOf(cso.admin.toLowerCase()), 1);
    expect(mail.subject).toBe(`${city.organisation.name} vous propose de coopérer sur « ${offer.title} » dans Action de test ${fixture.slug}.`);
    expect(mail.text).toContain(`/fr/actions/${fixture.slug}/cooperations/${cooperation.id}`);
    expect(mail.text).not.toContain('OCDS');
    expect(notification).toMatchObject({ organisation: { id: city.organisation.id }, cooperation: { id: cooperation.id, told: cso.organisation.id }, contribution: { id: offer.id } });
    // The contribution's author hears of it too; the proposer does not hear of their own act.
    expect(await told(cso.member, 'cooperation-proposed')).toHaveLength(1);
    expect((await inboxOf(city.member)).items.filter((item) => item.kind.startsWith('cooperation'))).toEqual([]);

    const thread = await call('GET', `${pathOf(cooperation)}/messages`, { as: cso.admin });
    expect(thread.status).toBe(200);
    expect(thread.body.items).toMatchObject([{ organisation: { id: city.organisation.id }, text: 'Could your team help us publish in OCDS? See https://example.org/plan', author: { you: false } }]);

    // A third organisation, a steward and the public: as if there were nothing.
    for (const as of [outsider.admin, 'steward', undefined]) {
      const attempts = await Promise.all([
        call('GET', pathOf(cooperation), { as }),
        call('GET', `${pathOf(cooperation)}/messages`, { as }),
        call('POST', `${pathOf(cooperation)}/messages`, { as, body: { text: 'Let me in.' } }),
        call('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as }),
        call('PUT', `${pathOf(cooperation)}/status`, { as, body: { status: 'declined' } }),
      ]);
      const statuses = attempts.map((reply) => reply.status);
      expect(statuses).toEqual(as ? [404, 404, 404, 404, 404] : [404, 401, 401, 401, 401]);
      for (const reply of attempts) expect(JSON.stringify(reply.body)).not.toContain('OCDS');
      expect(JSON.stringify(attempts[0].body)).not.toContain(offer.title);
    }
    const theirs = await call('GET', `/v1/organisations/${cso.organisation.id}/cooperations`, { as: outsider.admin });
    expect(theirs.status).toBe(403);
  });

  it('is one per organisation and contribution, from an organisation of the caller other than the contribution’s', async () => {
    const { slug, city, cso, outsider } = fixture;
    const offer = await newContribution(cso.admin, slug, cso.organisation.id, { title: 'Budget data coaching' });
    expect((await propose(city.admin, offer, city.organisation.id)).status).toBe(201);
    const again = await propose(city.member, offer, city.organisation.id);
    expect(again.status).toBe(409);
    const own = await propose(cso.admin, offer, cso.organisation.id);
    expect(own.status).toBe(400);
    expect((own.body as unknown as { errors: unknown }).errors).toEqual([{ pointer: '#/organisationId', detail: 'is the organisation of this contribution: propose for another of yours' }]);
    expect((await propose(city.admin, offer, outsider.organisation.id)).status).toBe(403);

    const hidden = await newContribution(cso.admin, slug, cso.organisation.id);
    await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: 'steward', body: { reason: 'Hidden by the test.' } });
    const withdrawn = await newContribution(cso.admin, slug, cso.organisation.id);
    await call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: cso.admin });
    expect((await propose(city.admin, hidden, city.organisation.id)).status).toBe(404);
    expect((await propose(city.admin, withdrawn, city.organisation.id)).status).toBe(404);
  });

  it('is held to ten at once per organisation, then 429', async () => {
    const { slug, cso } = fixture;
    const proposer = await newSide('Eager');
    const offers = await Promise.all(Array.from({ length: 11 }, () => newContribution(cso.admin, slug, cso.organisation.id)));
    const statuses = [];
    for (const offer of offers) statuses.push((await propose(proposer.admin, offer, proposer.organisation.id)).status);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
  });
});

describe('the thread', () => {
  it('takes messages from both sides, each told of the other’s, and lets their authors change them for 15 minutes', async () => {
    const { city, cso, outsider } = fixture;
    const offerForThread = await newContribution(cso.member, fixture.slug, cso.organisation.id, { title: 'Procurement analytics' });
    const cooperation = (await propose(city.admin, offerForThread, city.organisation.id)).body;
    const reply = await call<Message>('POST', `${pathOf(cooperation)}/messages`, { as: cso.member, body: { text: '  Gladly: shall we talk on Monday?  ' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ organisation: { id: cso.organisation.id }, text: 'Gladly: shall we talk on Monday?', editedAt: null, author: { you: true }, can: { edit: true } });
    expect(await told(city.admin, 'cooperation-message')).toHaveLength(1);

    const edited = await call<Message>('PATCH', `${pathOf(cooperation)}/messages/${reply.body.id}`, { as: cso.member, body: { text: 'Gladly: shall we talk on Tuesday?' } });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
    // Not someone else's, even on the same side; not an empty one.
    expect((await call('PATCH', `${pathOf(cooperation)}/messages/${reply.body.id}`, { as: cso.admin, body: { text: 'Rewritten.' } })).status).toBe(403);
    expect((await call('PATCH', `${pathOf(cooperation)}/messages/${reply.body.id}`, { as: cso.member, body: { text: '   ' } })).status).toBe(400);
    expect((await call('PATCH', `${pathOf(cooperation)}/messages/${reply.body.id}`, { as: outsider.admin, body: { text: 'Mine now.' } })).status).toBe(404);

    // Sixteen minutes later, as far as the record says.
    const longAgo = new Date(Date.now() - 16 * 60_000).toISOString();
    await dynamo.update({ TableName: tableName, Key: keys.threadMessage(cooperation.id, reply.body.id), UpdateExpression: 'SET #at = :at', ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':at': longAgo } });
    const late = await call('PATCH', `${pathOf(cooperation)}/messages/${reply.body.id}`, { as: cso.member, body: { text: 'Too late.' } });
    expect(late.status).toBe(409);

    const thread = await call('GET', `${pathOf(cooperation)}/messages`, { as: city.member });
    expect(thread.body.items.map((message: Message) => [message.text, message.author.you, message.can.edit])).toEqual([
      ['Gladly: shall we talk on Tuesday?', false, false],
      ['We would like to reuse your tooling for our contracts.', false, false],
    ]);
    const page = await call('GET', `${pathOf(cooperation)}/messages?limit=1`, { as: city.admin });
    expect(page.body.items).toHaveLength(1);
    const rest = await call('GET', `${pathOf(cooperation)}/messages?limit=1&cursor=${page.body.next}`, { as: city.admin });
    expect(rest.body.items[0].text).toBe('We would like to reuse your tooling for our contracts.');
    expect(rest.body.next).toBeNull();
  });

  it('closes when a side’s admin declines, which lets the proposer propose again', async () => {
    const { city, cso } = fixture;
    const offer = await newContribution(cso.admin, fixture.slug, cso.organisation.id, { title: 'Data clinic' });
    const cooperation = (await propose(city.member, offer, city.organisation.id)).body;
    expect((await call('PUT', `${pathOf(cooperation)}/status`, { as: cso.member, body: { status: 'declined' } })).status).toBe(403);
    expect((await call('PUT', `${pathOf(cooperation)}/status`, { as: cso.admin, body: { status: 'in-progress' } })).status).toBe(409);
    const declined = await call<CooperationView>('PUT', `${pathOf(cooperation)}/status`, { as: cso.admin, body: { status: 'declined', reason: 'Our team is fully booked this year.' } });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'Our team is fully booked this year.', can: { read: true, write: false, accept: [], decline: false } });
    expect(await told(city.member, 'cooperation-declined')).toHaveLength(1);
    expect((await call('POST', `${pathOf(cooperation)}/messages`, { as: city.member, body: { text: 'Please reconsider.' } })).status).toBe(409);
    expect((await call('PUT', `${pathOf(cooperation)}/acceptances/${city.organisation.id}`, { as: city.admin })).status).toBe(409);
    // Still theirs alone, and a new proposal may follow.
    expect((await call('GET', pathOf(cooperation))).status).toBe(404);
    expect((await propose(city.member, offer, city.organisation.id)).status).toBe(201);
  });
});

describe('acceptance', () => {
  it('needs both organisations’ admins; then the cooperation is public, and goes on to delivered', async () => {
    const { city, cso, offer } = fixture;
    const mine = await call('GET', `/v1/organisations/${city.organisation.id}/cooperations`, { as: city.member });
    const cooperation = (mine.body.items as CooperationView[]).find((item) => item.contribution.id === offer.id)!;
    expect(cooperation).toBeDefined();
    expect((await call('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as: cso.member })).status).toBe(403);
    expect((await call('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as: city.admin })).status).toBe(403);
    expect((await call('PUT', `${pathOf(cooperation)}/acceptances/${fixture.outsider.organisation.id}`, { as: cso.admin })).status).toBe(404);

    const first = await call<CooperationView>('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as: cso.admin });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'proposed', accepted: { proposer: null, partner: expect.any(String) } });
    // No progress before both agree: nothing to read, nothing to post.
    expect((await call('GET', `${pathOf(cooperation)}/updates`)).status).toBe(404);
    expect((await call('POST', `${pathOf(cooperation)}/updates`, { as: cso.member, body: { text: 'Too early.' } })).status).toBe(409);
    expect(await told(city.admin, 'cooperation-accepted')).toHaveLength(1);
    expect((await call('GET', pathOf(cooperation))).status).toBe(404);

    const second = await call<CooperationView>('PUT', `${pathOf(cooperation)}/acceptances/${city.organisation.id}`, { as: city.admin });
    expect(second.body).toMatchObject({ status: 'agreed', agreedAt: second.body.accepted.proposer });
    expect(await told(cso.admin, 'cooperation-agreed')).toHaveLength(1);

    const seen = await call<CooperationView>('GET', pathOf(cooperation));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'agreed', proposer: { id: city.organisation.id }, partner: { id: cso.organisation.id }, can: { read: false, write: false, accept: [], decline: false, changeStatus: false, postUpdate: false } });
    // Public that it exists; its thread is still the two organisations' alone.
    expect((await call('GET', `${pathOf(cooperation)}/messages`, { as: fixture.outsider.admin })).status).toBe(403);

    // Progress updates, public, from either side's people.
    const update = await call('POST', `${pathOf(cooperation)}/updates`, { as: cso.member, body: { text: '  First workshop held in Lima.  ', link: 'https://EXAMPLE.org/report' } });
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({ organisation: { id: cso.organisation.id }, text: 'First workshop held in Lima.', link: 'https://example.org/report' });
    expect((await call('POST', `${pathOf(cooperation)}/updates`, { as: city.member, body: { text: 'Contracts now published in OCDS.' } })).body.link).toBeNull();
    expect((await call('POST', `${pathOf(cooperation)}/updates`, { as: city.member, body: { text: 'x', link: 'javascript:alert(1)' } })).status).toBe(400);
    expect((await call('POST', `${pathOf(cooperation)}/updates`, { as: fixture.outsider.admin, body: { text: 'Not ours to say.' } })).status).toBe(403);
    const updates = await call('GET', `${pathOf(cooperation)}/updates`);
    expect(updates.body.items.map((item: { text: string }) => item.text)).toEqual(['Contracts now published in OCDS.', 'First workshop held in Lima.']);

    const stopped = await call('PUT', `${pathOf(cooperation)}/status`, { as: cso.member, body: { status: 'stopped' } });
    expect(stopped.status).toBe(400);
    expect((await call('PUT', `${pathOf(cooperation)}/status`, { as: cso.member, body: { status: 'in-progress' } })).body.status).toBe('in-progress');
    expect((await call('PUT', `${pathOf(cooperation)}/status`, { as: city.member, body: { status: 'delivered' } })).body.status).toBe('delivered');
    const after = await call('PUT', `${pathOf(cooperation)}/status`, { as: city.member, body: { status: 'stopped', reason: 'Changed our minds.' } });
    expect(after.status).toBe(409);
  });

  it('made twenty times at once, by both sides, gives one agreed cooperation, told once', async () => {
    const { slug, cso } = fixture;
    const city = await newSide('Racing-city');
    const offer = await newContribution(cso.admin, slug, cso.organisation.id, { title: 'Racing offer' });
    const cooperation = (await propose(city.admin, offer, city.organisation.id)).body;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2
          ? call<CooperationView>('PUT', `${pathOf(cooperation)}/acceptances/${city.organisation.id}`, { as: city.admin })
          : call<CooperationView>('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as: cso.admin }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    const seen = (await call<CooperationView>('GET', pathOf(cooperation))).body;
    expect(seen.status).toBe('agreed');
    // Besides the proposal, one acceptance (of the side that was first) and one agreement.
    const events = async (who: string) =>
      (await inboxOf(who)).items.filter((item) => 'cooperation' in item && item.cooperation.id === cooperation.id).map((item) => item.kind);
    const all = [...(await afterNotifier(() => Promise.all([events(city.admin), events(cso.admin)]), ([a, b]) => a.length + b.length >= 3))].flat();
    expect(all.filter((kind) => kind === 'cooperation-agreed')).toHaveLength(1);
    expect(all.filter((kind) => kind === 'cooperation-accepted')).toHaveLength(1);
  });
});

describe('a block', () => {
  it('stops the blocked organisation’s proposals and messages at once, with why, until it is lifted', async () => {
    const { slug, city, cso } = fixture;
    const offer = await newContribution(cso.admin, slug, cso.organisation.id, { title: 'Before the block' });
    const cooperation = (await propose(city.member, offer, city.organisation.id)).body;
    const blocks = `/v1/organisations/${cso.organisation.id}/blocks`;

    expect((await call('PUT', `${blocks}/${city.organisation.id}`, { as: cso.member })).status).toBe(403);
    const blocked = await call('PUT', `${blocks}/${city.organisation.id}`, { as: cso.admin });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toEqual({ organisation: { id: city.organisation.id, name: city.organisation.name, kind: 'civil-society', country: 'FR' }, since: expect.any(String) });
    expect((await call('PUT', `${blocks}/${city.organisation.id}`, { as: cso.admin })).body).toEqual(blocked.body);
    expect((await call('GET', blocks, { as: cso.member })).body.items).toEqual([blocked.body]);

    const reason = `${cso.organisation.name} has blocked ${city.organisation.name}: it takes no proposals or messages from it.`;
    const refused = await propose(city.admin, await newContribution(cso.admin, slug, cso.organisation.id), city.organisation.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: '/problems/forbidden', detail: reason });
    const silenced = await call('POST', `${pathOf(cooperation)}/messages`, { as: city.member, body: { text: 'Are you there?' } });
    expect(silenced.status).toBe(403);
    expect(silenced.body.detail).toBe(reason);
    // The side that blocked may still say why, in the thread as it stands.
    expect((await call('POST', `${pathOf(cooperation)}/messages`, { as: cso.admin, body: { text: 'We are closing this.' } })).status).toBe(201);

    expect((await call('PUT', `${blocks}/${cso.organisation.id}`, { as: cso.admin })).status).toBe(400);
    expect((await call('PUT', `${blocks}/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { as: cso.admin })).status).toBe(404);

    expect((await call('DELETE', `${blocks}/${city.organisation.id}`, { as: cso.admin })).status).toBe(204);
    expect((await call('DELETE', `${blocks}/${city.organisation.id}`, { as: cso.admin })).status).toBe(404);
    expect((await call('POST', `${pathOf(cooperation)}/messages`, { as: city.member, body: { text: 'Thank you for hearing us.' } })).status).toBe(201);
  });
});

describe('the public outcome', () => {
  it('lists and counts an action’s agreed cooperations by status, never a proposed or declined one, and the checker agrees', async () => {
    const { cso } = fixture;
    const slug = await newAction('digital-commons');
    const city = await newSide('Counting-city');
    const offers = await Promise.all(['One', 'Two', 'Three', 'Four'].map((title) => newContribution(cso.admin, slug, cso.organisation.id, { title: `Offer ${title}` })));
    const cooperations = [];
    for (const offer of offers) cooperations.push((await propose(city.admin, offer, city.organisation.id)).body);
    const [agreed, delivered, declined] = cooperations;
    const agree = async (cooperation: CooperationView) => {
      await call('PUT', `${pathOf(cooperation)}/acceptances/${city.organisation.id}`, { as: city.admin });
      await call('PUT', `${pathOf(cooperation)}/acceptances/${cso.organisation.id}`, { as: cso.admin });
    };
    await agree(agreed);
    await agree(delivered);
    await call('PUT', `${pathOf(delivered)}/status`, { as: cso.member, body: { status: 'in-progress' } });
    await call('PUT', `${pathOf(delivered)}/status`, { as: cso.member, body: { status: 'delivered' } });
    await call('PUT', `${pathOf(declined)}/status`, { as: cso.admin, body: { status: 'declined' } });

    expect((await call('GET', `/v1/actions/${slug}`)).body.counts.cooperations).toEqual({ agreed: 1, 'in-progress': 0, delivered: 1, stopped: 0 });
    const listed = await call('GET', `/v1/actions/${slug}/cooperations`);
    expect(listed.body.items.map((item: CooperationView) => [item.contribution.title, item.status])).toEqual([
      ['Offer Two', 'delivered'],
      ['Offer One', 'agreed'],
    ]);
    expect(listed.body.items[0]).not.toHaveProperty('can');
    expect((await call('GET', `/v1/actions/${slug}/cooperations?status=agreed`)).body.items.map((item: CooperationView) => item.id)).toEqual([agreed.id]);
    expect((await call('GET', `/v1/actions/${slug}/cooperations?contribution=${offers[1].id}`)).body.items.map((item: CooperationView) => item.id)).toEqual([delivered.id]);
    expect((await call('GET', `/v1/actions/${slug}/cooperations?status=proposed`)).status).toBe(400);
    expect((await call('GET', '/v1/actions/no-such-action/cooperations')).status).toBe(404);
    const latest = await call('GET', '/v1/cooperations?limit=100');
    expect(latest.body.items.map((item: CooperationView) => item.id)).toContain(delivered.id);
    expect(latest.body.items.every((item: CooperationView) => item.status === 'delivered')).toBe(true);
    // In the change feed from when both agreed, as it now stands.
    const feed = await call('GET', '/v1/changes?limit=100');
    const entry = feed.body.items.find((item: { id: string }) => item.id.endsWith(`/cooperations/${delivered.id}`));
    expect(entry).toMatchObject({
      title: `${city.organisation.name} and ${cso.organisation.name} cooperate on “Offer Two”`,
      tags: ['cooperation', slug, 'delivered'],
      _collective_actions: { type: 'cooperation', cooperation: { id: delivered.id, status: 'delivered' } },
    });
    expect(entry.date_modified > entry.date_published).toBe(true);
    expect(feed.body.items.some((item: { id: string }) => item.id.endsWith(`/cooperations/${declined.id}`))).toBe(false);
    const stats = (await call('GET', '/v1/stats')).body.cooperations;
    expect(stats.delivered).toBeGreaterThanOrEqual(1);

    expect(await checkConsistency([slug])).toEqual([]);
    // A count moved without its record, and a cooperation that lost its place in its status's list.
    await dynamo.update({ TableName: tableName, Key: keys.action(slug), UpdateExpression: 'ADD cooperations_stopped :one', ExpressionAttributeValues: { ':one': 1 } });
    await dynamo.update({ TableName: tableName, Key: keys.cooperation(slug, agreed.id), UpdateExpression: 'REMOVE GSI2PK, GSI2SK' });
    expect(await checkConsistency([slug])).toEqual([
      { what: `counts of ${slug}`, stored: expect.objectContaining({ cooperations: { agreed: 1, 'in-progress': 0, delivered: 1, stopped: 1 } }), recomputed: expect.objectContaining({ cooperations: { agreed: 1, 'in-progress': 0, delivered: 1, stopped: 0 } }) },
      { what: `index entries of cooperation ${agreed.id} (agreed)`, stored: { action: true, status: false, inFeed: true }, recomputed: { action: true, status: true, inFeed: true } },
    ]);
    // Put back, so that the check of the whole table after the suite finds nothing.
    await dynamo.update({ TableName: tableName, Key: keys.action(slug), UpdateExpression: 'ADD cooperations_stopped :one', ExpressionAttributeValues: { ':one': -1 } });
    const moved = await call('PUT', `${pathOf(agreed)}/status`, { as: city.member, body: { status: 'in-progress' } });
    expect(moved.body).toMatchObject({ status: 'in-progress' });
    expect(await checkConsistency([slug])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ActionView, AgendaItem, Following, ProblemDocument, Settings } from '@collective-actions/shared';
import { afterDelivery, afterNotifier, call, inboxAfterDelivery, inboxOf, joinCoalition, kinds, newAction, newCoalition, unique } from '../support/api.ts';

const follow = (who: string, slug: string) => call<Following>('PUT', `/v1/actions/${slug}/following`, { as: who });
const unfollow = (who: string, slug: string) => call<Following>('DELETE', `/v1/actions/${slug}/following`, { as: who });
const actionAs = async (who: string | undefined, slug: string) => (await call<ActionView>('GET', `/v1/actions/${slug}`, { as: who })).body;

/** Whether someone follows the action, once the notifier has made them follow it by default (or 15 s went by). */
const followingAfterDelivery = async (who: string, slug: string) => (await afterNotifier(() => actionAs(who, slug), (action) => action.following)).following;

const meeting = (fields: Partial<AgendaItem> = {}) => ({
  kind: 'meeting',
  title: unique('Coalition call'),
  start: '2031-03-27T10:00',
  timeZone: 'Europe/Paris',
  language: 'en',
  ...fields,
});

describe('following an action', () => {
  it('is anyone’s choice, counted once however often it is made, and undone the same way', async () => {
    const slug = await newAction();
    const reader = unique('reader');
    expect(await actionAs(undefined, slug)).toMatchObject({ following: false, followers: 0, can: { follow: false } });
    expect(await actionAs(reader, slug)).toMatchObject({ following: false, followers: 0, can: { follow: true } });

    expect(await follow(reader, slug)).toMatchObject({ status: 200, body: { following: true, followers: 1 } });
    expect((await follow(reader, slug)).body).toEqual({ following: true, followers: 1 });
    expect(await actionAs(undefined, slug)).toMatchObject({ following: false, followers: 1 });
    expect(await actionAs(reader, slug)).toMatchObject({ following: true, followers: 1 });

    expect(await unfollow(reader, slug)).toMatchObject({ status: 200, body: { following: false, followers: 0 } });
    expect((await unfollow(reader, slug)).body).toEqual({ following: false, followers: 0 });

    expect((await call('PUT', `/v1/actions/${slug}/following`)).status).toBe(401);
    expect((await follow(reader, 'no-such-action')).status).toBe(404);
    expect((await unfollow(reader, 'no-such-action')).status).toBe(404);
    expect((await follow(reader, 'Not_A_Slug')).status).toBe(400);
  });

  it('counts exactly the people who follow, when many choose at once', async () => {
    const slug = await newAction();
    const people = Array.from({ length: 8 }, () => unique('crowd'));
    const indecisive = people[0];
    await Promise.all([
      ...people.map((person) => follow(person, slug)),
      ...Array.from({ length: 6 }, (_, i) => (i % 2 ? follow(indecisive, slug) : unfollow(indecisive, slug))),
    ]);
    const settled = await follow(indecisive, slug);
    expect(settled.body).toEqual({ following: true, followers: people.length });
    await Promise.all(Array.from({ length: 5 }, () => unfollow(indecisive, slug)));
    expect((await actionAs(undefined, slug)).followers).toBe(people.length - 1);
  });

  it("is where joining a coalition puts its organisation's people, until they choose otherwise", async () => {
    const { slug, lead } = await newCoalition();
    // The steward's appointment made the lead organisation's admin follow the action.
    expect(await followingAfterDelivery(lead, slug)).toBe(true);

    const admin = unique('admin');
    const chooser = unique('chooser');
    const organisation = await joinCoalition(slug, admin, undefined, { name: unique('Joining office') });
    // Someone who said no before their organisation joined is never made to follow.
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: `${chooser}@users.localhost` } })).status).toBe(201);
    await call('GET', '/v1/me', { as: chooser });
    expect((await unfollow(chooser, slug)).body.following).toBe(false);
    expect((await actionAs(admin, slug)).following).toBe(false);

    expect((await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: lead, body: { change: 'approve' } })).status).toBe(200);
    expect(await followingAfterDelivery(admin, slug)).toBe(true);
    // Someone added afterwards follows the organisation's coalitions once they sign in.
    const newcomer = unique('newcomer');
    expect((await call('POST', `/v1/organisations/${organisation.id}/people`, { as: admin, body: { email: `${newcomer}@users.localhost` } })).status).toBe(201);
    await call('GET', '/v1/me', { as: newcomer });
    expect(await followingAfterDelivery(newcomer, slug)).toBe(true);

    // The admin stops following; becoming a lead does not make them follow again, nor the chooser.
    await unfollow(admin, slug);
    expect((await call('PATCH', `/v1/actions/${slug}/members/${organisation.id}`, { as: lead, body: { change: 'make-lead' } })).status).toBe(200);
    await afterDelivery();
    expect((await actionAs(admin, slug)).following).toBe(false);
    expect((await actionAs(chooser, slug)).following).toBe(false);
    expect((await actionAs(undefined, slug)).followers).toBe(2);
  });
});

describe("an action's agenda", () => {
  it('tells its followers what is added, what changed and what is cancelled, never the lead who did it', async () => {
    const { slug, lead } = await newCoalition();
    const member = unique('member');
    await joinCoalition(slug, member, lead, { name: unique('Member office') });
    const reader = unique('reader');
    const stranger = unique('stranger');
    await follow(reader, slug);
    expect(await followingAfterDelivery(member, slug)).toBe(true);

    const added = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting({ place: 'Paris' }) });
    expect(added.status).toBe(201);
    const { id, title } = added.body;
    const edit = async (changes: Record<string, unknown>) => {
      const current = await call<AgendaItem>('GET', `/v1/actions/${slug}/agenda/${id}`);
      const reply = await call('PATCH', `/v1/actions/${slug}/agenda/${id}`, { as: lead, body: { version: current.body.version, ...changes } });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    };
    await edit({ start: '2031-03-27T11:00', place: 'Lyon' });
    // A new title or description alone tells nobody.
    await edit({ description: 'We will look at the first publications.' });
    await edit({ status: 'cancelled' });

    const expected = [`agenda-item-cancelled ${title}`, `agenda-item-changed ${title}`, `agenda-item-added ${title}`];
    for (const who of [reader, member]) {
      const inbox = await inboxAfterDelivery(who, expected.length + (who === member ? 1 : 0));
      expect(kinds(inbox).filter((kind) => kind.startsWith('agenda'))).toEqual(expected);
      expect(inbox.items.find((item) => item.kind === 'agenda-item-changed')).toMatchObject({
        action: slug,
        changes: ['time', 'place'],
        agendaItem: { id, title, start: '2031-03-27T11:00', timeZone: 'Europe/Paris', startsAt: '2031-03-27T10:00:00.000Z' },
      });
    }
    await afterDelivery();
    expect(kinds(await inboxOf(lead)).filter((kind) => kind.startsWith('agenda'))).toEqual([]);
    expect((await inboxOf(stranger)).items).toEqual([]);
    expect(kinds(await inboxOf(reader))).toEqual(expected);
  });

  it('tells nothing of the past, of an item already cancelled when deleted, or of a refused change', async () => {
    const { slug, lead } = await newCoalition();
    const reader = unique('reader');
    await follow(reader, slug);
    // A meeting of 2017, recorded afterwards.
    const past = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting({ start: '2017-03-27T10:00', status: 'done' }) });
    expect(past.status).toBe(201);
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${past.body.id}`, { as: lead, body: { version: 1, place: 'Paris' } })).status).toBe(200);
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${past.body.id}`, { as: lead })).status).toBe(204);

    const coming = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting() });
    // A stale version, a time that does not exist and a stranger's edit change nothing and tell nobody.
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: lead, body: { version: 7, place: 'Paris' } })).status).toBe(409);
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: lead, body: { version: 1, start: '2031-03-30T02:30' } })).status).toBe(400);
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: reader, body: { version: 1, place: 'Paris' } })).status).toBe(403);
    expect((await call('PATCH', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: lead, body: { version: 1, status: 'cancelled' } })).status).toBe(200);
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: lead })).status).toBe(204);
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${coming.body.id}`, { as: lead })).status).toBe(404);

    // Deleting an item still to come cancels it for its followers.
    const dropped = await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: meeting() });
    expect((await call('DELETE', `/v1/actions/${slug}/agenda/${dropped.body.id}`, { as: lead })).status).toBe(204);

    await inboxAfterDelivery(reader, 4);
    await afterDelivery();
    const { title } = coming.body;
    expect(kinds(await inboxOf(reader))).toEqual([
      `agenda-item-cancelled ${dropped.body.title}`,
      `agenda-item-added ${dropped.body.title}`,
      `agenda-item-cancelled ${title}`,
      `agenda-item-added ${title}`,
    ]);
  });
});

describe('following a theme', () => {
  const createIn = async (theme: string) => {
    const slug = unique('theme-action');
    const body = { slug, theme, title: { en: `New ${slug}`, fr: `Nouvelle ${slug}` }, summary: { en: 'An action made by a test.', fr: 'Une action créée par un test.' } };
    expect((await call('POST', '/v1/actions', { as: 'steward', body })).status).toBe(201);
    return slug;
  };
  /** The notifications of new actions that name one of these actions (other tests create actions in the same themes). */
  const toldOf = async (who: string, slugs: string[]) =>
    (await inboxOf(who)).items.flatMap((item) => (item.kind === 'action-created' && slugs.includes(item.action) ? [item.action] : []));

  it('tells its followers of each new action in it, and nobody else, until they stop', async () => {
    const [follower, other] = [unique('theme-follower'), unique('not-a-follower')];
    const chosen = await call<Settings>('PATCH', '/v1/me/settings', { as: follower, body: { themes: ['climate', 'digital-commons'] } });
    expect(chosen).toMatchObject({ status: 200, body: { themes: ['climate', 'digital-commons'] } });
    // Choosing again is the same choice; the themes come in their order.
    expect((await call<Settings>('PATCH', '/v1/me/settings', { as: follower, body: { themes: ['digital-commons', 'climate', 'climate'] } })).body.themes).toEqual(['climate', 'digital-commons']);
    expect((await call<Settings>('GET', '/v1/me/settings', { as: other })).body.themes).toEqual([]);

    const [climate, commons, integrity] = [await createIn('climate'), await createIn('digital-commons'), await createIn('integrity')];
    await afterNotifier(() => toldOf(follower, [climate, commons]), (told) => told.length >= 2);
    await afterDelivery();
    expect((await toldOf(follower, [climate, commons, integrity])).sort()).toEqual([climate, commons].sort());
    expect(await toldOf(other, [climate, commons, integrity])).toEqual([]);
    const told = (await inboxOf(follower)).items.find((item) => item.kind === 'action-created' && item.action === climate);
    expect(told).toMatchObject({ kind: 'action-created', action: climate, theme: 'climate', read: false });

    // Following one theme only now.
    expect((await call<Settings>('PATCH', '/v1/me/settings', { as: follower, body: { themes: ['digital-commons'] } })).body.themes).toEqual(['digital-commons']);
    const later = await createIn('climate');
    await afterDelivery();
    expect(await toldOf(follower, [later])).toEqual([]);
  });

  it('refuses what is not a list of the platform’s themes, and changes nothing', async () => {
    const who = unique('theme-follower');
    expect((await call('PATCH', '/v1/me/settings', { as: who, body: { themes: ['climate'] } })).status).toBe(200);
    const refused = [
      [{ themes: ['climate', 'no-such-theme'] }, '#/themes/1'],
      [{ themes: 'climate' }, '#/themes'],
      [{ themes: [42] }, '#/themes/0'],
      [{ themes: ['Not_A_Slug'] }, '#/themes/0'],
      [{ themes: null }, '#/themes'],
      [{ themes: Array.from({ length: 101 }, () => 'climate') }, '#/themes'],
      [{ reminders: 'yes' }, '#/reminders'],
    ] as const;
    for (const [body, pointer] of refused) {
      const reply = await call<ProblemDocument>('PATCH', '/v1/me/settings', { as: who, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.errors?.map((error) => error.pointer)).toContain(pointer);
    }
    expect((await call<Settings>('GET', '/v1/me/settings', { as: who })).body).toMatchObject({ themes: ['climate'], reminders: false });
  });
});

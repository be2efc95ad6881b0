import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem, Contribution, JsonFeed } from '@collective-actions/shared';
import { apiUrl, call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';

const fixture = {} as { slug: string; member: string; kept: Contribution; hidden: Contribution; withdrawn: Contribution; item: AgendaItem };

beforeAll(async () => {
  const { slug, lead } = await newCoalition();
  const author = unique('author');
  const organisation = await joinCoalition(slug, author, lead);
  const kept = await newContribution(author, slug, organisation.id, { title: 'Open contracting data, monthly' });
  const hidden = await newContribution(author, slug, organisation.id, { title: 'Advertising' });
  const withdrawn = await newContribution(author, slug, organisation.id, { title: 'Second thoughts' });
  await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead, body: { reason: 'Advertising.' } });
  await call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: author });
  const item = (
    await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
      as: lead,
      body: { kind: 'meeting', title: 'Coalition call', start: '2027-03-15T14:30', timeZone: 'Europe/Paris', language: 'en' },
    })
  ).body;
  Object.assign(fixture, { slug, member: organisation.name, kept, hidden, withdrawn, item });
});

/** The feed's items about this test's action, from the newest pages (other tests write meanwhile). */
async function itemsOfAction(): Promise<JsonFeed['items']> {
  const feed = await call<JsonFeed>('GET', '/v1/changes?limit=100');
  return feed.body.items.filter((item) => item.tags.includes(fixture.slug));
}

describe('the change feed', () => {
  it('is a JSON Feed 1.1 of public contributions, agenda items and coalition changes, newest first', async () => {
    const reply = await call<JsonFeed>('GET', '/v1/changes');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(reply.body).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', feed_url: `${apiUrl}/v1/changes`, language: 'en' });
    const dates = reply.body.items.map((item) => item.date_published);
    expect(dates).toEqual([...dates].sort().reverse());

    const ours = await itemsOfAction();
    expect(ours.map((item) => item._collective_actions.type)).toEqual(['agenda-item', 'contribution', 'membership', 'membership', 'membership']);
    const [agendaEntry, contributionEntry, joined] = ours;
    expect(agendaEntry).toMatchObject({
      id: `https://collective-actions.test/actions/${fixture.slug}/agenda/${fixture.item.id}`,
      title: 'Coalition call',
      date_published: fixture.item.createdAt,
      _collective_actions: { type: 'agenda-item', agendaItem: fixture.item },
    });
    expect(contributionEntry).toMatchObject({
      url: `https://collective-actions.test/actions/${fixture.slug}/contributions/${fixture.kept.id}`,
      title: 'Open contracting data, monthly',
      authors: [{ name: fixture.member }],
      _collective_actions: { type: 'contribution', contribution: { id: fixture.kept.id, title: fixture.kept.title } },
    });
    expect(joined.title).toBe(`${fixture.member} joined the coalition of Test action ${fixture.slug}`);
  });

  it('never carries hidden or withdrawn contributions', async () => {
    const ids = (await itemsOfAction()).map((item) => item.id);
    for (const absent of [fixture.hidden, fixture.withdrawn]) expect(ids.join(' ')).not.toContain(absent.id);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const first = (await call<JsonFeed>('GET', '/v1/changes?limit=3')).body;
    expect(first.next_url).toMatch(new RegExp(`^${apiUrl}/v1/changes\\?limit=3&cursor=`));
    const second = (await call<JsonFeed>('GET', first.next_url!.slice(apiUrl.length))).body;
    const paged = [...first.items, ...second.items].map((item) => item.id);
    // Other tests may add changes meanwhile, at the top: the two pages are still one run of the whole feed.
    const whole = (await call<JsonFeed>('GET', '/v1/changes?limit=100')).body.items.map((item) => item.id);
    const start = whole.indexOf(paged[0]);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(whole.slice(start, start + 6)).toEqual(paged);
    expect((await call('GET', '/v1/changes?cursor=not-a-cursor')).status).toBe(400);
  });

  it('is also an Atom feed, with the same entries and a next link', async () => {
    const reply = await fetch(`${apiUrl}/v1/changes.atom?limit=5`);
    expect(reply.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const text = await reply.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(text);
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry).toHaveLength(5);
    expect(feed.link.find((link: { rel: string }) => link.rel === 'next').href).toMatch(/\/v1\/changes\.atom\?limit=5&cursor=/);
    const json = (await call<JsonFeed>('GET', '/v1/changes?limit=5')).body;
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual(json.items.map((item) => item.id));
  });
});

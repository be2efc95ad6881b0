// The change feed as JSON Feed 1.1 and Atom (RFC 4287, paged as RFC 5005 says), newest first.
import { XMLBuilder } from 'fast-xml-parser';
import { cleanStrings, type Change, type JsonFeed } from '@collective-actions/shared';
import { listChanges } from '../data/changes.ts';
import * as actionRecords from '../data/actions.ts';
import { agendaItemPage, apiAddress, contributionPage, cooperationPage, sitePage } from './site-pages.ts';

interface Entry {
  id: string;
  url: string;
  title: string;
  text: string;
  published: string;
  modified?: string;
  author: string;
  tags: string[];
  language: string;
  change: Change;
}

const eventWording = {
  joined: 'joined the coalition of',
  left: 'left the coalition of',
  removed: 'was removed from the coalition of',
  'became-lead': 'became a lead of the coalition of',
  'became-member': 'is no longer a lead of the coalition of',
} as const;

function entryOf(change: Change, actionTitle: (slug: string) => string): Entry {
  if (change.type === 'contribution') {
    const { contribution } = change;
    return {
      id: contributionPage(contribution.action, contribution.id),
      url: contributionPage(contribution.action, contribution.id),
      title: contribution.title,
      text: `${contribution.organisation.name} ${contribution.kind === 'request' ? 'seeks help in' : 'contributes to'} ${actionTitle(contribution.action)}.\n\n${contribution.text}`,
      published: contribution.createdAt,
      ...(contribution.updatedAt !== contribution.createdAt ? { modified: contribution.updatedAt } : {}),
      author: contribution.organisation.name,
      tags: ['contribution', contribution.kind, contribution.action, ...contribution.offers],
      language: contribution.language,
      change,
    };
  }
  if (change.type === 'agenda-item') {
    const { agendaItem: item } = change;
    return {
      id: agendaItemPage(item.action, item.id),
      url: agendaItemPage(item.action, item.id),
      title: item.title,
      text: `On the agenda of ${actionTitle(item.action)}: ${item.start}${item.end ? ` to ${item.end}` : ''} (${item.timeZone}), ${item.status}.${item.description ? `\n\n${item.description}` : ''}`,
      published: item.createdAt,
      ...(item.updatedAt !== item.createdAt ? { modified: item.updatedAt } : {}),
      author: actionTitle(item.action),
      tags: ['agenda-item', item.action, item.kind],
      language: item.language,
      change,
    };
  }
  if (change.type === 'cooperation') {
    const { cooperation } = change;
    const between = `${cooperation.proposer.name} and ${cooperation.partner.name}`;
    return {
      id: cooperationPage(cooperation.action, cooperation.id),
      url: cooperationPage(cooperation.action, cooperation.id),
      title: `${between} cooperate on “${cooperation.contribution.title}”`,
      text: `${between} agreed to cooperate on “${cooperation.contribution.title}”, ${cooperation.contribution.kind === 'request' ? 'a request' : 'an offer'} in ${actionTitle(cooperation.action)}. Status: ${cooperation.status}${cooperation.reason ? ` (${cooperation.reason})` : ''}.`,
      published: cooperation.agreedAt!,
      ...(cooperation.updatedAt !== cooperation.agreedAt ? { modified: cooperation.updatedAt } : {}),
      author: between,
      tags: ['cooperation', cooperation.action, cooperation.status],
      language: 'en',
      change,
    };
  }
  const { membership } = change;
  const title = `${membership.organisation.name} ${eventWording[membership.event]} ${actionTitle(membership.action)}`;
  return {
    id: `${sitePage(`/actions/${membership.action}`)}#history-${membership.id}`,
    url: sitePage(`/actions/${membership.action}`),
    title,
    text: `${title}.`,
    published: membership.at,
    author: membership.organisation.name,
    tags: ['membership', membership.action, membership.event],
    language: 'en',
    change,
  };
}

async function entries(page: { cursor?: string; limit: number }) {
  const [changes, actions] = await Promise.all([listChanges(page), actionRecords.listActions()]);
  const titles = new Map(actions.map((action) => [action.slug, action.title.en]));
  const nextPage = (path: string) => (changes.next ? apiAddress(`${path}?limit=${page.limit}&cursor=${changes.next}`) : undefined);
  return { entries: changes.items.map((change) => entryOf(change, (slug) => titles.get(slug) ?? slug)), nextPage };
}

const title = 'Collective Actions: what changed';
const description = 'New contributions, coalition memberships, agenda items and agreed cooperations of the collective actions for open government, newest first.';

export async function jsonChangeFeed(page: { cursor?: string; limit: number }): Promise<JsonFeed> {
  const { entries: items, nextPage } = await entries(page);
  const next = nextPage('/v1/changes');
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: sitePage('/'),
    feed_url: apiAddress('/v1/changes'),
    description,
    language: 'en',
    ...(next ? { next_url: next } : {}),
    items: items.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_text: entry.text,
      date_published: entry.published,
      ...(entry.modified ? { date_modified: entry.modified } : {}),
      authors: [{ name: entry.author }],
      tags: entry.tags,
      language: entry.language,
      _collective_actions: entry.change,
    })),
  };
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

export async function atomChangeFeed(page: { cursor?: string; limit: number }): Promise<string> {
  const { entries: items, nextPage } = await entries(page);
  const next = nextPage('/v1/changes.atom');
  const self = apiAddress('/v1/changes.atom');
  const feed = {
    '@xmlns': 'http://www.w3.org/2005/Atom',
    id: self,
    title,
    subtitle: description,
    updated: items.reduce((latest, entry) => [entry.modified ?? entry.published, latest].sort().at(-1)!, '1970-01-01T00:00:00.000Z'),
    author: { name: 'Collective Actions' },
    link: [
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': self },
      { '@rel': 'alternate', '@type': 'text/html', '@href': sitePage('/') },
      ...(next ? [{ '@rel': 'next', '@type': 'application/atom+xml', '@href': next }] : []),
    ],
    entry: items.map((entry) => ({
      '@xml:lang': entry.language,
      id: entry.id,
      title: entry.title,
      published: entry.published,
      updated: entry.modified ?? entry.published,
      author: { name: entry.author },
      link: { '@rel': 'alternate', '@type': 'text/html', '@href': entry.url },
      category: entry.tags.map((term) => ({ '@term': term })),
      content: { '@type': 'text', '#text': entry.text },
    })),
  };
  // Text stored before the rules on text may hold what XML cannot: U+FFFF alone makes a feed ill-formed for every reader.
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.build({ feed: cleanStrings(feed) })}`;
}

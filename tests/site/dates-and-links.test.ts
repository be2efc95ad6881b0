// What every page says the same way: when an agenda item happens, and where an outgoing link leads.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import type { AgendaItem, Organisation } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, newContribution, newOrganisation, unique } from '../support/api.ts';
import { snapshotAfter } from '../support/open-data.ts';

const siteUrl = inject('siteUrl');

const page = async (path: string) => {
  const response = await fetch(`${siteUrl}${path}`);
  expect(response.status, path).toBe(200);
  // The text a person reads: no markup, no Svelte's hydration comments.
  return (await response.text()).replace(/<!--.*?-->/gs, '');
};

describe('when an agenda item happens', () => {
  let slug: string;
  let item: AgendaItem;
  const word = unique('Reunion').replace('-', '');

  beforeAll(async () => {
    ({ slug } = await newCoalition().then(async (coalition) => {
      item = (
        await call<AgendaItem>('POST', `/v1/actions/${coalition.slug}/agenda`, {
          as: coalition.lead,
          // All day in Paris: the day starts at 22:00 UTC the day before, which a formatter in UTC would show.
          body: { kind: 'milestone', title: `${word} milestone`, start: '2027-05-03', timeZone: 'Europe/Paris', language: 'en' },
        })
      ).body;
      return coalition;
    }));
    await snapshotAfter(new Date().toISOString());
  });

  it('is the same day on the agenda, the item, the console and in search results, in English and French', async () => {
    for (const [prefix, day] of [['', 'May 3, 2027'], ['/fr', '3 mai 2027']]) {
      const pages = [`${prefix}/actions/${slug}/agenda/${item.id}`, `${prefix}/actions/${slug}`, `${prefix}/search?q=${word}`];
      for (const path of pages) {
        const html = await page(path);
        expect(html, path).toContain(`<time datetime="2027-05-03">${day}</time>`);
        expect(html, path).not.toMatch(/May 2, 2027|2 mai 2027/);
      }
    }
  });
});

describe('where an agenda item happens', () => {
  it('is said in the lists: the place, online, or both, in English and French', async () => {
    const { slug, lead } = await newCoalition();
    const add = async (title: string, where: { place?: string; onlineUrl?: string }) =>
      call('POST', `/v1/actions/${slug}/agenda`, { as: lead, body: { kind: 'meeting', title, start: '2027-06-01T10:00', timeZone: 'Africa/Dakar', language: 'en', ...where } });
    await add('Met in Dakar', { place: 'Dakar, Ministry of Finance' });
    await add('Met online', { onlineUrl: 'https://meet.example.org/room' });
    await add('Met in both', { place: 'Nairobi', onlineUrl: 'https://meet.example.org/both' });
    for (const [prefix, online, both] of [['', 'Online', 'Nairobi, and online'], ['/fr', 'En ligne', 'Nairobi, et en ligne']]) {
      const html = await page(`${prefix}/actions/${slug}`);
      const item = (title: string) => html.slice(html.indexOf(`>${title}</a>`), html.indexOf('</li>', html.indexOf(`>${title}</a>`)));
      expect(item('Met in Dakar')).toContain('<p>Dakar, Ministry of Finance</p>');
      expect(item('Met online')).toContain(`<p>${online}</p>`);
      expect(item('Met in both')).toContain(`<p>${both}</p>`);
    }
  });
});

describe('an outgoing link', () => {
  let organisations: Record<'mixed' | 'cyrillic' | 'legacy', Organisation>;

  beforeAll(async () => {
    const admin = unique('linker');
    organisations = {
      // A Cyrillic "аррӏе" before a Latin ".com": it looks like apple.com, so its punycode is shown.
      mixed: await newOrganisation(admin, { website: 'https://аррӏе.com/' }),
      // One script throughout: shown as written.
      cyrillic: await newOrganisation(admin, { website: 'https://пример.рф/' }),
      legacy: await newOrganisation(admin),
    };
    // Stored before the rules on addresses: the backslash makes a browser open evil.example, whatever the rest says.
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: `ORGANISATION#${organisations.legacy.id}`, SK: 'ORGANISATION' },
        UpdateExpression: 'SET website = :website',
        ExpressionAttributeValues: { ':website': 'https://evil.example\\@example.org/' },
      }),
    );
  });

  it('shows beside it the host it really leads to, in punycode when the host mixes scripts', async () => {
    expect(organisations.mixed.website).toBe('https://xn--80ak6aa92e.com/');
    expect(await page(`/organisations/${organisations.mixed.id}`)).toContain('(xn--80ak6aa92e.com)');
    expect(await page(`/organisations/${organisations.cyrillic.id}`)).toContain('(пример.рф)');
    expect(await page(`/organisations/${organisations.legacy.id}`)).toContain('(evil.example)');
  });

  it('shows the host of every link of a contribution and of an online meeting', async () => {
    const { slug, lead } = await newCoalition();
    const author = unique('author');
    const organisation = await joinCoalition(slug, author, lead);
    const contribution = await newContribution(author, slug, organisation.id, { links: ['https://docs.example.org/guide', 'https://аррӏе.com/x'] });
    const contributionPage = await page(`/actions/${slug}/contributions/${contribution.id}`);
    expect(contributionPage).toContain('(docs.example.org)');
    expect(contributionPage).toContain('(xn--80ak6aa92e.com)');
    const item = (
      await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
        as: lead,
        body: { kind: 'meeting', title: 'Online call', start: '2027-03-15T14:30', timeZone: 'Europe/Paris', onlineUrl: 'https://meet.example.net/room', language: 'en' },
      })
    ).body;
    expect(await page(`/actions/${slug}/agenda/${item.id}`)).toMatch(/Join online<\/a> <span class="muted">\(meet\.example\.net\)<\/span>/);
  });
});

// Every output a stored text reaches — JSON answers, the JSON Feed, Atom, iCalendar, the CSV and JSON exports, the search
// index and the site's HTML — written well-formed and safe, for text the rules accept and for records stored before them.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import { forbiddenCharacter, type AgendaItem, type Contribution, type Organisation } from '@collective-actions/shared';
import { apiUrl, call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';
import { atomTitles, expectCsvExportsToMatchJson, snapshotAfter, stringsIn } from '../support/open-data.ts';

const expectClean = (texts: string[], where: string) => {
  for (const text of texts) expect(forbiddenCharacter(text), `${where}: ${JSON.stringify(text)}`).toBeUndefined();
};

// What text the rules accept and a spreadsheet would run, or a CSV writer must quote.
const formulaTitle = '=HYPERLINK("https://evil.example/","Open me")';
const multiLine = '-2+3 is a formula too\n@SUM(A1) on a second line\r\nand, with a comma, a third';

// What a record stored before the rules may hold: no writer may pass it on.
const stored = {
  title: 'Budget\u0000 data\uffff \u202egnp.exe',
  text: 'Line\u0007 one\u000b\rline two\ufdd0',
  place: 'Room\u0085 4\ufffe',
  name: '@Home\u001b Foundation\u202d',
  website: 'https://example.org/\u0000path',
};

const fixture = {} as { slug: string; organisation: Organisation; clean: Contribution; old: Contribution; item: AgendaItem; cooperations: string[] };

beforeAll(async () => {
  const { slug, lead, leadOrganisation } = await newCoalition();
  const author = unique('writer');
  const organisation = await joinCoalition(slug, author, lead, { name: `+Plus ${unique('Organisation')}`, country: 'MT' });
  const clean = await newContribution(author, slug, organisation.id, { title: formulaTitle, text: multiLine });
  const old = await newContribution(author, slug, organisation.id, { title: 'Replaced below' });
  const item = (
    await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
      as: lead,
      body: { kind: 'meeting', title: '=1+1 call', description: multiLine, start: '2027-03-15T14:30', timeZone: 'Europe/Paris', place: '+33 1 23 45 67 89', language: 'en' },
    })
  ).body;
  const oldItem = (
    await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
      as: lead,
      body: { kind: 'event', title: 'Replaced below', start: '2027-03-16', timeZone: 'Europe/Paris', language: 'en' },
    })
  ).body;
  // As if written before the rules: straight into the table, past every check.
  const set = (Key: Record<string, string>, values: Record<string, string>) =>
    documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: `SET ${Object.keys(values).map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(Object.keys(values).map((name, i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(Object.values(values).map((value, i) => [`:f${i}`, value])),
      }),
    );
  await set({ PK: `ACTION#${slug}`, SK: `CONTRIBUTION#${old.id}` }, { title: stored.title, text: stored.text });
  await set({ PK: `ACTION#${slug}`, SK: `AGENDA#${oldItem.id}` }, { title: stored.title, description: stored.text, place: stored.place });
  await set({ PK: `ORGANISATION#${organisation.id}`, SK: 'ORGANISATION' }, { name: stored.name, website: stored.website });
  // Cooperations on both, agreed, with a progress update each: the title each copies, and what the update says, reach the
  // cooperation's answers, the exports, the feed and its page.
  const cooperations: string[] = [];
  for (const on of [clean, old]) {
    const { id } = (await call('POST', `/v1/actions/${slug}/contributions/${on.id}/cooperations`, { as: lead, body: { organisationId: leadOrganisation.id, message: multiLine } })).body;
    const path = `/v1/actions/${slug}/cooperations/${id}`;
    await call('PUT', `${path}/acceptances/${leadOrganisation.id}`, { as: lead });
    await call('PUT', `${path}/acceptances/${organisation.id}`, { as: author });
    expect((await call('POST', `${path}/updates`, { as: author, body: { text: multiLine } })).status).toBe(201);
    cooperations.push(id);
  }
  // A progress update on the contribution too, on several lines.
  expect((await call('POST', `/v1/actions/${slug}/contributions/${clean.id}/updates`, { as: author, body: { text: multiLine, progress: 'delivered' } })).status).toBe(201);
  Object.assign(fixture, { slug, organisation, clean, old, item, cooperations });
  await snapshotAfter(new Date().toISOString());
});

describe('what the API writes', () => {
  it('answers JSON with nothing text may not hold, whatever was stored', async () => {
    for (const path of [
      `/v1/actions/${fixture.slug}/contributions`,
      `/v1/actions/${fixture.slug}/contributions/${fixture.old.id}`,
      `/v1/actions/${fixture.slug}/agenda?from=2027-01-01`,
      `/v1/organisations/${fixture.organisation.id}`,
      '/v1/changes?limit=50',
      `/v1/search?q=Budget`,
      `/v1/actions/${fixture.slug}/cooperations`,
      ...fixture.cooperations.flatMap((id) => [`/v1/actions/${fixture.slug}/cooperations/${id}`, `/v1/actions/${fixture.slug}/cooperations/${id}/updates`]),
      `/v1/actions/${fixture.slug}/contributions/${fixture.clean.id}/updates`,
    ]) {
      const reply = await call('GET', path);
      expect(reply.status, path).toBe(200);
      expectClean(stringsIn(reply.body), path);
    }
    const contribution = (await call<Contribution>('GET', `/v1/actions/${fixture.slug}/contributions/${fixture.old.id}`)).body;
    expect(contribution.title).toBe('Budget data gnp.exe');
  });

  it('writes Atom that a strict XML parser reads, and iCalendar that ical.js reads, whatever was stored', async () => {
    const titles = atomTitles(await (await fetch(`${apiUrl}/v1/changes.atom?limit=100`)).text());
    expect(titles).toContain(formulaTitle);
    expect(titles).toContain('Budget data gnp.exe');
    expect(titles.filter((title) => title.includes(' cooperate on “'))).toEqual(
      expect.arrayContaining([expect.stringContaining(`“${formulaTitle}”`), expect.stringContaining('“Budget data gnp.exe”')]),
    );

    const feed = await (await fetch(`${apiUrl}/v1/actions/${fixture.slug}/agenda.ics`)).text();
    expectClean([feed.replaceAll('\r\n', '\n')], 'agenda.ics');
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.summary).sort()).toEqual(['=1+1 call', 'Budget data gnp.exe']);
    expect(events.find((event) => event.summary === 'Budget data gnp.exe')!.location).toBe('Room 4');
  });

  it('writes every CSV export as a strict parser reads it, equal to the JSON copy field by field, formulas defused', async () => {
    const { contributions, cooperations, 'progress-updates': updates } = await expectCsvExportsToMatchJson();
    const ours = contributions.find((cells) => cells.id === fixture.clean.id)!;
    expect(ours.title).toBe(`'${formulaTitle}`);
    expect(ours.text).toBe(`'${multiLine.replace('\r\n', '\n')}`);
    expect(ours.organisationName).toBe(`'${fixture.organisation.name}`);
    const cooperation = cooperations.find((cells) => cells.id === fixture.cooperations[0])!;
    expect([cooperation.contributionTitle, cooperation.partnerName]).toEqual([`'${formulaTitle}`, `'${fixture.organisation.name}`]);
    expect(cooperations.find((cells) => cells.id === fixture.cooperations[1])!.contributionTitle).toBe('Budget data gnp.exe');
    expect(updates.filter((cells) => fixture.cooperations.includes(cells.cooperationId)).map((cells) => cells.text)).toEqual([
      `'${multiLine.replace('\r\n', '\n')}`,
      `'${multiLine.replace('\r\n', '\n')}`,
    ]);
    expect(updates.filter((cells) => cells.contributionId === fixture.clean.id).map((cells) => [cells.text, cells.cooperationId])).toEqual([
      [`'${multiLine.replace('\r\n', '\n')}`, ''],
    ]);
    expect(ours.progress).toBe('delivered');
  });

  it('says in the data package how a formula cell is written, and requires only what no record leaves empty', async () => {
    const descriptor = (await call('GET', '/v1/exports/datapackage.json')).body;
    const field = (path: string, name: string) =>
      descriptor.resources.find((resource: { path: string }) => resource.path === path).schema.fields.find((one: { name: string }) => one.name === name);
    for (const resource of descriptor.resources) {
      if (resource.format === 'csv') expect(resource.description).toMatch(/apostrophe/);
    }
    for (const [path, name] of [['agenda.csv', 'description'], ['agenda.csv', 'end'], ['agenda.csv', 'place'], ['agenda.csv', 'onlineUrl'], ['agenda.json', 'endsAt'], ['contributions.csv', 'links'], ['organisations.csv', 'verifiedAt']]) {
      expect(field(path, name).constraints?.required, `${path} ${name}`).toBeUndefined();
    }
    for (const [path, name] of [['agenda.csv', 'title'], ['contributions.csv', 'offers'], ['contributions.json', 'text']]) {
      expect(field(path, name).constraints?.required, `${path} ${name}`).toBe(true);
    }
  });
});

describe('what the site writes', () => {
  it('renders pages with nothing text may not hold, whatever was stored', async () => {
    const siteUrl = inject('siteUrl');
    for (const path of [
      `/actions/${fixture.slug}/contributions/${fixture.old.id}`,
      `/organisations/${fixture.organisation.id}`,
      `/actions/${fixture.slug}`,
      ...fixture.cooperations.map((id) => `/actions/${fixture.slug}/cooperations/${id}`),
    ]) {
      const reply = await fetch(`${siteUrl}${path}`);
      expect(reply.status, path).toBe(200);
      expectClean([await reply.text()], path);
    }
  });
});

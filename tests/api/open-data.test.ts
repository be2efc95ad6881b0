import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportResources, type AgendaItem, type CoalitionMember, type Contribution, type CooperationView, type Organisation, type SearchResults } from '@collective-actions/shared';
import { apiUrl, call, joinCoalition, newCoalition, newContribution, unique } from '../support/api.ts';
import { snapshotAfter } from '../support/open-data.ts';

/** Every item of a paged list. */
async function everything<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = null;
  do {
    const page: { body: { items: T[]; next: string | null }; status: number } = await call<{ items: T[]; next: string | null }>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${next ? `&cursor=${next}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    next = page.body.next;
  } while (next);
  return items;
}

const csvOf = async (resource: string) => {
  const reply = await fetch(`${apiUrl}/v1/exports/${resource}.csv`);
  const text = await reply.text();
  const data: Record<string, string>[] = parseCsv(text, { columns: true, record_delimiter: '\r\n' });
  return { reply, text, parsed: { data, fields: Object.keys(data[0] ?? {}) } };
};
const jsonOf = async <T = Record<string, unknown>>(resource: string) => (await call<T[]>('GET', `/v1/exports/${resource}.json`)).body;

// A word of random letters, which only this run's records contain.
const word = (prefix: string) => `${prefix}${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

const fixture = {} as {
  slug: string;
  lead: string;
  member: Organisation;
  pending: Organisation;
  kept: Contribution;
  hidden: Contribution;
  withdrawn: Contribution;
  agendaItem: AgendaItem;
  /** Agreed by both organisations, with a progress update; the other only proposed. */
  agreed: CooperationView;
  proposed: CooperationView;
  leadOrganisation: Organisation;
  words: { kept: string; hidden: string; withdrawn: string; organisation: string; message: string; update: string };
};

beforeAll(async () => {
  const { slug, lead, leadOrganisation } = await newCoalition();
  const author = unique('author');
  const words = { kept: word('kumquat'), hidden: word('zeppelin'), withdrawn: word('quokka'), organisation: word('Ostrava'), message: word('whisper'), update: word('milestone') };
  const member = await joinCoalition(slug, author, lead, { kind: 'local-government', country: 'LI', name: `Ville de ${words.organisation}` });
  const hopeful = unique('hopeful');
  const pending = await joinCoalition(slug, hopeful, undefined, { country: 'LI' });
  const kept = await newContribution(author, slug, member.id, {
    title: `Données des marchés publics ouvertes ${words.kept}`,
    // Commas, quotes, line breaks and accents: what a CSV writer must quote and keep.
    text: 'Nous publions, chaque mois, les "données" des marchés.\nDeuxième ligne ; point-virgule.',
    language: 'fr',
    offers: ['data', 'expertise'],
    links: ['https://example.org/a', 'https://example.org/b'],
    kind: 'request',
    region: 'europe',
    deadline: '2031-06-30',
  });
  const hidden = await newContribution(author, slug, member.id, { title: `Advertising ${words.hidden}` });
  const withdrawn = await newContribution(author, slug, member.id, { title: `Second thoughts ${words.withdrawn}` });
  expect((await call('PUT', `/v1/actions/${slug}/contributions/${hidden.id}/hidden`, { as: lead, body: { reason: 'Advertising.' } })).status).toBe(200);
  expect((await call('DELETE', `/v1/actions/${slug}/contributions/${withdrawn.id}`, { as: author })).status).toBe(204);
  const agendaItem = (
    await call<AgendaItem>('POST', `/v1/actions/${slug}/agenda`, {
      as: lead,
      body: { kind: 'meeting', title: `Réunion de coordination ${words.kept}`, start: '2027-03-15T14:30', timeZone: 'Europe/Paris', language: 'fr' },
    })
  ).body;
  const propose = async (as: string, organisationId: string) =>
    (await call<CooperationView>('POST', `/v1/actions/${slug}/contributions/${kept.id}/cooperations`, { as, body: { organisationId, message: `Between us: ${words.message}` } })).body;
  const agreed = await propose(lead, leadOrganisation.id);
  const cooperationPath = `/v1/actions/${slug}/cooperations/${agreed.id}`;
  await call('POST', `${cooperationPath}/messages`, { as: author, body: { text: `Also private: ${words.message}` } });
  await call('PUT', `${cooperationPath}/acceptances/${leadOrganisation.id}`, { as: lead });
  await call('PUT', `${cooperationPath}/acceptances/${member.id}`, { as: author });
  expect((await call('POST', `${cooperationPath}/updates`, { as: author, body: { text: `Done: ${words.update}, "quoted", = not a formula`, link: 'https://example.org/report' } })).status).toBe(201);
  const proposed = await propose(hopeful, pending.id);
  Object.assign(fixture, { slug, lead, member, pending, kept, hidden, withdrawn, agendaItem, agreed, proposed, leadOrganisation, words });
  await snapshotAfter(new Date().toISOString());
});

describe('the open-data exports', () => {
  it('list exactly the public contributions the API lists, with the same fields, in CSV and JSON', async () => {
    const listed = await everything<Contribution>(`/v1/actions/${fixture.slug}/contributions`);
    expect(listed.map((item) => item.id)).toEqual([fixture.kept.id]);
    const json = (await jsonOf<Record<string, unknown>>('contributions')).filter((row) => row.action === fixture.slug);
    const { reply, text, parsed } = await csvOf('contributions');
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(text.split('\r\n')[0]).toBe(parsed.fields.join(','));
    const csv = parsed.data.filter((row) => row.action === fixture.slug);
    expect(json).toHaveLength(1);
    expect(csv).toHaveLength(1);
    const [contribution] = listed;
    expect(json[0]).toEqual({
      id: contribution.id,
      action: fixture.slug,
      organisationId: fixture.member.id,
      organisationName: fixture.member.name,
      organisationKind: 'local-government',
      country: 'LI',
      kind: 'request',
      offers: ['data', 'expertise'],
      title: contribution.title,
      text: contribution.text,
      links: contribution.links,
      language: 'fr',
      region: 'europe',
      deadline: '2031-06-30',
      progress: 'not-started',
      createdAt: contribution.createdAt,
      updatedAt: contribution.updatedAt,
      url: `https://collective-actions.test/actions/${fixture.slug}/contributions/${contribution.id}`,
    });
    // The independent parser reads back every value, the quoted text with its line break included.
    expect(csv[0]).toEqual({ ...json[0], offers: 'data expertise', links: 'https://example.org/a https://example.org/b' });
    // The action's count and the export agree.
    expect((await call('GET', `/v1/actions/${fixture.slug}`)).body.counts.contributions).toBe(csv.length);
  });

  it('never hold hidden or withdrawn contributions, pending members, proposed cooperations, messages, nor anything personal', async () => {
    const everyExport = await Promise.all(
      Object.keys(exportResources).flatMap((resource) => [csvOf(resource).then(({ text }) => text), fetch(`${apiUrl}/v1/exports/${resource}.json`).then((reply) => reply.text())]),
    );
    const absent = [fixture.hidden.id, fixture.withdrawn.id, fixture.words.hidden, fixture.words.withdrawn, fixture.proposed.id, fixture.words.message, 'authorId', 'proposedBy', 'email', 'Advertising.'];
    for (const text of everyExport) for (const word of absent) expect(text).not.toContain(word);
    const search = await call<SearchResults>('GET', `/v1/search?q=${fixture.words.message}`);
    expect(Object.values(search.body.groups).map((group) => group.items.length)).toEqual([0, 0, 0, 0]);
    const memberships = (await csvOf('memberships')).parsed.data.filter((row) => row.action === fixture.slug);
    expect(memberships.map((row) => row.organisationId)).not.toContain(fixture.pending.id);
  });

  it('list the cooperations both organisations agreed to, and their progress updates, as the API does', async () => {
    const { agreed, leadOrganisation, member, slug, words } = fixture;
    const cooperations = (await csvOf('cooperations')).parsed.data.filter((row) => row.action === slug);
    const listed = (await call('GET', `/v1/actions/${slug}/cooperations`)).body.items;
    expect(cooperations.map((row) => [row.id, row.status, row.proposerId, row.partnerId, row.contributionId])).toEqual(
      listed.map((item: CooperationView) => [item.id, item.status, item.proposer.id, item.partner.id, item.contribution.id]),
    );
    expect(cooperations.map((row) => [row.id, row.proposerId, row.partnerId])).toEqual([[agreed.id, leadOrganisation.id, member.id]]);
    const updates = (await csvOf('progress-updates')).parsed.data.filter((row) => row.action === slug);
    expect(updates).toEqual([
      {
        id: expect.any(String),
        action: slug,
        cooperationId: agreed.id,
        contributionId: '',
        organisationId: member.id,
        organisationName: member.name,
        text: `Done: ${words.update}, "quoted", = not a formula`,
        link: 'https://example.org/report',
        at: expect.any(String),
        url: expect.stringMatching(new RegExp(`/actions/${slug}/cooperations/${agreed.id}$`)),
      },
    ]);
  });

  it('list the coalition, the agenda and the directory as the API does', async () => {
    const members = (await call<{ items: CoalitionMember[] }>('GET', `/v1/actions/${fixture.slug}/members`)).body.items;
    const memberships = (await jsonOf<Record<string, unknown>>('memberships')).filter((row) => row.action === fixture.slug);
    expect(memberships.map((row) => [row.organisationId, row.role, row.joinedAt]).sort()).toEqual(
      members.filter((member) => member.status === 'active').map((member) => [member.organisation.id, member.role, member.joinedAt]).sort(),
    );
    const action = (await call('GET', `/v1/actions/${fixture.slug}`)).body;
    expect(memberships).toHaveLength(action.counts.members['local-government'] + action.counts.members['civil-society']);

    const agenda = await everything<AgendaItem>(`/v1/actions/${fixture.slug}/agenda?from=1900-01-01`);
    const agendaRows = (await csvOf('agenda')).parsed.data.filter((row) => row.action === fixture.slug);
    expect(agendaRows.map((row) => [row.id, row.title, row.start, row.timeZone, row.startsAt, row.end])).toEqual(
      agenda.map((item) => [item.id, item.title, item.start, item.timeZone, item.startsAt, '']),
    );

    // Liechtenstein: only this test registers organisations there, so no other test changes this slice meanwhile.
    const directory = await everything<Organisation>('/v1/organisations?country=LI');
    const organisations = (await csvOf('organisations')).parsed.data.filter((row) => row.country === 'LI');
    expect(organisations.map((row) => [row.id, row.name, row.verified, row.contributionCount]).sort()).toEqual(
      directory.map((organisation) => [organisation.id, organisation.name, String(organisation.verified), String(organisation.contributionCount)]).sort(),
    );
    expect(organisations.length).toBeGreaterThanOrEqual(2);
  });

  it('are described by a data package whose fields are the columns, under the Licence Ouverte', async () => {
    const descriptor = (await call('GET', '/v1/exports/datapackage.json')).body;
    expect(descriptor.licenses).toEqual([expect.objectContaining({ name: 'etalab-2.0' })]);
    expect(descriptor.resources.map((resource: { path: string }) => resource.path).sort()).toEqual(
      ['agenda', 'contributions', 'cooperations', 'memberships', 'organisations', 'progress-updates'].flatMap((name) => [`${name}.csv`, `${name}.json`]).sort(),
    );
    for (const resource of descriptor.resources.filter((candidate: { format: string }) => candidate.format === 'csv')) {
      const { parsed } = await csvOf(resource.path.replace('.csv', ''));
      expect(parsed.fields, resource.path).toEqual(resource.schema.fields.map((field: { name: string }) => field.name));
      for (const field of resource.schema.fields) expect(field.description, `${resource.path} ${field.name}`).toEqual(expect.any(String));
    }
    const contributions = descriptor.resources.find((resource: { path: string }) => resource.path === 'contributions.csv');
    expect(contributions.schema.fields.find((field: { name: string }) => field.name === 'offers')).toMatchObject({ type: 'list', delimiter: ' ' });
    expect(contributions.schema.fields.find((field: { name: string }) => field.name === 'createdAt')).toMatchObject({ type: 'datetime' });
  });

  it('refuse a file that is not an export', async () => {
    for (const file of ['secrets.csv', '..%2F..%2Fetc%2Fpasswd', 'contributions.xml']) {
      const reply = await call('GET', `/v1/exports/${file}`);
      expect(reply.status, file).toBe(400);
      expect(reply.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('search', () => {
  const search = async (q: string) => {
    const reply = await call<SearchResults>('GET', `/v1/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    return reply.body.groups;
  };
  const contributionIds = async (q: string) => (await search(q)).contributions.items.map((item) => item.id);

  it('ignores accents and case, and matches prefixes and typos', async () => {
    const { kept } = fixture.words;
    expect(await contributionIds(`marches publics ${kept}`)).toEqual([fixture.kept.id]);
    expect(await contributionIds(`DONNEES MARCHÉS ${kept.toUpperCase()}`)).toEqual([fixture.kept.id]);
    expect(await contributionIds(kept.slice(0, -2))).toEqual([fixture.kept.id]);
    expect(await contributionIds(`${kept.slice(0, -2)}${kept.at(-1)}`)).toEqual([fixture.kept.id]);
    expect(await contributionIds(`marchés ${word('nothing')}`)).toEqual([]);
  });

  it('groups actions, contributions, organisations and agenda items, in both languages', async () => {
    const groups = await search(fixture.words.kept);
    expect(groups.agenda.items.map((item) => item.id)).toEqual([fixture.agendaItem.id]);
    expect(groups.contributions.total).toBe(1);
    const byName = await search(fixture.words.organisation.toLowerCase());
    expect(byName.organisations.items).toEqual([
      { id: fixture.member.id, name: fixture.member.name, kind: 'local-government', country: 'LI', score: expect.any(Number) },
    ]);
    const [english, french] = await Promise.all([search(`Test action ${fixture.slug}`), search(`Action de test ${fixture.slug}`)]);
    for (const groups of [english, french]) expect(groups.actions.items.map((item) => item.slug)).toContain(fixture.slug);
    expect(english.actions.items.find((item) => item.slug === fixture.slug)?.title).toEqual({
      en: `Test action ${fixture.slug}`,
      fr: `Action de test ${fixture.slug}`,
    });
  });

  it('never finds hidden or withdrawn contributions', async () => {
    expect(await contributionIds(fixture.words.hidden)).toEqual([]);
    expect(await contributionIds(fixture.words.withdrawn)).toEqual([]);
    expect(await contributionIds('Advertising')).not.toContain(fixture.hidden.id);
  });

  it('refuses an empty or overlong query', async () => {
    for (const query of ['', '?q=', `?q=${'a'.repeat(201)}`, '?q=a&limit=0']) {
      const reply = await call('GET', `/v1/search${query}`);
      expect(reply.status, query).toBe(400);
    }
  });
});

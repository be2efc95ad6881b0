// Full-text search with MiniSearch: the snapshot builder indexes the public records, the search route loads that index.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { ServiceUnavailable, searchKinds, type SearchQuery, type SearchResults } from '@collective-actions/shared';
import { readSnapshotFile } from '../data/snapshot-store.ts';
import type { PublicRecords } from './public-records.ts';

export const searchIndexFile = 'search-index.json';

/** One indexed record: what is searched (title, text, by) and what a result shows (the rest). */
type Document = { id: string; kind: (typeof searchKinds)[number]; title: string; text: string; by?: string; show: Record<string, unknown> };

/** Case and accents do not count: "marches publics" finds "Marchés publics". */
const foldTerm = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const options: Options<Document> = {
  fields: ['title', 'text', 'by'],
  storeFields: ['kind', 'show'],
  processTerm: foldTerm,
  searchOptions: { boost: { title: 3, by: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

export function buildSearchIndex(records: PublicRecords): string {
  const index = new MiniSearch<Document>(options);
  index.addAll([
    ...records.actions.map((action) => ({
      id: `action:${action.slug}`,
      kind: 'actions' as const,
      title: `${action.title.en} ${action.title.fr}`,
      text: `${action.summary.en} ${action.summary.fr}`,
      show: { slug: action.slug, title: action.title },
    })),
    ...records.contributions.map((contribution) => ({
      id: `contribution:${contribution.id}`,
      kind: 'contributions' as const,
      title: contribution.title,
      text: contribution.text,
      by: contribution.organisation.name,
      show: {
        id: contribution.id,
        action: contribution.action,
        kind: contribution.kind,
        title: contribution.title,
        organisation: { id: contribution.organisation.id, name: contribution.organisation.name },
        language: contribution.language,
      },
    })),
    ...records.organisations.map((organisation) => ({
      id: `organisation:${organisation.id}`,
      kind: 'organisations' as const,
      title: organisation.name,
      text: organisation.website,
      show: { id: organisation.id, name: organisation.name, kind: organisation.kind, country: organisation.country },
    })),
    ...records.agenda.map((item) => ({
      id: `agenda:${item.id}`,
      kind: 'agenda' as const,
      title: item.title,
      text: [item.description, item.place].filter(Boolean).join(' '),
      show: {
        id: item.id,
        action: item.action,
        title: item.title,
        start: item.start,
        end: item.end,
        timeZone: item.timeZone,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        status: item.status,
        language: item.language,
      },
    })),
  ]);
  return JSON.stringify(index);
}

// The index of the latest snapshot this instance read, and the version it read.
let loaded: { index: MiniSearch<Document>; tag: string } | undefined;

async function currentIndex(): Promise<MiniSearch<Document>> {
  const file = await readSnapshotFile(searchIndexFile, loaded?.tag);
  if (file === undefined) throw new ServiceUnavailable('The search index is being built: try again in a few seconds.', 5);
  if (file !== 'unchanged') loaded = { index: MiniSearch.loadJSON<Document>(file.body, options), tag: file.tag };
  return loaded!.index;
}

export async function search({ q, limit }: SearchQuery): Promise<SearchResults> {
  const results = (await currentIndex()).search(q);
  const group = <Kind extends (typeof searchKinds)[number]>(kind: Kind) => {
    const matches = results.filter((result: SearchResult) => result.kind === kind);
    return {
      total: matches.length,
      items: matches.slice(0, limit).map((result) => ({ ...result.show, score: Math.round(result.score * 1000) / 1000 })),
    };
  };
  return { q, groups: Object.fromEntries(searchKinds.map((kind) => [kind, group(kind)])) as SearchResults['groups'] };
}

// Full-text search with MiniSearch: the snapshot builder indexes the public records, the search route loads that index.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { ServiceUnavailable, searchKinds, type Contribution, type SearchQuery, type SearchResults } from '@collective-actions/shared';
import { readSnapshotFile } from '../data/snapshot-store.ts';
import type { PublicRecords } from './public-records.ts';
import { countTerms, foldTerm, type TermFrequencies } from './terms.ts';

export const searchIndexFile = 'search-index.json';

/** One indexed record: what is searched (title, text, by), what a result shows (show), and what matching reads (fit). */
export type Document = {
  id: string;
  kind: (typeof searchKinds)[number];
  title: string;
  text: string;
  by?: string;
  show: Record<string, unknown>;
  fit?: IndexedFit;
};

/** What matching reads of a contribution, besides what a search result shows. */
export type IndexedFit = Pick<Contribution, 'offers' | 'region' | 'deadline' | 'createdAt'> & {
  theme: string;
  organisation: Pick<Contribution['organisation'], 'kind' | 'country'>;
};

const options: Options<Document> = {
  fields: ['title', 'text', 'by'],
  storeFields: ['kind', 'show', 'fit'],
  processTerm: foldTerm,
  searchOptions: { boost: { title: 3, by: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

/** The index file: MiniSearch's index, and how many contributions hold each term (what matching weighs terms by). */
interface IndexFile {
  index: AsPlainObject;
  terms: TermFrequencies;
}

export interface SearchIndex {
  index: MiniSearch<Document>;
  /** None in an index built before matching: search reads it as ever, matching waits for the next build. */
  terms?: TermFrequencies;
}

export function buildSearchIndex(records: PublicRecords): string {
  const index = new MiniSearch<Document>(options);
  const themeOf = new Map(records.actions.map((action) => [action.slug, action.theme]));
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
      fit: {
        offers: contribution.offers,
        region: contribution.region,
        deadline: contribution.deadline,
        createdAt: contribution.createdAt,
        theme: themeOf.get(contribution.action)!,
        organisation: { kind: contribution.organisation.kind, country: contribution.organisation.country },
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
  const terms = countTerms(records.contributions.map((contribution) => `${contribution.title} ${contribution.text}`));
  return JSON.stringify({ index, terms } satisfies Record<keyof IndexFile, unknown>);
}

// The index of the latest snapshot this instance read, and the version it read.
let loaded: (SearchIndex & { tag: string }) | undefined;

/** The index of the latest snapshot, loaded once per instance and again when the snapshot changes. */
export async function searchIndex(): Promise<SearchIndex> {
  const file = await readSnapshotFile(searchIndexFile, loaded?.tag);
  if (file === undefined) throw new ServiceUnavailable('The search index is being built: try again in a few seconds.', 5);
  if (file !== 'unchanged') loaded = { ...loadSearchIndex(file.body), tag: file.tag };
  return loaded!;
}

export function loadSearchIndex(json: string): SearchIndex {
  const file: IndexFile | AsPlainObject = JSON.parse(json);
  // Written before matching, the file was MiniSearch's index alone.
  if (!('terms' in file)) return { index: MiniSearch.loadJS<Document>(file, options) };
  return { index: MiniSearch.loadJS<Document>(file.index, options), terms: file.terms };
}

export const search = async (query: SearchQuery): Promise<SearchResults> => searchIn((await searchIndex()).index, query);

/** What people find: each kind's best results, and how many there are. */
export function searchIn(index: MiniSearch<Document>, { q, limit }: SearchQuery): SearchResults {
  const results = index.search(q);
  const group = <Kind extends (typeof searchKinds)[number]>(kind: Kind) => {
    const matches = results.filter((result: SearchResult) => result.kind === kind);
    return {
      total: matches.length,
      items: matches.slice(0, limit).map((result) => ({ ...result.show, score: Math.round(result.score * 1000) / 1000 })),
    };
  };
  return { q, groups: Object.fromEntries(searchKinds.map((kind) => [kind, group(kind)])) as SearchResults['groups'] };
}

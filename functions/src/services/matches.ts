// Matches between offers and requests, answered from the open-data snapshot's search index: a request's offers, an
// offer's requests. The contribution is read from the table (so a new one is matched at once); what it could match is
// what the last snapshot holds (rebuilt within a minute of a change). Nothing reads the table per candidate.
import MiniSearch from 'minisearch';
import {
  NotFound,
  ServiceUnavailable,
  type Action,
  type Contribution,
  type ContributionMatch,
  type MatchPage,
  type MatchesQuery,
  type OrganisationMatches,
  type OrganisationMatchesQuery,
} from '@collective-actions/shared';
import * as contributionRecords from '../data/contributions.ts';
import { getAction } from './actions.ts';
import { authorise } from './authorisation.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';
import { deadlinePassed, earliestToday } from './contributions.ts';
import { searchIndex, type Document, type IndexedFit } from './search.ts';
import { distinctiveTerms } from './terms.ts';

/** Weights of a match's language and region being the contribution's: each makes it half again as good. */
const sameLanguageWeight = 1.5;
const regionWeight = 1.5;

const places = { action: 0, theme: 1, elsewhere: 2 } as const;

/** A contribution of the index, as matching reads it. */
type Candidate = { id: string; show: ContributionMatch['contribution']; fit: IndexedFit };

/** The index's contributions by action and by theme: matching's own, made once per index loaded (search never pays for it). */
interface Places {
  byAction: Map<string, Candidate[]>;
  byTheme: Map<string, Candidate[]>;
}

const placesOf = new WeakMap<MiniSearch<Document>, Places>();

function placesIn(index: MiniSearch<Document>): Places {
  const known = placesOf.get(index);
  if (known) return known;
  const found: Places = { byAction: new Map(), byTheme: new Map() };
  const add = (map: Map<string, Candidate[]>, key: string, candidate: Candidate) => (map.get(key) ?? map.set(key, []).get(key)!).push(candidate);
  // The stored fields of every document, read once; no result is kept.
  index.search(MiniSearch.wildcard, {
    filter: ({ id, kind, show, fit }) => {
      if (kind === 'contributions') {
        const candidate: Candidate = { id, show, fit };
        add(found.byAction, candidate.show.action, candidate);
        add(found.byTheme, candidate.fit.theme, candidate);
      }
      return false;
    },
  });
  placesOf.set(index, found);
  return found;
}

export async function matchesOf(slug: string, id: string, { limit }: MatchesQuery): Promise<MatchPage> {
  const [contribution, action] = await Promise.all([contributionRecords.getContribution(slug, id), getAction(slug)]);
  if (!contribution || contribution.status !== 'published' || contribution.hidden) throw new NotFound(`There is no public contribution ${id} on "${slug}".`);
  const ranked = rankedMatches(contribution, action, await matchingIndex());
  return { total: ranked.length, items: ranked.slice(0, limit) };
}

/** The snapshot's index, with the word counts matching chooses its terms by. */
async function matchingIndex() {
  const { index, terms } = await searchIndex();
  if (!terms) throw new ServiceUnavailable('Matching waits for the open-data snapshot to be rebuilt: it is, as soon as a record changes.', 60);
  return { index, terms };
}

/** Every match of a public contribution, best first. */
function rankedMatches(contribution: Contribution, action: Pick<Action, 'theme'>, { index, terms }: Awaited<ReturnType<typeof matchingIndex>>): ContributionMatch[] {
  const slug = contribution.action;
  const wanted = contribution.kind === 'request' ? 'offer' : 'request';
  const today = earliestToday();
  const shared = (fit: IndexedFit) => fit.offers.filter((offer) => contribution.offers.includes(offer));
  // An answer of the other kind, from another organisation, naming a type of help this one names, still wanted.
  const fits = ({ show, fit }: Candidate) =>
    show.kind === wanted &&
    show.organisation.id !== contribution.organisation.id &&
    fit.offers.some((offer) => contribution.offers.includes(offer)) &&
    !deadlinePassed(fit.deadline, today);
  // Everything of this action and theme that fits, whatever its words; then what fits elsewhere, by its words.
  const { byAction, byTheme } = placesIn(index);
  const near = [...(byAction.get(slug) ?? []), ...(byTheme.get(action.theme) ?? []).filter(({ show }) => show.action !== slug)].filter(fits);
  const words = index.search(distinctiveTerms(`${contribution.title} ${contribution.text}`, terms).join(' '), {
    fields: ['title', 'text'],
    boost: { title: 2 },
    prefix: false,
    fuzzy: false,
    combineWith: 'OR',
    filter: (result) => result.kind === 'contributions' && fits(result as unknown as Candidate),
  });
  const textScores = new Map(words.map((result) => [result.id, result.score]));
  // Ranked on what ranking needs; only the first `limit` are written out.
  const ranked = [...new Map([...near, ...(words as unknown as Candidate[])].map((candidate) => [candidate.id, candidate])).values()].map((result) => {
    const { show, fit } = result;
    const place = show.action === slug ? 'action' : fit.theme === action.theme ? 'theme' : 'elsewhere';
    const language = show.language === contribution.language;
    const region = fit.region === null || contribution.region === null || fit.region === contribution.region;
    const score = (1 + (textScores.get(result.id) ?? 0)) * (language ? sameLanguageWeight : 1) * (region ? regionWeight : 1);
    return { result, place, language, region, score: Math.round(score * 1000) / 1000 } as const;
  });
  ranked.sort(
    (a, b) => places[a.place] - places[b.place] || b.score - a.score || b.result.fit.createdAt.localeCompare(a.result.fit.createdAt),
  );
  return ranked.map(({ result: { show, fit }, place, language, region, score }) => ({
    contribution: {
      ...show,
      organisation: { ...show.organisation, ...fit.organisation },
      offers: fit.offers,
      region: fit.region,
      deadline: fit.deadline,
      createdAt: fit.createdAt,
    },
    fit: { offers: shared(fit), place, language, region },
    score,
  }));
}

/** How many of its contributions' new matches an organisation's list shows for each. */
const newMatchesShown = 5;

/**
 * The matches of an organisation's public contributions (its newest fifty) published since a date, for its people:
 * each contribution with its best new matches and how many there are; those with none are left out.
 */
export async function organisationMatches(caller: Caller, organisationId: string, { since }: OrganisationMatchesQuery): Promise<OrganisationMatches> {
  await authorise(caller, 'list-organisation-matches', { organisationId });
  const [{ items: contributions }, index] = await Promise.all([contributionRecords.listContributionsOf(organisationId, { visibility: 'public', limit: 50 }), matchingIndex()]);
  const actions = new Map(await Promise.all([...new Set(contributions.map(({ action }) => action))].map(async (slug) => [slug, await getAction(slug)] as const)));
  // A week ago, from the start of that day (UTC): the same answer all day long.
  const from = since ?? `${new Date(Date.parse(now()) - 7 * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`;
  return {
    since: from,
    items: contributions.flatMap((contribution) => {
      const found = rankedMatches(contribution, actions.get(contribution.action)!, index).filter((match) => match.contribution.createdAt >= from);
      const { id, action, kind, title } = contribution;
      return found.length ? [{ contribution: { id, action, kind, title }, total: found.length, items: found.slice(0, newMatchesShown) }] : [];
    }),
  };
}

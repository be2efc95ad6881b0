// How texts are cut into terms: for search, folded; for matching, only the words that say what a contribution is about
// (no stop words), the rarer across all contributions the better, as Lucene's "more like this" chooses its terms.
import MiniSearch from 'minisearch';
import { eng, fra, spa } from 'stopword';

/** Case and accents do not count: "marches publics" finds "Marchés publics". */
export const foldTerm = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Words that say nothing of what is offered or sought, in the languages contributions are mostly written in. */
const stopwords = new Set([...eng, ...fra, ...spa].map(foldTerm));

/** A term worth matching on, folded: not a stop word, not a number, longer than two letters; null otherwise. */
export const meaningful = (term: string): string | null => {
  const folded = foldTerm(term);
  return folded.length > 2 && !stopwords.has(folded) && !/^\d+$/.test(folded) ? folded : null;
};

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** The meaningful terms of a text, each as often as it occurs. */
export const termsOf = (text: string): string[] => tokenize(text).flatMap((term) => meaningful(term) ?? []);

/** How many contributions hold each term, of how many. */
export interface TermFrequencies {
  contributions: number;
  frequencies: Record<string, number>;
}

export function countTerms(texts: string[]): TermFrequencies {
  const frequencies: Record<string, number> = {};
  for (const text of texts) for (const term of new Set(termsOf(text))) frequencies[term] = (frequencies[term] ?? 0) + 1;
  return { contributions: texts.length, frequencies };
}

/**
 * A term held by more than this share of contributions tells them apart too little to be worth its cost (scoring every
 * contribution that holds it), once it is held by more than `commonAtLeast` of them: on a small platform, any term helps.
 */
const commonShare = 0.2;
const commonAtLeast = 1_000;
/** The terms a match looks for, at most. */
const termsSought = 15;

/**
 * The terms of a text that best say what it is about: by how often the text uses each, times how rare it is among
 * contributions; none that no other contribution holds, none too common to be worth its cost.
 */
export function distinctiveTerms(text: string, { contributions, frequencies }: TermFrequencies): string[] {
  const uses = new Map<string, number>();
  for (const term of termsOf(text)) uses.set(term, (uses.get(term) ?? 0) + 1);
  return [...uses]
    .filter(([term]) => (frequencies[term] ?? 0) > 0 && frequencies[term] <= Math.max(commonAtLeast, contributions * commonShare))
    .map(([term, count]) => ({ term, weight: count * Math.log(1 + contributions / frequencies[term]) }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, termsSought)
    .map(({ term }) => term);
}

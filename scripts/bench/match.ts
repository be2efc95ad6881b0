// How long matching takes: loads offers into DynamoDB Local (in memory), builds the open-data snapshot (whose search
// index matching reads), then writes new requests and times the route's own `matchesOf` for each, at each size given
// (default 100,000 offers).
//   node scripts/bench/match.ts [total …]
import { performance } from 'node:perf_hooks';
import { offerTypes, regions, type OfferType } from '@collective-actions/shared';
import { seededTable } from './seeded-table.ts';

const sizes = process.argv.slice(2).map(Number);
const totals = sizes.length ? sizes : [100_000];

const { actions, organisations, stop } = await seededTable('match');
const { loadContributions } = await import('./contributions.ts');
const { buildSnapshot } = await import('@collective-actions/functions/services/snapshot.ts');
const { matchesOf } = await import('@collective-actions/functions/services/matches.ts');

const campaign = 'open-public-procurement';

// Texts drawn from a vocabulary of 5,000 words with Zipf's law (as words are in real texts), a few topical words among the
// most frequent: a request's words meet thousands of offers, as real ones would.
const topical = ['procurement', 'contracts', 'registre', 'beneficial', 'ownership', 'budget', 'données', 'climate', 'training', 'software'];
const vocabulary = [...topical, ...Array.from({ length: 5_000 - topical.length }, (_, n) => `term${n.toString(36)}`)];
const weights = vocabulary.map((_, rank) => 1 / (rank + 1));
const cumulative = weights.map(((sum) => (weight: number) => (sum += weight))(0));
let seedValue = 42;
const random = () => ((seedValue = (seedValue * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const wordAt = () => {
  const target = random() * cumulative[cumulative.length - 1];
  let low = 0;
  for (let high = cumulative.length - 1; low < high; ) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low];
};
const words = (count: number) => Array.from({ length: count }, wordAt).join(' ');
const typesOf = (n: number): OfferType[] => (n % 3 === 0 ? [offerTypes[n % 6], offerTypes[(n + 1) % 6]] : [offerTypes[n % 6]]);

const content = (n: number, kind: 'offer' | 'request' = 'offer') => ({
  kind,
  title: `${kind === 'offer' ? 'We offer' : 'We seek'} ${words(6)}`,
  text: `${words(60)}.`,
  offers: typesOf(n),
  language: ['en', 'fr', 'es'][n % 3],
  region: n % 4 === 0 ? null : regions[n % regions.length],
  at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((values.length * p) / 100) - 1];
const requestsPerSize = 20;

console.log(`Matching benchmark, ${new Date().toISOString()}, Node ${process.version}`);
console.log(
  '| offers | load (s) | snapshot build (s) | first match, index load included (ms) | requests on the campaign: p50 / p95 (ms), matches p50 | requests on other actions: p50 / p95 (ms), matches p50 | heap (MB) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
let loaded = 0;
try {
  for (const total of totals) {
    const loadStart = performance.now();
    await loadContributions(total - loaded, loaded, { campaign, actions, organisations, content });
    loaded = total;
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const buildStart = performance.now();
    await buildSnapshot();
    const buildSeconds = (performance.now() - buildStart) / 1000;
    // New requests, published after the snapshot: read from the table, matched against the index. Even ones on the
    // campaign (half of all offers), odd ones over the other actions.
    const requests = await loadContributions(requestsPerSize, 10_000_000, {
      campaign,
      actions: actions.filter((slug) => slug !== campaign),
      organisations: organisations.slice(1),
      content: (n) => content(n, 'request'),
    });
    const timed = async (list: typeof requests) => {
      const timings: number[] = [];
      const counts: number[] = [];
      for (const { id, action } of list) {
        const start = performance.now();
        const { total: found } = await matchesOf(action, id, { limit: 20 });
        timings.push(performance.now() - start);
        counts.push(found);
      }
      return `${median(timings).toFixed(0)} / ${percentile(timings, 95).toFixed(0)}, ${median(counts).toLocaleString('en')}`;
    };
    const firstStart = performance.now();
    await matchesOf(requests[0].action, requests[0].id, { limit: 20 });
    const first = performance.now() - firstStart;
    const onCampaign = await timed(requests.filter(({ action }) => action === campaign));
    const elsewhere = await timed(requests.filter(({ action }) => action !== campaign));
    const heap = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    console.log(`| ${total.toLocaleString('en')} | ${loadSeconds.toFixed(1)} | ${buildSeconds.toFixed(1)} | ${first.toFixed(0)} | ${onCampaign} | ${elsewhere} | ${heap} |`);
  }
} finally {
  await stop();
}

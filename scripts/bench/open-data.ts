// How the open-data snapshot grows: loads contributions into DynamoDB Local (in memory) in batches, then times a
// snapshot build, weighs its files and times search against it, at each size given (default 1,000 then 100,000).
//   node scripts/bench/open-data.ts [total …]
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededTable } from './seeded-table.ts';

const sizes = process.argv.slice(2).map(Number);
const totals = sizes.length ? sizes : [1_000, 100_000];

const { snapshots, actions, organisations, stop } = await seededTable('open-data');
const { loadContributions } = await import('./contributions.ts');
const { buildSnapshot } = await import('@collective-actions/functions/services/snapshot.ts');
const { search } = await import('@collective-actions/functions/services/search.ts');

const words = ['open', 'data', 'procurement', 'contracts', 'marchés', 'publics', 'données', 'registre', 'beneficial', 'ownership', 'climate', 'budget'];
const pick = <T>(list: T[], n: number) => list[n % list.length];

// Common words every query of the first kind finds thousands of times; a topic word shared by about 20 contributions.
const load = (count: number, offset: number) =>
  loadContributions(count, offset, {
    campaign: 'open-public-procurement',
    actions,
    organisations,
    content: (n) => ({
      title: `Contribution ${n}: ${pick(words, n)} ${pick(words, n * 7 + 3)} topic${String.fromCharCode(97 + (n % 26))}${n % 199}`,
      text: `Generated for the benchmark: ${Array.from({ length: 40 }, (_, w) => pick(words, n + w * 5)).join(' ')}.`,
      language: n % 3 === 0 ? 'fr' : 'en',
      at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    }),
  });

const kb = async (name: string) => Math.round((await stat(join(snapshots, name))).size / 1024);
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`Open-data snapshot benchmark, ${new Date().toISOString()}, Node ${process.version}`);
console.log('| contributions | load (s) | build (s) | contributions.csv (KB) | contributions.json (KB) | search index (KB) | first search (ms) | broad search p50 (ms) | narrow search p50 (ms) | heap after build (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
let loaded = 0;
try {
  for (const total of totals) {
    const loadStart = performance.now();
    await load(total - loaded, loaded);
    loaded = total;
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const buildStart = performance.now();
    const { counts } = await buildSnapshot();
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const firstStart = performance.now();
    await search({ q: 'marches publics', limit: 10 });
    const first = performance.now() - firstStart;
    const timed = async (queries: string[]) => {
      const timings: number[] = [];
      for (const q of queries) {
        const start = performance.now();
        await search({ q, limit: 10 });
        timings.push(performance.now() - start);
      }
      return median(timings).toFixed(1);
    };
    const broad = await timed(['marches publics', 'donnees', 'beneficial ownershp', 'climat', 'contrac', 'registre budget', 'open data', 'procurement']);
    const narrow = await timed(['topicb27', 'TOPICQ101', 'topicz19 marches', 'topicc3', 'topick150', 'topicx2', 'topicm77 data', 'topicd198']);
    const heap = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    console.log(
      `| ${counts.contributions.toLocaleString('en')} | ${loadSeconds.toFixed(1)} | ${buildSeconds.toFixed(1)} | ${await kb('contributions.csv')} | ${await kb('contributions.json')} | ${await kb('search-index.json')} | ${first.toFixed(0)} | ${broad} | ${narrow} | ${heap} |`,
    );
  }
} finally {
  await stop();
}

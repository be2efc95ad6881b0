// Prints Lighthouse's scores for the home page and an action page, in Debian's Chromium, against the production build.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startBenchSite } from './local-site.ts';

const site = await startBenchSite();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
console.log('page | form factor | performance | accessibility | best practices | SEO');
try {
  for (const path of ['/', '/actions/open-public-procurement']) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const result = await lighthouse(
        `${site.url}${path}`,
        { port: chrome.port, logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
        formFactor === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined,
      );
      const categories = result!.lhr.categories;
      const score = (name: string) => Math.round((categories[name]?.score ?? 0) * 100);
      console.log(`${path} | ${formFactor} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')}`);
      const failing = Object.values(result!.lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary');
      for (const audit of failing) console.log(`  - ${audit.id}: ${audit.title}`);
    }
  }
} finally {
  chrome.kill();
  await site.stop();
}

// Prints the JavaScript and CSS each public page ships (gzipped), from the production build, with the platform on free ports.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBenchSite } from './local-site.ts';

const site = await startBenchSite();
const client = resolve(import.meta.dirname, '../../frontend/build/client');

const pages = ['/', '/fr', '/actions/open-public-procurement', '/agenda', '/stats', '/organisations/01JDEM00000000000000000004'];
console.log('page | JS files | JS gzipped | CSS gzipped');
try {
  for (const path of pages) {
    const html = await (await fetch(`${site.url}${path}`)).text();
    const assets = new Set([...html.matchAll(/["(]((?:\.\.?\/|\/)[^"()]*_app\/immutable\/[^"()]+\.(?:js|css))[")]/g)].map((match) => new URL(match[1], `${site.url}${path}`).pathname));
    let js = 0;
    let css = 0;
    let scripts = 0;
    for (const asset of assets) {
      const size = gzipSync(await readFile(`${client}${asset}`)).length;
      if (asset.endsWith('.js')) {
        js += size;
        scripts += 1;
      } else css += size;
    }
    console.log(`${path} | ${scripts} | ${(js / 1024).toFixed(1)} KB | ${(css / 1024).toFixed(1)} KB`);
  }
} finally {
  await site.stop();
}

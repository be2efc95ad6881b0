// The rules of the code's layout that no type checker sees, checked on the sources themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The TypeScript sources (not tests) under a folder of the repository. */
function sources(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !name.includes('node_modules') && !name.includes('paraglide'))
    .map((name) => ({ path: relative(root, join(root, folder, name)), text: readFileSync(join(root, folder, name), 'utf8') }));
}

const code = [...sources('functions/src'), ...sources('infra/lib'), ...sources('scripts'), ...sources('frontend/src')];

/** Where each line matching the pattern is, as path:line. */
const linesMatching = (files: typeof code, pattern: RegExp) =>
  files.flatMap(({ path, text }) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])));

describe('the layout of the code', () => {
  it('names the table’s key attributes and key prefixes in the key module and the table’s shape only', () => {
    const elsewhere = code.filter(({ path }) => !path.endsWith('data/keys.ts') && !path.endsWith('data/table.ts'));
    expect(linesMatching(elsewhere, /\b(PK|SK|GSI\d+(PK|SK)?)\b/)).toEqual([]);
    expect(linesMatching(elsewhere, /['"`][A-Z][A-Z_]{2,}#/)).toEqual([]);
  });

  it('keeps every file of the functions and the CDK app under 400 lines', () => {
    const long = [...sources('functions/src'), ...sources('infra/lib')]
      .map(({ path, text }) => ({ path, lines: text.split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });

  it('has the domain depend on nothing of HTTP: services and data never import http/ or handlers/', () => {
    const domain = sources('functions/src').filter(({ path }) => /functions\/src\/(services|data)\//.test(path));
    expect(linesMatching(domain, /from '\.\.\/(http|handlers)\//)).toEqual([]);
  });
});

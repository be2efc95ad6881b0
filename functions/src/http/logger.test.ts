import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceStack } from './logger.ts';

// A module bundled as the CDK bundles a function (minified ES module, a source map without the sources' text) that logs
// an error raised on a known line of its source.
const directory = mkdtempSync(join(tmpdir(), 'collective-actions-logger-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function bundled() {
  const entry = join(directory, 'failing.ts');
  writeFileSync(
    entry,
    [
      `import { logger, sourceStack } from ${JSON.stringify(join(import.meta.dirname, 'logger.ts'))};`,
      'function raise(): Error {',
      "  return new Error('on purpose', { cause: new Error('underneath') });",
      '}',
      'export function fail(): Error {',
      '  return raise();',
      '}',
      'export { logger, sourceStack };',
    ].join('\n'),
  );
  const outfile = join(directory, 'out/index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  // Run in a process of its own: the test runner would map the stack itself.
  const script = `
    const { fail, logger, sourceStack } = await import(${JSON.stringify(pathToFileURL(outfile).href)});
    const error = fail();
    console.log(JSON.stringify({ raw: error.stack, mapped: sourceStack(error.stack) }));
    logger.error('Unexpected error', { error });`;
  const { POWERTOOLS_DEV, POWERTOOLS_LOG_LEVEL, ...environment } = process.env;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: environment });
  if (run.status !== 0) throw new Error(run.stderr);
  // The stacks on stdout, Powertools' error line on stderr.
  return { ...(JSON.parse(run.stdout) as { raw: string; mapped: string }), logged: JSON.parse(run.stderr) };
}

describe('stack traces of the deployed bundles', () => {
  it('name the source line, read from the bundle’s source map when an error is logged', async () => {
    const { raw, mapped, logged } = await bundled();
    expect(raw.split('\n')[1]).toMatch(/out\/index\.mjs:\d+:\d+\)$/);
    const frames = mapped.split('\n');
    expect(frames[0]).toBe('Error: on purpose');
    expect(frames[1]).toMatch(/^ {4}at raise \([^ ]*failing\.ts:3:10\)$/);
    expect(frames[2]).toMatch(/^ {4}at <anonymous> \([^ ]*failing\.ts:6:10\)$/);
    expect(logged.error).toMatchObject({ name: 'Error', message: 'on purpose', location: expect.stringMatching(/failing\.ts:3$/) });
    expect(JSON.stringify(logged.error.stack)).toContain('failing.ts:3:10');
    expect(JSON.stringify(logged.error.cause.stack)).toContain('failing.ts:3:');
    expect(JSON.stringify(logged.error)).not.toContain('index.mjs');
  });

  it('stay as they are without a source map, as when the functions run from their sources', () => {
    const { stack } = new Error('from sources');
    expect(sourceStack(stack!)).toBe(stack);
  });
});

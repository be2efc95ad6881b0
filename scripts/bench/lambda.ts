// Every Lambda bundle as the CDK builds it (cdk synth of the app stack, bundles included): its size, the cold import time
// of its handler in a fresh Node process (median of 10, minus the median of an empty process), and what its bytes are made of.
//   node scripts/bench/lambda.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { App } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { definePlatform } from '../../infra/lib/platform-app.ts';
import { repositoryRoot } from '../../infra/lib/platform-function.ts';

const runs = 10;
// Under the repository, so the bundles resolve the AWS SDK (external, as the Lambda runtime provides it) from node_modules.
const outdir = `${repositoryRoot}node_modules/.cache/collective-actions-lambda-bench`;
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const { context: flags } = JSON.parse(readFileSync(`${repositoryRoot}cdk.json`, 'utf8'));
const app = new App({ outdir, context: flags });
const stacks = definePlatform(app);
const template = app.synth().getStackArtifact(stacks.app.artifactId).template as {
  Resources: Record<string, { Type: string; Properties: { Handler?: string; Description?: string; Code?: { S3Key?: unknown } } }>;
};

const bundles = Object.values(template.Resources)
  .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Handler === 'index.handler')
  .filter((resource) => typeof resource.Properties.Code?.S3Key === 'string' && typeof resource.Properties.Description === 'string')
  .map((resource) => ({
    name: resource.Properties.Description as string,
    file: `${outdir}/asset.${(resource.Properties.Code!.S3Key as string).replace(/\.zip$/, '')}/index.mjs`,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

const environment = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-3', POWERTOOLS_LOG_LEVEL: 'SILENT', SNAPSHOT_URL: 'https://example.org/open-data/' };
const runner = `${outdir}/import.mjs`;
writeFileSync(runner, "await import(new URL(process.argv[2], 'file://'));\n");
const empty = `${outdir}/empty.mjs`;
writeFileSync(empty, '\n');

/** Wall time of a fresh Node process importing the module: median of `runs`. */
function coldImport(file: string): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    execFileSync(process.execPath, [runner, file], { env: environment, stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const baseline = coldImport(empty);
console.log(`Lambda bundles as the CDK builds them, ${new Date().toISOString()}, Node ${process.version}; empty process ${baseline.toFixed(0)} ms`);
console.log('| function | bundle (KB, minified) | cold import (ms, minus an empty process) |');
console.log('|---|---:|---:|');
for (const bundle of bundles) {
  console.log(`| ${bundle.name} | ${Math.round(statSync(bundle.file).size / 1024)} | ${(coldImport(bundle.file) - baseline).toFixed(0)} |`);
}

// What the bytes are made of, for the largest bundle and a typical read route: esbuild's own account of its inputs.
const largest = [...bundles].sort((a, b) => statSync(b.file).size - statSync(a.file).size)[0];
for (const name of [largest.name, 'GET /v1/actions/{slug}']) {
  const { routes } = await import('@collective-actions/shared/routes');
  const route = routes.find((candidate) => `${candidate.method} ${candidate.path}` === name);
  const entry = route ? `functions/src/handlers/${route.handler}.ts` : 'functions/src/jobs/build-snapshot.ts';
  const { metafile } = await build({
    entryPoints: [`${repositoryRoot}${entry}`],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
  });
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const owner = match ? match[1] : input.startsWith('shared/') ? 'shared (this repository)' : 'functions (this repository)';
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
    }
  }
  const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`\n${name}: ${top.map(([owner, bytes]) => `${owner} ${Math.round(bytes / 1024)} KB`).join(', ')}`);
}
rmSync(outdir, { recursive: true, force: true });

// The site's build (SvelteKit with adapter-node), made once per synth and packaged for Lambda and for S3.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import { repositoryRoot } from './platform-function.ts';

const frontend = join(repositoryRoot, 'frontend');
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
const assetOptions = { exclude: ['node_modules', '.svelte-kit', 'build'] };

let built: string | undefined;
function buildSite(): string {
  if (!built) {
    execFileSync(process.execPath, [vite, 'build'], { cwd: frontend, stdio: ['ignore', process.stderr, 'inherit'] });
    built = join(frontend, 'build');
  }
  return built;
}

/** Packages the built site from the frontend's sources; never Docker (the build runs here). */
const bundled = (pack: (build: string, outputDir: string) => void) => ({
  ...assetOptions,
  bundling: {
    image: DockerImage.fromRegistry('unused'),
    local: {
      tryBundle(outputDir: string) {
        pack(buildSite(), outputDir);
        return true;
      },
    },
  },
});

/**
 * The server: adapter-node's output, started by the Lambda Web Adapter through run.sh. The build is
 * an ES module, and Lambda's task directory has no package.json saying so: this one does.
 */
export const siteServerCode = () =>
  Code.fromAsset(
    frontend,
    bundled((build, outputDir) => {
      cpSync(build, outputDir, { recursive: true });
      writeFileSync(join(outputDir, 'package.json'), JSON.stringify({ type: 'module' }));
      writeFileSync(join(outputDir, 'run.sh'), '#!/bin/bash\nexec node index.js\n');
      chmodSync(join(outputDir, 'run.sh'), 0o755);
    }),
  );

/** The fingerprinted assets under /_app, served from S3. */
export const siteAssetsSource = () =>
  Source.asset(
    frontend,
    bundled((build, outputDir) => cpSync(join(build, 'client'), outputDir, { recursive: true })),
  );

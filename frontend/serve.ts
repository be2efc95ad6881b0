// Serves the site on one machine: the production build (adapter-node), as it runs in AWS, for `npm start` and the tests
// (built again when its sources changed); or SvelteKit's development server for `npm run dev`.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');

export interface SiteOptions {
  port: number;
  /** The address it listens on (this machine only, unless told otherwise). */
  host: string;
  apiUrl: string;
  /** The OpenID Connect provider people sign in with. */
  issuer: string;
  /**
   * SvelteKit's development server instead of the build, for working on the site: it reloads as files change, and
   * skips SvelteKit's check that a form was posted from the site itself (CSRF), so nothing else should use it.
   */
  dev?: boolean;
}

// What the build is made of: the site's own files and the shared package it bundles (Paraglide's output is made from the messages).
const sources = ['src', 'messages', 'project.inlang', 'vite.config.ts', 'package.json', '../shared/src', '../package-lock.json'];
const generated = join(import.meta.dirname, 'src/lib/paraglide');

async function newest(path: string): Promise<number> {
  if (path === generated) return 0;
  const found = await stat(path);
  if (!found.isDirectory()) return found.mtimeMs;
  const entries = await readdir(path);
  return Math.max(found.mtimeMs, ...(await Promise.all(entries.map((entry) => newest(join(path, entry))))));
}

/** Whether a file the build is made of changed since the last build (or there is none). */
async function buildIsStale(): Promise<boolean> {
  const built = await stat(join(import.meta.dirname, 'build/handler.js')).catch(() => undefined);
  if (!built) return true;
  const changed = await Promise.all(sources.map((source) => newest(join(import.meta.dirname, source))));
  return Math.max(...changed) > built.mtimeMs;
}

export async function startSite(options: SiteOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://localhost:${options.port}`;
  if (!options.dev && (await buildIsStale())) {
    await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: import.meta.dirname, maxBuffer: 64 * 1024 * 1024 });
  }
  // SvelteKit reads its project from the working directory, so the site runs in a process of its own.
  const command = options.dev
    ? [vite, 'dev', '--port', String(options.port), '--strictPort', '--host', options.host]
    : [join(import.meta.dirname, 'build-server.ts')];
  const child = spawn(process.execPath, command, {
    cwd: import.meta.dirname,
    env: {
      ...process.env,
      API_URL: options.apiUrl,
      OIDC_ISSUER: options.issuer,
      // Sessions last as long as this server: a restart signs everyone out.
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      PORT: String(options.port),
      LISTEN_HOST: options.host,
      PROTOCOL_HEADER: 'x-forwarded-proto',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The site's server exited at start:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The site did not answer on ${url} within 60 s:\n${output}`);
    }
    try {
      await fetch(`${url}/`, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, stop };
}

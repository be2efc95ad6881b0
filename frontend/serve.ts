// Serves the site on one machine: SvelteKit's development server for `npm start`, or the production build (adapter-node) for tests.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');

export interface SiteOptions {
  port: number;
  apiUrl: string;
  /** The OpenID Connect provider people sign in with. */
  issuer: string;
  /** Build the site and serve the build, as it runs in AWS, rather than the development server. */
  built?: boolean;
}

export async function startSite(options: SiteOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://localhost:${options.port}`;
  if (options.built) {
    await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: import.meta.dirname, maxBuffer: 64 * 1024 * 1024 });
  }
  // SvelteKit reads its project from the working directory, so the site runs in a process of its own.
  const command = options.built ? [join(import.meta.dirname, 'build-server.ts')] : [vite, 'dev', '--port', String(options.port), '--strictPort'];
  const child = spawn(process.execPath, command, {
    cwd: import.meta.dirname,
    env: {
      ...process.env,
      API_URL: options.apiUrl,
      OIDC_ISSUER: options.issuer,
      // Sessions last as long as this server: a restart signs everyone out.
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      PORT: String(options.port),
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

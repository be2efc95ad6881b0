// Serves the site for a local run: SvelteKit's development server, rendering every page on the server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');

export async function startSite(options: { port: number; apiUrl: string }): Promise<{ stop: () => Promise<void> }> {
  // SvelteKit reads its project from the working directory, so the site runs in a process of its own.
  const child = spawn(process.execPath, [vite, 'dev', '--port', String(options.port), '--strictPort'], {
    cwd: import.meta.dirname,
    env: { ...process.env, API_URL: options.apiUrl },
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
  const url = `http://localhost:${options.port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The site's server exited at start:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The site did not answer on ${url} within 60 s:\n${output}`);
    }
    try {
      await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { stop };
}

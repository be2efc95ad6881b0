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
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`:${options.port}/`)) resolve();
    });
    exited.then((code) => reject(new Error(`The site's server exited (code ${code}):\n${output}`)));
  });
  return { stop };
}

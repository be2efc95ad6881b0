// The local Lambda service: each function runs in execution environments of its own (worker threads: their own
// modules, environment, credentials and heap), started on a first invocation as Lambda starts one, one invocation at a
// time each, and ended when an invocation runs past the function's timeout. Unlike Lambda, a function has at most a few
// environments at once (invocations beyond wait for one), since all of them share this machine's cores and memory.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FunctionIdentity } from './dynamodb-with-iam.ts';
import type { InvocationRequest, SandboxData, SandboxMessage } from './lambda-sandbox.ts';

/** A function as the local platform runs it: its module, and what its configuration and role say. */
export interface LocalFunction {
  name: string;
  /** The module's absolute path: a bundle from cdk.out, or the handler's TypeScript source. */
  module: string;
  environment: Record<string, string>;
  memorySize: number;
  timeoutSeconds: number;
  identity: FunctionIdentity;
}

export type Outcome =
  | { kind: 'result'; result: unknown }
  | { kind: 'error'; errorType: string; errorMessage: string }
  | { kind: 'timeout'; errorMessage: string };

// Lambda's limit on the init phase is 10 s on a machine of the function's own; here every environment starting at once
// shares two cores.
const initMillis = 30_000;
const environmentsPerFunction = 2;

const untilReady = (worker: Worker) =>
  new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (message: SandboxMessage) =>
      settle(message.kind === 'ready' ? undefined : Object.assign(new Error(message.kind === 'init-error' ? message.errorMessage : 'init failed'), { name: 'Runtime.InitError' }));
    const timer = setTimeout(() => settle(new Error(`The function's init did not end within ${initMillis / 1000} s`)), initMillis);
    worker.once('message', onMessage).once('error', settle);
  });

/**
 * Runs `functions`, each told `shared` as well as its own environment (where AWS's endpoints are on this machine), its
 * own name as its access key, as Lambda gives each function its role's credentials.
 */
export function startLambdaService(functions: LocalFunction[], shared: Record<string, string>) {
  const byName = new Map(functions.map((fn) => [fn.name, fn]));
  const idle = new Map<string, Worker[]>();
  const running = new Set<Worker>();
  const started = new Map<string, number>();
  const waiting = new Map<string, Array<(worker: Worker | undefined) => void>>();

  /** An idle environment of the function, a new one while it has fewer than its share, or the next one freed. */
  async function environmentOf(fn: LocalFunction): Promise<Worker> {
    const ready = idle.get(fn.name)?.pop();
    if (ready) return ready;
    if ((started.get(fn.name) ?? 0) >= environmentsPerFunction) {
      const freed = await new Promise<Worker | undefined>((resolve) => waiting.set(fn.name, [...(waiting.get(fn.name) ?? []), resolve]));
      if (freed) return freed;
    }
    started.set(fn.name, (started.get(fn.name) ?? 0) + 1);
    try {
      return await start(fn);
    } catch (error) {
      release(fn.name, undefined);
      throw error;
    }
  }

  /** Hands an environment (or, when it ended, the right to start one) to the next waiting invocation. */
  function release(name: string, worker: Worker | undefined): void {
    const next = waiting.get(name)?.shift();
    if (!worker) started.set(name, (started.get(name) ?? 1) - 1);
    if (next) next(worker);
    else if (worker) idle.set(name, [...(idle.get(name) ?? []), worker]);
  }

  async function start(fn: LocalFunction): Promise<Worker> {
    const worker = new Worker(new URL('./lambda-sandbox.ts', import.meta.url), {
      workerData: { name: fn.name, module: fn.module, handler: 'handler', memorySize: fn.memorySize } satisfies SandboxData,
      env: {
        ...fn.environment,
        ...shared,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
        AWS_ACCESS_KEY_ID: fn.name,
        AWS_SECRET_ACCESS_KEY: 'local',
      },
      // A function's memory bounds its heap, as its configured memory bounds the whole process in Lambda.
      resourceLimits: { maxOldGenerationSizeMb: fn.memorySize },
    });
    running.add(worker);
    worker.once('exit', () => running.delete(worker));
    try {
      await untilReady(worker);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return worker;
  }

  async function invoke(name: string, event: unknown): Promise<Outcome> {
    const fn = byName.get(name);
    if (!fn) throw new Error(`No local function is named ${name}`);
    let worker: Worker;
    try {
      worker = await environmentOf(fn);
    } catch (error) {
      return { kind: 'error', errorType: (error as Error).name, errorMessage: (error as Error).message };
    }
    const requestId = randomUUID();
    const timeoutMillis = fn.timeoutSeconds * 1000;
    return new Promise<Outcome>((resolve) => {
      const settle = (outcome: Outcome, reusable: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        release(name, reusable ? worker : undefined);
        resolve(outcome);
      };
      const timedOut = () => {
        settle({ kind: 'timeout', errorMessage: `Task timed out after ${fn.timeoutSeconds} seconds` }, false);
        void worker.terminate();
      };
      const onMessage = (message: SandboxMessage) => {
        if ((message.kind !== 'result' && message.kind !== 'error') || message.requestId !== requestId) return;
        // An answer that comes after the deadline (this thread was busy when the timer was due) is not taken, as Lambda
        // would not take it.
        if (Date.now() >= deadline) return timedOut();
        settle(message.kind === 'result' ? { kind: 'result', result: message.result } : message, true);
      };
      const onError = (error: Error) => settle({ kind: 'error', errorType: error.name, errorMessage: error.message }, false);
      const onExit = (code: number) => settle({ kind: 'error', errorType: 'Runtime.ExitError', errorMessage: `The runtime exited with code ${code}` }, false);
      // As Lambda ends an environment whose invocation outlives the timeout.
      const deadline = Date.now() + timeoutMillis;
      const timer = setTimeout(timedOut, timeoutMillis);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ requestId, event, deadline } satisfies InvocationRequest);
    });
  }

  return {
    invoke,
    stop: async () => {
      await Promise.all([...running].map((worker) => worker.terminate()));
    },
  };
}

export type LambdaService = ReturnType<typeof startLambdaService>;

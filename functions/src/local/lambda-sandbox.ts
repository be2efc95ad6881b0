// One Lambda execution environment, in a worker thread of its own: it imports its function's module once (the init
// phase), then runs one invocation at a time with a context as Lambda gives it.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { localAccount, localRegion } from './local-aws.ts';

export interface SandboxData {
  name: string;
  module: string;
  handler: string;
  memorySize: number;
}

export interface InvocationRequest {
  requestId: string;
  event: unknown;
  /** When the function's timeout ends, in epoch milliseconds. */
  deadline: number;
}

export type SandboxMessage =
  | { kind: 'ready' }
  | { kind: 'init-error'; errorType: string; errorMessage: string }
  | { kind: 'result'; requestId: string; result: unknown }
  | { kind: 'error'; requestId: string; errorType: string; errorMessage: string };

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const { name, module, handler: exportName, memorySize } = workerData as SandboxData;
const port = parentPort!;
const described = (error: unknown) => ({
  errorType: error instanceof Error ? error.name : 'Error',
  errorMessage: error instanceof Error ? error.message : String(error),
});

let handler: Handler;
try {
  handler = (await import(pathToFileURL(module).href))[exportName];
  if (typeof handler !== 'function') throw new Error(`${module} exports no function ${exportName}`);
  port.postMessage({ kind: 'ready' } satisfies SandboxMessage);
} catch (error) {
  port.postMessage({ kind: 'init-error', ...described(error) } satisfies SandboxMessage);
}

port.on('message', async ({ requestId, event, deadline }: InvocationRequest) => {
  const context = {
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccount}:function:${name}`,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  } as Context;
  try {
    const result = await handler(event, context);
    port.postMessage({ kind: 'result', requestId, result } satisfies SandboxMessage);
  } catch (error) {
    port.postMessage({ kind: 'error', requestId, ...described(error) } satisfies SandboxMessage);
  }
});

// Idempotency-Key on POST routes: a request sent again with the same key gets the first one's answer instead of
// doing the work twice. Powertools keeps the record in the platform's table; this adds what an HTTP API needs around it.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { IdempotencyKeyReused, RequestInProgress } from '@collective-actions/shared';
import { IdempotencyRecords } from '../data/idempotency-records.ts';
import { idempotencyHeaders, idempotencyKeyHours } from '@collective-actions/shared/api-policy';
import { type RouteKey } from '@collective-actions/shared/routes';
import { handlerStack, parse, type Reply, type RouteRequest } from './route-handler.ts';

/** Everything that makes two requests the same one: the key, who sent it, and what it asks (the route is the key's prefix). */
interface Identity {
  caller: string | undefined;
  key: string;
  request: { params: unknown; body: unknown };
}

// Past this, a request waiting for the first one's answer gives up with 409 and Retry-After, well before the function's timeout.
const longestWaitMillis = 8000;

/**
 * Wraps a use case so that requests with the same key run it once. A repeat that arrives while the first is still
 * running waits for its answer rather than failing, so all of them get the same answer.
 */
export function idempotentUseCase<Request extends Identity['request']>(route: string, useCase: (request: Request) => Promise<Reply>) {
  const persistenceStore = new IdempotencyRecords();
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[caller, key]',
    payloadValidationJmesPath: 'request',
    expiresAfterSeconds: idempotencyKeyHours * 3600,
    responseHook: (reply) => {
      const stored = reply as Reply;
      return { ...stored, headers: { ...stored.headers, 'idempotent-replayed': 'true' } };
    },
  });
  const once = makeIdempotent((_identity: Identity, _context: Context, request: Request) => useCase(request), {
    persistenceStore,
    config,
    keyPrefix: route,
  });

  return async (key: string, caller: string | undefined, request: Request, context: Context): Promise<Reply> => {
    const giveUpAt = Date.now() + Math.min(longestWaitMillis, context.getRemainingTimeInMillis() - 1000);
    for (let pause = 20; ; pause = Math.min(pause * 2, 320)) {
      try {
        return (await once({ caller, key, request: { params: request.params, body: request.body } }, context, request)) as Reply;
      } catch (error) {
        if (error instanceof IdempotencyValidationError) throw new IdempotencyKeyReused();
        if (!(error instanceof IdempotencyAlreadyInProgressError)) throw error;
        if (Date.now() + pause > giveUpAt) throw new RequestInProgress();
        await sleep(pause);
      }
    }
  };
}

/** The Lambda handler of a POST route: as `routeHandler`, with requests that carry an Idempotency-Key run once. */
export function idempotentRouteHandler<const Key extends Extract<RouteKey, `POST ${string}`>>(
  key: Key,
  useCase: (request: RouteRequest<Key>) => Promise<Reply>,
) {
  const once = idempotentUseCase(key, useCase);
  return handlerStack(key, (request, event, context) => {
    const idempotencyKey = parse(idempotencyHeaders, event.headers, 'parameters')?.['idempotency-key'];
    return idempotencyKey === undefined ? useCase(request) : once(idempotencyKey, request.caller?.id, request, context);
  });
}

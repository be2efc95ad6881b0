// The write throttle: every change spends a token of its caller's bucket and, when its caller belongs to the
// organisation it is made for, of that organisation's bucket, so that new accounts of one organisation share its
// allowance rather than each getting a fresh one (and nobody outside it can spend it). A route with an allowance of its
// own (proposals, messages) spends from that route's buckets too.
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { TooManyRequests, id } from '@collective-actions/shared';
import { getRole } from '../data/people.ts';
import { takeToken } from '../data/throttle.ts';
import { writeThrottle } from '@collective-actions/shared/api-policy';
import { type Route } from '@collective-actions/shared/routes';
import type { Caller } from '../services/caller.ts';

type Event = APIGatewayProxyEventV2 & { caller?: Caller; body?: unknown };

/**
 * The organisation a change is made for, as the request names it, valid or not (a refused body counts all the same):
 * in the path (`{organisationId}`, or the `{id}` of an /organisations route), or as the body's `organisationId`.
 */
function organisationOf(route: Route, event: Event): string | undefined {
  const named = [
    event.pathParameters?.organisationId,
    route.path.startsWith('/v1/organisations/{id}') ? event.pathParameters?.id : undefined,
    typeof event.body === 'object' && event.body !== null ? (event.body as Record<string, unknown>).organisationId : undefined,
  ];
  return named.find((value): value is string => id.safeParse(value).success);
}

/** Spends the change's tokens before anything reads the body; without one of them, 429 with Retry-After. */
export const throttleWrites = (route: Route): MiddlewareObj<Event> => ({
  before: async ({ event }) => {
    if (route.method === 'GET' || !event.caller) return;
    const named = organisationOf(route, event);
    const organisation = named && (await getRole(named, event.caller.id)) ? named : undefined;
    const subjects = [`caller#${event.caller.id}`, ...(organisation ? [`organisation#${organisation}`] : [])];
    const allowance = 'throttle' in route ? route.throttle : undefined;
    const waits = await Promise.all([
      ...subjects.map((subject) => takeToken(subject, writeThrottle)),
      ...(allowance ? subjects.map((subject) => takeToken(`${route.handler}#${subject}`, allowance)) : []),
    ]);
    const wait = Math.max(0, ...waits.map((millis) => millis ?? 0));
    if (wait > 0) throw new TooManyRequests(Math.ceil(wait / 1000));
  },
});

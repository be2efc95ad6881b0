// What every route of the API shares: who may call it, what it may touch, the limits on changes, how long answers
// are kept, and what a request and an answer are made of.
import * as z from 'zod';

/**
 * Who may call a route: anyone; anyone, with more shown to a signed-in caller who may see it
 * (optional: the function checks a token itself, as API Gateway's authorizer cannot be optional);
 * any signed-in person; or platform stewards only.
 */
export type Access = 'public' | 'optional' | 'signed-in' | 'steward';

/** What a route's function does with the table: nothing, read it (in AWS, no write permission), or write it. */
export type TableAccess = 'none' | 'read' | 'write';

/** A token bucket: changes at once, from a full bucket, then changes a second, refilled one at a time. */
export interface Allowance {
  ratePerSecond: number;
  burst: number;
}

/**
 * How many changes a caller may send, and how many may be sent for one organisation whoever sends them: a token bucket
 * each, shared by every function instance (kept in the table), the burst at once and then the rate. Past it, 429 with
 * Retry-After. Locally and in AWS alike; reads are never throttled.
 */
export const writeThrottle = { ratePerSecond: 50, burst: 100 } as const satisfies Allowance;


/**
 * Changes that reach other people have a tighter allowance of their own, besides the write throttle's, per caller and
 * per organisation as it counts them: proposals of cooperation, ten at once then one an hour; messages, thirty at once
 * then one every six seconds.
 */
export const proposalThrottle = { ratePerSecond: 1 / 3600, burst: 10 } as const satisfies Allowance;
export const messageThrottle = { ratePerSecond: 1 / 6, burst: 30 } as const satisfies Allowance;

/** API Gateway also holds each write route to this, all callers together, before any function runs (locally too). */
export const routeThrottle = { ratePerSecond: 250, burst: 500 } as const;

/** And every other route to this, each on its own: the stage's default route throttle. */
export const stageThrottle = { ratePerSecond: 500, burst: 1000 } as const;

/**
 * How long anyone's answer to a read may be kept, by browsers and shared caches (CloudFront in AWS keeps it as long,
 * keyed by the query, the Origin and the Authorization header); a route may say otherwise (`cacheSeconds`). A
 * signed-in person's answers are never kept; every answer has an ETag, so a copy is checked again cheaply.
 */
export const publicCacheSeconds = 60;

/** How long an Idempotency-Key keeps the answer to its request. */
export const idempotencyKeyHours = 24;

/**
 * Every POST creates something, so every POST takes an Idempotency-Key (the other methods are idempotent already).
 * Each caller chooses its keys, and one caller's keys never meet another's.
 */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters, such as a UUID')
    .optional()
    .meta({
      description:
        `Makes the request safe to send again: a request with the same key, address and body within ${idempotencyKeyHours} hours gets the ` +
        "first one's answer (with `Idempotent-Replayed: true`) and changes nothing. The same key with another body or address answers 422. " +
        'A new UUID per change is a good key.',
    }),
});

/** What a route reads from the request; the handler gets them parsed, and refuses anything else with a 400. */
export interface RequestSchemas {
  params?: z.ZodType<unknown, Record<string, unknown>>;
  query?: z.ZodType<unknown, Record<string, unknown>>;
  body?: z.ZodType;
  /** A body sent as an HTML form is (`formMediaTypes`), for what sends nothing else: a mail client's one-click unsubscribe. */
  form?: z.ZodType;
}

/** The media types of a form body, as RFC 8058 lets a mail client send its one-click unsubscribe. */
export const formMediaTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

/** A success answer: a JSON body, bodies by media type, or none (204). */
export type ReplySchema = z.ZodType | { [mediaType: string]: z.ZodType } | null;

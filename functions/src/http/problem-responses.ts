// The one place errors become responses: RFC 9457 problem details, never a stack trace.
import type { MiddlewareObj } from '@middy/core';
import { BadRequest, Problem, ServiceUnavailable, UnsupportedMediaType, writeJson } from '@collective-actions/shared';
import { logger } from './logger.ts';

// Errors that mean the database is unreachable or overloaded for now, not that the request is wrong.
const unavailableNames = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

function isUnavailable(error: Error & { code?: string; cause?: unknown }): boolean {
  if (unavailableNames.has(error.name) || (error.code && unavailableCodes.has(error.code))) return true;
  return error.cause instanceof Error && isUnavailable(error.cause);
}

/** What the request deserves to be told about an error. */
export function problemFor(error: unknown, headers: Record<string, string | undefined> = {}): Problem {
  if (error instanceof Problem) return error;
  const failure: Error & { statusCode?: number; expose?: boolean } = error instanceof Error ? error : new Error(String(error));
  // The only HTTP errors middy raises here are the JSON body parser's: wrong type, malformed JSON, a forbidden key. Its
  // errors say they may be shown (`expose`); another library's error with a status is ours to answer, not the caller's.
  if (failure.expose && failure.statusCode === 415) return new UnsupportedMediaType(headers['content-type']);
  if (failure.expose && failure.statusCode && failure.statusCode < 500) {
    return new BadRequest(/malformed/i.test(failure.message) ? 'The body is not valid JSON.' : `The body was refused: ${failure.message}.`);
  }
  if (isUnavailable(failure)) {
    logger.warn('Database unavailable', { error: failure });
    return new ServiceUnavailable('The service is briefly unavailable: try again in a moment.');
  }
  logger.error('Unexpected error', { error: failure });
  return new Problem(500, 'internal-error', 'Internal error', 'Something went wrong on our side; it has been logged.');
}

/** A problem as an HTTP answer. */
export const problemReply = (problem: Problem) => ({
  statusCode: problem.status,
  headers: { 'content-type': 'application/problem+json', ...problem.headers },
  body: writeJson(problem.toDocument()),
});

export const problemResponses = (): MiddlewareObj<{ headers?: Record<string, string | undefined> }> => ({
  onError: (request) => {
    request.response = problemReply(problemFor(request.error, request.event.headers));
  },
});

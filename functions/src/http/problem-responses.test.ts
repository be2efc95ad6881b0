import { createError } from '@middy/util';
import { describe, expect, it } from 'vitest';
import { Conflict } from '@collective-actions/shared';
import { DynamoDbError } from '../data/client.ts';
import { problemFor } from './problem-responses.ts';

describe('the one error mapper', () => {
  it('passes the services’ problems through', () => {
    const conflict = new Conflict('Taken.');
    expect(problemFor(conflict)).toBe(conflict);
  });

  it('turns the JSON parser’s errors into 415 and 400', () => {
    const unsupported = problemFor(createError(415, 'Unsupported Media Type'), { 'content-type': 'text/plain' });
    expect(unsupported.toDocument()).toMatchObject({ status: 415, detail: 'Send the body as application/json (received text/plain).' });
    expect(problemFor(createError(422, 'Invalid or malformed JSON was provided')).toDocument()).toMatchObject({
      status: 400,
      detail: 'The body is not valid JSON.',
    });
    expect(problemFor(createError(422, 'Forbidden key in JSON body')).status).toBe(400);
  });

  it('answers 503 with Retry-After when the database cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    const problem = problemFor(new Error('request failed', { cause: refused }));
    expect(problem.status).toBe(503);
    expect(problem.headers['retry-after']).toBe('1');
    expect(problemFor(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })).status).toBe(503);
    expect(problemFor(new DynamoDbError('ProvisionedThroughputExceededException', 'slow down', 400, {})).status).toBe(503);
  });

  it('answers what DynamoDB refused, 400 as it says, as our failure: a 500, never a 400 for the caller', () => {
    for (const name of ['AccessDeniedException', 'ValidationException', 'ResourceNotFoundException']) {
      expect(problemFor(new DynamoDbError(name, 'refused', 400, {})).status, name).toBe(500);
    }
  });

  it('hides anything else behind a 500 that reveals nothing', () => {
    const problem = problemFor(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem.toDocument())).not.toMatch(/secret|TypeError/);
  });
});

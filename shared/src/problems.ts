// Typed errors that services throw and the API turns into RFC 9457 problem details.
import * as z from 'zod';

/** One thing wrong with the request: a body field (JSON pointer) or a query/path parameter. */
export const fieldError = z.object({
  pointer: z.string().optional(),
  parameter: z.string().optional(),
  detail: z.string(),
});

export const problemDocument = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(fieldError).optional(),
});

export type FieldError = z.infer<typeof fieldError>;
export type ProblemDocument = z.infer<typeof problemDocument>;

// Messages a person can act on, for the issues zod words for programmers.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    if (issue.code === 'unrecognized_keys') return 'is not a field this request accepts';
    return undefined;
  },
});

function article(expected: string): string {
  return expected === 'array' || expected === 'object' || expected === 'int' ? `an ${expected === 'int' ? 'integer' : expected}` : `a ${expected}`;
}

const escapePointer = (segment: PropertyKey) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

/** Turns zod issues into field errors: JSON pointers for a body, parameter names for a query or path. */
export function fieldErrorsOf(error: z.ZodError, where: 'body' | 'parameters'): FieldError[] {
  return error.issues.flatMap((issue) => {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((path) =>
      where === 'body'
        ? { pointer: `#${path.map((segment) => `/${escapePointer(segment)}`).join('')}`, detail: issue.message }
        : { parameter: path.map(String).join('.') || '(all)', detail: issue.message },
    );
  });
}

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    name: string,
    title: string,
    detail: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = status;
    this.type = `/problems/${name}`;
    this.title = title;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  toDocument(): ProblemDocument {
    return { type: this.type, title: this.title, status: this.status, detail: this.message, errors: this.errors };
  }
}

export class BadRequest extends Problem {
  constructor(detail: string) {
    super(400, 'bad-request', 'Bad request', detail);
  }
}

export class ValidationFailed extends Problem {
  constructor(errors: FieldError[]) {
    super(400, 'validation-error', 'The request is not valid', `${errors.length} field${errors.length === 1 ? ' is' : 's are'} not valid; see errors.`, { errors });
  }
}

export class Unauthorized extends Problem {
  constructor(detail = 'Sign in: this request needs a valid bearer access token.') {
    super(401, 'unauthorized', 'Not signed in', detail, { headers: { 'www-authenticate': 'Bearer' } });
  }
}

export class Forbidden extends Problem {
  constructor(detail: string) {
    super(403, 'forbidden', 'Not allowed', detail);
  }
}

export class NotFound extends Problem {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

export class MethodNotAllowed extends Problem {
  constructor(method: string, allowed: string[]) {
    super(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed here; use ${allowed.join(' or ')}.`, {
      headers: { allow: allowed.join(', ') },
    });
  }
}

export class Conflict extends Problem {
  constructor(detail: string) {
    super(409, 'conflict', 'Conflict', detail);
  }
}

export class StaleVersion extends Problem {
  constructor(what: string) {
    super(409, 'stale-version', 'Changed since you read it', `The ${what} was changed by someone else since you read it: read it again and apply your change to the current version.`);
  }
}

/** Another request with the same Idempotency-Key is still being processed, past how long an answer waits for it. */
export class RequestInProgress extends Problem {
  constructor(retryAfterSeconds = 1) {
    super(409, 'request-in-progress', 'Request still in progress', 'A request with this Idempotency-Key is still being processed: send it again in a moment to get its answer.', {
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}

export class IdempotencyKeyReused extends Problem {
  constructor() {
    super(422, 'idempotency-key-reused', 'Idempotency-Key already used', 'This Idempotency-Key was already used for a different request: use a new key for a new request.');
  }
}

export class PayloadTooLarge extends Problem {
  constructor(limitBytes: number) {
    super(413, 'payload-too-large', 'Request body too large', `The request body must be at most ${limitBytes / 1024} KB.`);
  }
}

export class UnsupportedMediaType extends Problem {
  constructor(received: string | undefined, expected = 'application/json') {
    super(415, 'unsupported-media-type', 'Unsupported media type', `Send the body as ${expected}${received ? ` (received ${received})` : ''}.`);
  }
}

export class TooManyRequests extends Problem {
  constructor(retryAfterSeconds: number) {
    super(429, 'too-many-requests', 'Too many requests', `Too many changes in a short time: try again in ${retryAfterSeconds} s.`, {
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}

export class ServiceUnavailable extends Problem {
  constructor(detail: string, retryAfterSeconds = 1) {
    super(503, 'service-unavailable', 'Service unavailable', detail, { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

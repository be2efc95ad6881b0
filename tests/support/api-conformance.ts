// The OpenAPI description as a client's validator reads it: every answer's status must be one the operation lists,
// its media type one the status lists, and a JSON body valid against the schema given (Ajv, JSON Schema 2020-12, in
// strict mode, every format checked in full).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { apiDescription } from '@collective-actions/functions/http/api-description.ts';

// The components as a JSON Schema document of their own, and the description's references pointing into it.
const document = JSON.parse(JSON.stringify(apiDescription()).replaceAll('"#/components/schemas/', '"components.json#/$defs/'));
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
addFormats.default(ajv, { mode: 'full' });
// The one format of the description that is not JSON Schema's own: zod's, for identifiers.
ajv.addFormat('ulid', /^[0-9A-HJKMNP-TV-Z]{26}$/);
ajv.addSchema({ $id: 'components.json', $defs: document.components.schemas });

const compiled = new Map<string, ValidateFunction>();

/** Checks an answer against the operation of `method path` (a route table path, like /v1/actions/{slug}). */
export function expectDescribed(method: string, path: string, reply: { status: number; headers: Headers; body: string }): void {
  const where = `${method} ${path} ${reply.status}`;
  const responses = document.paths[path]?.[method.toLowerCase()]?.responses;
  expect(responses, `${method} ${path}`).toBeDefined();
  const response = responses[String(reply.status)];
  expect(response, `${where}: the description does not list this status`).toBeDefined();
  if (!response.content || reply.body === '') return;
  const mediaType = reply.headers.get('content-type')!.split(';')[0];
  expect(Object.keys(response.content), where).toContain(mediaType);
  if (!/json$/.test(mediaType)) return;
  const key = `${where} ${mediaType}`;
  if (!compiled.has(key)) compiled.set(key, ajv.compile(response.content[mediaType].schema));
  const validate = compiled.get(key)!;
  validate(JSON.parse(reply.body));
  expect(validate.errors ?? [], where).toEqual([]);
}

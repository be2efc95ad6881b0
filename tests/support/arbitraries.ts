// fast-check arbitraries for requests: valid shapes from the route table's zod schemas (through their JSON Schema, as
// zod-fast-check only knows zod 3), and junk of every kind a client could send.
import fc from 'fast-check';
import * as z from 'zod';

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/**
 * Text of the kinds that once broke a writer: controls, non-characters, lone surrogates and bidirectional overrides
 * (ill-formed XML, iCalendar, CSV), formula prefixes (spreadsheets), line breaks and quotes (CSV rows), with ordinary
 * letters, marks and emoji between them.
 */
export const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069', '\ufdd0', '\ufffe', '\uffff', '\u{1fffe}', '\u{10ffff}', '\ud800', '\udfff'),
    fc.constantFrom('\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u200f', '=', '+', '-', '@', '\uff1d', '"', ',', ';', '<', '&', '\\'),
    fc.constantFrom('a', 'é', 'ß', 'م', '中', '😀', 'e\u0301', ' '),
  ),
  maxLength: 40,
});

/** Web addresses of the kinds browsers read otherwise than they look: controls, backslashes, credentials, no slashes, IP hosts. */
const hostileUrl = fc.oneof(
  fc.tuple(fc.webUrl({ validSchemes: ['https'] }), hostileText).map(([address, junk]) => `${address}${junk}`),
  fc.webUrl({ validSchemes: ['https'] }).map((address) => address.replace('https://', 'https://evil.example\\@')),
  fc.webUrl({ validSchemes: ['https'] }).map((address) => address.replace('https://', 'https://user:secret@')),
  fc.webUrl({ validSchemes: ['https'] }).map((address) => address.replace('https://', 'https:')),
  fc.constantFrom('https://0x7f.1/', 'https://[::1]/', 'https://intranet/', 'https://exa\tmple.org/', 'https://example.org/\u202egpj.exe'),
);

// Countries no other test filters the directory on, so records the fuzzer creates change no other test's answer.
const fuzzCountries = ['NO', 'FI', 'EE', 'PT'];

function fromJsonSchema(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => fromJsonSchema(option, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? (schema.exclusiveMinimum ?? -1000) + 1, max: schema.maximum ?? 1000 });
    case 'array':
      return fc.array(fromJsonSchema(schema.items ?? {}, name), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const properties = schema.properties ?? {};
      return fc.record(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromJsonSchema(value, key)])), {
        requiredKeys: (schema.required ?? []).filter((key) => key in properties),
      });
    }
    case 'string':
      if (name === 'country') return fc.constantFrom(...fuzzCountries);
      if (schema.format === 'uri') return fc.oneof({ weight: 3, arbitrary: fc.webUrl({ validSchemes: ['https'] }) }, hostileUrl);
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length <= (schema.maxLength ?? 2000));
      return fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 50, 300) }) },
        hostileText.filter((value) => value.length >= (schema.minLength ?? 0)),
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values that pass the schema's shape, most of the time (refinements across fields may still refuse them). */
export const validFor = (schema: z.ZodType) => fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);

/** Anything but what was asked for: wrong types, huge and odd strings, deep nesting, prototype keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    'x'.repeat(70_000),
    '\u202e\u0000\ud800',
    JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'),
    Array.from({ length: 10_000 }, (_, index) => index),
    JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`),
  ),
);

/** What can stand in a path segment: a valid value, or traversal, encoding tricks, unicode and length. */
export const pathSegmentFor = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    valid.map((value) => encodeURIComponent(String(value))),
    fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%00', '%E0%A4%A', 'a'.repeat(3000), "'%20OR%201=1", '%7Bslug%7D', 'ÉTÉ', '.'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  );

/** A request body as sent on the wire: JSON of a valid or junk value, duplicated keys, or not JSON at all. */
export const bodyTextFor = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: junk.map((value) => JSON.stringify(value)) },
    valid.map((value) => {
      const text = JSON.stringify(value);
      return text.startsWith('{"') ? `{"version":1,"version":"two",${text.slice(1)}` : text;
    }),
    fc.constantFrom('{', '{"a":', 'null', '"', '\u0000', '{"a":1}{"b":2}', ''),
  );

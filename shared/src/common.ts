// Field schemas shared by every entity: identifiers, text, links, countries, languages.
import * as z from 'zod';
import countries from 'i18n-iso-countries/index.js';
import { cleanText, forbiddenCharacter, normaliseText } from './text.ts';

/** Refuses the first code point text may not hold, naming it (`params.character`, for the site to word). */
const allowedCharacters = (value: string, context: z.RefinementCtx) => {
  const found = forbiddenCharacter(value);
  if (found) context.addIssue({ code: 'custom', message: found.detail, params: { reason: 'character', character: found.character } });
};

/** Trimmed text, single- or multi-line, holding only what text may hold (see text.ts); line breaks are stored as line feeds. */
export const text = (min: number, max: number) =>
  z
    .string()
    .overwrite(normaliseText)
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .superRefine(allowedCharacters);

/** A line of text: like `text`, without line breaks or tabs. */
export const line = (min: number, max: number) => text(min, max).refine((value) => !/[\n\t]/.test(value), 'must be a single line');

export const slug = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, like "open-public-procurement"');

export const id = z.ulid('must be an identifier issued by the platform');

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, like "FR"')
  .refine((code) => countries.isValid(code), 'is not an assigned ISO 3166-1 country code');

// Made on first use: building it loads ICU's language names, some 20 ms that every function's cold start would pay.
let languageNames: Intl.DisplayNames | undefined;
const isLanguage = (code: string) => (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })).of(code) !== undefined;

export const languageCode = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code in lower case, like "en" or "fr"')
  .refine(isLanguage, 'is not a known ISO 639-1 language code');

// A domain name of two labels or more, ending with a top-level domain (letters, or an internationalised one in punycode).
const domainName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** What can be wrong with a web address, each with what the API says of it. */
const addressProblems = {
  spaces: 'must not contain spaces or line breaks',
  scheme: 'must be an https:// address, like "https://example.org/"',
  backslash: 'must not contain a backslash: use "/"',
  unreadable: 'is not a valid web address',
  credentials: 'must not contain a user name or password (nothing before "@")',
  domain: 'must name a domain, like "example.org" (not an IP address or a local name)',
} as const;

export type AddressProblem = keyof typeof addressProblems;

/**
 * What is wrong with a web address, read as browsers read it (WHATWG URL), stricter where browsers guess: the address
 * must be written out in full (https://, no "https:example.org"), without spaces, controls or backslashes (which
 * browsers silently drop or read as "/": "https://evil.com\@example.org/" opens evil.com), without a user name or
 * password, and name a domain rather than an IP address.
 */
function addressProblem(value: string): AddressProblem | undefined {
  if (/\s/u.test(value)) return 'spaces';
  if (!/^https:\/\//i.test(value)) return 'scheme';
  if (value.includes('\\')) return 'backslash';
  let address: URL;
  try {
    address = new URL(value);
  } catch {
    return 'unreadable';
  }
  if (/^https:\/\/[^/?#]*@/i.test(value)) return 'credentials';
  if (!domainName.test(address.hostname)) return 'domain';
  return undefined;
}

/** An https:// web address, stored as browsers write it out (host in lower case and punycode, path percent-encoded). */
export const httpsUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .superRefine(allowedCharacters)
  .superRefine((value, context) => {
    const problem = forbiddenCharacter(value) ? undefined : addressProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: addressProblems[problem], params: { reason: 'address', problem } });
  })
  .overwrite((value) => (forbiddenCharacter(value) || addressProblem(value) ? value : new URL(value).href))
  .refine((value) => value.length <= 2000, 'must be at most 2000 characters once written out (a character outside ASCII takes up to 12)')
  .meta({ format: 'uri' });

/**
 * An address stored before these rules, as they store one: cleaned, written out (a backslash as "/", the host in
 * punycode), without user name or password. What the API reads from the table goes through it, so that no answer holds
 * an address the rules would refuse; an address that cannot be read at all stays as it was.
 */
export function writtenAddress(value: string): string {
  try {
    const address = new URL(cleanText(value));
    address.username = '';
    address.password = '';
    return address.href;
  } catch {
    return value;
  }
}

/** Text given in both of the platform's languages. */
export const bilingual = (min: number, max: number) => z.strictObject({ en: text(min, max), fr: text(min, max) });

export const version = z.int('must be a whole number').positive('must be positive');

export const timestamp = z.iso.datetime();

/** Query-string page size. */
export const limit = z.coerce
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20);

export const cursor = z.string().min(1).max(1000);

/** The query of a list that only pages. */
export const pageQuery = z.strictObject({ cursor: cursor.optional(), limit });

/** Every PATCH body: the version it was read at plus at least one change. */
export const patchOf = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .strictObject({ version, ...shape })
    .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
      message: 'must change at least one field besides version',
    });

export type BilingualText = z.infer<ReturnType<typeof bilingual>>;

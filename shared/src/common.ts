// Field schemas shared by every entity: identifiers, text, links, countries, languages.
import * as z from 'zod';
import countries from 'i18n-iso-countries/index.js';

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed single- or multi-line text without control characters (tabs and newlines allowed). */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !controlCharacters.test(value), 'must not contain control characters');

/** A line of text: like `text`, without line breaks. */
export const line = (min: number, max: number) =>
  text(min, max).refine((value) => !/[\r\n\t]/.test(value), 'must be a single line');

export const slug = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, like "open-public-procurement"');

export const id = z.ulid('must be an identifier issued by the platform');

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, like "FR"')
  .refine((code) => countries.isValid(code), 'is not an assigned ISO 3166-1 country code');

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

export const languageCode = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code in lower case, like "en" or "fr"')
  .refine((code) => languageNames.of(code) !== undefined, 'is not a known ISO 639-1 language code');

export const httpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be an https:// address' })
  .max(2000, 'must be at most 2000 characters');

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

// What text may hold: the code points every text field accepts, and the cleaning every writer applies to what it
// writes, so that a record stored before these rules still makes well-formed HTML, XML, iCalendar, CSV and JSON.

const planeEnds = Array.from({ length: 16 }, (_, plane) => `\\u{${(plane + 1).toString(16)}FFFE}\\u{${(plane + 1).toString(16)}FFFF}`).join('');

/**
 * Never in any text: C0 controls but tab and line feed (a carriage return is turned into a line feed first), DEL and
 * the C1 controls, bidirectional embeddings, overrides and isolates (which reorder what follows them: "Trojan Source"),
 * the 66 non-characters, and lone surrogates (half a character, which no UTF-8 writer can write).
 * Bidirectional marks (U+200E, U+200F, U+061C) stay: right-to-left text needs them, and they reorder nothing.
 */
const forbidden = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${planeEnds}]|\\p{Cs}`, 'u');
const forbiddenEverywhere = new RegExp(forbidden.source, 'gu');

/** Carriage returns (alone or before a line feed) and the Unicode line and paragraph separators: each is one line feed. */
const lineBreaks = /\r\n?|[\u2028\u2029]/g;

const kindOf = (codePoint: number): string => {
  if (codePoint <= 0x9f) return 'a control character';
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069)) return 'a bidirectional override';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'a lone surrogate, half of a character';
  return 'a non-character';
};

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first code point the text may not hold, with what is wrong in words a person can act on; undefined when there is none. */
export function forbiddenCharacter(value: string): { character: string; detail: string } | undefined {
  const found = forbidden.exec(value);
  if (!found) return undefined;
  const codePoint = found[0].codePointAt(0)!;
  return { character: hex(codePoint), detail: `must not contain ${hex(codePoint)} (${kindOf(codePoint)})` };
}

/** Line breaks as line feeds, composed characters (NFC), no space around: what a text field stores. */
export const normaliseText = (value: string) => value.replace(lineBreaks, '\n').normalize('NFC').trim();

/**
 * Text as every writer writes it: line breaks as line feeds, half characters as U+FFFD, and nothing else text may not
 * hold. New records never need it; records stored before the rules do.
 */
export function cleanText(value: string): string {
  if (!forbidden.test(value) && !/[\r\u2028\u2029]/.test(value)) return value;
  return value.replace(lineBreaks, '\n').replace(forbiddenEverywhere, (found) => (found.length === 1 && found >= '\ud800' && found <= '\udfff' ? '\ufffd' : ''));
}

/** A record with `cleanText` applied to every string in it, however deep. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])) as T;
  }
  return value;
}

/** JSON text of a value, every string in it cleaned: what the API writes. */
export const writeJson = (value: unknown) => JSON.stringify(value, (_key, item) => (typeof item === 'string' ? cleanText(item) : item));

/** Something shaped like an e-mail address, in angle brackets or not. */
const addressLike = /<?[^\s<>@]+@[^\s<>@]+>?/gu;

/**
 * A person's name as others may see it, from the identity provider's `name` claim: cleaned as every text, without any
 * e-mail address in it (some providers give the address as the name, or "Name <address>"), its spaces collapsed; null
 * when nothing is left. An address is shown to nobody but its owner.
 */
export function personName(claim: string): string | null {
  return normaliseText(cleanText(claim).replace(addressLike, ' ')).replace(/\s+/gu, ' ') || null;
}

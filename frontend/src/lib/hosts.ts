// The host an outgoing link leads to, as a person should read it next to the link: in its own script when it is
// written in one, in punycode when it mixes scripts (where "аpple.com", with a Cyrillic "а", hides).
import { toUnicode } from 'punycode/punycode.es6.js';

// Scripts a host may use one at a time; Chinese, Japanese and Korean write theirs with Han characters beside their own.
const scripts = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Arabic', 'Hebrew', 'Thai', 'Lao', 'Khmer', 'Devanagari', 'Bengali', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Gujarati', 'Gurmukhi', 'Sinhala', 'Ethiopic', 'Hangul', 'Hiragana', 'Katakana', 'Han', 'Bopomofo'];
const families: Record<string, string> = { Han: 'CJK', Hiragana: 'CJK', Katakana: 'CJK', Hangul: 'CJK', Bopomofo: 'CJK' };
const scriptOf = scripts.map((name) => ({ name: families[name] ?? name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The scripts of a text's letters (a letter of a script not listed counts as a script of its own). */
function scriptsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const character of text) {
    if (!/\p{L}/u.test(character)) continue;
    found.add(scriptOf.find(({ pattern }) => pattern.test(character))?.name ?? character);
  }
  return found;
}

/** The host of an https address to show beside its link, or undefined when the address is not one to link to. */
export function hostOf(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const unicode = toUnicode(url.hostname);
  return scriptsIn(unicode).size > 1 ? url.hostname : unicode;
}

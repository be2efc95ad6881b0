import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpsUrl, line, text, writtenAddress } from './common.ts';
import { hostileText } from '../../tests/support/arbitraries.ts';
import { cleanStrings, cleanText, forbiddenCharacter, personName } from './text.ts';

/** One code point of each kind no text may hold. */
const forbiddenSamples = {
  'a C0 control': '\u0000',
  'a form feed': '\u000c',
  'an escape': '\u001b',
  DEL: '\u007f',
  'a C1 control': '\u0085',
  'a right-to-left override': '\u202e',
  'a left-to-right embedding': '\u202a',
  'a first-strong isolate': '\u2068',
  'U+FFFE': '\ufffe',
  'U+FFFF': '\uffff',
  'U+FDD0': '\ufdd0',
  'U+1FFFF': '\u{1ffff}',
  'U+10FFFE': '\u{10fffe}',
  'a lone high surrogate': '\ud800',
  'a lone low surrogate': '\udfff',
};

const wellFormed = (value: string) => value.isWellFormed() && forbiddenCharacter(value) === undefined;

describe('the code points text may hold', () => {
  it.each(Object.entries(forbiddenSamples))('refuses %s in every text field, naming it', (_, character) => {
    for (const schema of [text(1, 100), line(1, 100)]) {
      const result = schema.safeParse(`Budget ${character} 2027`);
      expect(result.success).toBe(false);
      const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(result.error!.issues[0].message).toContain(`U+${code}`);
    }
  });

  it('keeps tabs and line breaks in multi-line text, as line feeds, and refuses them in a line', () => {
    expect(text(1, 100).parse('one\r\ntwo\rthree\u2028four\u2029five\tsix')).toBe('one\ntwo\nthree\nfour\nfive\tsix');
    for (const value of ['one\ntwo', 'one\r\ntwo', 'one\ttwo', 'one\u2028two']) expect(line(1, 100).safeParse(value).success).toBe(false);
  });

  it('keeps right-to-left marks, which right-to-left text needs', () => {
    expect(line(1, 100).parse('\u200fمرحبا\u200e 2027')).toBe('\u200fمرحبا\u200e 2027');
  });

  it('stores what it accepts composed (NFC) and trimmed', () => {
    expect(line(1, 100).parse('  Cafe\u0301  ')).toBe('Café');
  });

  it('accepts, from any string, only text that every writer can write as it is', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        for (const schema of [text(0, 100), line(0, 100)]) {
          const result = schema.safeParse(value);
          if (result.success) {
            expect(wellFormed(result.data)).toBe(true);
            expect(cleanText(result.data)).toBe(result.data);
            expect(result.data).not.toContain('\r');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleaning what a writer writes', () => {
  it('leaves nothing text may not hold, changes nothing twice, and leaves valid text as it is', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const cleaned = cleanText(value);
        expect(wellFormed(cleaned)).toBe(true);
        expect(cleaned).not.toMatch(/[\r\u2028\u2029]/);
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
      { numRuns: 2000 },
    );
    const ordinary = fc.string({ unit: 'grapheme' }).filter((value) => forbiddenCharacter(value) === undefined && !/[\r\u2028\u2029]/.test(value));
    fc.assert(
      fc.property(ordinary, (value) => {
        expect(cleanText(value)).toBe(value);
      }),
    );
  });

  it('replaces half characters with U+FFFD and drops the rest', () => {
    expect(cleanText('a\ud800b\u202ec\u0000d\ufffe\r\ne')).toBe('a\ufffdbcd\ne');
  });

  it('cleans every string of a record, however deep', () => {
    expect(cleanStrings({ title: 'x\uffff', links: ['https://example.org/\u0000'], n: 3, hidden: null, nested: { a: ['\ud800'] } })).toEqual({
      title: 'x',
      links: ['https://example.org/'],
      n: 3,
      hidden: null,
      nested: { a: ['\ufffd'] },
    });
  });
});

describe('web addresses', () => {
  const refused = {
    'a NUL': 'https://example.org/\u0000',
    'a tab inside the host': 'https://exa\tmple.org/',
    'a line break': 'https://example.org/\npath',
    'a space': 'https://example.org/a b',
    'a lone surrogate': 'https://example.org/\ud800',
    'a right-to-left override': 'https://example.org/\u202egro.elpmaxe',
    'a backslash before "@"': 'https://evil.com\\@example.org/',
    'a user name and password': 'https://user:secret@example.org/',
    'an empty user name': 'https://@example.org/',
    'no slashes after the scheme': 'https:example.org',
    'plain http': 'http://example.org/',
    'another scheme': 'javascript:alert(1)',
    'an IPv4 address': 'https://192.168.1.1/',
    'an IPv4 address in hexadecimal': 'https://0x7f.1/',
    'an IPv6 address': 'https://[::1]/',
    'a local name': 'https://intranet/',
    'an address over 2000 characters': `https://example.org/${'a'.repeat(2000)}`,
    'an address that grows over 2000 characters written out': `https://example.org/${'é'.repeat(400)}`,
  };

  it.each(Object.entries(refused))('refuses %s', (_, address) => {
    expect(httpsUrl.safeParse(address).success).toBe(false);
  });

  it('stores an address written out as browsers write it', () => {
    expect(httpsUrl.parse('HTTPS://Example.ORG:443/a b'.replace(' ', '%20'))).toBe('https://example.org/a%20b');
    expect(httpsUrl.parse('https://аррӏе.com/путь')).toBe('https://xn--80ak6aa92e.com/%D0%BF%D1%83%D1%82%D1%8C');
    expect(httpsUrl.parse('https://example.org')).toBe('https://example.org/');
  });

  it('accepts, from any string, only https addresses of a domain, written out, that read the same again', () => {
    const hostileAddress = fc.oneof(
      fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl({ validSchemes: ['https'] }), hostileText).map(([address, junk]) => address + junk),
      fc.tuple(hostileText, fc.webUrl({ validSchemes: ['https'] })).map(([junk, address]) => `https://${junk}@${address.slice('https://'.length)}`),
      hostileText.map((junk) => `https://${junk}.org/`),
    );
    fc.assert(
      fc.property(hostileAddress, (value) => {
        const result = httpsUrl.safeParse(value);
        if (!result.success) return;
        const address = new URL(result.data);
        expect(address.href).toBe(result.data);
        expect(address.protocol).toBe('https:');
        expect(address.username + address.password).toBe('');
        expect(address.hostname).toMatch(/\.[a-z]|\.xn--/);
        expect(result.data).toMatch(/^[\x21-\x7e]+$/);
        expect(httpsUrl.parse(result.data)).toBe(result.data);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('addresses stored before the rules', () => {
  it('read as the rules would have stored them', () => {
    for (const [stored, written] of [
      ['https://evil.com\\@example.org/', 'https://evil.com/@example.org/'],
      ['https://user:secret@example.org/a', 'https://example.org/a'],
      ['https:example.org', 'https://example.org/'],
      ['https://example.org/\u0000path\u202e', 'https://example.org/path'],
      ['https://аррӏе.com/', 'https://xn--80ak6aa92e.com/'],
    ]) {
      expect(writtenAddress(stored)).toBe(written);
      expect(httpsUrl.parse(writtenAddress(stored))).toBe(written);
    }
  });
});

describe('a person’s name as others see it', () => {
  it('leaves out any e-mail address the identity provider gave in it', () => {
    expect(personName('Ada Lovelace')).toBe('Ada Lovelace');
    expect(personName('ada@example.org')).toBeNull();
    expect(personName('Ada Lovelace <ada@example.org>')).toBe('Ada Lovelace');
    expect(personName('  Ada\u0000  (ada.l@lab.example.org)  ')).toBe('Ada');
  });

  it('never holds an address, whatever surrounds it', () => {
    fc.assert(
      fc.property(hostileText, fc.emailAddress(), hostileText, (before, address, after) => {
        const name = personName(`${before}${address} ${after}`);
        expect(name ?? '').not.toContain(address);
        expect(name ?? '').not.toMatch(/[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+/u);
        if (name !== null) expect(forbiddenCharacter(name)).toBeUndefined();
      }),
    );
  });
});

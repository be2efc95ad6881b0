// punycode.js ships no types; the site uses one function of its ES module (Node's own `punycode` is deprecated and absent from browsers).
declare module 'punycode/punycode.es6.js' {
  /** A domain name with its punycode labels (xn--…) written in Unicode. */
  export function toUnicode(domain: string): string;
}

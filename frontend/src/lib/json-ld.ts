// schema.org descriptions of a page's subject, as a JSON-LD script element (a data block: no script runs).
export function jsonLd(data: Record<string, unknown>): string {
  // "<" escaped, so no value can close the element early.
  const json = JSON.stringify({ '@context': 'https://schema.org', ...data }).replaceAll('<', '\\u003c');
  return `<script type="application/ld+json">${json}</script>`;
}

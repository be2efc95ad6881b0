import type { Handle } from '@sveltejs/kit/hooks';

// The page's language is its path prefix: /fr for French, none for English.
export const handle: Handle = ({ event, resolve }) => {
  const lang = event.params.lang === 'fr' ? 'fr' : 'en';
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

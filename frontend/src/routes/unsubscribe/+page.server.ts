// The page an e-mail's unsubscribe link opens, without signing in: what the link turns off, a button that does it
// (a GET never does: mail scanners follow links), and what was done. Mail clients unsubscribe in one click through the
// API itself (the mail's List-Unsubscribe header).
import { fail, isHttpError } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (url: URL) => ({ token: url.searchParams.get('token') ?? '' });

// It tells of one person's settings: kept by no cache.
const unkept = { 'cache-control': 'private, no-store' };

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  setHeaders(unkept);
  try {
    return { unsubscription: await locals.api.read('GET /v1/unsubscribe', { query: tokenOf(url) }) };
  } catch (error) {
    // A link that has expired, or that the platform did not make: the page says so.
    if (isHttpError(error, 400)) return { unsubscription: null };
    throw error;
  }
};

export const actions: Actions = {
  // The page's load, run after it, says no cache may keep the answer.
  default: async ({ locals, url }) => {
    const outcome = await locals.api.change('POST /v1/unsubscribe', { query: tokenOf(url), body: { 'List-Unsubscribe': 'One-Click' } });
    return outcome.ok ? { done: outcome.value } : fail(400, { invalid: true });
  },
};

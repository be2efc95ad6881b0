import type { LayoutServerLoad } from './$types';

// Only the name reaches the page: the access token stays on the server.
export const load: LayoutServerLoad = ({ locals }) => ({
  person: locals.session ? { name: locals.session.name, steward: locals.session.steward } : null,
});

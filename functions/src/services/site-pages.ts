// Addresses of the site's pages, for what the API publishes to be read elsewhere (calendars, exports, feeds).
export const sitePage = (path: string) => `${process.env.SITE_URL ?? 'http://localhost:3000'}${path}`;

export const contributionPage = (action: string, id: string) => sitePage(`/actions/${action}/contributions/${id}`);
export const agendaItemPage = (action: string, id: string) => sitePage(`/actions/${action}/agenda/${id}`);

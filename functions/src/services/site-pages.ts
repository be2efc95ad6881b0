// Addresses of the site's pages, for what the API publishes to be read elsewhere (calendars, exports, feeds).
export const sitePage = (path: string) => `${process.env.SITE_URL ?? 'http://localhost:3000'}${path}`;

export const contributionPage = (action: string, id: string) => sitePage(`/actions/${action}/contributions/${id}`);
export const cooperationPage = (action: string, id: string) => sitePage(`/actions/${action}/cooperations/${id}`);
export const agendaItemPage = (action: string, id: string) => sitePage(`/actions/${action}/agenda/${id}`);

/** Where the API answers publicly: in AWS under the site's own address (CloudFront sends /v1 to it); on one machine, its own port. */
export const apiAddress = (path: string) => `${process.env.API_URL ?? sitePage('')}${path}`;

// How long shared caches (CloudFront) may keep a page that is the same for everyone; browsers check again each time.
export const sharedPage = { 'cache-control': 'public, max-age=0, s-maxage=60' };

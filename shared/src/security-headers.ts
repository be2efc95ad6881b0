// The security headers every answer of the platform carries: in AWS, CloudFront's response headers policy adds them;
// on one machine, the site's server, the API gateway and the identity provider add the same (no Node-only import here:
// the CDK app and the servers both read it).

/** HTTPS for two years, subdomains too, fit for the browsers' preload list. Sent over https only (browsers ignore it over http). */
export const strictTransportSecurity = { maxAgeSeconds: 2 * 365 * 24 * 3600, includeSubDomains: true, preload: true } as const;

/** Powerful features the platform never uses, off for its pages and anything they embed. */
export const permissionsPolicy = 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** The policy for answers that bring none of their own (the site's pages bring theirs, with the hashes of their scripts). */
export const fallbackContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The headers as they are written, for a server that adds them itself; `https` when it is reached over https. */
export function securityHeaders(https: boolean): Record<string, string> {
  const { maxAgeSeconds, includeSubDomains, preload } = strictTransportSecurity;
  return {
    ...(https ? { 'strict-transport-security': `max-age=${maxAgeSeconds}${includeSubDomains ? '; includeSubDomains' : ''}${preload ? '; preload' : ''}` } : {}),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': permissionsPolicy,
  };
}

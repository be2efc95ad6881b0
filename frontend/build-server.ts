// Serves the production build over plain http on this machine. adapter-node takes every request for
// https unless a header says otherwise (in AWS, CloudFront's does); here this server says it, and adds the security
// headers CloudFront adds in AWS (the fallback policy only where a page brings none of its own).
import { createServer, type RequestListener } from 'node:http';
import { fallbackContentSecurityPolicy, securityHeaders } from '@collective-actions/shared/security-headers';

const built = new URL('./build/handler.js', import.meta.url).href;
const { handler } = (await import(built)) as { handler: RequestListener };

createServer((request, response) => {
  request.headers['x-forwarded-proto'] = 'http';
  for (const [name, value] of Object.entries(securityHeaders(false))) response.setHeader(name, value);
  // Set first, so that a page's own policy replaces it.
  response.setHeader('content-security-policy', fallbackContentSecurityPolicy);
  handler(request, response);
}).listen(Number(process.env.PORT), process.env.LISTEN_HOST);

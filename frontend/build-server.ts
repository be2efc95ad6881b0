// Serves the production build over plain http on this machine. adapter-node takes every request for
// https unless a header says otherwise (in AWS, CloudFront's does); here this server says it.
import { createServer, type RequestListener } from 'node:http';

const built = new URL('./build/handler.js', import.meta.url).href;
const { handler } = (await import(built)) as { handler: RequestListener };

createServer((request, response) => {
  request.headers['x-forwarded-proto'] = 'http';
  handler(request, response);
}).listen(Number(process.env.PORT));

// Runs a local HTTP server on a port until stopped, on the one address everything local listens on.
import { createServer, type RequestListener } from 'node:http';

/**
 * Where `npm start` and the tests listen: this machine only, unless LISTEN_HOST names another address (0.0.0.0 for
 * every interface). Anyone who can reach it can then sign in as any account, stewards included, and read the table.
 */
export const listenHost = process.env.LISTEN_HOST ?? '127.0.0.1';

export async function serve(listener: RequestListener, port: number): Promise<{ stop: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, listenHost, resolve));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

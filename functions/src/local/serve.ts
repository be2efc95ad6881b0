// Runs a local HTTP server on a port until stopped.
import { createServer, type RequestListener } from 'node:http';

export async function serve(listener: RequestListener, port: number): Promise<{ stop: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

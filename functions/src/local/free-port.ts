// Asks the system for a port nobody listens on.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Free ports for each of the platform's servers (`startPlatform`'s `ports`). */
export const freePlatformPorts = async () => ({
  dynamodb: await freePort(),
  api: await freePort(),
  identity: await freePort(),
  mailSmtp: await freePort(),
  mailWeb: await freePort(),
});

// The site as `cdk deploy` ships it, on one machine: its Lambda asset's own server, started as the Lambda Web Adapter
// starts it (the function's handler script, the template's environment), behind what CloudFront and the HTTP API's
// default route do in front of it: the viewer's host and protocol in the headers the server reads, the security
// headers on every answer, and API Gateway's answer when the function runs past its timeout.
import { spawn } from 'node:child_process';
import { request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fallbackContentSecurityPolicy, securityHeaders } from '@collective-actions/shared/security-headers';
import type { DeployedSite } from './deployed-functions.ts';
import { freePort } from './free-port.ts';
import { serve } from './serve.ts';

// What only the adapter reads (its exec wrapper and readiness check); PORT is where it finds the server, chosen here.
const adapterVariables = new Set(['AWS_LAMBDA_EXEC_WRAPPER', 'AWS_LWA_READINESS_CHECK_PROTOCOL', 'PORT']);

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    }).once('error', () => resolve(false));
  });
}

export async function startDeployedSite({ port, site }: { port: number; site: DeployedSite }): Promise<{ url: string; stop: () => Promise<void> }> {
  const serverPort = await freePort();
  const environment = Object.fromEntries(Object.entries(site.environment).filter(([name]) => !adapterVariables.has(name)));
  const server = spawn(join(site.directory, site.command), [], {
    cwd: site.directory,
    env: {
      ...environment,
      // The runtime's Node: this one. Its heap as large as the function's memory, and only this machine may reach it.
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
      NODE_OPTIONS: `--max-old-space-size=${site.memorySize}`,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stopServer = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
  };
  // The adapter's readiness check: the server accepts connections (AWS_LWA_READINESS_CHECK_PROTOCOL tcp).
  const deadline = Date.now() + 30_000;
  while (!(await listening(serverPort))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      await stopServer();
      throw new Error(`The site's server from ${site.directory} did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const viewerHost = site.environment.HOST_HEADER;
  const viewerProto = site.environment.PROTOCOL_HEADER;
  const front = await serve((request: IncomingMessage, response: ServerResponse) => {
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: serverPort,
        method: request.method,
        path: request.url,
        // CloudFront's viewer-request function (infra/lib/edge.ts) names the address the visitor used; here over http.
        headers: { ...request.headers, [viewerHost]: request.headers.host ?? `localhost:${port}`, [viewerProto]: 'http' },
      },
      (answer) => {
        // CloudFront's response headers policy: its security headers win, but a page's own CSP stays.
        const headers = { 'content-security-policy': fallbackContentSecurityPolicy, ...answer.headers, ...securityHeaders(false) };
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    const timeout = setTimeout(() => upstream.destroy(new Error('The function ran past its timeout')), site.timeoutSeconds * 1000);
    response.once('close', () => clearTimeout(timeout));
    upstream.on('error', () => {
      // What API Gateway answers when the function fails or runs past its timeout.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json', ...securityHeaders(false) });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
    request.pipe(upstream);
  }, port);
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      await front.stop();
      await stopServer();
    },
  };
}

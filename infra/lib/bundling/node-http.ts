// node:http for the functions' bundles (esbuild's alias in PlatformFunction), taken with `require`: imported as an ES
// module, Node builds its facade by reading every export, and one of them loads undici, some 35 ms of every cold start
// for a client (fetch) the functions do not use. Only what the bundled code imports from it is passed on.
import { createRequire } from 'node:module';
import type * as Http from 'node:http';

const http: typeof Http = createRequire(import.meta.url)('node:http');

export const { STATUS_CODES } = http;
// The notifier's mail transport and the SDK's credential provider import the module whole.
export default http;

// The API's structured logger (Powertools): JSON lines with the request id as correlation id, and errors' stack traces
// as the sources read.
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceOrigin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';

// A deployed function is one minified bundle, shipped with its source map. Node's --enable-source-maps would read the
// map at every cold start (some 10 ms); it is read here instead, on the first error logged. From sources (locally, in
// the tests), there is no map, and the stack traces already name the sources.
let sourceMap: { map: SourceMap; bundle: string } | null | undefined;
function bundleSourceMap(bundle: string) {
  if (sourceMap === undefined) {
    try {
      sourceMap = { map: new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))), bundle };
    } catch {
      sourceMap = null;
    }
  }
  return sourceMap;
}

/**
 * A stack trace with each of the bundle's frames as its source map tells: the function's name, the source file
 * (relative to the repository), line and column, as --enable-source-maps writes them. Frames of other files, and every
 * frame when the bundle has no map, stay as they are.
 */
export function sourceStack(stack: string, bundle = fileURLToPath(import.meta.url)): string {
  const found = bundleSourceMap(bundle);
  if (!found) return stack;
  // "    at name (file:///var/task/index.mjs:1:2345)", or without a name and brackets.
  const frame = /^(\s+at )(?:.* \()?(?:file:\/\/)?([^\s()]+):(\d+):(\d+)\)?$/;
  const lines = stack.split('\n');
  const origins = lines.map((line) => {
    const [, at, file, row, column] = frame.exec(line) ?? [];
    const origin = file === found.bundle ? found.map.findOrigin(Number(row), Number(column)) : {};
    return 'fileName' in origin ? { at, ...(origin as SourceOrigin) } : undefined;
  });
  return lines
    .map((line, index) => {
      const origin = origins[index];
      if (!origin) return line;
      // A minified function's name says nothing; its source name is the one its caller's line calls it by.
      const name = origins[index + 1]?.name || '<anonymous>';
      return `${origin.at}${name} (${origin.fileName.replace(/^(\.\.\/)+/, '')}:${origin.lineNumber}:${origin.columnNumber})`;
    })
    .join('\n');
}

/** The error and its causes with their stacks as the sources read, for Powertools to format. */
function withSourceStack(error: Error): Error {
  const { cause } = error;
  const copy = Object.assign(new Error(error.message, { cause: cause instanceof Error ? withSourceStack(cause) : cause }), error);
  copy.name = error.name;
  if (error.stack) copy.stack = sourceStack(error.stack);
  return copy;
}

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'collective-actions-api',
  jsonReplacerFn: (_key, value) => (value instanceof Error ? withSourceStack(value) : value),
});

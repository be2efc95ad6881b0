import { ServiceUnavailable } from '@collective-actions/shared';
import { publicAddress, readSnapshotFile } from '../data/snapshot-store.ts';
import { routeHandler, type Reply } from '../http/route-handler.ts';

export const handler = routeHandler('GET /v1/exports/{file}', async ({ params }): Promise<Reply> => {
  // In AWS the files are served from CloudFront, as they outgrow what a function may answer.
  const address = publicAddress(params.file);
  if (address) return { statusCode: 302, headers: { location: address } };
  const file = await readSnapshotFile(params.file);
  if (!file || file === 'unchanged') throw new ServiceUnavailable('The open data is being prepared: try again in a few seconds.', 5);
  const csv = params.file.endsWith('.csv');
  return {
    statusCode: 200,
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
      ...(csv ? { 'content-disposition': `attachment; filename="collective-actions-${params.file}"` } : {}),
      'last-modified': file.modified.toUTCString(),
    },
    body: file.body,
  };
});

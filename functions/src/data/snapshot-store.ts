// Where the open-data snapshot lives: a directory on one machine; in AWS an S3 bucket, read through CloudFront.
// SNAPSHOT_URL is where readers find the files (file:///…/ or https://…/); the builder writes there, or to
// SNAPSHOT_BUCKET when it is set (the bucket behind that https address).
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { publicCacheSeconds } from '@collective-actions/shared/api-policy';

export interface SnapshotFile {
  name: string;
  body: string;
  contentType: string;
}

const base = () => {
  const url = process.env.SNAPSHOT_URL;
  if (!url) throw new Error('SNAPSHOT_URL must say where the open-data snapshot is');
  return new URL(url.endsWith('/') ? url : `${url}/`);
};

/** The snapshot's files are served from their own address (CloudFront): readers are sent there. */
export const publicAddress = (name: string): string | undefined => {
  const url = base();
  return url.protocol === 'https:' ? new URL(name, url).href : undefined;
};

let s3: S3Client | undefined;

export async function writeSnapshot(files: SnapshotFile[]): Promise<void> {
  const bucket = process.env.SNAPSHOT_BUCKET;
  if (bucket) {
    // Imported here, by the builder only: the routes that read the snapshot never load the S3 client.
    const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
    s3 ??= new S3Client({});
    // The descriptor last: it says when the snapshot was built, so readers waiting for one see it complete.
    for (const file of files) {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: `open-data/${file.name}`, Body: file.body, ContentType: file.contentType, CacheControl: `public, max-age=${publicCacheSeconds}` }),
      );
    }
    return;
  }
  const directory = fileURLToPath(base());
  await mkdir(directory, { recursive: true });
  for (const file of files) {
    // Written aside, then renamed: a reader sees the old file or the new one, never half of one.
    const path = `${directory}${file.name}`;
    await writeFile(`${path}.partial`, file.body);
    await rename(`${path}.partial`, path);
  }
}

/** A file of the snapshot and when it was written, unless it is the version the caller already has (`tag`); undefined before the first build. */
export async function readSnapshotFile(name: string, tag?: string): Promise<{ body: string; tag: string; modified: Date } | 'unchanged' | undefined> {
  const url = new URL(name, base());
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    const found = await stat(path).catch(() => undefined);
    if (!found) return undefined;
    const current = `${found.mtimeMs}-${found.size}`;
    return current === tag ? 'unchanged' : { body: await readFile(path, 'utf8'), tag: current, modified: found.mtime };
  }
  const reply = await fetch(url, { headers: tag ? { 'if-none-match': tag } : {} });
  if (reply.status === 304) return 'unchanged';
  if (reply.status === 404 || reply.status === 403) return undefined;
  if (!reply.ok) throw new Error(`The snapshot file ${name} answered ${reply.status}`);
  return { body: await reply.text(), tag: reply.headers.get('etag') ?? '', modified: new Date(reply.headers.get('last-modified') ?? Date.now()) };
}

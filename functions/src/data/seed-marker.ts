// Which version of the demo data the table holds, so that a start loads what is missing and nothing twice.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documents, tableName } from './client.ts';
import { keys } from './keys.ts';
import { getItem } from './toolkit.ts';

export async function getSeedVersion(): Promise<number | undefined> {
  return (await getItem(keys.seedMarker, true))?.version;
}

export async function putSeedVersion(version: number, now: string): Promise<void> {
  await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.seedMarker, version, seededAt: now } }));
}

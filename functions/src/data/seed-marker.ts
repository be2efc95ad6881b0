// Which version of the demo data the table holds, so that a start loads what is missing and nothing twice.
import { dynamo, tableName } from './client.ts';
import { keys } from './keys.ts';
import { getItem } from './toolkit.ts';

export async function getSeedVersion(): Promise<number | undefined> {
  return (await getItem(keys.seedMarker, true))?.version;
}

export async function putSeedVersion(version: number, now: string): Promise<void> {
  await dynamo.put({ TableName: tableName, Item: { ...keys.seedMarker, version, seededAt: now } });
}

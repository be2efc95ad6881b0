// Contributions as the API stores them, written straight to the table with batch writes: what the growth benchmarks
// load. Import it after AWS_ENDPOINT_URL_DYNAMODB and TABLE_NAME are set (the data client reads them once).
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { ContributionKind, OfferType, Organisation, Region } from '@collective-actions/shared';
import { tableName } from '@collective-actions/functions/data/client.ts';
import { documents } from '@collective-actions/functions/local/sdk-clients.ts';
import { keys } from '@collective-actions/functions/data/keys.ts';

export interface Generated {
  /** Half of the contributions go to this action (a campaign), the rest over all of them. */
  campaign: string;
  actions: string[];
  organisations: Organisation[];
  /** What the n-th contribution says, and when it was published; an offer of data anywhere unless told. */
  content: (n: number) => { title: string; text: string; language: string; at: string; kind?: ContributionKind; offers?: OfferType[]; region?: Region | null };
}

/** Writes contributions `offset` to `offset + count - 1`, 16 batches of 25 at a time; answers their ids and actions. */
export async function loadContributions(count: number, offset: number, generated: Generated): Promise<Array<{ id: string; action: string }>> {
  const written: Array<{ id: string; action: string }> = [];
  const writes: Array<Promise<unknown>> = [];
  for (let start = 0; start < count; start += 25) {
    const items = Array.from({ length: Math.min(25, count - start) }, (_, index) => {
      const n = offset + start + index;
      const action = n % 2 === 0 ? generated.campaign : generated.actions[n % generated.actions.length];
      const organisation = generated.organisations[n % generated.organisations.length];
      const { title, text, language, at, kind = 'offer', offers = ['data'], region = null } = generated.content(n);
      const id = ulid();
      written.push({ id, action });
      return {
        PutRequest: {
          Item: {
            ...keys.contribution(action, id),
            ...keys.contributionListing(action, id, organisation.kind, organisation.country, at),
            ...keys.contributionOwner(organisation.id, id, action),
            id,
            action,
            organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, country: organisation.country },
            kind,
            offers,
            title,
            text,
            links: ['https://example.org/'],
            language,
            region,
            deadline: null,
            status: 'published',
            version: 1,
            createdAt: at,
            updatedAt: at,
            authorId: 'bench',
          },
        },
      };
    });
    writes.push(documents.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } })));
    if (writes.length === 16) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return written;
}

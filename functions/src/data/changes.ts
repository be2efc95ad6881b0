// The change feed's index: public contributions, agenda items, coalition events and agreed cooperations, newest first
// across the platform.
import type { Change } from '@collective-actions/shared';
import { toAgendaItem } from './agenda.ts';
import { toEvent } from './coalitions.ts';
import { keys } from './keys.ts';
import { publicContribution, toContribution } from './contributions.ts';
import { publicCooperation, toCooperation } from './cooperations.ts';
import { sortKeyOf } from './table.ts';
import { queryIndexBetween, queryPage } from './toolkit.ts';

function changeOf(item: Record<string, any>): Change {
  const sortKey = sortKeyOf(item);
  if (sortKey.startsWith(keys.contributionPrefix)) return { type: 'contribution', contribution: publicContribution(toContribution(item)) };
  if (sortKey.startsWith(keys.agendaItemPrefix)) return { type: 'agenda-item', agendaItem: toAgendaItem(item) };
  if (sortKey.startsWith(keys.cooperationPrefix)) return { type: 'cooperation', cooperation: publicCooperation(toCooperation(item)) };
  return { type: 'membership', membership: toEvent(item) };
}

export async function listChanges(page: { cursor?: string; limit: number }): Promise<{ items: Change[]; next: string | null }> {
  const found = await queryPage({
    ...keys.changes,
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#(CONTRIBUTION|AGENDA|HISTORY|COOPERATION)#[0-9A-HJKMNP-TV-Z]{26}#[a-z0-9-]{1,80}$/,
    tableKeyAt: keys.changeAt,
    newestFirst: true,
  });
  return { items: found.items.map(changeOf), next: found.next };
}

/** The contributions published from an instant until another (not included) and still public, oldest first. */
export async function contributionsPublishedBetween(from: string, until: string): Promise<Array<{ action: string; id: string }>> {
  // An entry's sort key begins with its instant: one at `until` sorts after `until` itself, and is left out.
  return (await queryIndexBetween(keys.changes, from, until))
    .filter((item) => sortKeyOf(item).startsWith(keys.contributionPrefix))
    .map((item) => ({ action: item.action, id: item.id }));
}

// The open-data snapshot is rebuilt for writes to the partitions of what it publishes, and for no other.
import { describe, expect, it } from 'vitest';
import { keys } from './keys.ts';
import { tableDefinition } from './table.ts';

const published = (key: { PK: string }) => keys.publishedPartitionPrefixes.some((prefix) => key.PK.startsWith(prefix));

describe('the partitions of what is published', () => {
  it('hold every record the snapshot reads: actions and what they hold, themes, organisations', () => {
    const read = [
      keys.action('a'),
      keys.contribution('a', 'c'),
      keys.coalitionMember('a', 'o'),
      keys.membershipEvent('a', 'h'),
      keys.agendaItem('a', 'i'),
      keys.cooperation('a', 'c'),
      keys.progressUpdate('a', 'c', 'u'),
      keys.theme('t'),
      keys.organisation('o'),
    ];
    expect(read.filter((key) => !published(key))).toEqual([]);
  });

  it('leave out what people keep to themselves and the platform’s bookkeeping', () => {
    const unpublished = [
      keys.notification('p', 'n'),
      keys.unreadCounter('p'),
      keys.follow(keys.followed.action('a'), 'p'),
      keys.followerCounter(keys.followed.theme('t')),
      keys.personSettings('p'),
      keys.queuedMail('e', 'p'),
      keys.digestItem('p', 'daily', 'at', 'e'),
      keys.digest('p', 'daily'),
      keys.outboxEvent('e'),
      // A cooperation's thread is its two organisations' alone.
      keys.threadMessage('c', 'm'),
      keys.block('o', 'p'),
      keys.remindersWritten,
      keys.suppressedAddress('someone@example.org'),
      keys.throttleBucket('p'),
      keys.revokedToken('t'),
      { PK: tableDefinition.idempotencyPartition },
    ];
    expect(unpublished.filter(published)).toEqual([]);
  });
});

// Reports: a message of a cooperation's thread, reported to the platform's stewards by the other side. The report keeps
// the message as it was reported, in a partition nothing published reads; the stewards' queue lists it by status.
import type { MessageReport, OrganisationSummary, ReportReason, ReportStatus } from '@collective-actions/shared';
import { Conflict } from '@collective-actions/shared';
import { tableName } from './client.ts';
import type { StoredMessage } from './cooperations.ts';
import { keys } from './keys.ts';
import { outboxItem } from './notifications.ts';
import { itemExists, itemIsNew } from './table.ts';
import { getItem, queryPage, transactWrite, type Item } from './toolkit.ts';

/** A report as stored: who reported it and who decided are kept, and shown to nobody. */
export type StoredReport = MessageReport & { reporterId: string; decidedBy: string | null };

const toReport = (item: Item): StoredReport => ({
  id: item.id,
  action: item.action,
  cooperation: item.cooperation,
  message: item.message,
  reason: item.reason,
  note: item.note ?? null,
  reportedBy: item.reportedBy,
  reporterId: item.reporterId,
  reportedAt: item.reportedAt,
  status: item.status,
  decidedAt: item.decidedAt ?? null,
  decidedBy: item.decidedBy ?? null,
  decisionNote: item.decisionNote ?? null,
});

export const publicReport = ({ reporterId: _, decidedBy: __, ...report }: StoredReport): MessageReport => report;

export async function getReport(id: string): Promise<StoredReport | undefined> {
  const item = await getItem(keys.messageReport(id), true);
  return item && toReport(item);
}

const alreadyReported = () => new Conflict('This message was reported already: the platform’s stewards decide once on it.');

/**
 * Reports a message, in one transaction: the report, in the stewards' queue; the mark on the message (which its author
 * can no longer change); the stewards' notification. A message is reported once.
 */
export async function createReport(
  message: StoredMessage,
  about: Pick<MessageReport, 'action' | 'cooperation'>,
  by: { organisation: OrganisationSummary; personId: string },
  reason: ReportReason,
  note: string | null,
  now: string,
): Promise<StoredReport> {
  const report: StoredReport = {
    id: message.id,
    ...about,
    message: { organisation: message.organisation, authorName: message.authorName, text: message.text, at: message.at },
    reason,
    note,
    reportedBy: by.organisation,
    reporterId: by.personId,
    reportedAt: now,
    status: 'open',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
  };
  await transactWrite(
    [
      { Put: { TableName: tableName, Item: { ...keys.messageReport(report.id), ...keys.reportListing('open', now, report.id), ...report }, ConditionExpression: itemIsNew } },
      {
        Update: {
          TableName: tableName,
          Key: keys.threadMessage(message.cooperation, message.id),
          UpdateExpression: 'SET reportedBy = :by, #report = :open',
          ConditionExpression: `${itemExists} AND attribute_not_exists(reportedBy)`,
          ExpressionAttributeNames: { '#report': 'report' },
          ExpressionAttributeValues: { ':by': by.organisation.id, ':open': 'open' },
        },
      },
      outboxItem({ kind: 'message-reported', at: now, actor: by.personId, people: [], action: about.action, organisation: message.organisation, report: { id: report.id, reason } }),
    ],
    [alreadyReported, alreadyReported],
  );
  return report;
}

/** A steward's decision on an open report, in one transaction with the message's mark: hidden, or left as it is. */
export async function decide(report: StoredReport, status: Exclude<ReportStatus, 'open'>, stewardId: string, note: string | null, now: string): Promise<StoredReport> {
  const decided: StoredReport = { ...report, status, decidedAt: now, decidedBy: stewardId, decisionNote: note };
  await transactWrite(
    [
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.messageReport(report.id), ...keys.reportListing(status, now, report.id), ...decided },
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: keys.threadMessage(report.cooperation.id, report.id),
          UpdateExpression: status === 'hidden' ? 'SET #report = :status, hiddenAt = :now' : 'SET #report = :status',
          ConditionExpression: itemExists,
          ExpressionAttributeNames: { '#report': 'report' },
          ExpressionAttributeValues: { ':status': status, ...(status === 'hidden' ? { ':now': now } : {}) },
        },
      },
    ],
    [() => new Conflict('A steward decided on this report already.')],
  );
  return decided;
}

/** The stewards' queue of one status: open reports oldest first, decided ones newest first. */
export async function listReports(status: ReportStatus, page: { cursor?: string; limit: number }) {
  const { items, next } = await queryPage({
    ...keys.reports(status),
    limit: page.limit,
    cursor: page.cursor,
    cursorPattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9A-HJKMNP-TV-Z]{26}$/,
    tableKeyAt: keys.reportAt,
    newestFirst: status !== 'open',
  });
  return { items: items.map(toReport), next };
}

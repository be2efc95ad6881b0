// The stewards' queue of reported messages: each shows the message as it was reported, and nothing else of its thread;
// a steward hides the message from its thread, or dismisses the report.
import { NotFound, type MessageReport, type ReportDecision, type ReportPage, type ReportsQuery } from '@collective-actions/shared';
import * as reports from '../data/reports.ts';
import { authorise } from './authorisation.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export async function listReports(caller: Caller, { status, ...page }: ReportsQuery): Promise<ReportPage> {
  await authorise(caller, 'list-reports');
  const { items, next } = await reports.listReports(status, page);
  return { items: items.map(reports.publicReport), next };
}

/** A steward decides on an open report: the message is hidden from both organisations, or left as it is. */
export async function decideReport(caller: Caller, id: string, { decision, note }: ReportDecision): Promise<MessageReport> {
  await authorise(caller, 'decide-report');
  const report = await reports.getReport(id);
  if (!report) throw new NotFound(`There is no report ${id}.`);
  const status = decision === 'hide' ? 'hidden' : 'dismissed';
  // The same decision again (a form sent twice) changes nothing; a different one gets 409.
  if (report.status === status) return reports.publicReport(report);
  return reports.publicReport(await reports.decide(report, status, caller.id, note || null, now()));
}

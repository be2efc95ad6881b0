// Notifications: the notifier delivers each event a change wrote to the outbox, from the table's stream, to the inboxes
// of the people concerned; a batch it cannot deliver after its retries goes to a dead-letter queue, and an alarm says so.
// Every hour, EventBridge Scheduler runs the digest sender; every quarter of an hour, the reminder writer; every hour, the match notice writer.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { tableDefinition } from '@collective-actions/functions/data/table.ts';
import {
  digestRunMinutes,
  digestSenderFunction,
  notifierFunction,
  matchNoticeRunMinutes,
  matchNoticeWriterFunction,
  reminderRunMinutes,
  reminderWriterFunction,
  type Deployment,
} from '@collective-actions/functions/function-definitions.ts';
import type { Alarms } from './alarms.ts';
import type { Mail } from './mail.ts';
import { nagArn, PlatformFunction } from './platform-function.ts';

export class Notifications extends Construct {
  constructor(scope: Construct, id: string, { table, deployment, alarms, mail }: { table: ITableV2; deployment: Deployment; alarms: Alarms; mail?: Mail }) {
    super(scope, id);
    const definition = notifierFunction(deployment);
    const notifier = new PlatformFunction(this, definition.name, { ...definition, alarms });
    notifier.bindTable(table, 'write');
    mail?.grantSend(notifier.function);
    const undelivered = new Queue(this, 'Undelivered', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(undelivered).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the notifier: it keeps what could not be delivered, for a look and a replay.',
    });
    notifier.function.addEventSource(
      new DynamoEventSource(table, {
        // Events written while the function was being deployed are delivered too.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(undelivered),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { [tableDefinition.sortKey]: { S: FilterRule.isEqual(keys.outboxSortKey) } } },
          }),
        ],
      }),
    );
    const digests = digestSenderFunction(deployment);
    const sender = new PlatformFunction(this, digests.name, { ...digests, alarms });
    sender.bindTable(table, 'write');
    mail?.grantSend(sender.function);
    new Schedule(this, 'DigestSchedule', {
      description: 'Sends the digests whose window has ended',
      schedule: ScheduleExpression.rate(Duration.minutes(digestRunMinutes)),
      // A run that fails is caught up by the next one (services/digest-windows.ts): one more try within the hour at most.
      target: new LambdaInvoke(sender.function, { retryAttempts: 1, maxEventAge: Duration.minutes(digestRunMinutes) }),
    });
    const reminders = reminderWriterFunction(deployment);
    const writer = new PlatformFunction(this, reminders.name, { ...reminders, alarms });
    writer.bindTable(table, 'write');
    new Schedule(this, 'ReminderSchedule', {
      description: 'Writes the reminders of the agenda items that start within a day',
      schedule: ScheduleExpression.rate(Duration.minutes(reminderRunMinutes)),
      // A run that fails is caught up by the next one (services/reminders.ts).
      target: new LambdaInvoke(writer.function, { retryAttempts: 1, maxEventAge: Duration.minutes(reminderRunMinutes) }),
    });
    const matchNotices = matchNoticeWriterFunction(deployment);
    const noticeWriter = new PlatformFunction(this, matchNotices.name, { ...matchNotices, alarms });
    noticeWriter.bindTable(table, 'write');
    new Schedule(this, 'MatchNoticeSchedule', {
      description: 'Writes the notices of the last week’s new matches, until all are written',
      // A week is told from the first run after it ends, over as many runs as it takes (services/match-notices.ts).
      schedule: ScheduleExpression.rate(Duration.minutes(matchNoticeRunMinutes)),
      target: new LambdaInvoke(noticeWriter.function, { retryAttempts: 1, maxEventAge: Duration.minutes(matchNoticeRunMinutes) }),
    });
    for (const invoked of [sender, writer, noticeWriter]) {
      Validations.of(Stack.of(this)).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(invoked.function)}:*]`,
        reason: "The scheduler's role invokes this function, any version of it: that one function only.",
      });
    }
    alarms.add('UndeliveredNotifications', undelivered.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, 'Notifications the notifier could not deliver');
  }
}

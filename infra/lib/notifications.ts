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
  type FunctionDefinition,
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
    // Each job on a schedule: a run that fails is caught up by the next, so one more try within its interval at most.
    const scheduled = (scheduleId: string, definition: FunctionDefinition, minutes: number, description: string) => {
      const job = new PlatformFunction(this, definition.name, { ...definition, alarms });
      job.bindTable(table, 'write');
      new Schedule(this, scheduleId, {
        description,
        schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
        target: new LambdaInvoke(job.function, { retryAttempts: 1, maxEventAge: Duration.minutes(minutes) }),
      });
      Validations.of(Stack.of(this)).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(job.function)}:*]`,
        reason: "The scheduler's role invokes this function, any version of it: that one function only.",
      });
      return job;
    };
    // services/digest-windows.ts
    const sender = scheduled('DigestSchedule', digestSenderFunction(deployment), digestRunMinutes, 'Sends the digests whose window has ended');
    mail?.grantSend(sender.function);
    // services/reminders.ts
    scheduled('ReminderSchedule', reminderWriterFunction(deployment), reminderRunMinutes, 'Writes the reminders of the agenda items that start within a day');
    // A week is told from the first run after it ends, over as many runs as it takes (services/match-notices.ts).
    scheduled('MatchNoticeSchedule', matchNoticeWriterFunction(deployment), matchNoticeRunMinutes, 'Writes the notices of the last week’s new matches, until all are written');
    alarms.add('UndeliveredNotifications', undelivered.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }), 1, 'Notifications the notifier could not deliver');
  }
}

// Alarms, each notifying one topic (and an e-mail address when one is given).
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

const functionsPerAlarm = 5;

export class Alarms extends Construct {
  private readonly topic: Topic;

  constructor(scope: Construct, id: string, email: string | undefined) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Collective Actions alarms', enforceSSL: true });
    if (email) this.topic.addSubscription(new EmailSubscription(email));
  }

  add(id: string, metric: IMetric, threshold: number, description: string): void {
    new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    }).addAlarmAction(new SnsAction(this.topic));
  }

  /** An alarm on a function's errors and throttles together. */
  addFunction(id: string, fn: IFunction): void {
    this.addFunctions(id, [fn]);
  }

  /**
   * Alarms on the errors and throttles of many functions, five to an alarm (an alarm reads at most ten metrics), which
   * keeps the stack within CloudFormation's 500 resources; each alarm's description names its functions. A function
   * not called in a period has no data point: it counts as none, so that another's errors still sound.
   */
  addFunctions(id: string, functions: IFunction[]): void {
    const period = Duration.minutes(5);
    for (let start = 0; start < functions.length; start += functionsPerAlarm) {
      const group = functions.slice(start, start + functionsPerAlarm);
      const usingMetrics = Object.fromEntries(
        group.flatMap((fn, index) => [
          [`errors${index}`, fn.metricErrors({ period })],
          [`throttles${index}`, fn.metricThrottles({ period })],
        ]),
      );
      this.add(
        functions.length > functionsPerAlarm ? `${id}Failures${start / functionsPerAlarm + 1}` : `${id}Failures`,
        new MathExpression({ expression: Object.keys(usingMetrics).map((name) => `FILL(${name}, 0)`).join(' + '), usingMetrics, period }),
        1,
        `${group.map((fn) => fn.node.path).join(', ')}: errors or throttles`,
      );
    }
  }
}

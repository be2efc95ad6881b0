// E-mail in AWS: SES sends as the platform's domain (its identity, with Easy DKIM and a MAIL FROM subdomain, whose DNS
// records docs/deploy.md lists), through a configuration set that reports bounces and complaints to EventBridge; a
// function records them, and the platform e-mails those addresses no more.
import { Arn, Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, ConfigurationSetTlsPolicy, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { mailFeedbackFunction } from '@collective-actions/functions/function-definitions.ts';
import type { Alarms } from './alarms.ts';
import { PlatformFunction } from './platform-function.ts';

export interface MailProps {
  /** Who the platform's e-mail is from ("Collective Actions <notifications@example.org>"): its domain is the identity SES sends as. */
  from: string;
  table: ITableV2;
  alarms: Alarms;
}

/** The domain of an address, given alone or with a name. */
export const domainOf = (from: string) => {
  const domain = (from.match(/<([^>]+)>\s*$/)?.[1] ?? from).split('@')[1]?.trim();
  if (!domain) throw new Error(`The mail sender "${from}" has no domain: give an address, such as notifications@example.org`);
  return domain;
};

export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  private readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, { from, table, alarms }: MailProps) {
    super(scope, id);
    const domain = domainOf(from);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE, reputationMetrics: true });
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(domain), mailFromDomain: `mail.${domain}`, configurationSet: this.configurationSet });

    const definition = mailFeedbackFunction({ tableName: table.tableName });
    const feedback = new PlatformFunction(this, definition.name, { ...definition, alarms });
    feedback.bindTable(table, 'write');
    const bus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('Feedback', { destination: EventDestination.eventBus(bus), events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT] });
    new Rule(this, 'FeedbackRule', {
      description: 'Bounces and complaints of the platform’s e-mail',
      eventBus: bus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(feedback.function, { retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });
  }

  /** Lets a function send as the platform's identity, through its configuration set: nothing more. */
  grantSend(fn: IFunction): void {
    const configurationSetArn = Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }, Stack.of(this));
    fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources: [this.identity.emailIdentityArn, configurationSetArn] }));
  }
}

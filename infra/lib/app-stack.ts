// The stateless stack: the HTTP API (one function per route, from the route table), the site, the open data, the
// notifications, CloudFront in front of them, and the alarms; each a construct of its own.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Operation, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { Edge } from './edge.ts';
import { Mail } from './mail.ts';
import { Notifications } from './notifications.ts';
import { OpenData } from './open-data.ts';
import { Site } from './site.ts';
import type { TokenIssuer } from './token-issuer.ts';

export type { TokenIssuer } from './token-issuer.ts';

export interface AppStackProps extends StackProps {
  table: ITableV2;
  tokens: TokenIssuer;
  /** Who gets the alarms by e-mail, if anyone. */
  alarmEmail?: string;
  /** Who the platform's e-mail is from, sent through SES as that address's domain; no e-mail is sent without it. */
  mailFrom?: string;
}

export class AppStack extends Stack {
  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const alarms = new Alarms(this, 'Alarms', props.alarmEmail);
    const api = new Api(this, 'Api', alarms);
    const site = new Site(this, 'Site', { api, alarms });
    const openData = new OpenData(this, 'OpenData');
    const { siteUrl } = new Edge(this, 'Edge', { apiEndpoint: api.endpoint, siteAssets: site.assets, openData: openData.bucket });

    // Who may call what: the site signs people in with the issuer whose tokens the API's routes accept.
    const audience = site.signInWith(props.tokens, siteUrl);
    const unsubscribeSecret = new Secret(this, 'UnsubscribeSecret', {
      description: 'Signs the unsubscribe links of e-mail',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(unsubscribeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A new key would break the unsubscribe links of every e-mail sent before it; the links expire after 90 days, and a redeploy can replace the secret when needed.',
    });
    const mail = props.mailFrom ? new Mail(this, 'Mail', { from: props.mailFrom, table: props.table, alarms }) : undefined;
    const deployment = {
      tableName: props.table.tableName,
      issuer: props.tokens.issuer,
      audience,
      groupsClaim: props.tokens.kind === 'external' ? props.tokens.groupsClaim : undefined,
      siteUrl,
      openDataUrl: OpenData.urlFor(siteUrl),
      // Resolved by CloudFormation at deploy time (a dynamic reference): in the functions' configuration, never in the template.
      unsubscribeSecret: unsubscribeSecret.secretValue.unsafeUnwrap(),
      mail: mail && { from: props.mailFrom!, configurationSet: mail.configurationSet.configurationSetName },
    };
    openData.buildFrom(props.table, deployment, alarms);
    api.addRouteFunctions(props.table, deployment);
    new Notifications(this, 'Notifications', { table: props.table, deployment, alarms, mail });

    const throttled = props.table.metricThrottledRequestsForOperations({
      // The operations the data modules use (an alarm takes at most ten metrics).
      operations: [Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.TRANSACT_WRITE_ITEMS],
      period: Duration.minutes(5),
    });
    alarms.add('TableThrottles', throttled, 1, 'DynamoDB throttled requests');

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'ApiUrl', { value: api.endpoint });
  }
}

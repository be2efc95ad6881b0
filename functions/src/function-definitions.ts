// What each of the platform's functions is (its code, environment, memory, timeout and table permissions), computed once
// for the CDK stack and the local runner alike, so that what runs on one machine is what deploys.
import { routeKey, unmatchedRouteKey, type Route } from '@collective-actions/shared/routes';
import { tableDefinition } from './data/table.ts';

/** Where a deployment's parts are: CDK tokens in the stack, addresses on this machine locally. */
export interface Deployment {
  tableName: string;
  issuer: string;
  audience: string[];
  /** The access tokens' claim that lists the caller's groups, when it is not Cognito's. */
  groupsClaim?: string;
  siteUrl: string;
  /** Where readers find the open-data snapshot's files. */
  openDataUrl: string;
  /** The key that signs the unsubscribe links of e-mail (and checks them when followed). */
  unsubscribeSecret: string;
  /** Who the platform's e-mail is from, and the SMTP server it goes through (Amazon SES when none is named); no e-mail is sent without it. */
  mail?: { from: string; smtpUrl?: string; /** SES's configuration set, which reports bounces and complaints. */ configurationSet?: string };
}

export interface FunctionDefinition {
  /** Its construct id in the stack. */
  name: string;
  /** The handler module, relative to the repository root. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  memorySize: number;
  timeoutSeconds: number;
  /** What it may do with the table and its indexes; nothing when absent. */
  table?: 'read' | 'write';
}

export const functionDefaults = { memorySize: 1024, timeoutSeconds: 10 };

// Exactly the calls the data modules make; in particular no Scan. Transactions need the actions of their items.
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const tableActions = { read: readActions, write: [...readActions, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] };

/** The one statement of a function's table access: these actions, on the table and each of its indexes. */
export function tableStatement(access: 'read' | 'write', tableArn: string): { actions: string[]; resources: string[] } {
  const indexes = tableDefinition.globalSecondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`);
  return { actions: tableActions[access], resources: [tableArn, ...indexes] };
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

/** A route's function: exactly the environment and table access its route needs. */
export function routeFunction(route: Route, deployment: Deployment): FunctionDefinition {
  const table = route.table === 'none' ? undefined : route.table;
  const snapshot = 'snapshot' in route;
  return {
    name: pascal(route.handler),
    entry: `functions/src/handlers/${route.handler}.ts`,
    description: routeKey(route),
    // Search and matching keep the snapshot's index in memory: a few hundred MB at 100,000 contributions (docs/open-data.md).
    memorySize: snapshot ? 2048 : functionDefaults.memorySize,
    timeoutSeconds: functionDefaults.timeoutSeconds,
    table,
    environment: {
      ALLOWED_ORIGINS: deployment.siteUrl,
      SITE_URL: deployment.siteUrl,
      POWERTOOLS_SERVICE_NAME: 'collective-actions-api',
      ...(deployment.groupsClaim ? { GROUPS_CLAIM: deployment.groupsClaim } : {}),
      // API Gateway's authorizer cannot be optional: these functions check a token themselves, against the same issuer and audience.
      ...(route.access === 'optional' ? { OIDC_ISSUER: deployment.issuer, OIDC_AUDIENCE: deployment.audience.join(',') } : {}),
      ...(snapshot ? { SNAPSHOT_URL: deployment.openDataUrl } : {}),
      ...(table ? { TABLE_NAME: deployment.tableName } : {}),
      ...(route.path === '/v1/unsubscribe' ? { UNSUBSCRIBE_SECRET: deployment.unsubscribeSecret } : {}),
    },
  };
}

/** The function of the catch-all route (`unmatchedRouteKey`): preflights, 404 and 405, with the site's CORS. */
export function unmatchedRouteFunction(deployment: Deployment): FunctionDefinition {
  return {
    name: 'NoRoute',
    entry: 'functions/src/handlers/no-route.ts',
    description: unmatchedRouteKey,
    memorySize: functionDefaults.memorySize,
    timeoutSeconds: functionDefaults.timeoutSeconds,
    environment: { ALLOWED_ORIGINS: deployment.siteUrl, POWERTOOLS_SERVICE_NAME: 'collective-actions-api' },
  };
}

/** The open-data snapshot's builder: reads the table, writes the files to the bucket behind `openDataUrl`. */
export function snapshotBuilderFunction(deployment: Deployment, bucketName: string): FunctionDefinition {
  return {
    name: 'SnapshotBuilder',
    entry: 'functions/src/jobs/build-snapshot.ts',
    description: 'Builds the open-data snapshot: exports, data package, search index',
    memorySize: 2048,
    timeoutSeconds: 300,
    table: 'read',
    environment: {
      SNAPSHOT_BUCKET: bucketName,
      SNAPSHOT_URL: deployment.openDataUrl,
      SITE_URL: deployment.siteUrl,
      POWERTOOLS_SERVICE_NAME: 'collective-actions-open-data',
      TABLE_NAME: deployment.tableName,
    },
  };
}

/** What a function that sends e-mail is told: the site its links lead to, the key of their unsubscribe links, and who sends through what. */
const mailEnvironment = (deployment: Deployment) => ({
  SITE_URL: deployment.siteUrl,
  UNSUBSCRIBE_SECRET: deployment.unsubscribeSecret,
  ...(deployment.mail ? { MAIL_FROM: deployment.mail.from } : {}),
  ...(deployment.mail?.smtpUrl ? { MAIL_SMTP_URL: deployment.mail.smtpUrl } : {}),
  ...(deployment.mail?.configurationSet ? { MAIL_CONFIGURATION_SET: deployment.mail.configurationSet } : {}),
});

/** The notifier: delivers each event of the outbox to the inboxes of the people it concerns, and sends the e-mail queued. */
export function notifierFunction(deployment: Deployment): FunctionDefinition {
  return {
    name: 'Notifier',
    entry: 'functions/src/jobs/notify.ts',
    description: 'Delivers notifications from the outbox to the inboxes of the people concerned',
    memorySize: functionDefaults.memorySize,
    timeoutSeconds: 60,
    table: 'write',
    environment: { POWERTOOLS_SERVICE_NAME: 'collective-actions-notifications', TABLE_NAME: deployment.tableName, ...mailEnvironment(deployment) },
  };
}

/** How often the digests are looked at: each person's is sent at the first run after their window ends. */
export const digestRunMinutes = 60;

/** The digest sender: every hour, each person's daily or weekly digest whose window has ended in their time zone. */
export function digestSenderFunction(deployment: Deployment): FunctionDefinition {
  return {
    name: 'DigestSender',
    entry: 'functions/src/jobs/send-digests.ts',
    description: 'Sends the daily and weekly digests whose window has ended in their reader’s time zone',
    memorySize: functionDefaults.memorySize,
    // A run for 10,000 people takes minutes (docs/benchmarks.md); what one cannot finish, the next catches up.
    timeoutSeconds: 900,
    table: 'write',
    environment: { POWERTOOLS_SERVICE_NAME: 'collective-actions-digests', TABLE_NAME: deployment.tableName, ...mailEnvironment(deployment) },
  };
}

/** How often the reminders are written: each comes between a day and a day less this before its item starts. */
export const reminderRunMinutes = 15;

/** The reminder writer: every quarter of an hour, the reminders of the agenda items that start within a day. */
export function reminderWriterFunction(deployment: Pick<Deployment, 'tableName'>): FunctionDefinition {
  return {
    name: 'ReminderWriter',
    entry: 'functions/src/jobs/send-reminders.ts',
    description: 'Writes the reminders of the agenda items that start within a day, for the notifier to deliver',
    memorySize: functionDefaults.memorySize,
    timeoutSeconds: 60,
    table: 'write',
    environment: { POWERTOOLS_SERVICE_NAME: 'collective-actions-reminders', TABLE_NAME: deployment.tableName },
  };
}

/** How often the match notices are looked at: a week is told from the first run after it ends, over as many as it takes. */
export const matchNoticeRunMinutes = 60;

/** The match notice writer: each week, how many of the week's new contributions could answer each contribution. */
export function matchNoticeWriterFunction(deployment: Pick<Deployment, 'tableName' | 'openDataUrl'>): FunctionDefinition {
  return {
    name: 'MatchNoticeWriter',
    entry: 'functions/src/jobs/write-match-notices.ts',
    description: 'Writes the weekly notices of new matches between offers and requests, for the notifier to deliver',
    // It matches from the snapshot's index, as the matches route does; what a run cannot finish, the next takes up.
    memorySize: 2048,
    timeoutSeconds: 900,
    table: 'write',
    environment: { POWERTOOLS_SERVICE_NAME: 'collective-actions-match-notices', TABLE_NAME: deployment.tableName, SNAPSHOT_URL: deployment.openDataUrl },
  };
}

/** What comes of the e-mail sent, from SES: an address that bounced for good, or whose owner complained, is e-mailed no more. */
export function mailFeedbackFunction(deployment: Pick<Deployment, 'tableName'>): FunctionDefinition {
  return {
    name: 'MailFeedback',
    entry: 'functions/src/jobs/mail-feedback.ts',
    description: "Stops e-mail to the addresses SES reports bounced for good or complained",
    memorySize: functionDefaults.memorySize,
    timeoutSeconds: functionDefaults.timeoutSeconds,
    table: 'write',
    environment: { POWERTOOLS_SERVICE_NAME: 'collective-actions-mail-feedback', TABLE_NAME: deployment.tableName },
  };
}

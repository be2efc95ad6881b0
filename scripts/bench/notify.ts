// Notifications at scale, against DynamoDB Local and MailDev on this machine: one agenda change on an action with N
// followers (10,000 unless told) — the time to fan it out to every inbox, the inbox items written per second, the
// e-mail queued (a tenth of the followers want agenda changes at once) and the notifications set to wait for a digest —
// then the time to send the mail queued, and a daily digest run for the N people. Prints what it would cost in AWS.
//   node scripts/bench/notify.ts [followers]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePlatformPorts } from '@collective-actions/functions/local/free-port.ts';
import { dynamoDbLocalEnvironment } from '@collective-actions/functions/local/dynamodb-local.ts';

const followers = Number(process.argv[2] ?? 10_000);
const ports = await freePlatformPorts();
const directory = await mkdtemp(join(tmpdir(), 'collective-actions-notify-'));
Object.assign(process.env, dynamoDbLocalEnvironment(ports.dynamodb), {
  TABLE_NAME: 'collective-actions-notify',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  SITE_URL: 'https://collective-actions.test',
  UNSUBSCRIBE_SECRET: 'bench',
  MAIL_FROM: 'Collective Actions <notifications@collective-actions.localhost>',
  MAIL_SMTP_URL: `smtp://localhost:${ports.mailSmtp}`,
});

const { startDynamoDbLocal } = await import('@collective-actions/functions/local/dynamodb-local.ts');
const { startMailServer } = await import('@collective-actions/functions/local/mail-server.ts');
const { ensureTable } = await import('@collective-actions/functions/local/bootstrap.ts');
const { seed } = await import('@collective-actions/functions/local/seed.ts');
const { dynamo, tableName } = await import('@collective-actions/functions/data/client.ts');
const { keys } = await import('@collective-actions/functions/data/keys.ts');
const settings = await import('@collective-actions/functions/data/settings.ts');
const { outboxItem } = await import('@collective-actions/functions/data/notifications.ts');
const { queuedPages } = await import('@collective-actions/functions/data/mail.ts');
const { peopleWaiting } = await import('@collective-actions/functions/data/digests.ts');
const { deliverPending } = await import('@collective-actions/functions/services/delivery.ts');
const { sendQueuedMail } = await import('@collective-actions/functions/services/mail.ts');
const { sendDueDigests } = await import('@collective-actions/functions/services/digests.ts');
const { lastBoundary } = await import('@collective-actions/functions/services/digest-windows.ts');

const database = await startDynamoDbLocal({ port: ports.dynamodb, directory: `${directory}/dynamodb` });
const mail = await startMailServer({ smtpPort: ports.mailSmtp, webPort: ports.mailWeb });
const seconds = (start: number) => (performance.now() - start) / 1000;
const slug = 'open-public-procurement';

/** Runs `work` on each of `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(work));
}

try {
  await ensureTable();
  await seed();
  // The seed's own events (its contributions, told to their actions' followers) first: what is measured is one event.
  await deliverPending();
  const now = new Date().toISOString();
  const people = Array.from({ length: followers }, (_, index) => `bench-follower-${index}`);
  let start = performance.now();
  // Each follower signed in with a verified address; a tenth want agenda changes at once, the others take the default (daily).
  await inParallel(people, 50, async (person) => {
    await settings.recordSignIn({ id: person, email: `${person}@bench.localhost`, steward: false }, 'en', now);
    if (Number(person.split('-').at(-1)) % 10 === 0) await settings.changeSettings(person, { emails: { 'agenda-item-changed': 'immediately' } }, now);
  });
  // Their follows as the follow route records them (without the count: the setup is not what is measured).
  const followed = keys.followed.action(slug);
  await inParallel(people, 50, (person) =>
    dynamo.put({ TableName: tableName, Item: { ...keys.follow(followed, person), ...keys.followerListing(followed, person), action: slug, personId: person, following: true, since: now } }),
  );
  console.log(`Setup: ${followers} followers of ${slug}, with their settings, in ${seconds(start).toFixed(1)} s`);

  await dynamo.transactWrite({
    TransactItems: [
      outboxItem({
        kind: 'agenda-item-changed',
        at: now,
        actor: 'bench-lead',
        people: [],
        action: slug,
        agendaItem: { id: '01JBENCH0000000000000000AA', title: 'Coalition call', start: '2027-03-27T11:00', timeZone: 'Europe/Paris', startsAt: '2027-03-27T10:00:00.000Z' },
        changes: ['time'],
      }),
    ],
  });
  start = performance.now();
  const delivered = await deliverPending();
  const fanOut = seconds(start);
  let queued = 0;
  for await (const page of queuedPages()) queued += page.length;
  let waiting = 0;
  for await (const page of peopleWaiting('daily')) waiting += page.length;
  console.log(`Fan-out: ${delivered} inboxes in ${fanOut.toFixed(1)} s (${(delivered / fanOut).toFixed(0)} a second); ${queued} e-mails queued, ${waiting} people waiting for their daily digest`);

  start = performance.now();
  const sentNow = await sendQueuedMail();
  const sending = seconds(start);
  console.log(`Sending the queued mail: ${sentNow.sent} sent, ${sentNow.failed.length} failed, in ${sending.toFixed(1)} s (${(sentNow.sent / sending).toFixed(0)} a second)`);

  const after = new Date(lastBoundary('daily', 'UTC', new Date(Date.now() + 24 * 3600 * 1000)).getTime() + 30 * 60 * 1000);
  start = performance.now();
  const digests = await sendDueDigests(after);
  const digestRun = seconds(start);
  console.log(`Daily digest run: ${digests.sent} sent, ${digests.failed.length} failed, in ${digestRun.toFixed(1)} s (${((digestRun * 1000) / Math.max(1, digests.sent)).toFixed(1)} ms each)`);

  // In AWS, from the list prices in docs/deploy.md; the notifier and the digest sender have 1 GB, arm64.
  const gbSecond = 0.0000133334;
  const fanOutWrites = delivered * 2 * 4; // a transaction of up to 4 items (inbox, counter, and the mail or the digest's two), 2 write units each
  const fanOutReads = delivered * 2 + Math.ceil(delivered / 100); // each recipient's settings and suppression, and the followers' index pages
  const digestWrites = digests.sent * 2 * (3 + 1); // the claim, the record, and a transaction deleting the waiting item
  console.log(
    [
      "Cost in AWS (list prices; this machine's times taken as Lambda's):",
      `  fan-out: Lambda ${(fanOut * gbSecond).toFixed(4)} USD, DynamoDB ${((fanOutWrites * 0.625 + fanOutReads * 0.125) / 1e6).toFixed(4)} USD`,
      `  e-mail at once: SES ${((sentNow.sent / 1000) * 0.1).toFixed(4)} USD, Lambda ${(sending * gbSecond).toFixed(4)} USD`,
      `  daily digests: SES ${((digests.sent / 1000) * 0.1).toFixed(4)} USD, Lambda ${(digestRun * gbSecond).toFixed(4)} USD, DynamoDB ${((digestWrites * 0.625) / 1e6).toFixed(4)} USD`,
    ].join('\n'),
  );
} finally {
  await mail.stop();
  await database.stop();
  await rm(directory, { recursive: true, force: true });
}

// Faults in delivery, against DynamoDB Local and MailDev: the notifier (the platform's own code, in a process of its
// own, on a table of its own) killed in the middle of a fan-out, then the mail server stopped in the middle of the
// sending and started again. After recovery, every follower has the notification once, and its e-mail once.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '@collective-actions/functions/data/keys.ts';
import { freePort } from '@collective-actions/functions/local/free-port.ts';
import { startMailServer } from '@collective-actions/functions/local/mail-server.ts';
import { unique } from '../support/api.ts';
import type { ReceivedMail } from '../support/mail.ts';

const followers = 400;
const script = join(import.meta.dirname, '../support/notifier-process.ts');
const table = unique('collective-actions-fault');
const people = Array.from({ length: followers }, (_, index) => `fault-follower-${index}`);
const client = new DynamoDBClient({});
const db = DynamoDBDocument.from(client);
const [smtpPort, webPort] = [await freePort(), await freePort()];
const mailDirectory = await mkdtemp(join(tmpdir(), 'collective-actions-fault-mail-'));
const environment = {
  ...process.env,
  TABLE_NAME: table,
  MAIL_FROM: 'Collective Actions <notifications@collective-actions.localhost>',
  MAIL_SMTP_URL: `smtp://localhost:${smtpPort}`,
  SITE_URL: 'https://collective-actions.test',
  API_URL: 'https://api.collective-actions.test',
  UNSUBSCRIBE_SECRET: 'fault-test',
};
const running: ChildProcess[] = [];

/** The notifier, running until killed. */
function startNotifier(): ChildProcess {
  const child = spawn(process.execPath, [script, 'run'], { env: environment, stdio: 'ignore' });
  running.push(child);
  return child;
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** How many notifications each follower's inbox holds, by its unread count (read a hundred at a time). */
async function unreadCounts(): Promise<number[]> {
  const counts: number[] = [];
  for (let start = 0; start < people.length; start += 100) {
    const some = people.slice(start, start + 100);
    const answer = await db.batchGet({ RequestItems: { [table]: { Keys: some.map((person) => keys.unreadCounter(person)), ConsistentRead: true } } });
    const byPerson = new Map(answer.Responses![table].map((item) => [item.PK, item.unread as number]));
    counts.push(...some.map((person) => byPerson.get(keys.unreadCounter(person).PK) ?? 0));
  }
  return counts;
}

/** The notifications in one follower's inbox, as the table holds them. */
async function inboxItems(person: string): Promise<number> {
  const { PK, SK } = keys.notification(person, '');
  const answer = await db.query({ TableName: table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': PK, ':sk': SK }, ConsistentRead: true });
  return answer.Count!;
}

async function listed(source: { index: string; partition: string }): Promise<number> {
  const answer = await db.query({ TableName: table, IndexName: source.index, KeyConditionExpression: `${source.index}PK = :pk`, ExpressionAttributeValues: { ':pk': source.partition } });
  return answer.Count!;
}

/** The mails MailDev holds for the followers. */
async function mailReceived(inboxUrl: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${inboxUrl}/api/email`);
  const all = (await response.json()) as ReceivedMail[];
  return all.filter((mail) => mail.to.some((recipient) => recipient.address.startsWith('fault-follower-')));
}

/** Waits until `done` holds of what `ask` answers, looking every 100 ms, for at most `seconds`. */
async function until<T>(ask: () => Promise<T>, done: (answer: T) => boolean, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  for (const child of running) await kill(child);
  await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  await rm(mailDirectory, { recursive: true, force: true });
});

describe('delivery through faults', () => {
  it('tells every follower once, and e-mails them once, after the notifier is killed and the mail server stopped mid-run', { timeout: 180_000 }, async () => {
    await promisify(execFile)(process.execPath, [script, 'setup', String(followers)], { env: environment });
    let mail = await startMailServer({ smtpPort, webPort, directory: mailDirectory });

    // The notifier is killed while it fans the change out: some inboxes have it, not all.
    const first = startNotifier();
    const delivered = (counts: number[]) => counts.filter((count) => count > 0).length;
    const before = delivered(await until(unreadCounts, (counts) => delivered(counts) >= 50, 60));
    await kill(first);
    const atKill = delivered(await unreadCounts());
    expect(before).toBeGreaterThanOrEqual(50);
    expect(atKill).toBeLessThan(followers);

    // Another run takes over; the mail server stops while it sends, and starts again.
    const second = startNotifier();
    const some = await until(() => mailReceived(mail.inboxUrl), (received) => received.length >= 40, 90);
    expect(some.length).toBeGreaterThanOrEqual(40);
    expect(some.length).toBeLessThan(followers);
    await mail.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    mail = await startMailServer({ smtpPort, webPort, directory: mailDirectory });
    const received = await until(() => mailReceived(mail.inboxUrl), (all) => all.length >= followers, 120);
    // Long enough for a mail sent twice to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await kill(second);

    expect(await unreadCounts()).toEqual(people.map(() => 1));
    for (const person of people) expect(await inboxItems(person), person).toBe(1);
    expect(await listed(keys.queuedMails)).toBe(0);
    expect(await listed(keys.pendingEvents)).toBe(0);
    const all = await mailReceived(mail.inboxUrl);
    expect(all.length).toBeGreaterThanOrEqual(received.length);
    const byAddress = Map.groupBy(all, (message) => message.to[0].address);
    expect([...byAddress.keys()].sort()).toEqual(people.map((person) => `${person}@users.localhost`).sort());
    expect([...byAddress].filter(([, messages]) => messages.length !== 1).map(([address]) => address)).toEqual([]);
    await mail.stop();
  });
});

// The notifier in a process of its own, for the fault test to kill: the platform's own code, on a table and a mail
// server the test names in the environment (TABLE_NAME, MAIL_SMTP_URL, …).
//   node tests/support/notifier-process.ts setup <followers>   one agenda change, told to that many followers
//   node tests/support/notifier-process.ts run                 delivers and sends every tenth of a second, until killed
import { ensureTable } from '@collective-actions/functions/local/bootstrap.ts';
import { startNotifier } from '@collective-actions/functions/local/in-process-jobs.ts';
import { createAction } from '@collective-actions/functions/data/actions.ts';
import { dynamo } from '@collective-actions/functions/data/client.ts';
import { follow } from '@collective-actions/functions/data/follows.ts';
import { outboxItem } from '@collective-actions/functions/data/notifications.ts';
import * as settings from '@collective-actions/functions/data/settings.ts';

const [mode, count] = process.argv.slice(2);

if (mode === 'setup') {
  await ensureTable();
  const now = new Date().toISOString();
  const slug = 'fault-action';
  await createAction({ slug, theme: 'integrity', title: { en: 'Fault', fr: 'Panne' }, summary: { en: 'An action of the fault test.', fr: 'Une action du test de panne.' }, workingGroup: null }, now, { seed: { position: 1 } });
  const people = Array.from({ length: Number(count) }, (_, index) => `fault-follower-${index}`);
  for (let start = 0; start < people.length; start += 50) {
    await Promise.all(
      people.slice(start, start + 50).map(async (person) => {
        await settings.recordSignIn({ id: person, email: `${person}@users.localhost`, steward: false }, 'en', now);
        await settings.changeSettings(person, { emails: { 'agenda-item-changed': 'immediately' } }, now);
        await follow({ kind: 'action', id: slug }, person, now);
      }),
    );
  }
  const agendaItem = { id: '01JFAULT000000000000000000', title: 'Coalition call', start: '2031-03-27T11:00', timeZone: 'Europe/Paris', startsAt: '2031-03-27T09:00:00.000Z' };
  await dynamo.transactWrite({ TransactItems: [outboxItem({ kind: 'agenda-item-changed', at: now, actor: 'fault-lead', people: [], action: slug, agendaItem, changes: ['time'] })] });
} else if (mode === 'run') {
  await startNotifier(0.1, (line) => console.log(line));
} else {
  throw new Error(`Unknown mode: ${mode}`);
}

// Reminders: a day before an agenda item starts, the followers of its action who asked for reminders are told (the
// notifier delivers them as any notification). Run every quarter of an hour in AWS, every minute on one machine.
import { agendaBetween, agendaPosition, agendaPositionAfter } from '../data/agenda.ts';
import { remindersAtOnce, remindersWrittenUntil, writeReminders } from '../data/reminders.ts';

/** How long before an item starts its reminder is sent. */
const reminderHours = 24;

/**
 * Writes the reminders of the planned items that start within a day of `at` and were not reached yet, each once: a
 * missed run is caught up by the next, but an item already started is past reminding, and one added or moved to less
 * than a day ahead was just told of. Answers how many reminders were written.
 */
export async function writeDueReminders(at: Date): Promise<number> {
  const until = agendaPositionAfter(new Date(at.getTime() + reminderHours * 3600_000).toISOString());
  const written = await remindersWrittenUntil();
  // Places in the agenda begin with their instant: they compare as text.
  const now = agendaPositionAfter(at.toISOString());
  const after = written !== undefined && written > now ? written : now;
  // A run behind another (a clock late, a retry) has nothing left to do, and must not take the mark back.
  if (until <= after) return 0;
  const items = (await agendaBetween(after, until)).filter((item) => item.status === 'planned');
  let from = written;
  let start = 0;
  do {
    const some = items.slice(start, start + remindersAtOnce);
    start += remindersAtOnce;
    const reached = start >= items.length ? until : agendaPosition(some.at(-1)!);
    await writeReminders(some, from, reached, at.toISOString());
    from = reached;
  } while (start < items.length);
  return items.length;
}

// Who is told what: each event's recipients, and its delivery from the outbox to their inboxes, with the e-mail of
// those who want it at once queued, and what others want in a digest set to wait for it. Run by the notifier (jobs/notify.ts in AWS, every second on one machine).
import * as coalitions from '../data/coalitions.ts';
import * as follows from '../data/follows.ts';
import * as notifications from '../data/notifications.ts';
import * as people from '../data/people.ts';
import * as settingsRecords from '../data/settings.ts';
import { now } from './clock.ts';
import { followAfter } from './follows.ts';
import { sendsMail } from './mail.ts';
import { askedForReminders, mailingOf } from './settings.ts';

/** An organisation's admins. */
const adminsOf = (organisationIds: string[]) => Promise.all(organisationIds.map((id) => people.listPersonIds(id, 'admin'))).then((ids) => ids.flat());

/**
 * The people an event is for, as its kind says, a page at a time: the admins of the coalition's active leads for a
 * request to join; the action's followers for its agenda and its new contributions, and those of them who asked for
 * reminders for a reminder; the theme's followers for a new action; the person added, for an addition to an
 * organisation; the admins of the side told, for what the other side of a cooperation did; the platform's stewards
 * for a reported message; the organisation's admins
 * for anything else; and the people the event names (a contribution's author).
 */
async function* recipientPages(event: notifications.NotificationEvent): AsyncGenerator<string[]> {
  switch (event.kind) {
    case 'join-requested': {
      const members = await coalitions.listMembers(event.action);
      yield adminsOf(members.filter((member) => member.status === 'active' && member.role === 'lead').map((member) => member.organisation.id));
      break;
    }
    case 'contribution-added':
    case 'agenda-item-added':
    case 'agenda-item-changed':
    case 'agenda-item-cancelled':
      yield* follows.followerPages({ kind: 'action', id: event.action });
      break;
    case 'agenda-item-starting':
      for await (const page of follows.followerPages({ kind: 'action', id: event.action })) yield await askedForReminders(page);
      break;
    case 'action-created':
      yield* follows.followerPages({ kind: 'theme', id: event.theme });
      break;
    case 'added-to-organisation':
      break;
    case 'cooperation-proposed':
    case 'cooperation-message':
    case 'cooperation-accepted':
    case 'cooperation-agreed':
    case 'cooperation-declined':
      yield adminsOf([event.cooperation.told]);
      break;
    case 'message-reported':
      yield settingsRecords.listStewards();
      break;
    default:
      yield adminsOf([event.organisation.id]);
  }
  yield event.people;
}

/** How many inboxes are written at once. */
const deliveriesAtOnce = 25;

/**
 * Puts an event in the inbox of each of its recipients (never the person whose act it was), with its e-mail queued for
 * those who want it at once, once however often it runs, after what it makes people follow by default; then takes it
 * off the pending list.
 */
export async function deliverEvent(event: notifications.NotificationEvent): Promise<number> {
  await followAfter(event);
  const told = new Set([event.actor]);
  let delivered = 0;
  for await (const page of recipientPages(event)) {
    const recipients = [...new Set(page)].filter((person) => !told.has(person));
    for (const person of recipients) told.add(person);
    for (let start = 0; start < recipients.length; start += deliveriesAtOnce) {
      const results = await Promise.all(
        recipients
          .slice(start, start + deliveriesAtOnce)
          .map(async (person) => notifications.deliver(person, event, now(), sendsMail() ? await mailingOf(person, event.kind) : undefined)),
      );
      delivered += results.filter(Boolean).length;
    }
  }
  await notifications.markDelivered(event.id, new Date(now()));
  return delivered;
}

/** Delivers every pending event, oldest first: what the table's stream does in AWS, as events are written. */
export async function deliverPending(): Promise<number> {
  let delivered = 0;
  for (const event of await notifications.pendingEvents()) delivered += await deliverEvent(event);
  return delivered;
}

// What the platform says to people, worded once for the site's pages and for e-mail alike (no zod here: the site's
// pages import it as is). The words themselves are the site's messages (its inlang project), in the reader's language.
import type { AgendaItem } from './agenda.ts';
import type { AgendaChange, Notification } from './notifications.ts';
import type { ReportReason } from './cooperations.ts';
import type { OrganisationRole } from './organisations.ts';
import { agendaChanges } from './vocabulary.ts';

/** When an agenda item happens, in its own time zone, in the locale given: dates for all-day items, times with the zone's name otherwise. */
export function formatAgendaTime(item: Pick<AgendaItem, 'start' | 'end' | 'timeZone' | 'startsAt' | 'endsAt'>, locale: string): string {
  if (item.start.length === 10) {
    const day = (date: string) => new Date(`${date}T12:00:00Z`);
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    return item.end && item.end !== item.start ? format.formatRange(day(item.start), day(item.end)) : format.format(day(item.start));
  }
  const format = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: item.timeZone,
    timeZoneName: 'short',
  });
  return item.endsAt ? format.formatRange(new Date(item.startsAt), new Date(item.endsAt)) : format.format(new Date(item.startsAt));
}

type Sentence<Inputs> = (inputs: Inputs) => string;
type About = { organisation: string; action: string };
type AgendaAbout = { title: string; action: string; start: string };

/** The messages a notification is worded with, each already in the reader's language. */
export interface NotificationMessages {
  notification_join_requested: Sentence<About>;
  notification_request_approved: Sentence<About>;
  notification_request_declined: Sentence<About>;
  notification_member_removed: Sentence<About>;
  notification_made_lead: Sentence<About>;
  notification_contribution_added: Sentence<About & { contribution: string }>;
  notification_contribution_hidden: Sentence<About & { contribution: string; reason: string }>;
  notification_contribution_shown: Sentence<About & { contribution: string }>;
  notification_matches_found_offer: Sentence<{ action: string; contribution: string }>;
  notification_matches_found_offers: Sentence<{ action: string; contribution: string; count: string }>;
  notification_matches_found_request: Sentence<{ action: string; contribution: string }>;
  notification_matches_found_requests: Sentence<{ action: string; contribution: string; count: string }>;
  notification_cooperation_proposed: Sentence<About & { contribution: string }>;
  notification_cooperation_message: Sentence<About & { contribution: string }>;
  notification_cooperation_accepted: Sentence<About & { contribution: string }>;
  notification_cooperation_agreed: Sentence<About & { contribution: string }>;
  notification_cooperation_declined: Sentence<About & { contribution: string }>;
  notification_message_reported: Sentence<About & { reason: string }>;
  report_reason_harassment: Sentence<Record<string, never>>;
  report_reason_spam: Sentence<Record<string, never>>;
  report_reason_fraud: Sentence<Record<string, never>>;
  report_reason_other: Sentence<Record<string, never>>;
  notification_agenda_item_added: Sentence<AgendaAbout>;
  notification_agenda_item_changed: Sentence<AgendaAbout & { changes: string }>;
  notification_agenda_item_cancelled: Sentence<AgendaAbout>;
  notification_agenda_item_starting: Sentence<AgendaAbout>;
  notification_added_to_organisation: Sentence<{ organisation: string; role: string }>;
  notification_action_created: Sentence<{ action: string }>;
  agenda_change_time: Sentence<Record<string, never>>;
  agenda_change_place: Sentence<Record<string, never>>;
  agenda_change_link: Sentence<Record<string, never>>;
  agenda_change_status: Sentence<Record<string, never>>;
  role_admin: Sentence<Record<string, never>>;
  role_org_member: Sentence<Record<string, never>>;
}

/** What wording a notification needs besides the messages: the reader's language, an action's title, an item's start. */
export interface NotificationWording {
  messages: NotificationMessages;
  locale: string;
  actionTitle: (slug: string) => string;
  /** When an agenda item starts, where it happens. */
  start: (item: { start: string; timeZone: string; startsAt: string }) => string;
}

const changeMessage = {
  time: 'agenda_change_time',
  place: 'agenda_change_place',
  link: 'agenda_change_link',
  status: 'agenda_change_status',
} as const satisfies Record<AgendaChange, keyof NotificationMessages>;

const agendaMessage = {
  'agenda-item-added': 'notification_agenda_item_added',
  'agenda-item-cancelled': 'notification_agenda_item_cancelled',
  'agenda-item-starting': 'notification_agenda_item_starting',
} as const satisfies Record<string, keyof NotificationMessages>;

const cooperationMessage = {
  'cooperation-proposed': 'notification_cooperation_proposed',
  'cooperation-message': 'notification_cooperation_message',
  'cooperation-accepted': 'notification_cooperation_accepted',
  'cooperation-agreed': 'notification_cooperation_agreed',
  'cooperation-declined': 'notification_cooperation_declined',
} as const satisfies Record<string, keyof NotificationMessages>;

export const reportReasonMessage = {
  harassment: 'report_reason_harassment',
  spam: 'report_reason_spam',
  fraud: 'report_reason_fraud',
  other: 'report_reason_other',
} as const satisfies Record<ReportReason, keyof NotificationMessages>;

const roleMessage = { admin: 'role_admin', member: 'role_org_member' } as const satisfies Record<OrganisationRole, keyof NotificationMessages>;

/** What happened, in a sentence of the reader's language. */
export function notificationSentence(notification: Notification, { messages: m, locale, actionTitle, start }: NotificationWording): string {
  if (notification.kind === 'added-to-organisation') {
    return m.notification_added_to_organisation({ organisation: notification.organisation.name, role: m[roleMessage[notification.role]]({}) });
  }
  const action = actionTitle(notification.action);
  if (notification.kind === 'action-created') return m.notification_action_created({ action });
  if ('agendaItem' in notification) {
    const item = { title: notification.agendaItem.title, action, start: start(notification.agendaItem) };
    if (notification.kind !== 'agenda-item-changed') return m[agendaMessage[notification.kind]](item);
    const changes = new Intl.ListFormat(locale, { type: 'conjunction' }).format(notification.changes.map((change) => m[changeMessage[change]]({})));
    return m.notification_agenda_item_changed({ ...item, changes });
  }
  const about = { organisation: notification.organisation.name, action };
  if ('cooperation' in notification) return m[cooperationMessage[notification.kind]]({ ...about, contribution: notification.contribution.title });
  if (notification.kind === 'message-reported') return m.notification_message_reported({ ...about, reason: m[reportReasonMessage[notification.report.reason]]({}) });
  switch (notification.kind) {
    case 'join-requested':
      return m.notification_join_requested(about);
    case 'request-approved':
      return m.notification_request_approved(about);
    case 'request-declined':
      return m.notification_request_declined(about);
    case 'member-removed':
      return m.notification_member_removed(about);
    case 'made-lead':
      return m.notification_made_lead(about);
    case 'contribution-added':
      return m.notification_contribution_added({ ...about, contribution: notification.contribution.title });
    case 'contribution-hidden':
      return m.notification_contribution_hidden({ ...about, contribution: notification.contribution.title, reason: notification.reason });
    case 'contribution-shown':
      return m.notification_contribution_shown({ ...about, contribution: notification.contribution.title });
    case 'matches-found': {
      const inputs = { action, contribution: notification.contribution.title, count: new Intl.NumberFormat(locale).format(notification.matches) };
      // A request is told of offers, an offer of requests.
      if (notification.contribution.kind === 'request') return notification.matches === 1 ? m.notification_matches_found_offer(inputs) : m.notification_matches_found_offers(inputs);
      return notification.matches === 1 ? m.notification_matches_found_request(inputs) : m.notification_matches_found_requests(inputs);
    }
  }
}

/**
 * The site's page a notification leads to, in the site's base language (the reader's language prefixes it): a request
 * is answered on the coalition's console; a contribution, an agenda item, an organisation are seen on their pages (a
 * cancelled item may be gone: its action's agenda, then), a contribution's matches on its page; anything else on the
 * coalition's page.
 */
export function notificationPath(notification: Notification): string {
  if (notification.kind === 'added-to-organisation') return `/organisations/${notification.organisation.id}`;
  if (notification.kind === 'join-requested') return `/actions/${notification.action}/console`;
  if (notification.kind === 'action-created') return `/actions/${notification.action}`;
  if (notification.kind === 'agenda-item-cancelled') return `/actions/${notification.action}#agenda`;
  if ('agendaItem' in notification) return `/actions/${notification.action}/agenda/${notification.agendaItem.id}`;
  if ('cooperation' in notification) return `/actions/${notification.action}/cooperations/${notification.cooperation.id}`;
  if (notification.kind === 'message-reported') return '/workspace/reports';
  if (notification.kind === 'matches-found') return `/actions/${notification.action}/contributions/${notification.contribution.id}#matches`;
  if ('contribution' in notification) return `/actions/${notification.action}/contributions/${notification.contribution.id}`;
  return `/actions/${notification.action}/coalition`;
}

/** What a notification is about: a digest says each such thing once, as its newest notification left it. */
function subjectOf(notification: object): string {
  const about = notification as {
    action?: string;
    agendaItem?: { id: string };
    cooperation?: { id: string };
    report?: { id: string };
    contribution?: { id: string };
    organisation?: { id: string };
  };
  if (about.cooperation) return `cooperation ${about.cooperation.id}`;
  if (about.report) return `report ${about.report.id}`;
  if (about.agendaItem) return `agenda ${about.agendaItem.id}`;
  if (about.contribution) return `contribution ${about.contribution.id}`;
  if (about.organisation) return `organisation ${about.organisation.id} in ${about.action ?? '-'}`;
  return `action ${about.action}`;
}

/**
 * One thing's newest notification, told with what came before it in the same digest: an item added then changed is
 * new (as it now stands), and the changes of an item changed twice are both told.
 */
function asItNowStands<N extends Pick<Notification, 'kind'>>(before: N | undefined, newest: N): N {
  if (before?.kind === 'agenda-item-added' && newest.kind === 'agenda-item-changed') {
    const { changes: _, ...added } = newest as N & { changes: unknown };
    return { ...added, kind: 'agenda-item-added' } as unknown as N;
  }
  if (before?.kind === 'agenda-item-changed' && newest.kind === 'agenda-item-changed') {
    const changes = new Set([...(before as N & { changes: string[] }).changes, ...(newest as N & { changes: string[] }).changes]);
    return { ...newest, changes: agendaChanges.filter((change) => changes.has(change)) };
  }
  return newest;
}

/** A digest's notifications of one kind, newest first. */
export interface DigestKindSection<N> {
  kind: Notification['kind'];
  notifications: N[];
}

/** A digest's notifications about one action (none for those about an organisation alone), by kind. */
export interface DigestSection<N> {
  action: string | undefined;
  kinds: Array<DigestKindSection<N>>;
}

/**
 * A digest's notifications grouped by action, then by kind, newest change first, each thing once: a meeting changed
 * three times appears once, as its newest notification says it now stands.
 */
export function digestSections<N extends Pick<Notification, 'kind' | 'at' | 'id'>>(notifications: N[]): Array<DigestSection<N>> {
  const newest = new Map<string, N>();
  const byAge = [...notifications].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at)));
  for (const notification of byAge) {
    const subject = subjectOf(notification);
    const before = newest.get(subject);
    // Deleted first, so that the map's order is the order of each thing's newest notification.
    newest.delete(subject);
    newest.set(subject, asItNowStands(before, notification));
  }
  const sections = new Map<string | undefined, Map<Notification['kind'], N[]>>();
  for (const notification of [...newest.values()].reverse()) {
    const action = 'action' in notification ? (notification.action as string) : undefined;
    if (!sections.has(action)) sections.set(action, new Map());
    const kinds = sections.get(action)!;
    kinds.set(notification.kind, [...(kinds.get(notification.kind) ?? []), notification]);
  }
  return [...sections].map(([action, kinds]) => ({ action, kinds: [...kinds].map(([kind, items]) => ({ kind, notifications: items })) }));
}

/**
 * The start of a text, for a list: its first `length` characters or so on one line, cut after a word (unless the word
 * is most of it), with an ellipsis when cut.
 */
export function excerpt(text: string, length = 200): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length + 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > length / 2 ? cut.slice(0, end) : flat.slice(0, length)).replace(/[\s.,;:!?—–-]+$/u, '')}…`;
}

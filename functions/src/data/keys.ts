// Every key string of the table: the only module that knows how items are addressed.
import type { OrganisationKind } from '@collective-actions/shared';
import { tableDefinition, type IndexName } from './table.ts';

const position = (n: number) => String(n).padStart(6, '0');

/** A name as the directory orders and finds it: without accents or case. */
const directoryName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Organisation directory order: name without accents or case, then the id to break ties. */
export const directorySortKey = (name: string, id: string) => `${directoryName(name)}#${id}`;

/** The directory's sort keys of the names that start with `prefix`, whatever their accents or case (both bounds included). */
export const directoryRange = (prefix: string) => ({ from: directoryName(prefix), to: `${directoryName(prefix)}\u{10FFFF}` });

/** A change-feed entry: the instant first, then what finds the record again (its sort key prefix, id and action). */
const change = (at: string, type: 'CONTRIBUTION' | 'AGENDA' | 'HISTORY' | 'COOPERATION', slug: string, id: string) => ({
  GSI5PK: 'CHANGES',
  GSI5SK: `${at}#${type}#${id}#${slug}`,
});

const contributionListing = (slug: string, id: string, kind: OrganisationKind, country: string, createdAt: string) => ({
  ...change(createdAt, 'CONTRIBUTION', slug, id),
  GSI1PK: `ACTION#${slug}#CONTRIBUTIONS`,
  GSI1SK: id,
  GSI2PK: `ACTION#${slug}#CONTRIBUTIONS#KIND#${kind}`,
  GSI2SK: id,
  GSI3PK: `ACTION#${slug}#CONTRIBUTIONS#COUNTRY#${country}`,
  GSI3SK: id,
});

const outboxSortKey = 'OUTBOX';

/** A partition of an index, to query. */
const inIndex = (index: IndexName, partition: string) => ({ index, partition });

export const keys = {
  seedMarker: { PK: 'META', SK: 'SEED' },
  actionSequence: { PK: 'META', SK: 'ACTION_SEQUENCE' },

  theme: (id: string) => ({ PK: `THEME#${id}`, SK: 'THEME' }),
  themeListing: (n: number) => ({ GSI1PK: 'THEMES', GSI1SK: position(n) }),
  themes: inIndex('GSI1', 'THEMES'),

  action: (slug: string) => ({ PK: `ACTION#${slug}`, SK: 'ACTION' }),
  /** The partition holding an action, its contributions, tallies, coalition, history and agenda. */
  actionPartition: (slug: string) => `ACTION#${slug}`,
  actionListing: (n: number, theme: string) => ({
    GSI1PK: 'ACTIONS',
    GSI1SK: position(n),
    GSI2PK: `ACTIONS#THEME#${theme}`,
    GSI2SK: position(n),
  }),
  actions: inIndex('GSI1', 'ACTIONS'),
  actionsOfTheme: (theme: string) => inIndex('GSI2', `ACTIONS#THEME#${theme}`),

  contribution: (slug: string, id: string) => ({ PK: `ACTION#${slug}`, SK: `CONTRIBUTION#${id}` }),
  contributionPrefix: 'CONTRIBUTION#',
  /** Index entries of a published contribution, its change-feed entry included; withdrawing or hiding removes them, so these lists hold public records only. */
  contributionListing,
  /** The attributes of those entries, which withdrawing or hiding a contribution removes. */
  contributionListingAttributes: Object.keys(contributionListing('', '', 'civil-society', '', '')),
  contributionsOfAction: (slug: string) => inIndex('GSI1', `ACTION#${slug}#CONTRIBUTIONS`),
  contributionsOfActionByKind: (slug: string, kind: OrganisationKind) => inIndex('GSI2', `ACTION#${slug}#CONTRIBUTIONS#KIND#${kind}`),
  contributionsOfActionByCountry: (slug: string, country: string) => inIndex('GSI3', `ACTION#${slug}#CONTRIBUTIONS#COUNTRY#${country}`),
  /** Every contribution of an organisation, whatever its status, in the order of their ids; the slug finds each again from a cursor. */
  contributionOwner: (organisationId: string, id: string, slug: string) => ({
    GSI4PK: `ORGANISATION#${organisationId}#CONTRIBUTIONS`,
    GSI4SK: `${id}#${slug}`,
  }),
  contributionAtOwnerPosition: (sortKey: string) => {
    const [id, slug] = sortKey.split('#');
    return { PK: `ACTION#${slug}`, SK: `CONTRIBUTION#${id}` };
  },
  contributionsOfOrganisation: (organisationId: string) => inIndex('GSI4', `ORGANISATION#${organisationId}#CONTRIBUTIONS`),
  /** Contributions hidden by moderation leave the public lists above for this one. */
  hiddenContributionListing: (slug: string, id: string) => ({ GSI1PK: `ACTION#${slug}#CONTRIBUTIONS#HIDDEN`, GSI1SK: id }),
  hiddenContributionsOfAction: (slug: string) => inIndex('GSI1', `ACTION#${slug}#CONTRIBUTIONS#HIDDEN`),
  /** How many public contributions an organisation has on an action. */
  contributorTally: (slug: string, organisationId: string) => ({ PK: `ACTION#${slug}`, SK: `CONTRIBUTOR#${organisationId}` }),
  contributorTallyPrefix: 'CONTRIBUTOR#',
  /** The organisation a tally counts, from the tally's sort key. */
  tallyOrganisation: (sortKey: string) => sortKey.slice('CONTRIBUTOR#'.length),

  /** An organisation's place in an action's coalition, whatever its status; the action's partition holds them all. */
  coalitionMember: (slug: string, organisationId: string) => ({ PK: `ACTION#${slug}`, SK: `MEMBER#${organisationId}` }),
  coalitionMemberPrefix: 'MEMBER#',
  coalitionMemberOwner: (organisationId: string, slug: string) => ({
    GSI4PK: `ORGANISATION#${organisationId}#COALITIONS`,
    GSI4SK: slug,
  }),
  coalitionsOfOrganisation: (organisationId: string) => inIndex('GSI4', `ORGANISATION#${organisationId}#COALITIONS`),

  membershipEvent: (slug: string, id: string) => ({ PK: `ACTION#${slug}`, SK: `HISTORY#${id}` }),
  membershipEventListing: (slug: string, id: string, at: string) => ({ GSI1PK: `ACTION#${slug}#HISTORY`, GSI1SK: id, ...change(at, 'HISTORY', slug, id) }),
  historyOfAction: (slug: string) => inIndex('GSI1', `ACTION#${slug}#HISTORY`),

  agendaItem: (slug: string, id: string) => ({ PK: `ACTION#${slug}`, SK: `AGENDA#${id}` }),
  agendaItemPrefix: 'AGENDA#',
  /** Chronological: the start instant (UTC), then the id; the slug last, to find the item again from a cursor. */
  agendaPlace: (slug: string, startsAt: string, id: string) => `${startsAt}#${id}#${slug}`,
  agendaListing: (slug: string, startsAt: string, id: string) => ({
    GSI1PK: `ACTION#${slug}#AGENDA`,
    GSI1SK: keys.agendaPlace(slug, startsAt, id),
    GSI2PK: 'AGENDA',
    GSI2SK: keys.agendaPlace(slug, startsAt, id),
  }),
  agendaItemAt: (sortKey: string) => {
    const [, id, slug] = sortKey.split('#');
    return { PK: `ACTION#${slug}`, SK: `AGENDA#${id}` };
  },
  /** The change-feed entry of an agenda item, from when it was added; deleting the item removes it. */
  agendaChange: (slug: string, id: string, createdAt: string) => change(createdAt, 'AGENDA', slug, id),
  agendaOfAction: (slug: string) => inIndex('GSI1', `ACTION#${slug}#AGENDA`),
  agenda: inIndex('GSI2', 'AGENDA'),

  /** The change feed: public contributions, coalition events, agenda items and agreed cooperations, by when they happened. */
  changes: inIndex('GSI5', 'CHANGES'),
  changeAt: (sortKey: string) => {
    const [, type, id, slug] = sortKey.split('#');
    return { PK: `ACTION#${slug}`, SK: `${type}#${id}` };
  },

  organisation: (id: string) => ({ PK: `ORGANISATION#${id}`, SK: 'ORGANISATION' }),
  organisationListing: (sortKey: string, kind: OrganisationKind, country: string) => ({
    GSI1PK: 'ORGANISATIONS',
    GSI1SK: sortKey,
    GSI2PK: `ORGANISATIONS#KIND#${kind}`,
    GSI2SK: sortKey,
    GSI3PK: `ORGANISATIONS#COUNTRY#${country}`,
    GSI3SK: sortKey,
  }),
  organisations: inIndex('GSI1', 'ORGANISATIONS'),
  organisationsOfKind: (kind: OrganisationKind) => inIndex('GSI2', `ORGANISATIONS#KIND#${kind}`),
  organisationsOfCountry: (country: string) => inIndex('GSI3', `ORGANISATIONS#COUNTRY#${country}`),
  /** The public history of an organisation's verification, newest first by id. */
  organisationEvent: (organisationId: string, id: string) => ({ PK: `ORGANISATION#${organisationId}`, SK: `HISTORY#${id}` }),
  organisationEventListing: (organisationId: string, id: string) => ({ GSI1PK: `ORGANISATION#${organisationId}#HISTORY`, GSI1SK: id }),
  historyOfOrganisation: (organisationId: string) => inIndex('GSI1', `ORGANISATION#${organisationId}#HISTORY`),
  /** An organisation waiting for a steward's verification, in the stewards' queue from when it started waiting. */
  verificationRequest: (organisationId: string) => ({ PK: `ORGANISATION#${organisationId}`, SK: 'VERIFICATION' }),
  verificationRequestListing: (organisationId: string, since: string) => ({ GSI1PK: 'VERIFICATIONS', GSI1SK: `${since}#${organisationId}` }),
  verificationRequests: inIndex('GSI1', 'VERIFICATIONS'),
  verificationRequestAt: (sortKey: string) => ({ PK: `ORGANISATION#${sortKey.slice(-26)}`, SK: 'VERIFICATION' }),
  /** The partition holding an organisation, its people and its invitations. */
  organisationPartition: (id: string) => `ORGANISATION#${id}`,

  membership: (organisationId: string, personId: string) => ({
    PK: `ORGANISATION#${organisationId}`,
    SK: `PERSON#${personId}`,
  }),
  membershipOwner: (organisationId: string, personId: string) => ({
    GSI4PK: `PERSON#${personId}`,
    GSI4SK: `ORGANISATION#${organisationId}`,
  }),
  membershipsOfPerson: (personId: string) => inIndex('GSI4', `PERSON#${personId}`),
  membershipPrefix: 'PERSON#',

  invitation: (organisationId: string, email: string) => ({
    PK: `ORGANISATION#${organisationId}`,
    SK: `INVITATION#${email}`,
  }),
  invitationOwner: (organisationId: string, email: string) => ({
    GSI4PK: `INVITATION#${email}`,
    GSI4SK: `ORGANISATION#${organisationId}`,
  }),
  invitationsOfEmail: (email: string) => inIndex('GSI4', `INVITATION#${email}`),
  invitationPrefix: 'INVITATION#',

  /** A cooperation between two organisations on a contribution of the action, whatever its status. */
  cooperation: (slug: string, id: string) => ({ PK: `ACTION#${slug}`, SK: `COOPERATION#${id}` }),
  cooperationPrefix: 'COOPERATION#',
  /**
   * Index entries of a cooperation both organisations agreed to: its action's list (by proposal, newest first), the
   * platform's list of its status (by when it came to it), and the change feed (from when it was agreed); a cooperation
   * proposed or declined has none.
   */
  cooperationListing: (slug: string, id: string, status: string, since: string, agreedAt: string) => ({
    GSI1PK: `ACTION#${slug}#COOPERATIONS`,
    GSI1SK: id,
    GSI2PK: `COOPERATIONS#${status}`,
    GSI2SK: `${since}#${id}#${slug}`,
    ...change(agreedAt, 'COOPERATION', slug, id),
  }),
  cooperationsOfAction: (slug: string) => inIndex('GSI1', `ACTION#${slug}#COOPERATIONS`),
  cooperationsOfStatus: (status: string) => inIndex('GSI2', `COOPERATIONS#${status}`),
  cooperationAtStatusPosition: (sortKey: string) => {
    const [, id, slug] = sortKey.split('#');
    return { PK: `ACTION#${slug}`, SK: `COOPERATION#${id}` };
  },
  /** Each side's entry of a cooperation, which lists it among its organisation's, newest first; the slug finds it from a cursor. */
  cooperationParty: (slug: string, id: string, organisationId: string) => ({
    PK: `ACTION#${slug}`,
    SK: `COOPERATION-PARTY#${id}#${organisationId}`,
    GSI4PK: `ORGANISATION#${organisationId}#COOPERATIONS`,
    GSI4SK: `${id}#${slug}`,
  }),
  cooperationPartyAt: (organisationId: string, sortKey: string) => {
    const [id, slug] = sortKey.split('#');
    return { PK: `ACTION#${slug}`, SK: `COOPERATION-PARTY#${id}#${organisationId}` };
  },
  cooperationsOfOrganisation: (organisationId: string) => inIndex('GSI4', `ORGANISATION#${organisationId}#COOPERATIONS`),
  /** A public progress update on a cooperation (or a contribution) of the action, listed newest first. */
  progressUpdate: (slug: string, subjectId: string, id: string) => ({ PK: `ACTION#${slug}`, SK: `UPDATE#${subjectId}#${id}` }),
  progressUpdatePrefix: 'UPDATE#',
  progressUpdateListing: (slug: string, subjectId: string, id: string) => ({ GSI1PK: `ACTION#${slug}#UPDATES#${subjectId}`, GSI1SK: id }),
  progressUpdatesOf: (slug: string, subjectId: string) => inIndex('GSI1', `ACTION#${slug}#UPDATES#${subjectId}`),
  /** The one cooperation an organisation may have proposed on a contribution until it is declined: it holds its id. */
  openProposal: (slug: string, contributionId: string, organisationId: string) => ({ PK: `ACTION#${slug}`, SK: `COOPERATION-OPEN#${contributionId}#${organisationId}` }),
  /** An organisation blocked by another, in a partition of the blocker's that nothing published reads. */
  block: (organisationId: string, blockedId: string) => ({ PK: `BLOCKS#${organisationId}`, SK: blockedId }),
  blocksPartition: (organisationId: string) => `BLOCKS#${organisationId}`,
  /** A message of a cooperation's thread, in a partition of its own, which nothing published reads; listed newest first. */
  threadMessage: (cooperationId: string, id: string) => ({ PK: `THREAD#${cooperationId}`, SK: `MESSAGE#${id}` }),
  threadMessageListing: (cooperationId: string, id: string) => ({ GSI1PK: `THREAD#${cooperationId}`, GSI1SK: id }),
  thread: (cooperationId: string) => inIndex('GSI1', `THREAD#${cooperationId}`),
  /**
   * A message reported to the stewards, by the message's id (a message is reported once), in a partition nothing
   * published reads; in the stewards' queue by status: open ones from when they were reported, decided ones from when.
   */
  messageReport: (messageId: string) => ({ PK: `REPORT#${messageId}`, SK: 'REPORT' }),
  reportListing: (status: string, since: string, messageId: string) => ({ GSI1PK: `REPORTS#${status}`, GSI1SK: `${since}#${messageId}` }),
  reports: (status: string) => inIndex('GSI1', `REPORTS#${status}`),
  reportAt: (sortKey: string) => ({ PK: `REPORT#${sortKey.slice(-26)}`, SK: 'REPORT' }),
  /** A platform steward, as they last signed in: told of reports. */
  steward: (personId: string) => ({ PK: 'STEWARDS', SK: personId }),
  stewardsPartition: 'STEWARDS',

  /** A bucket of the write throttle (a caller's or an organisation's), in a partition the snapshot's stream leaves out. */
  throttleBucket: (subject: string) => ({ PK: tableDefinition.throttlePartition, SK: subject }),
  /** An access token signed out before it expired (by its id, `jti`). */
  revokedToken: (tokenId: string) => ({ PK: tableDefinition.revokedPartition, SK: tokenId }),

  /** An event to notify people of, written with the change it tells of; listed as pending until it is delivered. */
  outboxEvent: (id: string) => ({ PK: `EVENT#${id}`, SK: outboxSortKey }),
  /** The sort key of every outbox item, by which the notifier's stream filter knows one. */
  outboxSortKey,
  pendingEventListing: (id: string) => ({ GSI1PK: 'OUTBOX#PENDING', GSI1SK: id }),
  pendingEvents: inIndex('GSI1', 'OUTBOX#PENDING'),

  /** A notification in a person's inbox (its id is its event's), listed newest first, and among the unread until read. */
  notification: (personId: string, id: string) => ({ PK: `INBOX#${personId}`, SK: `NOTIFICATION#${id}` }),
  notificationListing: (personId: string, id: string) => ({ GSI1PK: `INBOX#${personId}`, GSI1SK: id }),
  unreadListing: (personId: string, id: string) => ({ GSI2PK: `INBOX#${personId}#UNREAD`, GSI2SK: id }),
  inbox: (personId: string) => inIndex('GSI1', `INBOX#${personId}`),
  unread: (personId: string) => inIndex('GSI2', `INBOX#${personId}#UNREAD`),
  /** How many of a person's notifications are unread. */
  unreadCounter: (personId: string) => ({ PK: `INBOX#${personId}`, SK: 'UNREAD' }),

  /**
   * A person's choice about an action or a theme: following it, or not following it any more. Coalition members
   * follow their actions by default; a choice, once made, is theirs and stays. Only followers are listed.
   */
  follow: (followed: string, personId: string) => ({ PK: `FOLLOW#${followed}`, SK: `PERSON#${personId}` }),
  /** What is followed, in the keys of its follows: an action, or a theme (whose followers hear of its new actions). */
  followed: { action: (slug: string) => `ACTION#${slug}`, theme: (id: string) => `THEME#${id}` },
  /** The partition of the follows of one thing, and their count. */
  followPartition: (followed: string) => `FOLLOW#${followed}`,
  followPrefix: 'PERSON#',
  followerListing: (followed: string, personId: string) => ({ GSI1PK: `FOLLOW#${followed}`, GSI1SK: personId }),
  followers: (followed: string) => inIndex('GSI1', `FOLLOW#${followed}`),
  /** How many people follow one thing. */
  followerCounter: (followed: string) => ({ PK: `FOLLOW#${followed}`, SK: 'COUNT' }),

  /** A person's settings, with the verified address and name they last signed in with. */
  personSettings: (personId: string) => ({ PK: `PERSON#${personId}`, SK: 'SETTINGS' }),

  /** An e-mail of a notification to one person, queued (and listed, oldest first) until it is sent. */
  queuedMail: (eventId: string, personId: string) => ({ PK: `MAIL#${eventId}`, SK: `PERSON#${personId}` }),
  queuedMailListing: (eventId: string, personId: string) => ({ GSI1PK: 'MAIL#QUEUED', GSI1SK: `${eventId}#${personId}` }),
  queuedMails: inIndex('GSI1', 'MAIL#QUEUED'),

  /** An address the platform no longer e-mails: it bounced for good, or its owner marked a mail as spam. */
  suppressedAddress: (address: string) => ({ PK: `SUPPRESSED#${address.toLowerCase()}`, SK: 'ADDRESS' }),

  /** A notification waiting for a person's daily or weekly digest, in the order it happened. */
  digestItem: (personId: string, frequency: string, at: string, eventId: string) => ({ PK: `DIGEST#${frequency}#${personId}`, SK: `${at}#${eventId}` }),
  digestItemsPartition: (personId: string, frequency: string) => `DIGEST#${frequency}#${personId}`,
  /** A person's digest of one frequency: how many notifications wait for it, and up to when it was sent; listed while any wait. */
  digest: (personId: string, frequency: string) => ({ PK: `PERSON#${personId}`, SK: `DIGEST#${frequency}` }),
  digestListing: (personId: string, frequency: string) => ({ GSI1PK: `DIGEST#${frequency}`, GSI1SK: personId }),
  digestsWaiting: (frequency: string) => inIndex('GSI1', `DIGEST#${frequency}`),

  /** How far in the agenda of all actions the reminders have been written: the place after the last item reminded of. */
  remindersWritten: { PK: 'REMINDERS', SK: 'WRITTEN' },

  /** How far the weekly notices of new matches have been written: the week, and the last contribution told in it. */
  matchNoticesWritten: { PK: 'MATCH-NOTICES', SK: 'WRITTEN' },

  /**
   * The partitions whose writes may change what the open-data snapshot publishes (actions and what they hold, themes,
   * organisations), by the start of their key: the snapshot is rebuilt for no other (inboxes, follows, mail, digests,
   * settings, idempotency records, throttle buckets).
   */
  publishedPartitionPrefixes: ['ACTION#', 'THEME#', 'ORGANISATION#'],

  platformStats: { PK: 'STATS', SK: 'PLATFORM' },
  countryStats: (country: string) => ({ PK: 'STATS', SK: `COUNTRY#${country}` }),
  statsPartition: 'STATS',
  countryStatsPrefix: 'COUNTRY#',
} as const;
